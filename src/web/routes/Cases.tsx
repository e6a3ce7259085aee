import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { asApiError, type CaseListItem, caseApi } from "../components/CaseApi";
import { FormError } from "../components/CaseFormParts";
import { CaseTable } from "../components/CaseTable";
import { SelectField } from "../components/Field";
import { useLang } from "../i18n";

/** Mina ärenden: the user's cases by default, or every case in scope, open or closed. */
export function Cases() {
  const { t } = useLang();
  const { me } = useAuth();
  const [assignedTo, setAssignedTo] = useState(me?.roles.includes("handlaggare") ? "me" : "any");
  const [status, setStatus] = useState("open");
  const [items, setItems] = useState<CaseListItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setError(null);
      try {
        const res = await caseApi.list({ assignedTo, status, limit: 50, cursor });
        setItems((prev) => (cursor ? [...(prev ?? []), ...res.items] : res.items));
        setNext(res.nextCursor);
      } catch (e) {
        setError(asApiError(e, t("error")));
      }
    },
    [assignedTo, status, t],
  );
  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);

  return (
    <>
      <h1>{assignedTo === "me" ? t("navMyCases") : t("cases")}</h1>
      <section className="card" aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t("filter")}</h2>
        <div className="inline-form">
          <SelectField label={t("caseWorker")} value={assignedTo} onChange={setAssignedTo}>
            <option value="me">{t("assignedMe")}</option>
            <option value="any">{t("all")}</option>
            <option value="none">{t("unassigned")}</option>
          </SelectField>
          <SelectField label={t("status")} value={status} onChange={setStatus}>
            <option value="open">{t("open")}</option>
            <option value="closed">{t("closed")}</option>
            <option value="all">{t("all")}</option>
          </SelectField>
        </div>
        <FormError error={error} />
        {!items && !error && <p role="status">{t("loading")}</p>}
        {items && items.length === 0 && <p role="status">{t("noCases")}</p>}
        {items && items.length > 0 && <CaseTable items={items} caption={t("cases")} />}
        {next && (
          <button type="button" className="secondary" onClick={() => void load(next)}>
            {t("showMore")}
          </button>
        )}
      </section>
    </>
  );
}
