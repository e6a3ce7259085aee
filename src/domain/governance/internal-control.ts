/**
 * Internkontrollplan: the nämnd's yearly plan of control points, each with its risk (probability ×
 * consequence on 1–4), how it is checked and how often, who is responsible and when it is reported
 * to the nämnd. Växjö 2024 (seed 000) found no systematic planning of how, when and by whom checks
 * are made; Skärholmen 2025 (seed 003) promised "kontroller av rättssäkerhet". A control point's
 * method can be a figure Vägval already computes, so its result is filled in by the system. Pure.
 */

/** Areas a control point may concern (what the audits and seed plans name), and "annat". */
export const CONTROL_AREAS = [
  "handlaggning",
  "dokumentation",
  "utredningstider",
  "verkstallighet",
  "genomforandeplaner",
  "bedomningsinstrument",
  "delegation",
  "lvu",
  "loggkontroll",
  "avvikelser",
  "styrdokument",
  "placeringar",
  "ekonomi",
  "annat",
] as const;
export type ControlArea = (typeof CONTROL_AREAS)[number];

/**
 * How a point is checked: by hand (a review, a sample, a reading of decisions); by a file review
 * (aktgranskning, linked by id once it exists); or by a figure Vägval computes.
 */
export const CONTROL_METHODS = ["manuell", "aktgranskning", "nyckeltal"] as const;
export type ControlMethod = (typeof CONTROL_METHODS)[number];

export const CONTROL_FREQUENCIES = ["manad", "kvartal", "tertial", "halvar", "ar", "lopande"] as const;
export type ControlFrequency = (typeof CONTROL_FREQUENCIES)[number];

/** When the point's outcome goes to the nämnd: with a tertial report, the interim report or the annual report. */
export const NAMND_REPORTS = ["tertial_1", "delarsrapport", "arsrapport"] as const;
export type NamndReport = (typeof NAMND_REPORTS)[number];

/**
 * Figures a control point can take from Vägval, each from an existing report and through the
 * disclosure module (the handling-time report): a share within its legal time, or a count.
 */
export const CONTROL_METRICS = {
  utredning_inom_4_manader: { kind: "share", source: "handling_times" },
  skyddsbedomning_inom_24_timmar: { kind: "share", source: "handling_times" },
  forhandsbedomning_inom_14_dagar: { kind: "share", source: "handling_times" },
  sena_frister: { kind: "count", source: "handling_times" },
  sena_forlangningar: { kind: "count", source: "handling_times" },
} as const;
export type ControlMetric = keyof typeof CONTROL_METRICS;
export const CONTROL_METRIC_KEYS = Object.keys(CONTROL_METRICS) as ControlMetric[];

export const RESULT_OUTCOMES = [
  "utan_anmarkning",
  "mindre_brister",
  "vasentliga_brister",
  "ej_genomford",
  "ej_bedombar",
] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

export const RISK_LEVELS = ["lag", "medel", "hog"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Probability × consequence, each 1–4: 1–16. */
export function riskScore(probability: number, consequence: number): number {
  if (![probability, consequence].every((v) => Number.isInteger(v) && v >= 1 && v <= 4)) {
    throw new RangeError("probability and consequence are integers 1–4");
  }
  return probability * consequence;
}

/** The usual 4 × 4 matrix: 1–3 low, 4–8 medium, 9–16 high. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 9) return "hog";
  if (score >= 4) return "medel";
  return "lag";
}

export interface MetricTarget {
  /** The figure meets its target when it is at least (">=") or at most ("<=") the value. */
  op: ">=" | "<=";
  value: number;
}

/**
 * The outcome of a system figure against its target: no figure (hidden by disclosure control, or no
 * population) cannot be judged; no target means someone has to judge it (ej_bedombar too); missing
 * the target by less than `margin` (relative) is a minor deficiency, by more a substantial one.
 */
export function figureOutcome(value: number | null, target: MetricTarget | null, margin = 0.1): ResultOutcome {
  if (value === null || !target) return "ej_bedombar";
  const met = target.op === ">=" ? value >= target.value : value <= target.value;
  if (met) return "utan_anmarkning";
  const scale = Math.abs(target.value) || 1;
  const miss = Math.abs(value - target.value) / scale;
  return miss <= margin ? "mindre_brister" : "vasentliga_brister";
}

/** The deadline-type figures of a handling-time report a metric reads (disclosure-published values). */
export interface HandlingTimeFigures {
  skyddsbedomning: { share: number | null; late: number | null; overdue: number | null };
  forhandsbedomning: { share: number | null; late: number | null; overdue: number | null };
  utredning: { share: number | null; late: number | null; overdue: number | null; lateExtensions: number | null };
}

const sum = (values: (number | null)[]): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);

/**
 * A metric's value from the published figures. Counts are sums of published (perturbed) counts, and
 * a sum with a hidden part is hidden itself: it would otherwise give the hidden part away.
 */
export function metricValue(metric: ControlMetric, f: HandlingTimeFigures): number | null {
  switch (metric) {
    case "utredning_inom_4_manader":
      return f.utredning.share;
    case "skyddsbedomning_inom_24_timmar":
      return f.skyddsbedomning.share;
    case "forhandsbedomning_inom_14_dagar":
      return f.forhandsbedomning.share;
    case "sena_frister":
      return sum([
        f.skyddsbedomning.late,
        f.skyddsbedomning.overdue,
        f.forhandsbedomning.late,
        f.forhandsbedomning.overdue,
        f.utredning.late,
        f.utredning.overdue,
      ]);
    case "sena_forlangningar":
      return f.utredning.lateExtensions;
  }
}

/** The first and last day of a plan year, the default period of a system result. */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Whether a point's figure is a share (file reviews and share metrics) or a count. */
export function figureKind(method: ControlMethod, metric: string | null): "share" | "count" | null {
  if (method === "aktgranskning") return "share";
  if (method === "nyckeltal" && metric && metric in CONTROL_METRICS) return CONTROL_METRICS[metric as ControlMetric].kind;
  return null;
}

/** A figure as the nämnd reads it: a share as a percentage ("95 %"), a count as a whole number, "–" when hidden. */
export function formatFigure(value: number | null, kind: "share" | "count" | null, lang: "sv" | "en" = "sv"): string {
  if (value === null) return "–";
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  if (kind === "share") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/** A target as words: "≥ 95 %". */
export function formatTarget(target: MetricTarget, kind: "share" | "count" | null, lang: "sv" | "en" = "sv"): string {
  return `${target.op === ">=" ? "≥" : "≤"} ${formatFigure(target.value, kind, lang)}`;
}
