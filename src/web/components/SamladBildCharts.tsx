import { type ReactNode, useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatShare, useLang } from "../i18n";
import type { SamladBild } from "./InsatsApi";
import { ScrollTable } from "./InsatsParts";

/* The samlad bild's charts. Loaded lazily (recharts is large) by routes/SamladBild.tsx. */

export type QuarterPoint = { label: string; labelEn: string; started: number | null };

/*
 * Colours with at least 3:1 against white (WCAG 1.4.11), and each series also has its own
 * pattern and its values written on it, so nothing is told by colour alone.
 */
const BLUE = "#1d4f91";
const ORANGE = "#a8470a";
const GREEN = "#1a6b34";
const TEXT = "#1f2328";

/** Pattern fills; ids made unique per page so two charts never share one by accident. */
function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={ORANGE} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={GREEN} />
        <circle cx="3" cy="3" r="1.3" fill="#ffffff" />
      </pattern>
    </defs>
  );
}

/** One chart: heading, the chart as a named image described by a text summary, and its data table beside it (or below it, when stacked). */
function ChartBlock({
  title,
  summary,
  chart,
  table,
  stacked = false,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  stacked?: boolean;
}) {
  const id = useId();
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      <p id={`${id}-d`}>{summary}</p>
      <div className={stacked ? "chart-stack" : "chart-pair"}>
        <div className="chart" role="img" aria-label={title} aria-describedby={`${id}-d`}>
          {chart}
        </div>
        {table}
      </div>
    </section>
  );
}

export default function SamladBildCharts({ data, quarters }: { data: SamladBild; quarters: QuarterPoint[] | null }) {
  const { t, lang } = useLang();
  const num = (v: number | null) => (v === null ? t("sbFewer") : String(v));
  const prefix = useId().replace(/:/g, "");

  // 1. Started, ongoing, ended per insats.
  const volumes = data.byInsats.map((r) => ({
    name: r.name,
    started: r.all.started,
    ongoing: r.all.ongoing,
    ended: r.all.ended,
  }));
  const drawn = volumes.filter((v) => Boolean(v.started || v.ongoing || v.ended));
  const mostStarted = [...volumes].filter((v) => v.started !== null).sort((a, b) => (b.started ?? 0) - (a.started ?? 0))[0];
  const volumeSummary =
    volumes.length === 0
      ? t("noData")
      : lang === "sv"
        ? `${volumes.length} insatser. Totalt ${num(data.total.all.started)} påbörjade, ${num(data.total.all.ongoing)} pågående och ${num(data.total.all.ended)} avslutade.${mostStarted ? ` Flest påbörjade: ${mostStarted.name} (${mostStarted.started}).` : ""} Dolda värden (röjandeskydd) ritas inte; ${volumes.length - drawn.length} insatser med bara dolda värden eller noll finns endast i tabellen.`
        : `${volumes.length} interventions. In all ${num(data.total.all.started)} started, ${num(data.total.all.ongoing)} ongoing and ${num(data.total.all.ended)} ended.${mostStarted ? ` Most started: ${mostStarted.name} (${mostStarted.started}).` : ""} Hidden values (fewer than 5) are not drawn; ${volumes.length - drawn.length} interventions with only hidden or zero values are in the table only.`;

  // 2. Shares for boys and girls.
  const { pojke, flicka } = data.total;
  const shares = [
    { measure: t("sbPlanInTime"), boys: pojke.planInTimeShare, girls: flicka.planInTimeShare },
    { measure: t("sbFollowUpInTime"), boys: pojke.followUpInTimeShare, girls: flicka.followUpInTimeShare },
    { measure: t("sbGoalsReached"), boys: pojke.goalsReachedShare, girls: flicka.goalsReachedShare },
  ];
  const pct = (v: number | null) => (v === null ? t("sbFewer") : formatShare(v, lang));
  const shareSummary = shares
    .map((s) =>
      lang === "sv"
        ? `${s.measure}: pojkar ${pct(s.boys)}, flickor ${pct(s.girls)}.`
        : `${s.measure}: boys ${pct(s.boys)}, girls ${pct(s.girls)}.`,
    )
    .join(" ");

  // 3. Started per quarter.
  const points = (quarters ?? []).map((q) => ({ quarter: lang === "sv" ? q.label : q.labelEn, started: q.started }));
  const quarterSummary =
    points.length === 0
      ? t("loading")
      : (lang === "sv" ? "Påbörjade insatser per kvartal: " : "Interventions started by quarter: ") +
        points.map((p) => `${p.quarter} ${num(p.started)}`).join(", ") +
        ".";

  const tick = { fill: TEXT, fontSize: 12 };
  const label = { fill: TEXT, fontSize: 11 };
  const legend = { color: TEXT };
  const legendText = (value: string) => <span style={{ color: TEXT }}>{value}</span>;

  return (
    <>
      <ChartBlock
        title={t("sbChartVolumes")}
        summary={volumeSummary}
        stacked
        chart={
          <ResponsiveContainer width="100%" height={Math.max(220, 70 + drawn.length * 64)}>
            <BarChart data={drawn} layout="vertical" margin={{ left: 8, right: 32 }} accessibilityLayer={false}>
              <Patterns prefix={prefix} />
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={tick} />
              <YAxis type="category" dataKey="name" width={220} tick={tick} />
              <Legend wrapperStyle={legend} itemSorter={null} formatter={legendText} />
              <Bar dataKey="started" name={t("sbStarted")} fill={BLUE} isAnimationActive={false}>
                <LabelList dataKey="started" position="right" style={label} />
              </Bar>
              <Bar dataKey="ongoing" name={t("sbOngoing")} fill={`url(#${prefix}-stripes)`} isAnimationActive={false}>
                <LabelList dataKey="ongoing" position="right" style={label} />
              </Bar>
              <Bar dataKey="ended" name={t("sbEnded")} fill={`url(#${prefix}-dots)`} isAnimationActive={false}>
                <LabelList dataKey="ended" position="right" style={label} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <DataTable
            caption={`${t("sbChartTableNote")}: ${t("sbChartVolumes")}`}
            head={[t("insats"), t("sbStarted"), t("sbOngoing"), t("sbEnded")]}
            rows={volumes.map((v) => [v.name, v.started, v.ongoing, v.ended])}
          />
        }
      />
      <ChartBlock
        title={t("sbChartShares")}
        summary={shareSummary}
        chart={
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={shares} margin={{ top: 20, right: 8 }} accessibilityLayer={false}>
              <Patterns prefix={`${prefix}s`} />
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="measure" tick={tick} />
              <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatShare(v, lang)} tick={tick} />
              <Legend wrapperStyle={legend} itemSorter={null} formatter={legendText} />
              <Bar dataKey="boys" name={t("htBoys")} fill={BLUE} isAnimationActive={false}>
                <LabelList
                  dataKey="boys"
                  position="top"
                  style={label}
                  formatter={(v: unknown) => (typeof v === "number" ? formatShare(v, lang) : "")}
                />
              </Bar>
              <Bar dataKey="girls" name={t("htGirls")} fill={`url(#${prefix}s-stripes)`} isAnimationActive={false}>
                <LabelList
                  dataKey="girls"
                  position="top"
                  style={label}
                  formatter={(v: unknown) => (typeof v === "number" ? formatShare(v, lang) : "")}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <DataTable
            caption={`${t("sbChartTableNote")}: ${t("sbChartShares")}`}
            head={[t("sbMeasure"), t("htBoys"), t("htGirls")]}
            rows={shares.map((s) => [s.measure, s.boys, s.girls])}
            format={(v) => formatShare(v, lang)}
          />
        }
      />
      {quarters && (
        <ChartBlock
          title={t("sbChartQuarters")}
          summary={quarterSummary}
          chart={
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={points} margin={{ top: 20, right: 24, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="quarter" tick={tick} />
                <YAxis allowDecimals={false} tick={tick} />
                <Legend wrapperStyle={legend} itemSorter={null} formatter={legendText} />
                <Line
                  type="linear"
                  dataKey="started"
                  name={t("sbStarted")}
                  stroke={BLUE}
                  strokeWidth={2}
                  dot={{ r: 4, fill: BLUE }}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="started" position="top" style={label} />
                </Line>
              </LineChart>
            </ResponsiveContainer>
          }
          table={
            <DataTable
              caption={`${t("sbChartTableNote")}: ${t("sbChartQuarters")}`}
              head={[t("sbQuarter"), t("sbStarted")]}
              rows={points.map((p) => [p.quarter, p.started])}
            />
          }
        />
      )}
    </>
  );
}

/** The numbers a chart draws, as a table; the first column names the row. */
function DataTable({
  caption,
  head,
  rows,
  format = String,
}: {
  caption: string;
  head: string[];
  rows: (string | number | null)[][];
  format?: (v: number) => string;
}) {
  const { t } = useLang();
  return (
    <ScrollTable label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" key={h} className={i > 0 ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...values]) => (
            <tr key={String(name)}>
              <th scope="row">{name}</th>
              {values.map((v, i) => (
                <td key={i} className="num">
                  {v === null ? (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">{t("sbFewer")}</span>
                    </>
                  ) : typeof v === "number" ? (
                    format(v)
                  ) : (
                    v
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
