/**
 * Disclosure control: the one place that decides how an aggregate may leave Vägval. Every figure a
 * person sees in a report, on screen or in an export, is made here from the true values; a report
 * never shows a count, share, mean, quantile or effect size it did not get from these functions.
 *
 * What it protects against: a reader who combines everything published — margins, shares, means,
 * trend rows, other filters, adjacent periods — to work out a count of 1–4 persons or one person's
 * value. Within one table, suppressing small cells is not enough (a total minus its shown parts
 * gives the hidden one back), so the rules are chosen to hold across queries:
 *
 * - count: 0 is shown (it describes no one). Any other count is perturbed by the cell-key method
 *   (cell-key.ts: the same records always get the same perturbation, at most ±MAX_NOISE), and is
 *   hidden when the true count is 1–4 or the perturbed one is below MIN_COUNT. So no shown count is
 *   exact, a difference of two counts (all − A − B, this period − last) is off by up to 2·MAX_NOISE,
 *   and a hidden count is known only to lie in 1…MIN_COUNT + MAX_NOISE − 1. Secondary suppression
 *   over the sums a report shows (sum-table.ts) then keeps a lone hidden part from being the total
 *   minus the others even approximately.
 * - share: shown only when numerator and denominator hold at least MIN_COUNT records each, or the
 *   numerator none, and the complement (denominator − numerator) is 0 or at least MIN_COUNT (38 of
 *   40 would reveal the 2). Computed from the perturbed counts, so the shown share does not force
 *   its denominator (0.6129 is no longer 19/31 of real people), to a tenth of a percent.
 * - mean: shown only for a group of at least MIN_STATISTIC_N whose complement in every margin it is
 *   published in is 0 or at least MIN_STATISTIC_N (else the margin's mean minus the group's gives the
 *   few others'), and perturbed by up to half of one person's weight in it (range / 2n, by the cell
 *   key), so mean × n no longer gives a sum of ratings and the difference of two means no longer
 *   gives one person's rating.
 * - median, percentile, effect size and other statistics of a group: shown only under the same
 *   group and complement rule as the mean; they are not sums, so differencing two of them gives no
 *   single value, and they are rounded.
 * - population: a filter that leaves fewer than MIN_POPULATION records protects the whole report
 *   (every figure hidden, with a note why).
 * - granularity: an aggregate-only role (no personal-data role in the districts reported on) asks
 *   for calendar periods only — a month, quarter, tertial, half-year or year; two periods a day
 *   apart, or overlapping runs of months, would otherwise be differenced down to one person.
 *
 * A hidden figure is null in the data and "–" on the page, never 0. Pure, no I/O.
 */
import { countNoise, MAX_NOISE, magnitudeDraw, Tally } from "./cell-key";

export { MAX_NOISE, Tally };

/** Counts 1–4 are never shown (offentlighets- och sekretesslagen 26 kap.: a small count points out individuals). */
export const MIN_COUNT = 5;
/** Means, medians, percentiles and effect sizes need a group (and complements) of at least this many. */
export const MIN_STATISTIC_N = 10;
/** A report whose filter leaves fewer records than this is protected as a whole. */
export const MIN_POPULATION = 10;

/** The published count of a cell, or null when hidden. */
export function publishCount(t: Tally): number | null {
  if (t.n === 0) return 0;
  if (t.n < MIN_COUNT) return null;
  const v = t.n + countNoise(t);
  return v < MIN_COUNT ? null : v;
}

/** The perturbed count without the threshold: what shares are computed from. */
function perturbed(t: Tally): number {
  return t.n + countNoise(t);
}

/** Share numerator/denominator (numerator records a subset of the denominator's), or null. */
export function publishShare(numerator: Tally, denominator: Tally): number | null {
  if (denominator.n === 0) return null;
  const complement = denominator.n - numerator.n;
  if (denominator.n < MIN_COUNT) return null;
  if (numerator.n !== 0 && numerator.n < MIN_COUNT) return null;
  if (complement !== 0 && complement < MIN_COUNT) return null;
  if (numerator.n === 0) return 0;
  if (complement === 0) return 1;
  const share = perturbed(numerator) / perturbed(denominator);
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 1000;
}

/**
 * Whether statistics of a group of `n` may be shown: n ≥ MIN_STATISTIC_N, and in every margin the
 * group is part of (the n of each total it is published beside), its complement is 0 or at least
 * MIN_STATISTIC_N.
 */
export function statisticAllowed(n: number, margins: readonly number[] = []): boolean {
  if (n < MIN_STATISTIC_N) return false;
  return margins.every((total) => total - n === 0 || total - n >= MIN_STATISTIC_N);
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * A mean of a group's values, or null. `range` is how far one value can lie from another (9 for a
 * 1–10 scale; the observed spread for days), so the perturbation covers one person's weight.
 */
export function publishMean(
  values: readonly number[],
  cell: Tally,
  options: { range: number; decimals: number; margins?: readonly number[] },
): number | null {
  if (!statisticAllowed(values.length, options.margins)) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const noise = magnitudeDraw(cell) * (options.range / (2 * values.length));
  return round(sum / values.length + noise, options.decimals);
}

/** A statistic already computed for a group of `n` (a median, a percentile, Hedges' g), or null. */
export function publishStatistic(
  value: number | null,
  n: number,
  options: { decimals: number; margins?: readonly number[] },
): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (!statisticAllowed(n, options.margins)) return null;
  return round(value, options.decimals);
}

/** Whether a report's whole population is too small to publish anything from. */
export function populationTooSmall(records: number): boolean {
  return records > 0 && records < MIN_POPULATION;
}

// ── The rules as one object ─────────────────────────────────────────────────────────────────────

/**
 * The rules above as one value a report function takes, so the benchmark can run the very same
 * report with a publisher that protects nothing and measure what protection costs. Production code
 * passes only `disclosure`.
 */
export interface Publisher {
  count(t: Tally): number | null;
  share(numerator: Tally, denominator: Tally): number | null;
  mean(
    values: readonly number[],
    cell: Tally,
    options: { range: number; decimals: number; margins?: readonly number[] },
  ): number | null;
  statistic(value: number | null, n: number, options: { decimals: number; margins?: readonly number[] }): number | null;
  populationTooSmall(records: number): boolean;
  /** Whether the report derives record keys and runs secondary suppression over its sums. */
  protects: boolean;
}

export const disclosure: Publisher = {
  count: publishCount,
  share: publishShare,
  mean: publishMean,
  statistic: publishStatistic,
  populationTooSmall,
  protects: true,
};

// ── Granularity ──────────────────────────────────────────────────────────────────────────────────

export type PeriodGranularity = "day" | "calendar";

/** Calendar periods an aggregate-only reader may ask for: their length in months and the months they may start in. */
const CALENDAR_PERIODS: readonly { months: number; startMonths: readonly number[] }[] = [
  { months: 1, startMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  { months: 3, startMonths: [1, 4, 7, 10] }, // kvartal
  { months: 4, startMonths: [1, 5, 9] }, // tertial
  { months: 6, startMonths: [1, 7] }, // halvår
  { months: 12, startMonths: [1] }, // kalenderår
];

function lastDayOfMonth(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${day.slice(0, 8)}${String(last).padStart(2, "0")}`;
}

/**
 * Whether [from, to] ('YYYY-MM-DD') is of the granularity allowed: any days, or one calendar
 * period — a month, a quarter, a tertial, a half-year or a year, as the nämnd reports them. Not
 * any run of whole months: the reader's test (attacker.test.ts, bench/disclosure-attack.ts) found
 * that Jan–Feb, Jan–Mar, Feb–Mar … together pin small cells exactly despite the perturbation,
 * where the calendar periods alone do not.
 */
export function periodAllowed(from: string, to: string, granularity: PeriodGranularity): boolean {
  if (granularity === "day") return true;
  if (!from.endsWith("-01") || to !== lastDayOfMonth(to)) return false;
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  return CALENDAR_PERIODS.some((p) => p.months === months && p.startMonths.includes(fm));
}

/** What a report says about the protection applied to it (shown beside the figures). */
export interface DisclosureNote {
  method: "cell-key";
  minCount: number;
  maxNoise: number;
  minStatisticN: number;
  granularity: PeriodGranularity;
  /** Set when the filter left too few records: every figure is hidden. */
  protectedWhole: boolean;
}

export function disclosureNote(granularity: PeriodGranularity, protectedWhole: boolean): DisclosureNote {
  return {
    method: "cell-key",
    minCount: MIN_COUNT,
    maxNoise: MAX_NOISE,
    minStatisticN: MIN_STATISTIC_N,
    granularity,
    protectedWhole,
  };
}
