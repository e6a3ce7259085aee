import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { auditRow, verifyResponse } from "../../contracts/audit";
import { ApiError, api } from "../api";
import { useAuth } from "../auth";
import { AuditTable } from "../components/AuditTable";
import { Alert, Field } from "../components/Field";
import { useLang } from "../i18n";

type Row = z.infer<typeof auditRow>;

/** The audit log: for one person (who has read them) or searched by user, action and period. */
export function AuditLog() {
  const { id: personId } = useParams();
  const { t } = useLang();
  const { can } = useAuth();
  const [filters, setFilters] = useState({ userId: "", action: "", category: "", from: "", to: "" });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chain, setChain] = useState<z.infer<typeof verifyResponse> | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setError(null);
      try {
        const res = await api.audit({ personId, ...filters, cursor });
        setRows((prev) => (cursor ? [...(prev ?? []), ...res.items] : res.items));
        setNext(res.nextCursor);
      } catch (e) {
        setError(e instanceof ApiError ? e.message : t("error"));
      }
    },
    [personId, filters, t],
  );

  useEffect(() => {
    void load();
  }, [personId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load();
  };
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value });
  const personName = rows?.find((r) => r.personName)?.personName;

  return (
    <>
      <h1>{personId ? `${t("whoRead")}${personName ? ` — ${personName}` : ""}` : t("navAudit")}</h1>
      {personId && (
        <p>
          <Link to={`/personer/${personId}`}>← {t("person")}</Link>
        </p>
      )}
      <section className="card" aria-label={t("filter")}>
        <form className="inline-form" onSubmit={submit}>
          {!personId && <Field label={`${t("user")} (id)`} value={filters.userId} onChange={set("userId")} />}
          <Field label={t("action")} value={filters.action} onChange={set("action")} />
          <div className="field checkbox">
            <input
              id="security-only"
              type="checkbox"
              checked={filters.category === "security"}
              onChange={(e) => setFilters({ ...filters, category: e.target.checked ? "security" : "" })}
            />
            <label htmlFor="security-only">{t("securityEventsOnly")}</label>
          </div>
          <Field label={t("from")} type="date" value={filters.from} onChange={set("from")} />
          <Field label={t("to")} type="date" value={filters.to} onChange={set("to")} />
          <button type="submit">{t("filter")}</button>
        </form>
        {can("audit:verify") && !personId && (
          <p>
            <button type="button" className="secondary" onClick={() => void api.verifyAudit().then(setChain)}>
              {t("verifyChain")}
            </button>
          </p>
        )}
        {chain && (
          <Alert kind={chain.intact ? "success" : "error"}>
            {chain.intact
              ? `${t("chainIntact")}: ${chain.checked} ${t("rowsChecked")}.`
              : `${t("chainBroken")} ${chain.firstBrokenId} (${chain.checked} ${t("rowsChecked")}).`}
          </Alert>
        )}
      </section>
      {error && <Alert kind="error">{error}</Alert>}
      {rows && <AuditTable rows={rows} caption={t("navAudit")} />}
      {next && (
        <button type="button" className="secondary" onClick={() => void load(next)}>
          {t("showMore")}
        </button>
      )}
    </>
  );
}
