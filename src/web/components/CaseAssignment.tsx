import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { useLang } from "../i18n";
import { type CaseloadItem, caseApi } from "./CaseApi";
import { FormError, useSubmit } from "./CaseFormParts";
import { SelectField } from "./Field";

type Org = z.infer<typeof organisationResponse>;

/**
 * The handläggare that can take a case of a district: GET /api/caseload lists every active
 * handläggare (per unit) in the enhetschef's districts; the organisation maps units to districts.
 */
export function useCaseload() {
  const [caseload, setCaseload] = useState<CaseloadItem[] | null>(null);
  const reload = useCallback(async () => {
    try {
      setCaseload((await caseApi.caseload()).items);
    } catch {
      setCaseload([]);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { caseload, reload };
}

/** The handläggare (per unit) of the caseload who work in the district. */
export function assignableIn(caseload: CaseloadItem[] | null, districtId: string, org: Org | null): CaseloadItem[] | null {
  if (!caseload) return null;
  if (!org) return caseload;
  return caseload.filter((c) => org.units.find((u) => u.id === c.unitId)?.districtId === districtId);
}

const key = (o: { userId: string; unitId: string }) => `${o.userId}|${o.unitId}`;

/** Select a handläggare (and unit) and assign: PUT /api/cases/:id/assignment. */
export function CaseAssignControl({
  caseId,
  options,
  current,
  onChanged,
  compact = false,
  context,
}: {
  caseId: string;
  /** From assignableIn(); null while loading. */
  options: CaseloadItem[] | null;
  current: { userId: string | null; unitId: string | null };
  onChanged: () => Promise<void> | void;
  compact?: boolean;
  /** Added to the control's label for assistive technology, e.g. the person's name in a table. */
  context?: string;
}) {
  const { t } = useLang();
  const [value, setValue] = useState(current.userId && current.unitId ? `${current.userId}|${current.unitId}` : "");
  const { busy, error, run } = useSubmit();
  return (
    <div className={compact ? "assign compact" : "assign"}>
      <FormError error={error} />
      <form
        className="inline-form"
        aria-label={context ? `${t("assign")}: ${context}` : t("assign")}
        onSubmit={(e) => {
          e.preventDefault();
          const [userId, unitId] = value.split("|");
          if (userId) void run(() => caseApi.assign(caseId, { userId, unitId }), onChanged);
        }}
      >
        <SelectField
          label={context ? `${t("caseWorker")} (${context})` : t("caseWorker")}
          value={value}
          onChange={setValue}
          error={error?.fieldMessage("userId")}
          required
        >
          <option value="">{options ? t("choose") : t("loading")}</option>
          {(options ?? []).map((o) => (
            <option key={key(o)} value={key(o)}>
              {o.name} — {o.unitName} ({o.open} {t("openCasesShort")})
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={busy || !value}>
          {t("assign")}
        </button>
      </form>
    </div>
  );
}
