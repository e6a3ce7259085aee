/**
 * Before/after effects of a group (an insats, a district, boys/girls) and how they are published:
 * every figure through the disclosure module (domain/disclosure/publish.ts). Pure, no I/O.
 */
import { disclosure, MIN_COUNT, type Publisher, Tally } from "../disclosure/publish";
import { hedgesGPaired, type PairedEffect } from "./effect-size";
import type { ChangeClass } from "./rci";

export interface EffectRow {
  /** The record's cell key (the insats's, record-keys.ts). */
  key: number;
  before: number | null;
  after: number | null;
  /** RCI classification of this person's change, when the instrument has norms for it. */
  change?: ChangeClass | null;
}

/** A group's true before/after values, before anything is published. */
export interface EffectSummary {
  /** Rows with both a before and an after score. */
  pairs: Tally;
  /** Rows with a before score but no after score (drop-outs, follow-up not done). */
  missingAfter: Tally;
  /** The scores of the complete pairs, in the same order (so the means compare like with like). */
  before: number[];
  after: number[];
  hedges: PairedEffect;
  /** Complete pairs that carry an RCI classification: the denominator of the shares. */
  classified: Tally;
  improved: Tally;
  unchanged: Tally;
  deteriorated: Tally;
}

/**
 * Summarise rows. Only complete pairs count towards n, the means, the effect sizes and the shares;
 * a classification on a row without both scores is ignored (it cannot be a before/after change).
 */
export function summarizeEffects(rows: readonly EffectRow[]): EffectSummary {
  const s = {
    pairs: new Tally(),
    missingAfter: new Tally(),
    before: [] as number[],
    after: [] as number[],
    classified: new Tally(),
    improved: new Tally(),
    unchanged: new Tally(),
    deteriorated: new Tally(),
  };
  for (const row of rows) {
    if (row.before === null) continue;
    if (row.after === null) {
      s.missingAfter.add(row.key);
      continue;
    }
    s.pairs.add(row.key);
    s.before.push(row.before);
    s.after.push(row.after);
    if (row.change === "improved") s.improved.add(row.key);
    else if (row.change === "unchanged") s.unchanged.add(row.key);
    else if (row.change === "deteriorated") s.deteriorated.add(row.key);
    else continue;
    s.classified.add(row.key);
  }
  return { ...s, hedges: hedgesGPaired(s.before, s.after) };
}

/** A group's before/after figures as they may leave Vägval: null when hidden. */
export interface PublishedEffects {
  n: number | null;
  missingAfter: number | null;
  meanBefore: number | null;
  meanAfter: number | null;
  /** Hedges' g_z and its 95 % interval (normal approximation). */
  g: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Hedges' g_av, comparable with between-group d. */
  gAv: number | null;
  shareImproved: number | null;
  shareUnchanged: number | null;
  shareDeteriorated: number | null;
}

/** An arbitrary odd constant: moves a cell key to an independent draw (see saltedCell). */
const AFTER_SALT = 0x2545f491;

/**
 * The same records' cell for a second magnitude of theirs. The before and after means of a group
 * are over the same records, so with one cell they would get the same perturbation and their
 * difference — the mean change — would be exact; with n known to ±2 and the change scores whole
 * numbers, an exact mean change of two adjacent periods gives one person's change back. A fixed
 * salt keeps the draw tied to the record set (the same set always gets the same after-mean) while
 * making it independent of the before-mean's.
 */
function saltedCell(t: Tally, salt: number): Tally {
  const s = new Tally();
  s.n = t.n;
  s.key = (t.key ^ salt) >>> 0;
  return s;
}

/**
 * The summary as it may leave Vägval. `range` is how far one score can lie from another (the
 * scale's max − min); `margins` are the n of the groups this one is published beside as a part (its
 * breakdown's "all", the total's same group): means and effect sizes need a large enough
 * complement in each (statisticAllowed).
 * - n and missingAfter: publishCount (cell key).
 * - meanBefore, meanAfter: publishMean over the complete pairs, each with its own draw (saltedCell).
 * - g (g_z), its CI and gAv: publishStatistic, 2 decimals, under the same group and margin rule.
 * - the three shares: complementaryShares.
 * `p` is the disclosure module's rules; the benchmark passes one that protects nothing.
 */
export function publishEffects(
  s: EffectSummary,
  options: { range: number; margins?: readonly number[] },
  p: Publisher = disclosure,
): PublishedEffects {
  const margins = options.margins ?? [];
  const stat = (v: number | null) => p.statistic(v, s.pairs.n, { decimals: 2, margins });
  const [shareImproved, shareUnchanged, shareDeteriorated] = complementaryShares(
    [s.improved, s.unchanged, s.deteriorated],
    s.classified,
    p,
  );
  return {
    n: p.count(s.pairs),
    missingAfter: p.count(s.missingAfter),
    meanBefore: p.mean(s.before, s.pairs, { range: options.range, decimals: 2, margins }),
    meanAfter: p.mean(s.after, saltedCell(s.pairs, AFTER_SALT), { range: options.range, decimals: 2, margins }),
    g: stat(s.hedges.g),
    ciLow: stat(s.hedges.ciLow),
    ciHigh: stat(s.hedges.ciHigh),
    gAv: stat(s.hedges.gAv),
    shareImproved: shareImproved ?? null,
    shareUnchanged: shareUnchanged ?? null,
    shareDeteriorated: shareDeteriorated ?? null,
  };
}

/**
 * Shares of parts that add up to the whole (improved + unchanged + deteriorated = classified), each
 * by publishShare, and then complementary suppression: a lone hidden share takes the smallest other
 * non-zero one with it, and hidden shares that together hold fewer than MIN_COUNT records take the
 * rest.
 *
 * Why keep it now that shares are computed from perturbed counts: the shares add up to one, so a
 * lone hidden share is one minus the others. The classified records are usually exactly the
 * complete pairs (every scale with norms classifies every pair), so their perturbed count is the
 * published n itself, and n · (1 − shown − shown) gives the hidden part to within the noise of three
 * cells (±6 records, most often within ±1) — not exact, but a count of 1–4 narrowed to a most
 * likely value. Hiding a second share removes the identity altogether, at the cost of one
 * more share in the groups where a part is 1–4: cheap for the protection it adds.
 */
export function complementaryShares(parts: readonly Tally[], whole: Tally, p: Publisher = disclosure): (number | null)[] {
  const shown = parts.map((part) => p.share(part, whole));
  const hidden = () => parts.filter((_, i) => shown[i] === null);
  const hiddenSum = () => hidden().reduce((a, part) => a + part.n, 0);
  while (hidden().length > 0 && hidden().length < parts.length && (hidden().length === 1 || hiddenSum() < MIN_COUNT)) {
    // Hide the smallest shown part that adds records to the hidden total (a 0 would add none).
    let pick = -1;
    parts.forEach((part, i) => {
      if (shown[i] !== null && part.n > 0 && (pick < 0 || part.n < (parts[pick] as Tally).n)) pick = i;
    });
    if (pick < 0) return parts.map(() => null);
    shown[pick] = null;
  }
  return shown;
}
