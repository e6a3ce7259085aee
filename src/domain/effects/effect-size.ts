/**
 * Standardised effect sizes for paired before/after scores (the same persons rated at insats start
 * and end). Two standardisers, because they answer different questions and are not interchangeable:
 *
 * g_z — the SD of the change scores (Cohen's d_z, Hedges-corrected). It answers "how consistent was
 * the change across persons" and is what the paired t-test tests (t = d_z·√n); it does not need the
 * before/after correlation, which small municipal samples estimate poorly. It grows with that
 * correlation (d_z = d_av / √(2(1 − r)) for equal SDs), so it is often twice d_av or more: Cohen's
 * 0.2/0.5/0.8 benchmarks, made for between-group d, do not apply to it.
 *
 *   change_i = after_i − before_i
 *   d_z      = mean(change) / sd(change)                       sd with n − 1
 *   J        = 1 − 3 / (4(n − 1) − 1)                           Hedges' small-sample correction
 *   g_z      = J · d_z
 *   SE(g_z)  = √(1/n + g_z² / (2n))
 *   95 % CI  = g_z ± 1.96 · SE(g_z)                             normal approximation
 *
 * g_av — the mean change over the average of the before and after SDs (Lakens 2013, eq. 10, with
 * Hedges' correction J as above): in the units of the scores themselves, like between-group d, so
 * it is the one that may be read against Cohen's benchmarks (with their usual caveats). No interval
 * is given for it: its variance needs the before/after correlation (Algina & Keselman 2003).
 *
 *   d_av     = mean(change) / ((sd(before) + sd(after)) / 2)
 *   g_av     = J · d_av
 *
 * References: Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative
 * science: a practical primer for t-tests and ANOVAs. Frontiers in Psychology 4:863 (d_z, eq. 6;
 * d_av, eq. 10; Hedges' correction, eq. 4). Borenstein, M., Hedges, L. V., Higgins, J. P. T. &
 * Rothstein, H. R. (2009). Introduction to Meta-Analysis, ch. 4 (J = 1 − 3/(4df − 1); variance of d
 * for matched designs, 1/n + d²/(2n) times 2(1 − r) when d uses the raw-score SD — the factor drops
 * when, as for g_z, d is already in change-score units; cf. Morris & DeShon 2002). Borenstein scales
 * the variance of g by J²; the unscaled SE used here is slightly wider, i.e. conservative.
 *
 * J is 0 at n = 2 (df = 1; the exact gamma-function correction is 0 there too), so g_z and g_av are
 * only reported from n = 3. Pure functions, no I/O.
 */

export interface PairedEffect {
  /** Number of pairs. */
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  /** mean(after − before). */
  meanChange: number | null;
  /** Sample SD (n − 1) of after − before; null when n < 2. */
  sdChange: number | null;
  /** Hedges' g_z (bias-corrected d_z); null when n < 3 or sdChange is 0. */
  g: number | null;
  /** The 95 % interval of g_z (normal approximation). */
  ciLow: number | null;
  ciHigh: number | null;
  /** Hedges' g_av (bias-corrected d_av); null when n < 3 or both SDs are 0. */
  gAv: number | null;
}

/** Two-sided 95 % normal quantile, rounded as in the reporting literature. */
export const Z_95 = 1.96;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1); null when n < 2; exactly 0 when all values are equal. */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const first = values[0] as number;
  if (values.every((v) => v === first)) return 0;
  const m = mean(values) as number;
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (values.length - 1));
}

/** Hedges' correction J = 1 − 3/(4df − 1) for df = n − 1 (Borenstein et al. 2009, eq. 4.22). */
export function hedgesCorrection(n: number): number {
  return 1 - 3 / (4 * (n - 1) - 1);
}

/**
 * Changes that are equal up to rounding (0.4 − 0.1 = 0.30000000000000004 vs 0.5 − 0.2 = 0.3) give
 * an SD of ~1e-17 and an absurd g; an SD below 1e-9 of the largest |change| (or of 1) is taken as 0.
 */
function roundingNoiseToZero(sd: number | null, changes: readonly number[]): number | null {
  if (sd === null) return null;
  const scale = Math.max(1, ...changes.map(Math.abs));
  return sd <= 1e-9 * scale ? 0 : sd;
}

/**
 * Paired effect size; before[i] and after[i] belong to the same person. Throws RangeError when
 * the arrays differ in length or hold a non-finite value.
 */
export function hedgesGPaired(before: readonly number[], after: readonly number[]): PairedEffect {
  if (before.length !== after.length) {
    throw new RangeError(`before and after must pair up, got ${before.length} and ${after.length} values`);
  }
  for (const v of [...before, ...after]) {
    if (!Number.isFinite(v)) throw new RangeError(`scores must be finite numbers, got ${v}`);
  }
  const n = before.length;
  const changes = before.map((b, i) => (after[i] as number) - b);
  const meanChange = mean(changes);
  const sdChange = roundingNoiseToZero(sampleSd(changes), changes);
  const base = { n, meanBefore: mean(before), meanAfter: mean(after), meanChange, sdChange };
  const gAv = hedgesGAv(before, after, meanChange);
  if (n < 3 || sdChange === null || sdChange === 0 || meanChange === null) {
    return { ...base, g: null, ciLow: null, ciHigh: null, gAv };
  }
  const g = hedgesCorrection(n) * (meanChange / sdChange);
  const se = Math.sqrt(1 / n + (g * g) / (2 * n));
  return { ...base, g, ciLow: g - Z_95 * se, ciHigh: g + Z_95 * se, gAv };
}

/** g_av of paired scores whose mean change is known; null when n < 3 or the average SD is 0. */
function hedgesGAv(before: readonly number[], after: readonly number[], meanChange: number | null): number | null {
  const n = before.length;
  if (n < 3 || meanChange === null) return null;
  const sdBefore = roundingNoiseToZero(sampleSd(before), before);
  const sdAfter = roundingNoiseToZero(sampleSd(after), after);
  if (sdBefore === null || sdAfter === null) return null;
  const sdAv = (sdBefore + sdAfter) / 2;
  if (sdAv === 0) return null;
  return hedgesCorrection(n) * (meanChange / sdAv);
}

/** Cohen's (1988) words for a between-group d: below 0.2 negligible, then small, medium, large. */
export type CohenBenchmark = "negligible" | "small" | "medium" | "large";

/**
 * The benchmark word of an effect size in raw-score units (g_av, never g_z: see the header), by
 * its absolute value; the direction is read from the sign and the scale's better direction.
 */
export function cohenBenchmark(gAv: number): CohenBenchmark {
  const a = Math.abs(gAv);
  if (a < 0.2) return "negligible";
  if (a < 0.5) return "small";
  if (a < 0.8) return "medium";
  return "large";
}
