/**
 * Secondary suppression of a report's counts as shown. A report's counts are tied by sums — boys +
 * girls + other = all, the age groups add up to all, the insatser add up to the total — and a
 * hidden count (1–4) can be worked out through any of them. SumTable knows the cells and the sums
 * and hides further cells until, in every sum:
 * - a shown total leaves no single hidden part, and hidden parts that together come to 0 or at
 *   least 5 persons (else the smallest shown non-zero part, or failing that the total, is hidden);
 * - a hidden total has at least one hidden part (else it would be the sum of the shown parts).
 * It works on the counts as a reader sees them, so it needs nothing the reader does not have. Sums
 * whose parts may count a person twice (young people by age) give the reader only a bound; passing
 * them errs towards hiding. Pure apart from writing null into the cells it hides.
 */

type Counts = Record<string, unknown>;

import { MIN_COUNT as THRESHOLD } from "./publish";

export class SumTable {
  private readonly cells: { obj: Counts; key: string }[] = [];
  private readonly ids = new Map<Counts, Map<string, number>>();
  private readonly sums: { total: number; parts: number[] }[] = [];

  private id(obj: Counts, key: string): number {
    let byKey = this.ids.get(obj);
    if (!byKey) {
      byKey = new Map();
      this.ids.set(obj, byKey);
    }
    let i = byKey.get(key);
    if (i === undefined) {
      i = this.cells.length;
      this.cells.push({ obj, key });
      byKey.set(key, i);
    }
    return i;
  }

  /** Records that `key` of `total` is the sum of `key` of each of `parts`. */
  sum(key: string, total: Counts, parts: readonly Counts[]): this {
    this.sums.push({ total: this.id(total, key), parts: parts.map((p) => this.id(p, key)) });
    return this;
  }

  /** Hides cells until no sum gives a hidden count away; writes null into the cells it hides. */
  protect(): void {
    const value = (i: number) => this.cells[i]?.obj[this.cells[i]?.key as string] as number | null;
    const hide = (i: number) => {
      const c = this.cells[i] as { obj: Counts; key: string };
      c.obj[c.key] = null;
    };
    const smallestShown = (parts: number[]) => {
      let pick = -1;
      for (const i of parts) {
        const v = value(i);
        if (v !== null && v > 0 && (pick < 0 || v < (value(pick) as number))) pick = i;
      }
      return pick;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const { total, parts } of this.sums) {
        const t = value(total);
        const hidden = parts.filter((i) => value(i) === null);
        const shownSum = parts.reduce((s, i) => s + (value(i) ?? 0), 0);
        if (t !== null) {
          if (hidden.length === 0) continue;
          const hiddenSum = t - shownSum;
          if (hiddenSum === 0 || (hidden.length > 1 && hiddenSum >= THRESHOLD)) continue;
          const pick = smallestShown(parts);
          hide(pick >= 0 ? pick : total);
          changed = true;
        } else if (hidden.length === 0 && shownSum > 0) {
          hide(smallestShown(parts));
          changed = true;
        }
      }
    }
  }
}
