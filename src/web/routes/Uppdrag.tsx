import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { FormError } from "../components/CaseFormParts";
import { type InsatsSummary, insatsApi } from "../components/InsatsApi";
import { dash, IvoFlag, PlanStateText } from "../components/InsatsParts";
import { useLang } from "../i18n";

/** The provider's worklist (/uppdrag): running uppdrag of the user's units (case staff: their districts'). */
export function Uppdrag() {
  const { t } = useLang();
  const [items, setItems] = useState<InsatsSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    insatsApi
      .uppdrag()
      .then((r) => setItems(r.items))
      .catch((e) => setError(asApiError(e, t("error"))));
  }, [t]);

  const planMissing = items?.filter((i) => i.planState === "missing").length ?? 0;
  const notStarted = items?.filter((i) => i.startedOn === null).length ?? 0;
  return (
    <>
      <h1>{t("navUppdrag")}</h1>
      <p>{t("insUppdragIntro")}</p>
      <FormError error={error} />
      {items === null && !error && <p role="status">{t("loading")}</p>}
      {items && (
        <section className="card" aria-labelledby="uppdrag-heading">
          <h2 id="uppdrag-heading">{t("insRunningUppdrag")}</h2>
          <ul className="counts">
            <li>
              <span className={planMissing > 0 ? "state state-overdue" : "state"}>
                {planMissing > 0 && <span aria-hidden="true">⚠ </span>}
                {t("insPlanMissingCount")}: {planMissing}
              </span>
            </li>
            <li>
              <span className="state">
                {t("insNotStartedCount")}: {notStarted}
              </span>
            </li>
            <li>
              {t("total")}: {items.length}
            </li>
          </ul>
          {items.length === 0 ? (
            <p>{t("insNoUppdrag")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("insRunningUppdrag")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("person")}</th>
                    <th scope="col">{t("insats")}</th>
                    <th scope="col">{t("insProviderUnit")}</th>
                    <th scope="col">{t("insDecidedOn")}</th>
                    <th scope="col">{t("insStartedOn")}</th>
                    <th scope="col">{t("insPlan")}</th>
                    <th scope="col">{t("insNextFollowUp")}</th>
                    <th scope="col">{t("insIvo")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.personName}</th>
                      <td>
                        <Link to={`/insatser/${i.id}`}>
                          {i.catalogue.name}
                          <span className="visually-hidden"> – {i.personName}</span>
                        </Link>
                      </td>
                      <td>{i.providerUnitName}</td>
                      <td>{i.decidedOn}</td>
                      <td>{i.startedOn ?? t("insNotStarted")}</td>
                      <td>
                        <PlanStateText state={i.planState} />
                      </td>
                      <td>{dash(i.nextFollowUp)}</td>
                      <td>
                        <IvoFlag reportable={i.ivoReportable} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
