import { DEVIATION_KIND_LABELS, LEX_SARAH_LABELS } from "../../domain/deviations/vocabulary";
import { deviationApi, type DeviationStats as Figures } from "../components/DeviationApi";
import { Count, DisclosureNote } from "../components/StatsCells";
import { type PeriodFilter, StatsFilterForm, useStatsReport, useStatsScope } from "../components/StatsFilter";
import { useLang } from "../i18n";

/**
 * Avvikelser in figures (/statistik/avvikelser): per kind, unit and month, and along the lex Sarah
 * path. Counts only, as the disclosure module published them ("–" when hidden), never free text.
 */
export function DeviationStats() {
  const { t, lang } = useLang();
  const report = useStatsReport<PeriodFilter, Figures>((f) => deviationApi.statistics({ ...f }));
  const { filter, data } = report;
  const { districts, units } = useStatsScope(filter.districtId);
  return (
    <>
      <h1>{t("dvStatsTitle")}</h1>
      <p>{t("dvStatsIntro")}</p>
      <StatsFilterForm report={report} districts={districts} units={units} />
      {data && (
        <>
          <section className="card" aria-labelledby="dvs-total">
            <h2 id="dvs-total">
              {data.from} – {data.to}: <Count value={data.total} /> {t("dvStatsTotal").toLowerCase()}
            </h2>
            <DisclosureNote disclosure={data.disclosure} id="dvs-disclosure" />
          </section>
          <div className="chart-pair">
            <CountTable
              id="dvs-lex"
              title={t("dvStatsLex")}
              head={t("dvLexFilter")}
              rows={[
                { key: "none", name: t("dvStatsOrdinary"), count: data.lexSarah.none },
                { key: "lex", name: t("dvStatsLexTotal"), count: data.lexSarah.lexSarah },
                { key: "mf", name: `– ${LEX_SARAH_LABELS.missforhallande[lang]}`, count: data.lexSarah.missforhallande },
                { key: "risk", name: `– ${LEX_SARAH_LABELS.risk[lang]}`, count: data.lexSarah.risk },
                { key: "serious", name: `– ${t("dvStatsSerious")}`, count: data.lexSarah.serious },
                { key: "not", name: `– ${t("dvStatsNotSerious")}`, count: data.lexSarah.notSerious },
              ]}
            />
            <CountTable
              id="dvs-kind"
              title={t("dvStatsByKind")}
              head={t("dvKindShort")}
              rows={data.byKind.map((k) => ({ key: k.kind, name: DEVIATION_KIND_LABELS[k.kind][lang], count: k.count }))}
            />
            <CountTable
              id="dvs-unit"
              title={t("dvStatsByUnit")}
              head={t("unit")}
              rows={data.byUnit.map((u) => ({ key: u.unitId, name: u.unitName, count: u.count }))}
            />
            <CountTable
              id="dvs-month"
              title={t("dvStatsByMonth")}
              head={t("dvMonth")}
              rows={data.byMonth.map((m) => ({ key: m.month, name: m.month, count: m.count }))}
            />
          </div>
        </>
      )}
    </>
  );
}

function CountTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string;
  rows: { key: string; name: string; count: number | null }[];
}) {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">{t("dvStatsCount")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td className="num">
                  <Count value={r.count} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
