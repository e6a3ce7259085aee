/**
 * Aggregate before/after effects for a group (an insats, a district, boys/girls) and the
 * small-cell suppression applied before the figures leave the unit. Pure, no I/O.
 */
import { suppress, suppressShare } from "../interventions/rules";
import { hedgesGPaired, mean, type PairedEffect } from "./effect-size";
import type { ChangeClass } from "./rci";

export interface EffectRow {
  before: number | null;
  after: number | null;
  /** RCI classification of this person's change, when the instrument has norms for it. */
  change?: ChangeClass | null;
}

export interface EffectSummary {
  /** Rows with both a before and an after score. */
  n: number;
  /** Rows with a before score but no after score (drop-outs, follow-up not done). */
  missingAfter: number;
  /** Means over the n complete pairs (so they compare like with like). */
  meanBefore: number | null;
  meanAfter: number | null;
  hedges: PairedEffect;
  /** Complete pairs that carry an RCI classification: the denominator of the shares. */
  classified: number;
  improved: number;
  unchanged: number;
  deteriorated: number;
  shareImproved: number | null;
  shareUnchanged: number | null;
  shareDeteriorated: number | null;
}

/**
 * Summarise rows. Only complete pairs count towards n, the means, the effect size and the shares;
 * a classification on a row without both scores is ignored (it cannot be a before/after change).
 * Shares are null when no complete pair is classified.
 */
export function summarizeEffects(rows: readonly EffectRow[]): EffectSummary {
  const before: number[] = [];
  const after: number[] = [];
  let missingAfter = 0;
  let improved = 0;
  let unchanged = 0;
  let deteriorated = 0;
  for (const row of rows) {
    if (row.before === null) continue;
    if (row.after === null) {
      missingAfter++;
      continue;
    }
    before.push(row.before);
    after.push(row.after);
    if (row.change === "improved") improved++;
    else if (row.change === "unchanged") unchanged++;
    else if (row.change === "deteriorated") deteriorated++;
  }
  const classified = improved + unchanged + deteriorated;
  const share = (k: number) => (classified === 0 ? null : k / classified);
  return {
    n: before.length,
    missingAfter,
    meanBefore: mean(before),
    meanAfter: mean(after),
    hedges: hedgesGPaired(before, after),
    classified,
    improved,
    unchanged,
    deteriorated,
    shareImproved: share(improved),
    shareUnchanged: share(unchanged),
    shareDeteriorated: share(deteriorated),
  };
}

export interface SuppressedEffectSummary {
  n: number | null;
  missingAfter: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  g: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  shareImproved: number | null;
  shareUnchanged: number | null;
  shareDeteriorated: number | null;
}

/**
 * The summary as it may leave the unit (DOMAIN.md: suppress cells with fewer than 5 persons).
 *
 * - n follows suppress(): 0 is shown, 1–4 hidden. When n < 5 every figure computed from the
 *   pairs (means, g and its CI, shares) is null too — a mean of 1–4 persons describes them.
 * - missingAfter follows suppress() on its own.
 * - Shares follow suppressShare() (a share is shown only when its count and the classified
 *   denominator could both be shown), then complementary suppression: improved/unchanged/
 *   deteriorated add up to the denominator, so the hidden ones together must not be 1–4 persons
 *   either. One hidden share takes the smallest other non-zero one with it; two hidden shares
 *   that together hold fewer than 5 take the third; so a reader can never work out a small count.
 *
 * Raw counts (classified, improved, …) are not part of the output.
 */
export function suppressEffects(summary: EffectSummary): SuppressedEffectSummary {
  const missingAfter = suppress(summary.missingAfter);
  const shownN = suppress(summary.n);
  if (shownN === null || shownN === 0) {
    return {
      n: shownN,
      missingAfter,
      meanBefore: null,
      meanAfter: null,
      g: null,
      ciLow: null,
      ciHigh: null,
      shareImproved: null,
      shareUnchanged: null,
      shareDeteriorated: null,
    };
  }
  const shares = complementarySuppression([summary.improved, summary.unchanged, summary.deteriorated], summary.classified);
  return {
    n: shownN,
    missingAfter,
    meanBefore: summary.meanBefore,
    meanAfter: summary.meanAfter,
    g: summary.hedges.g,
    ciLow: summary.hedges.ciLow,
    ciHigh: summary.hedges.ciHigh,
    shareImproved: shares[0] ?? null,
    shareUnchanged: shares[1] ?? null,
    shareDeteriorated: shares[2] ?? null,
  };
}

/**
 * Shares of parts that add up to the whole, with small parts hidden and enough others hidden with
 * them that no hidden part, nor the hidden parts together, can be a count of 1–4.
 */
export function complementarySuppression(counts: readonly number[], total: number): (number | null)[] {
  const shown = counts.map((k) => suppressShare(k, total));
  const hidden = () => counts.filter((_, i) => shown[i] === null);
  const hiddenSum = () => hidden().reduce((a, b) => a + b, 0);
  while (hidden().length > 0 && hidden().length < counts.length && (hidden().length === 1 || hiddenSum() < 5)) {
    // Hide the smallest shown part that adds persons to the hidden total (a 0 would add none).
    let pick = -1;
    counts.forEach((k, i) => {
      if (shown[i] !== null && k > 0 && (pick < 0 || k < (counts[pick] as number))) pick = i;
    });
    if (pick < 0) return counts.map(() => null);
    shown[pick] = null;
  }
  return shown;
}
