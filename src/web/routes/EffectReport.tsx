import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import type { effectFigures, effectGroup, outcomeFigures } from "../../contracts/effects";
import { type CohenBenchmark, cohenBenchmark } from "../../domain/effects/effect-size";
import { RESPONDENT_LABELS } from "../../domain/effects/vocabulary";
import { ApiError, api } from "../api";
import { useAuth } from "../auth";
import { PROVIDER_UNIT_KINDS } from "../components/CaseInsatser";
import { Alert, SelectField } from "../components/Field";
import { type CatalogueEntry, insatsApi } from "../components/InsatsApi";
import { ScrollTable } from "../components/InsatsParts";
import { type EffectQuery, effectExportUrl, isuApi, type EffectReport as Report, type UnitResults } from "../components/IsuApi";
import { Count, DisclosureNote, Num, Share, Suppressed } from "../components/StatsCells";
import { InsatsStatsFilterForm, useStatsReport } from "../components/StatsFilter";
import { fill, formatNumber, type Lang, type TextKey, useLang } from "../i18n";

// recharts is big: the charts come in their own chunk, fetched when the page has data to draw.
const EffectCharts = lazy(() => import("../components/EffectCharts"));

type Figures = z.infer<typeof effectFigures>;
type Outcomes = z.infer<typeof outcomeFigures>;
type Group = z.infer<typeof effectGroup>;
type GenderKey = "all" | "pojke" | "flicka";

/** Hedges' g_z with its interval: "0,45 (0,12–0,78)". */
export function formatEffect(f: Pick<Figures, "g" | "ciLow" | "ciHigh">, lang: Lang): string | null {
  if (f.g === null) return null;
  const g = formatNumber(f.g, lang, 2, true);
  if (f.ciLow === null || f.ciHigh === null) return g;
  return `${g} (${formatNumber(f.ciLow, lang, 2, true)}–${formatNumber(f.ciHigh, lang, 2, true)})`;
}

const BENCHMARK_KEYS: Record<CohenBenchmark, TextKey> = {
  negligible: "efBenchNegligible",
  small: "efBenchSmall",
  medium: "efBenchMedium",
  large: "efBenchLarge",
};

/** Hedges' g_av with Cohen's word for it: "0,52 (medelstor)". Only g_av gets a word; g_z never does. */
export function formatEffectAv(gAv: number | null, lang: Lang, word: (key: TextKey) => string): string | null {
  if (gAv === null) return null;
  return `${formatNumber(gAv, lang, 2, true)} (${word(BENCHMARK_KEYS[cohenBenchmark(gAv)])})`;
}

/**
 * Effects of the insatser (/statistik/effekter): ISU outcomes for the nämnd and the unit, every
 * figure as the server's disclosure control published it ("–" for hidden, never 0).
 */
export function EffectReport() {
  const { t } = useLang();
  const { can } = useAuth();
  const report = useStatsReport<EffectQuery, Report>((q) => isuApi.effects(q));
  const { filter, data } = report;

  return (
    <>
      <h1>{t("efTitle")}</h1>
      <p>{t("efIntro")}</p>
      <InsatsStatsFilterForm report={report} />
      {data && (
        <>
          <DisclosureNote disclosure={data.disclosure} id="ef-suppression" />
          <MissingNote data={data} />
          <KeyOutcomes data={data} filter={filter} />
          {/* The charts come first: what a nämnd member reads at a glance; the tables below hold the same figures. */}
          <section className="card" aria-labelledby="ef-charts">
            <h2 id="ef-charts">{t("efCharts")}</h2>
            <Suspense fallback={<p role="status">{t("sbChartsLoading")}</p>}>
              <EffectCharts data={data} />
            </Suspense>
          </section>
          <ScaleTable data={data} />
          <InsatsTables data={data} />
          <AgeTable data={data} />
        </>
      )}
      {can("insats:read") && <PerYoungPerson filter={filter} />}
    </>
  );
}

/** The missing-data note, visible at the top: how many ended insatser lack an end rating. */
function MissingNote({ data }: { data: Report }) {
  const { t } = useLang();
  const o = data.total.all.outcomes;
  // A hidden count is a dash here too, never a 0 (and not "fewer than 5": a large one may be hidden to protect another).
  const hidden = "–";
  return (
    <section className="card ef-missing" aria-labelledby="ef-missing">
      <h2 id="ef-missing">{t("efMissingHeading")}</h2>
      <p>
        <strong>
          {fill(t("efMissingNote"), {
            n: o.ended === null ? hidden : String(o.ended),
            m: o.withoutEndRating === null ? hidden : String(o.withoutEndRating),
          })}
        </strong>{" "}
        {t("efMissingExplain")}
      </p>
    </section>
  );
}

type OutcomeRow = { key: string; label: TextKey; cell: (o: Outcomes) => ReactNode };
const OUTCOME_ROWS: OutcomeRow[] = [
  { key: "ended", label: "efEnded", cell: (o) => <Count value={o.ended} /> },
  { key: "without", label: "efWithoutEnd", cell: (o) => <Count value={o.withoutEndRating} /> },
  { key: "goals", label: "efGoalsReached", cell: (o) => <Share value={o.goalsReachedShare} /> },
  { key: "gas", label: "efGasT", cell: (o) => <Num value={o.meanGasTScore} /> },
  { key: "sent", label: "efSurveySent", cell: (o) => <Count value={o.surveySent} /> },
  { key: "rate", label: "efResponseRate", cell: (o) => <Share value={o.responseRate} /> },
  { key: "satisfaction", label: "efSatisfaction", cell: (o) => <Num value={o.satisfactionMean} /> },
  { key: "rereferral", label: "efReReferral", cell: (o) => <Share value={o.reReferralShare} /> },
  { key: "pending", label: "efReReferralPending", cell: (o) => <Count value={o.reReferralPending} /> },
];

function KeyOutcomes({ data, filter }: { data: Report; filter: EffectQuery }) {
  const { t } = useLang();
  const groups: [GenderKey, TextKey][] = [
    ["all", "efAll"],
    ["pojke", "htBoys"],
    ["flicka", "htGirls"],
  ];
  return (
    <section className="card" aria-labelledby="ef-outcomes">
      <h2 id="ef-outcomes">
        {t("efKeyOutcomes")}, {data.from} – {data.to}
      </h2>
      <ScrollTable label={t("efKeyOutcomes")}>
        <table aria-describedby="ef-suppression">
          <caption className="visually-hidden">{t("efKeyOutcomes")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("htMeasure")}</th>
              {groups.map(([k, label]) => (
                <th scope="col" key={k} className="num">
                  {t(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {OUTCOME_ROWS.map((r) => (
              <tr key={r.key}>
                <th scope="row">{t(r.label)}</th>
                {groups.map(([k]) => (
                  <td key={k} className="num">
                    {r.cell(data.total[k].outcomes)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="hint">{t("efOutcomesHint")}</p>
      <p>
        {t("htDownload")}: <a href={effectExportUrl(filter, "pdf")}>{t("sbExportPdf")}</a> ·{" "}
        <a href={effectExportUrl(filter, "xlsx")}>{t("sbExportXlsx")}</a>
      </p>
    </section>
  );
}

const scaleKey = (f: Pick<Figures, "scaleId" | "respondent">) => `${f.scaleId}:${f.respondent}`;

/** The cells every scale row starts with: pairs, before → after, g_z, g_av, share improved. */
function ScaleCells({ f }: { f: Figures }) {
  return (
    <>
      <td className="num">
        <Count value={f.n} />
      </td>
      <td className="num">
        <BeforeAfter f={f} />
      </td>
      <td className="num">
        <Effect f={f} />
      </td>
      <td className="num">
        <EffectAv f={f} />
      </td>
      <td className="num">
        <Share value={f.shareImproved} />
      </td>
    </>
  );
}

/** "Skala (Den unga)". */
function ScaleName({ f }: { f: Figures }) {
  const { t, lang } = useLang();
  return (
    <>
      {f.scaleName} <span className="hint">({RESPONDENT_LABELS[f.respondent][lang]})</span>
      <span className="visually-hidden">, {t(f.higherIsBetter ? "efHigherBetter" : "efLowerBetter")}</span>
    </>
  );
}

function BeforeAfter({ f }: { f: Figures }) {
  const { t, lang } = useLang();
  if (f.meanBefore === null || f.meanAfter === null) return <Suppressed />;
  return (
    <>
      {formatNumber(f.meanBefore, lang, 1, true)} <span aria-hidden="true">→</span>
      <span className="visually-hidden"> {t("efTo")} </span> {formatNumber(f.meanAfter, lang, 1, true)}
    </>
  );
}

function Effect({ f }: { f: Figures }) {
  const { lang } = useLang();
  const text = formatEffect(f, lang);
  return text === null ? <Suppressed /> : <span className="nowrap">{text}</span>;
}

function EffectAv({ f }: { f: Figures }) {
  const { t, lang } = useLang();
  const text = formatEffectAv(f.gAv, lang, t);
  return text === null ? <Suppressed /> : <span className="nowrap">{text}</span>;
}

/** Per scale × respondent, for everyone or boys or girls. */
function ScaleTable({ data }: { data: Report }) {
  const { t } = useLang();
  const [group, setGroup] = useState<GenderKey>("all");
  const rows = data.total[group].scales;
  const title = t("efByScale");
  return (
    <section className="card" aria-labelledby="ef-scales">
      <h2 id="ef-scales">{title}</h2>
      <p className="hint" id="ef-g-hint">
        {t("efGHint")}
      </p>
      <div className="inline-form">
        <SelectField label={t("efShowFor")} value={group} onChange={(v) => setGroup(v as GenderKey)}>
          <option value="all">{t("efAll")}</option>
          <option value="pojke">{t("htBoys")}</option>
          <option value="flicka">{t("htGirls")}</option>
        </SelectField>
      </div>
      {rows.length === 0 ? (
        <p>{t("noData")}</p>
      ) : (
        <ScrollTable label={title}>
          <table aria-describedby="ef-g-hint ef-suppression">
            <caption className="visually-hidden">
              {title}, {t(group === "all" ? "efAll" : group === "pojke" ? "htBoys" : "htGirls")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("efScale")}</th>
                <th scope="col" className="num">
                  {t("efPairs")}
                </th>
                <th scope="col" className="num">
                  {t("efBeforeAfter")}
                </th>
                <th scope="col" className="num">
                  {t("efEffectSize")}
                </th>
                <th scope="col" className="num">
                  {t("efEffectSizeAv")}
                </th>
                <th scope="col" className="num">
                  {t("efImproved")}
                </th>
                <th scope="col" className="num">
                  {t("efUnchanged")}
                </th>
                <th scope="col" className="num">
                  {t("efDeteriorated")}
                </th>
                <th scope="col" className="num">
                  {t("efMissingEnd")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={scaleKey(f)}>
                  <th scope="row">
                    <ScaleName f={f} />
                  </th>
                  <ScaleCells f={f} />
                  <td className="num">
                    <Share value={f.shareUnchanged} />
                  </td>
                  <td className="num">
                    <Share value={f.shareDeteriorated} />
                  </td>
                  <td className="num">
                    <Count value={f.missingEnd} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function AvradsMarker() {
  const { t } = useLang();
  return (
    <span className="state state-overdue">
      {" "}
      <span aria-hidden="true">⚠ </span>
      {t("efAvrads")}
    </span>
  );
}

/** Per insats: the outcomes, then the effect per scale grouped under each insats. */
function InsatsTables({ data }: { data: Report }) {
  const { t } = useLang();
  const title = t("efByInsats");
  const scalesTitle = t("efByInsatsScales");
  return (
    <section className="card" aria-labelledby="ef-insats">
      <h2 id="ef-insats">{title}</h2>
      {data.byInsats.length === 0 ? (
        <p>{t("noData")}</p>
      ) : (
        <>
          <ScrollTable label={title}>
            <table aria-describedby="ef-suppression">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("insats")}</th>
                  <th scope="col" className="num">
                    {t("efEnded")}
                  </th>
                  <th scope="col" className="num">
                    {t("efWithoutEnd")}
                  </th>
                  <th scope="col" className="num">
                    {t("efGoalsReached")}
                  </th>
                  <th scope="col" className="num">
                    {t("efSatisfaction")}
                  </th>
                  <th scope="col" className="num">
                    {t("efReReferral")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byInsats.map((r) => (
                  <tr key={r.catalogueId}>
                    <th scope="row">
                      {r.name}
                      {r.evidenceStatus === "avrads" && <AvradsMarker />}
                    </th>
                    <td className="num">
                      <Count value={r.all.outcomes.ended} />
                    </td>
                    <td className="num">
                      <Count value={r.all.outcomes.withoutEndRating} />
                    </td>
                    <td className="num">
                      <Share value={r.all.outcomes.goalsReachedShare} />
                    </td>
                    <td className="num">
                      <Num value={r.all.outcomes.satisfactionMean} />
                    </td>
                    <td className="num">
                      <Share value={r.all.outcomes.reReferralShare} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <h3 id="ef-insats-scales">{scalesTitle}</h3>
          <ScrollTable label={scalesTitle}>
            <table aria-describedby="ef-g-hint ef-suppression" className="ef-grouped">
              <caption className="visually-hidden">{scalesTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("efScale")}</th>
                  <th scope="col" className="num">
                    {t("efPairs")}
                  </th>
                  <th scope="col" className="num">
                    {t("efBeforeAfter")}
                  </th>
                  <th scope="col" className="num">
                    {t("efEffectSize")}
                  </th>
                  <th scope="col" className="num">
                    {t("efEffectSizeAv")}
                  </th>
                  <th scope="col" className="num">
                    {t("efImproved")}
                  </th>
                  <th scope="col" className="num">
                    {t("efDeteriorated")}
                  </th>
                </tr>
              </thead>
              {data.byInsats.map((r) => (
                <tbody key={r.catalogueId}>
                  <tr className="ef-group-row">
                    <th scope="rowgroup" colSpan={7}>
                      {r.name}
                      {r.evidenceStatus === "avrads" && <AvradsMarker />}
                    </th>
                  </tr>
                  {/* Scales without a single start/end pair for this insats say nothing: left out. */}
                  {r.all.scales.every((f) => f.n === 0) ? (
                    <tr>
                      <td colSpan={7}>{t("efNoScales")}</td>
                    </tr>
                  ) : (
                    r.all.scales
                      .filter((f) => f.n !== 0)
                      .map((f) => (
                        <tr key={scaleKey(f)}>
                          <th scope="row" className="ef-indent">
                            <ScaleName f={f} />
                          </th>
                          <ScaleCells f={f} />
                          <td className="num">
                            <Share value={f.shareDeteriorated} />
                          </td>
                        </tr>
                      ))
                  )}
                </tbody>
              ))}
            </table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

function AgeTable({ data }: { data: Report }) {
  const { t } = useLang();
  const title = t("efByAgeGroup");
  const rows: { key: string; name: string; g: Group }[] = data.total.byAgeGroup.map((r) => ({
    key: r.ageGroup,
    name: `${r.ageGroup} ${t("sbYears")}`,
    g: r,
  }));
  const cols = OUTCOME_ROWS.filter((c) => c.key !== "sent" && c.key !== "pending");
  return (
    <section className="card" aria-labelledby="ef-age">
      <h2 id="ef-age">{title}</h2>
      {rows.length === 0 ? (
        <p>{t("noData")}</p>
      ) : (
        <ScrollTable label={title}>
          <table aria-describedby="ef-suppression">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sbAgeGroup")}</th>
                {cols.map((c) => (
                  <th scope="col" key={c.key} className="num">
                    {t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  {cols.map((c) => (
                    <td key={c.key} className="num">
                      {c.cell(r.g.outcomes)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("sbTotal")}</th>
                {cols.map((c) => (
                  <td key={c.key} className="num">
                    {c.cell(data.total.all.outcomes)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

const CHANGE_CLASS_KEYS = {
  improved: "efClassImproved",
  unchanged: "efClassUnchanged",
  deteriorated: "efClassDeteriorated",
} as const;

/** The unit's drill-down per young person: personal data, fetched on request and logged by the server. */
function PerYoungPerson({ filter }: { filter: EffectQuery }) {
  const { t, lang } = useLang();
  const [data, setData] = useState<UnitResults | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      setData(
        await isuApi.unitResults({ from: filter.from, to: filter.to, ...(filter.unitId ? { unitId: filter.unitId } : {}) }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("error"));
    } finally {
      setLoading(false);
    }
  }

  const title = t("efPerPerson");
  return (
    <section className="card" aria-labelledby="ef-person">
      <h2 id="ef-person">{title}</h2>
      <p>{t("efPerPersonIntro")}</p>
      <div className="button-row">
        <button type="button" onClick={() => void load()} disabled={loading}>
          {data ? t("efPerPersonReload") : t("efPerPersonLoad")}
        </button>
      </div>
      {loading && <p role="status">{t("loading")}</p>}
      {error && <Alert kind="error">{error}</Alert>}
      {data && data.rows.length === 0 && <p>{t("noData")}</p>}
      {data && data.rows.length > 0 && (
        <ScrollTable label={title}>
          <table>
            <caption className="visually-hidden">
              {title}, {data.from} – {data.to}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("insats")}</th>
                <th scope="col">{t("sbProviderUnit")}</th>
                <th scope="col">{t("efStart")}</th>
                <th scope="col">{t("efEnd")}</th>
                <th scope="col">{t("efChange")}</th>
                <th scope="col" className="num">
                  {t("efGoals")}
                </th>
                <th scope="col" className="num">
                  {t("efSatisfaction")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.insatsId}>
                  <th scope="row">
                    <Link to={`/insatser/${r.insatsId}`}>{r.personName}</Link>
                    {r.missingEnd && (
                      <span className="state state-overdue ef-block">
                        <span aria-hidden="true">! </span>
                        {t("efMissingEndMarker")}
                      </span>
                    )}
                  </th>
                  <td>{r.insatsName}</td>
                  <td>{r.providerUnitName}</td>
                  <td className="nowrap">{r.startedOn}</td>
                  <td className="nowrap">{r.endedOn ?? t("efOngoing")}</td>
                  <td>
                    {r.changes.length === 0 ? (
                      t("efNoChanges")
                    ) : (
                      <ul className="ef-changes">
                        {r.changes.map((c) => (
                          <li key={`${c.scaleId}:${c.respondent}`}>
                            {c.scaleName} <span className="hint">({RESPONDENT_LABELS[c.respondent][lang]})</span>:{" "}
                            <span className="nowrap">
                              {formatNumber(c.before, lang)} <span aria-hidden="true">→</span>
                              <span className="visually-hidden"> {t("efTo")} </span> {formatNumber(c.after, lang)}
                            </span>
                            {c.changeClass && ` (${t(CHANGE_CLASS_KEYS[c.changeClass])})`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">{r.goals.assessed === 0 ? "—" : `${r.goals.reached}/${r.goals.assessed}`}</td>
                  <td className="num">{r.satisfactionMean === null ? "—" : formatNumber(r.satisfactionMean, lang, 1, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
