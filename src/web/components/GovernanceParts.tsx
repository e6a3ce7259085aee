import { useEffect, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { REVIEW_STATE_LABELS } from "../../domain/governance/labels";
import type { ReviewState } from "../../domain/governance/styrdokument";
import type { Label } from "../../domain/interventions/vocabulary";
import { type Permission, roleHasPermission } from "../../domain/roles";
import { api } from "../api";
import { useAuth } from "../auth";
import { type Lang, useLang } from "../i18n";

/* Small pieces the styrdokument, loggkontroll and internkontrollplan pages share. */

/** A vocabulary's options in the page's language, for selects and checkbox groups. */
export function optionsOf<K extends string>(labels: Record<K, Label>, lang: Lang): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value][lang] }));
}

/** A word of a vocabulary, or the code itself when unknown (a newer server). */
export function word(labels: Record<string, Label>, code: string | null | undefined, lang: Lang): string {
  if (!code) return "—";
  return labels[code]?.[lang] ?? code;
}

/** The review state as icon and word, never colour alone. */
export function ReviewStateText({ state }: { state: ReviewState }) {
  const { lang } = useLang();
  const [icon, css] =
    state === "overdue"
      ? ["⚠", "state-overdue"]
      : state === "due" || state === "due_soon"
        ? ["△", "state-due_soon"]
        : state === "ok"
          ? ["✓", "state-met"]
          : ["–", ""];
  return (
    <span className={`state ${css}`}>
      <span aria-hidden="true">{icon} </span>
      {REVIEW_STATE_LABELS[state][lang]}
    </span>
  );
}

/** The districts where the signed-in user holds a role granting the permission, with their names. */
export function useDistrictsWith(permission: Permission): { id: string; name: string }[] {
  const { me } = useAuth();
  const seen = new Map<string, string>();
  for (const a of me?.assignments ?? []) if (roleHasPermission(a.role, permission)) seen.set(a.districtId, a.districtName);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}

type Org = z.infer<typeof organisationResponse>;
/** District names by id, from the organisation (readable by everyone). */
export function useDistrictNames(): (id: string) => string {
  const [org, setOrg] = useState<Org | null>(null);
  useEffect(() => {
    api
      .organisation()
      .then(setOrg)
      .catch(() => setOrg(null));
  }, []);
  return (id: string) => org?.districts.find((d) => d.id === id)?.name ?? "—";
}

/** Bytes as "1,2 MB" / "340 kB". */
export function formatBytes(n: number, lang: Lang): string {
  const f = (v: number) => new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 }).format(v);
  return n >= 1024 * 1024 ? `${f(n / 1024 / 1024)} MB` : `${f(Math.max(1, n / 1024))} kB`;
}
