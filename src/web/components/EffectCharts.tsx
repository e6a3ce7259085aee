import { type ReactNode, useId, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { RESPONDENT_LABELS } from "../../domain/effects/vocabulary";
import { formatShare, type Lang, useLang } from "../i18n";
import { ScrollTable } from "./InsatsParts";
import type { EffectReport } from "./IsuApi";

/* The effect report's charts. Loaded lazily (recharts is large) by routes/EffectReport.tsx. */

/*
 * Colours with at least 3:1 against white (WCAG 1.4.11); every series also has its own pattern,
 * symbol or dash and its values written on it, so nothing is told by colour alone.
 */
const BLUE = "#1d4f91";
const ORANGE = "#a8470a";
const GREEN = "#1a6b34";
const GREY = "#5c6670";
const TEXT = "#1f2328";

type Figures = EffectReport["total"]["all"]["scales"][number];

const fmt = (v: number, lang: Lang, decimals: number) =>
  new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(v);

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-stripes`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={GREEN} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
      </pattern>
    </defs>
  );
}

/** One chart: heading, a text summary, and the chart as a named image described by the summary. */
function ChartBlock({
  title,
  summary,
  controls,
  after,
  children,
}: {
  title: string;
  summary: string;
  controls?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="chart-block ef-chart" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{title}</h3>
      {controls}
      <figure>
        <figcaption id={`${id}-d`}>{summary}</figcaption>
        <div className="chart" role="img" aria-label={title} aria-describedby={`${id}-d`}>
          {children}
        </div>
      </figure>
      {after}
    </section>
  );
}

export default function EffectCharts({ data }: { data: EffectReport }) {
  const { t, lang } = useLang();
  const prefix = useId().replace(/:/g, "");
  const few = t("sbSuppressed").toLowerCase();
  const pct = (v: number | null) => (v === null ? few : formatShare(v, lang));
  const label = (f: Figures) => `${f.scaleName} (${RESPONDENT_LABELS[f.respondent][lang]})`;
  const scales = data.total.all.scales;

  const tick = { fill: TEXT, fontSize: 12 };
  const valueLabel = { fill: TEXT, fontSize: 11 };
  const legend = { color: TEXT };
  const legendText = (value: string) => <span style={{ color: TEXT }}>{value}</span>;
  const hiddenNote = (drawn: number) =>
    drawn < scales.length ? ` ${t("efChartHiddenNote").replace("{n}", String(scales.length - drawn))}` : "";

  // (a) Mean before and after, and the effect size with its interval.
  const means = scales
    .filter((f) => f.meanBefore !== null && f.meanAfter !== null)
    .map((f) => ({ name: label(f), before: f.meanBefore, after: f.meanAfter }));
  const meanSummary =
    means.length === 0
      ? t("efChartNothing")
      : means.map((m) => `${m.name}: ${fmt(m.before ?? 0, lang, 1)} ${t("efTo")} ${fmt(m.after ?? 0, lang, 1)}.`).join(" ") +
        hiddenNote(means.length);

  const effects = scales
    .filter((f) => f.g !== null)
    .map((f) => {
      const g = f.g ?? 0;
      const low = f.ciLow ?? g;
      const high = f.ciHigh ?? g;
      return { name: label(f), g, low, high, gAv: f.gAv, err: [g - low, high - g] };
    });
  const gMin = Math.min(0, ...effects.map((e) => e.low));
  const gMax = Math.max(0, ...effects.map((e) => e.high));
  const gDomain: [number, number] = [Math.floor((gMin - 0.1) * 10) / 10, Math.ceil((gMax + 0.1) * 10) / 10];
  const effectSummary =
    effects.length === 0
      ? t("efChartNothing")
      : `${t("efGHintShort")} ` +
        effects
          .map(
            (e) =>
              `${e.name}: g_z ${fmt(e.g, lang, 2)} (${fmt(e.low, lang, 2)}–${fmt(e.high, lang, 2)})` +
              `${e.gAv === null ? "" : `, g_av ${fmt(e.gAv, lang, 2)}`}.`,
          )
          .join(" ") +
        hiddenNote(effects.length);

  // (b) Share improved / unchanged / deteriorated.
  const shares = scales
    .filter((f) => f.shareImproved !== null && f.shareUnchanged !== null && f.shareDeteriorated !== null)
    .map((f) => ({
      name: label(f),
      improved: f.shareImproved,
      unchanged: f.shareUnchanged,
      deteriorated: f.shareDeteriorated,
    }));
  const shareSummary =
    shares.length === 0
      ? t("efChartNothing")
      : shares
          .map(
            (s) =>
              `${s.name}: ${t("efImproved").toLowerCase()} ${pct(s.improved)}, ${t("efUnchanged").toLowerCase()} ${pct(s.unchanged)}, ${t("efDeteriorated").toLowerCase()} ${pct(s.deteriorated)}.`,
          )
          .join(" ") + hiddenNote(shares.length);
  const segment = (symbol: string) => (v: unknown) =>
    typeof v === "number" && v >= 0.08 ? `${symbol} ${formatShare(v, lang)}` : "";
  const segmentLabel = { fill: "#ffffff", fontSize: 11, fontWeight: 700 };

  // (c) Trend by year: share improved on one chosen scale, and goals reached.
  const trendScales = [
    ...new Map(data.trend.flatMap((y) => y.scales).map((f) => [`${f.scaleId}:${f.respondent}`, label(f)])).entries(),
  ];
  const [trendScale, setTrendScale] = useState<string>(trendScales[0]?.[0] ?? "");
  const chosen = trendScales.find(([k]) => k === trendScale)?.[0] ?? trendScales[0]?.[0] ?? "";
  const chosenName = trendScales.find(([k]) => k === chosen)?.[1] ?? "";
  const trend: TrendPoint[] = data.trend.map((y) => ({
    year: String(y.year),
    improved: y.scales.find((f) => `${f.scaleId}:${f.respondent}` === chosen)?.shareImproved ?? null,
    goals: y.outcomes.goalsReachedShare,
    ended: y.outcomes.ended,
  }));
  const improvedName = chosenName ? `${t("efImproved")}: ${chosenName}` : t("efImproved");
  const trendSummary =
    trend.length === 0
      ? t("efChartNothing")
      : trend
          .map(
            (y) =>
              `${y.year}: ${improvedName.toLowerCase()} ${pct(y.improved)}, ${t("efGoalsReached").toLowerCase()} ${pct(y.goals)}.`,
          )
          .join(" ");
  const selectId = useId();
  const shareTick = (v: number) => formatShare(v, lang);
  const shareValue = (v: unknown) => (typeof v === "number" ? formatShare(v, lang) : "");

  return (
    <>
      <ChartBlock title={t("efChartMeans")} summary={meanSummary}>
        {means.length > 0 && (
          <ResponsiveContainer width="100%" height={Math.max(200, 70 + means.length * 64)}>
            <BarChart data={means} layout="vertical" margin={{ left: 8, right: 40 }} accessibilityLayer={false}>
              <Patterns prefix={prefix} />
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tick={tick} />
              <YAxis type="category" dataKey="name" width={220} tick={tick} />
              <Legend wrapperStyle={legend} itemSorter={null} formatter={legendText} />
              <Bar dataKey="before" name={t("efBefore")} fill={BLUE} isAnimationActive={false}>
                <LabelList
                  dataKey="before"
                  position="right"
                  style={valueLabel}
                  formatter={(v: unknown) => (typeof v === "number" ? fmt(v, lang, 1) : "")}
                />
              </Bar>
              <Bar dataKey="after" name={t("efAfter")} fill={`url(#${prefix}-stripes)`} isAnimationActive={false}>
                <LabelList
                  dataKey="after"
                  position="right"
                  style={valueLabel}
                  formatter={(v: unknown) => (typeof v === "number" ? fmt(v, lang, 1) : "")}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartBlock>
      <ChartBlock title={t("efChartEffect")} summary={effectSummary}>
        {effects.length > 0 && (
          <ResponsiveContainer width="100%" height={Math.max(180, 60 + effects.length * 44)}>
            <BarChart data={effects} layout="vertical" margin={{ left: 8, right: 40 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={gDomain} tick={tick} tickFormatter={(v: number) => fmt(v, lang, 1)} />
              <YAxis type="category" dataKey="name" width={220} tick={tick} />
              <ReferenceLine x={0} stroke={TEXT} />
              <Bar dataKey="g" name={t("efEffectSize")} fill={BLUE} barSize={18} isAnimationActive={false}>
                <ErrorBar dataKey="err" direction="x" width={8} stroke={TEXT} strokeWidth={2} />
                <LabelList
                  dataKey="g"
                  position="insideLeft"
                  style={{ ...valueLabel, fill: "#ffffff" }}
                  formatter={(v: unknown) => (typeof v === "number" ? fmt(v, lang, 2) : "")}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartBlock>
      <ChartBlock title={t("efChartShares")} summary={shareSummary}>
        {shares.length > 0 && (
          <ResponsiveContainer width="100%" height={Math.max(200, 70 + shares.length * 48)}>
            <BarChart data={shares} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 1]} tickFormatter={shareTick} tick={tick} />
              <YAxis type="category" dataKey="name" width={220} tick={tick} />
              <Legend wrapperStyle={legend} itemSorter={null} formatter={legendText} />
              <Bar dataKey="improved" stackId="s" name={`↑ ${t("efImproved")}`} fill={GREEN} isAnimationActive={false}>
                <LabelList dataKey="improved" position="center" style={segmentLabel} formatter={segment("↑")} />
              </Bar>
              <Bar dataKey="unchanged" stackId="s" name={`= ${t("efUnchanged")}`} fill={GREY} isAnimationActive={false}>
                <LabelList dataKey="unchanged" position="center" style={segmentLabel} formatter={segment("=")} />
              </Bar>
              <Bar dataKey="deteriorated" stackId="s" name={`↓ ${t("efDeteriorated")}`} fill={ORANGE} isAnimationActive={false}>
                <LabelList dataKey="deteriorated" position="center" style={segmentLabel} formatter={segment("↓")} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartBlock>
      <ChartBlock
        title={t("efChartTrend")}
        summary={trendSummary}
        controls={
          trendScales.length > 1 && (
            <div className="field">
              <label htmlFor={selectId}>{t("efTrendScale")}</label>
              <select id={selectId} value={chosen} onChange={(e) => setTrendScale(e.target.value)}>
                {trendScales.map(([k, name]) => (
                  <option key={k} value={k}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          )
        }
        after={<TrendTable trend={trend} improvedName={improvedName} />}
      >
        {trend.length > 0 && (
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={trend} margin={{ top: 20, right: 24, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" tick={tick} />
              <YAxis domain={[0, 1]} tickFormatter={shareTick} tick={tick} />
              <Legend wrapperStyle={legend} itemSorter={null} formatter={legendText} />
              <Line
                type="linear"
                dataKey="improved"
                name={improvedName}
                stroke={BLUE}
                strokeWidth={2}
                dot={{ r: 4, fill: BLUE }}
                connectNulls={false}
                isAnimationActive={false}
              >
                <LabelList dataKey="improved" position="top" style={valueLabel} formatter={shareValue} />
              </Line>
              <Line
                type="linear"
                dataKey="goals"
                name={t("efGoalsReached")}
                stroke={ORANGE}
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={{ r: 4, fill: "#ffffff", stroke: ORANGE, strokeWidth: 2 }}
                legendType="square"
                connectNulls={false}
                isAnimationActive={false}
              >
                <LabelList dataKey="goals" position="bottom" style={valueLabel} formatter={shareValue} />
              </Line>
            </LineChart>
          </ResponsiveContainer>
        )}
      </ChartBlock>
    </>
  );
}

type TrendPoint = { year: string; improved: number | null; goals: number | null; ended: number | null };

function TrendTable({ trend, improvedName }: { trend: TrendPoint[]; improvedName: string }) {
  const { t, lang } = useLang();
  const caption = `${t("sbChartTableNote")}: ${t("efChartTrend")}`;
  return (
    <ScrollTable label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("efYear")}</th>
            <th scope="col" className="num">
              {t("efEnded")}
            </th>
            <th scope="col" className="num">
              {improvedName}
            </th>
            <th scope="col" className="num">
              {t("efGoalsReached")}
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{y.ended === null ? <Hidden /> : y.ended}</td>
              <td className="num">{y.improved === null ? <Hidden /> : formatShare(y.improved, lang)}</td>
              <td className="num">{y.goals === null ? <Hidden /> : formatShare(y.goals, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Hidden() {
  const { t } = useLang();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("sbFewer")}</span>
    </>
  );
}
