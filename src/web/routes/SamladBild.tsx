import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { addCalendarDays } from "../../domain/clocks";
import { stockholmToday } from "../../domain/time";
import { api } from "../api";
import { PROVIDER_UNIT_KINDS } from "../components/CaseInsatser";
import { Alert, SelectField } from "../components/Field";
import {
  type CatalogueEntry,
  insatsApi,
  type SamladBild as Report,
  type SamladBildFigures,
  type SamladBildQuery,
  samladBildExportUrl,
} from "../components/InsatsApi";
import { ScrollTable } from "../components/InsatsParts";
import type { QuarterPoint } from "../components/SamladBildCharts";
import { Count, DisclosureNote, Share, Suppressed } from "../components/StatsCells";
import { InsatsStatsFilterForm, useStatsReport } from "../components/StatsFilter";
import { formatNumber, formatShare, type TextKey, useLang } from "../i18n";

// recharts is big: the charts come in their own chunk, fetched when the page has data to draw.
const SamladBildCharts = lazy(() => import("../components/SamladBildCharts"));

/** Socialstyrelsen's indicator: an insats should start within 42 days of the decision. */
const INDICATOR_DAYS = 42;

type FigureKey = keyof SamladBildFigures;
type Column = { key: string; label: TextKey; cell: (row: Row) => ReactNode };
type Row = { all: SamladBildFigures; pojke?: SamladBildFigures; flicka?: SamladBildFigures };

/** The quarters (newest last) whose last one holds `day`. */
function lastQuarters(day: string, count: number): { year: number; quarter: number }[] {
  let year = Number(day.slice(0, 4));
  let quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const out: { year: number; quarter: number }[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift({ year, quarter });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + 3)}-01`;
  return { from: `${year}-${pad(firstMonth)}-01`, to: addCalendarDays(nextStart, -1) };
}

function Days({ value }: { value: number | null }) {
  const { lang } = useLang();
  if (value === null) return <Suppressed />;
  return <>{formatNumber(value, lang)}</>;
}

const count = (key: FigureKey, label: TextKey): Column => ({
  key,
  label,
  cell: (r) => <Count value={r.all[key]} />,
});
const share = (key: FigureKey, label: TextKey): Column => ({
  key,
  label,
  cell: (r) => <Share value={r.all[key]} />,
});
const days = (key: FigureKey, label: TextKey): Column => ({
  key,
  label,
  cell: (r) => <Days value={r.all[key]} />,
});

/** The figures as columns, in the order of the headline figures. */
const FIGURE_COLUMNS: Column[] = [
  count("youngPeople", "sbYoungPeople"),
  count("started", "sbStarted"),
  count("ongoing", "sbOngoing"),
  count("ended", "sbEnded"),
  days("medianLengthDays", "sbMedianLength"),
  days("medianDaysDecisionToStart", "sbMedianToStart"),
  days("meanDaysDecisionToStart", "sbMeanToStart"),
  share("planInTimeShare", "sbPlanInTime"),
  share("followUpInTimeShare", "sbFollowUpInTime"),
  share("goalsReachedShare", "sbGoalsReached"),
  count("advisedAgainst", "sbAdvisedAgainst"),
];

/** Per insats, started and goals reached also for boys and girls. */
const INSATS_COLUMNS: Column[] = FIGURE_COLUMNS.flatMap((c) => {
  if (c.key === "started")
    return [
      c,
      { key: "startedBoys", label: "htBoys", cell: (r: Row) => <Count value={r.pojke?.started ?? null} /> },
      { key: "startedGirls", label: "htGirls", cell: (r: Row) => <Count value={r.flicka?.started ?? null} /> },
    ];
  if (c.key === "goalsReachedShare")
    return [
      c,
      { key: "goalsBoys", label: "htBoys", cell: (r: Row) => <Share value={r.pojke?.goalsReachedShare ?? null} /> },
      { key: "goalsGirls", label: "htGirls", cell: (r: Row) => <Share value={r.flicka?.goalsReachedShare ?? null} /> },
    ];
  return [c];
});

/** Samlad bild of the insatser (/statistik/insatser): headline figures, tables and charts, with small cells hidden. */

export function SamladBild() {
  const { t } = useLang();
  const today = stockholmToday();
  const [quarters, setQuarters] = useState<QuarterPoint[] | null>(null);
  const [quarterError, setQuarterError] = useState(false);
  const report = useStatsReport<SamladBildQuery, Report>(
    (q) => insatsApi.samladBild(q),
    (q) => void loadQuarters(q),
  );
  const { filter, data } = report;

  async function loadQuarters(q: SamladBildQuery) {
    setQuarterError(false);
    try {
      // One request per quarter, same filters, in parallel.
      const points = await Promise.all(
        lastQuarters(q.to, 8).map(async ({ year, quarter }) => {
          const range = quarterRange(year, quarter);
          const to = range.to > today ? today : range.to;
          const r = await insatsApi.samladBild({ ...q, from: range.from, to: to < range.from ? range.from : to });
          return { label: `${year} K${quarter}`, labelEn: `${year} Q${quarter}`, started: r.total.all.started };
        }),
      );
      setQuarters(points);
    } catch {
      setQuarters(null);
      setQuarterError(true);
    }
  }

  return (
    <>
      <h1>{t("sbTitle")}</h1>
      <p>{t("sbIntro")}</p>
      <InsatsStatsFilterForm report={report} />
      {data && (
        <>
          <Headline data={data} filter={filter} />
          <FigureTable
            id="sb-insats"
            title={t("sbByInsats")}
            head={t("insats")}
            columns={INSATS_COLUMNS}
            rows={data.byInsats.map((r) => ({ key: r.catalogueId, name: r.name, row: r }))}
            total={data.total}
          />
          <FigureTable
            id="sb-age"
            title={t("sbByAgeGroup")}
            head={t("sbAgeGroup")}
            columns={FIGURE_COLUMNS}
            rows={data.total.byAgeGroup.map((r) => ({ key: r.ageGroup, name: `${r.ageGroup} ${t("sbYears")}`, row: { all: r } }))}
            total={data.total}
          />
          <FigureTable
            id="sb-gender"
            title={t("sbByGender")}
            head={t("gender")}
            columns={FIGURE_COLUMNS}
            rows={[
              { key: "pojke", name: t("htBoys"), row: { all: data.total.pojke } },
              { key: "flicka", name: t("htGirls"), row: { all: data.total.flicka } },
              { key: "other", name: t("sbOtherGender"), row: { all: data.total.other } },
            ]}
            total={data.total}
          />
          <DisclosureNote id="sb-suppression" disclosure={data.disclosure} />
          <section className="card" aria-labelledby="sb-charts">
            <h2 id="sb-charts">{t("sbCharts")}</h2>
            <Suspense fallback={<p role="status">{t("sbChartsLoading")}</p>}>
              <SamladBildCharts data={data} quarters={quarters} />
            </Suspense>
            {quarterError && <Alert kind="error">{t("sbQuarterError")}</Alert>}
          </section>
        </>
      )}
    </>
  );
}

function Headline({ data, filter }: { data: Report; filter: SamladBildQuery }) {
  const { t } = useLang();
  const all = data.total.all;
  const median = all.medianDaysDecisionToStart;
  return (
    <section className="card" aria-labelledby="sb-headline">
      <h2 id="sb-headline">
        {t("sbHeadline")}, {data.from} – {data.to}
      </h2>
      <dl className="figures">
        <Figure term={t("sbYoungPeople")}>
          <Count value={all.youngPeople} />
        </Figure>
        <Figure term={t("sbStarted")}>
          <Count value={all.started} />
        </Figure>
        <Figure term={t("sbOngoing")}>
          <Count value={all.ongoing} />
        </Figure>
        <Figure term={t("sbEnded")}>
          <Count value={all.ended} />
        </Figure>
        <Figure term={t("sbMedianLength")}>
          <Days value={all.medianLengthDays} />
        </Figure>
        <Figure term={t("sbMedianToStart")}>
          <Days value={median} />
          {median !== null && (
            <span className={`indicator ${median <= INDICATOR_DAYS ? "indicator-ok" : "indicator-late"}`}>
              <span aria-hidden="true">{median <= INDICATOR_DAYS ? "✓ " : "! "}</span>
              {median <= INDICATOR_DAYS ? t("sbWithin42") : t("sbOver42")}
            </span>
          )}
        </Figure>
        <Figure term={t("sbPlanInTime")}>
          <Share value={all.planInTimeShare} />
        </Figure>
        <Figure term={t("sbFollowUpInTime")}>
          <Share value={all.followUpInTimeShare} />
        </Figure>
        <Figure term={t("sbGoalsReached")}>
          <Share value={all.goalsReachedShare} />
        </Figure>
        <Figure term={t("sbAdvisedAgainst")}>
          <Count value={all.advisedAgainst} />
        </Figure>
      </dl>
      <p>
        {t("htDownload")}: <a href={samladBildExportUrl(filter, "xlsx")}>{t("sbExportXlsx")}</a> ·{" "}
        <a href={samladBildExportUrl(filter, "pdf")}>{t("sbExportPdf")}</a>
      </p>
    </section>
  );
}

function Figure({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="figure">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function FigureTable({
  id,
  title,
  head,
  columns,
  rows,
  total,
}: {
  id: string;
  title: string;
  head: string;
  columns: Column[];
  rows: { key: string; name: string; row: Row }[];
  total: Row;
}) {
  const { t } = useLang();
  // Boys/girls columns belong to the figure before them: say so in their header.
  const headerOf = (c: Column, i: number) => {
    if (c.label !== "htBoys" && c.label !== "htGirls") return t(c.label);
    const owner = columns.slice(0, i).findLast((p) => p.label !== "htBoys" && p.label !== "htGirls");
    return `${owner ? t(owner.label) : ""}, ${t(c.label === "htBoys" ? "sbBoysShort" : "sbGirlsShort")}`;
  };
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t("noData")}</p>
      ) : (
        <ScrollTable label={title}>
          <table aria-describedby="sb-suppression">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{head}</th>
                {columns.map((c, i) => (
                  <th scope="col" key={c.key} className="num">
                    {headerOf(c, i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  {columns.map((c) => (
                    <td key={c.key} className="num">
                      {c.cell(r.row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("sbTotal")}</th>
                {columns.map((c) => (
                  <td key={c.key} className="num">
                    {c.cell(total)}
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
