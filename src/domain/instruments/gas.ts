/** Goal Attainment Scaling: each goal is scored −2 (much worse than expected) … +2 (much better). */
export const GAS_MIN = -2;
export const GAS_MAX = 2;

/**
 * Kiresuk–Sherman T-score: T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²).
 * 50 means goals were met exactly as expected; ρ is the assumed correlation between goals.
 * Returns null when there is nothing to score, rounded to one decimal as it is reported.
 */
export function gasTScore(scores: number[], weights?: number[], rho = 0.3): number | null {
  if (scores.length === 0) return null;
  const w = weights ?? scores.map(() => 1);
  if (w.length !== scores.length) throw new RangeError(`${scores.length} goal scores but ${w.length} weights`);
  if (w.some((x) => !Number.isFinite(x) || x <= 0)) throw new RangeError("goal weights must be positive numbers");
  if (!(rho >= 0 && rho < 1)) throw new RangeError(`rho must be in [0, 1), got ${rho}`);
  if (scores.some((x) => !Number.isFinite(x))) throw new RangeError("goal scores must be finite numbers");

  let weighted = 0;
  let sumW = 0;
  let sumW2 = 0;
  scores.forEach((x, i) => {
    const wi = w[i] as number;
    weighted += wi * x;
    sumW += wi;
    sumW2 += wi * wi;
  });
  const t = 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
  return Math.round(t * 10) / 10;
}
