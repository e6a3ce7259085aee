import { Fragment } from "react";
import type { HandlingTimes as Figures } from "../../contracts/cases";
import { DAYS_RULE, INDICATORS, type IndicatorId, SHARE_RULE } from "../../domain/indicators/definitions";
import { api, type HandlingTimesFilter, handlingTimesExportUrl } from "../api";
import { Count, DisclosureNote, Num, Share } from "../components/StatsCells";
import { StatsFilterForm, useStatsReport, useStatsScope } from "../components/StatsFilter";
import { formatDateTime, useLang } from "../i18n";

type Outcome = Figures["utredning"]["all"]["within4Months"];
type Days = Pick<Figures["skyddsbedomning"]["all"], "medianDays" | "meanDays" | "p90Days">;
type ByGender<T> = { all: T; pojke: T; flicka: T; other: T };

/** One indicator's row: its figures for all, boys and girls, and the days of "all". */
interface Row {
  id: IndicatorId;
  outcome: ByGender<Outcome>;
  days: Days;
}

function rows(data: Figures): Row[] {
  const pick = <T,>(
    by: ByGender<{ within4Months: T; within4MonthsOrExtended: T }>,
    k: "within4Months" | "within4MonthsOrExtended",
  ) => ({
    all: by.all[k],
    pojke: by.pojke[k],
    flicka: by.flicka[k],
    other: by.other[k],
  });
  return [
    { id: "skyddsbedomning", outcome: data.skyddsbedomning, days: data.skyddsbedomning.all },
    { id: "forhandsbedomning", outcome: data.forhandsbedomning, days: data.forhandsbedomning.all },
    { id: "utredningWithin4Months", outcome: pick(data.utredning, "within4Months"), days: data.utredning.all },
    {
      id: "utredningWithin4MonthsOrExtended",
      outcome: pick(data.utredning, "within4MonthsOrExtended"),
      days: data.utredning.all,
    },
  ];
}

const COLUMNS = 10;

/**
 * Handling times per district, unit and period (default: the last twelve months): each indicator
 * with its definition beside it (domain/indicators/definitions.ts), boys and girls apart, pending
 * items apart from the share, every figure as the disclosure module published it ("–" when hidden).
 */
export function HandlingTimes() {
  const { t, lang } = useLang();
  const report = useStatsReport<HandlingTimesFilter, Figures>((f) => api.handlingTimes(f));
  const { filter, data } = report;
  const { districts, units } = useStatsScope(filter.districtId);
  const name = (id: IndicatorId) => INDICATORS[id].name[lang];
  const definition = (id: IndicatorId) => INDICATORS[id].definition[lang];

  return (
    <>
      <h1>{t("navStats")}</h1>
      <StatsFilterForm report={report} districts={districts} units={units} />
      {data && (
        <section className="card" aria-labelledby="ht-heading">
          <h2 id="ht-heading">
            {data.from} – {data.to}: <Count value={data.reports.all} /> {t("htReports")} (<Count value={data.reports.pojke} />{" "}
            {t("htBoys").toLowerCase()}, <Count value={data.reports.flicka} /> {t("htGirls").toLowerCase()}),{" "}
            <Count value={data.utredning.all.investigations} /> {t("htInvestigations")}
          </h2>
          <p className="hint">
            {t("htAsOf")} {formatDateTime(data.asOf, lang)}.
          </p>
          <p className="hint" id="ht-share-rule">
            <strong>{SHARE_RULE.name[lang]}:</strong> {SHARE_RULE.definition[lang]} <strong>{DAYS_RULE.name[lang]}:</strong>{" "}
            {DAYS_RULE.definition[lang]}
          </p>
          {/* Wide: the wrapper scrolls, so it is a labelled region a keyboard can reach. */}
          <div className="table-wrap" role="region" aria-label={t("navStats")} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("navStats")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("htMeasure")}</th>
                  <th scope="col">{t("htShare")}</th>
                  <th scope="col">{t("htBoys")}</th>
                  <th scope="col">{t("htGirls")}</th>
                  <th scope="col">{t("htWithinOfSettled")}</th>
                  <th scope="col">{t("htOverdue")}</th>
                  <th scope="col">{t("htPending")}</th>
                  <th scope="col">{t("htMedian")}</th>
                  <th scope="col">{t("htMean")}</th>
                  <th scope="col">{t("htP90")}</th>
                </tr>
              </thead>
              <tbody>
                {rows(data).map(({ id, outcome, days }) => (
                  <Fragment key={id}>
                    <tr>
                      <th scope="row" aria-describedby={`ht-def-${id} ht-share-rule`}>
                        {name(id)}
                      </th>
                      <td>
                        <Share value={outcome.all.share} />
                      </td>
                      <td>
                        <Share value={outcome.pojke.share} />
                      </td>
                      <td>
                        <Share value={outcome.flicka.share} />
                      </td>
                      <td>
                        <Count value={outcome.all.within} /> / <Count value={outcome.all.settled} />
                      </td>
                      <td>
                        <Count value={outcome.all.overdue} />
                      </td>
                      <td>
                        <Count value={outcome.all.pending} />
                      </td>
                      <td>
                        <Num value={days.medianDays} />
                      </td>
                      <td>
                        <Num value={days.meanDays} />
                      </td>
                      <td>
                        <Num value={days.p90Days} />
                      </td>
                    </tr>
                    <tr>
                      <td colSpan={COLUMNS} className="hint" id={`ht-def-${id}`}>
                        {definition(id)}
                      </td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <dl>
            <dt>{t("htLateExtensions")}</dt>
            <dd>
              <Count value={data.utredning.all.lateExtensions} />
            </dd>
            <dt>{name("linkedToOngoingInvestigation")}</dt>
            <dd>
              <Count value={data.linkedToOngoingInvestigation} />
              <p className="hint">{definition("linkedToOngoingInvestigation")}</p>
            </dd>
            <dt>{name("reReferrals")}</dt>
            <dd>
              <Count value={data.reReferrals} /> (<Share value={data.reReferralShare} />)
              <p className="hint">{definition("reReferrals")}</p>
            </dd>
          </dl>
          <DisclosureNote disclosure={data.disclosure} id="ht-disclosure" />
          <p>
            {t("htDownload")}: <a href={handlingTimesExportUrl(filter, "xlsx")}>XLSX</a> ·{" "}
            <a href={handlingTimesExportUrl(filter, "csv")}>CSV</a>
          </p>
        </section>
      )}
    </>
  );
}
