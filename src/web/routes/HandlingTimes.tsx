import type { HandlingTimes as Figures } from "../../contracts/cases";
import { api, type HandlingTimesFilter, handlingTimesExportUrl } from "../api";
import { StatsFilterForm, useStatsReport, useStatsScope } from "../components/StatsFilter";
import { formatShare, useLang } from "../i18n";

const num = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

/** Handling times per district, unit and period (default: the last twelve months), boys and girls apart. */
export function HandlingTimes() {
  const { t, lang } = useLang();
  const report = useStatsReport<HandlingTimesFilter, Figures>((f) => api.handlingTimes(f));
  const { filter, data } = report;
  const { districts, units } = useStatsScope(filter.districtId);
  const rows = data
    ? ([
        [t("htSkydd"), data.skyddsbedomningWithin24h],
        [t("htForhands"), data.forhandsbedomningWithin14d],
        [t("htUtredning"), data.utredningWithin4mOrExtended],
      ] as const)
    : [];

  return (
    <>
      <h1>{t("navStats")}</h1>
      <StatsFilterForm report={report} districts={districts} units={units} />
      {data && (
        <section className="card" aria-labelledby="ht-heading">
          <h2 id="ht-heading">
            {data.from} – {data.to}: {data.reports.all} {t("htReports")} ({data.reports.pojke} {t("htBoys").toLowerCase()},{" "}
            {data.reports.flicka} {t("htGirls").toLowerCase()})
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("navStats")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("htMeasure")}</th>
                  <th scope="col">{t("all")}</th>
                  <th scope="col">{t("htBoys")}</th>
                  <th scope="col">{t("htGirls")}</th>
                  <th scope="col">{t("htMedian")}</th>
                  <th scope="col">{t("htP90")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, m]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      {formatShare(m.all.share, lang)} ({m.all.withinLimit}/{m.all.total})
                    </td>
                    <td>{formatShare(m.pojke.share, lang)}</td>
                    <td>{formatShare(m.flicka.share, lang)}</td>
                    <td>{num(m.all.medianDays)}</td>
                    <td>{num(m.all.p90Days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t("htLinked")}: {data.linkedToOngoingInvestigation}. {t("htReReferrals")}: {data.reReferrals} (
            {formatShare(data.reReferralRate, lang)}).
          </p>
          <p>
            {t("htDownload")}: <a href={handlingTimesExportUrl(filter, "xlsx")}>XLSX</a> ·{" "}
            <a href={handlingTimesExportUrl(filter, "csv")}>CSV</a>
          </p>
        </section>
      )}
    </>
  );
}
