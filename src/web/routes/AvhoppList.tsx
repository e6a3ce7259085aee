import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { AvhoppListRow } from "../../contracts/avhopp";
import { AVHOPP_PHASES, CUSTODY } from "../../domain/avhopp/process";
import { asApiError } from "../components/CaseApi";
import { avhoppApi } from "../components/CaseAvhopp";
import { Alert, SelectField } from "../components/Field";
import { useLang } from "../i18n";
import { AV_CUSTODY_LABELS, AV_PHASE_LABELS, avLabel } from "../texts/avhopp";

type Status = "running" | "ended" | "all";

/** /avhopp: the avhopp processes of the user's districts, filtered by status, stage and custody. */
export function AvhoppList() {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<Status>("running");
  const [phase, setPhase] = useState("");
  const [custody, setCustody] = useState("");
  const [rows, setRows] = useState<AvhoppListRow[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState("");
  const load = useCallback(
    async (after?: string) => {
      try {
        const page = await avhoppApi.district({
          status,
          ...(phase ? { phase: phase as (typeof AVHOPP_PHASES)[number] } : {}),
          ...(custody ? { custody: custody as (typeof CUSTODY)[number] } : {}),
          ...(after ? { cursor: after } : {}),
        });
        setRows((prev) => (after ? [...(prev ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError("");
      } catch (e) {
        setError(asApiError(e, t("error")).message);
      }
    },
    [status, phase, custody, t],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <h1>{t("avListTitle")}</h1>
      <p className="hint">{t("avListIntro")}</p>
      <section className="card" aria-labelledby="avhopp-filter-heading">
        <h2 id="avhopp-filter-heading">{t("avFilter")}</h2>
        <div className="grid-form">
          <SelectField label={t("avStatus")} value={status} onChange={(v) => setStatus(v as Status)}>
            <option value="running">{t("avStatusRunning")}</option>
            <option value="ended">{t("avStatusEnded")}</option>
            <option value="all">{t("avStatusAll")}</option>
          </SelectField>
          <SelectField label={t("avPhase")} value={phase} onChange={setPhase}>
            <option value="">{t("avAll")}</option>
            {AVHOPP_PHASES.map((p) => (
              <option key={p} value={p}>
                {avLabel(AV_PHASE_LABELS, p, lang)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("avCustody")} value={custody} onChange={setCustody}>
            <option value="">{t("avAll")}</option>
            {CUSTODY.map((c) => (
              <option key={c} value={c}>
                {avLabel(AV_CUSTODY_LABELS, c, lang)}
              </option>
            ))}
          </SelectField>
        </div>
      </section>
      {error && <Alert kind="error">{error}</Alert>}
      {rows === null && !error && <p role="status">{t("loading")}</p>}
      {rows?.length === 0 && <p>{t("avNoProcesses")}</p>}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t("avListTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("avPerson")}</th>
                <th scope="col">{t("avContactOn")}</th>
                <th scope="col">{t("avAgeAtStart")}</th>
                <th scope="col">{t("avCustody")}</th>
                <th scope="col">{t("avPhase")}</th>
                <th scope="col">{t("avNextFollowUp")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/arenden/${r.caseId}`}>{r.personName}</Link>
                  </td>
                  <td>{r.contactOn}</td>
                  <td>{r.ageAtStart}</td>
                  <td>{avLabel(AV_CUSTODY_LABELS, r.custody, lang)}</td>
                  <td>
                    {r.endedOn
                      ? `${avLabel(AV_PHASE_LABELS, r.phase, lang)} ${r.endedOn}`
                      : avLabel(AV_PHASE_LABELS, r.phase, lang)}
                  </td>
                  <td>{r.nextFollowUpOn ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" onClick={() => void load(cursor)}>
          {t("showMore")}
        </button>
      )}
    </>
  );
}
