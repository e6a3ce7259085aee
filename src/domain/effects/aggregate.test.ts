import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { complementarySuppression, type EffectRow, summarizeEffects, suppressEffects } from "./aggregate";
import { hedgesGPaired } from "./effect-size";

const row = (before: number | null, after: number | null, change: EffectRow["change"] = null): EffectRow => ({
  before,
  after,
  change,
});

describe("summarizeEffects", () => {
  it("counts pairs and drop-outs and computes means over the pairs", () => {
    const s = summarizeEffects([
      row(10, 13, "improved"),
      row(12, 14, "unchanged"),
      row(14, 19, "improved"),
      row(16, 18, "unchanged"),
      row(20, null),
      row(30, null, "improved"), // no after: not a change, classification ignored
      row(null, 40), // no before: neither a pair nor a drop-out
      row(null, null),
    ]);
    expect(s.n).toBe(4);
    expect(s.missingAfter).toBe(2);
    expect(s.meanBefore).toBe(13);
    expect(s.meanAfter).toBe(16);
    expect(s.hedges).toEqual(hedgesGPaired([10, 12, 14, 16], [13, 14, 19, 18]));
    expect(s).toMatchObject({ classified: 4, improved: 2, unchanged: 2, deteriorated: 0 });
    expect(s.shareImproved).toBe(0.5);
    expect(s.shareUnchanged).toBe(0.5);
    expect(s.shareDeteriorated).toBe(0);
  });

  it("shares are over classified pairs only, null when none is classified", () => {
    const s = summarizeEffects([row(1, 2, "improved"), row(1, 2), row(1, 2, "deteriorated"), row(3, 3, undefined)]);
    expect(s.classified).toBe(2);
    expect(s.shareImproved).toBe(0.5);
    const none = summarizeEffects([row(1, 2), row(2, 3)]);
    expect(none.shareImproved).toBeNull();
    expect(none.shareUnchanged).toBeNull();
    expect(none.shareDeteriorated).toBeNull();
  });

  it("is empty for no rows", () => {
    const s = summarizeEffects([]);
    expect(s).toMatchObject({ n: 0, missingAfter: 0, meanBefore: null, meanAfter: null, shareImproved: null });
  });
});

describe("suppressEffects", () => {
  const tenRows = (changes: EffectRow["change"][]) => changes.map((c, i) => row(i, i + (i % 3), c));

  it("hides every figure when there are 1–4 pairs", () => {
    const s = suppressEffects(summarizeEffects([row(1, 2, "improved"), row(2, 5, "improved"), row(3, 3), row(4, null)]));
    expect(s).toEqual({
      n: null,
      missingAfter: null,
      meanBefore: null,
      meanAfter: null,
      g: null,
      ciLow: null,
      ciHigh: null,
      shareImproved: null,
      shareUnchanged: null,
      shareDeteriorated: null,
    });
  });

  it("shows zero pairs as 0 and missingAfter on its own terms", () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(i, null));
    const s = suppressEffects(summarizeEffects(rows));
    expect(s.n).toBe(0);
    expect(s.missingAfter).toBe(6);
    expect(s.meanBefore).toBeNull();
  });

  it("shows figures from 5 pairs and hides a small missingAfter", () => {
    const rows = [...tenRows(Array(5).fill("improved")), row(1, null)];
    const summary = summarizeEffects(rows);
    const s = suppressEffects(summary);
    expect(s.n).toBe(5);
    expect(s.missingAfter).toBeNull();
    expect(s.meanBefore).toBe(summary.meanBefore);
    expect(s.g).toBe(summary.hedges.g);
    expect([s.shareImproved, s.shareUnchanged, s.shareDeteriorated]).toEqual([1, 0, 0]);
  });

  it("hides a category of 1–4 persons together with the smallest other one (the others would give it away)", () => {
    const changes: EffectRow["change"][] = [
      ...Array(6).fill("improved"),
      ...Array(2).fill("deteriorated"),
      ...Array(5).fill("unchanged"),
    ];
    const s = suppressEffects(summarizeEffects(tenRows(changes)));
    expect(s.n).toBe(13);
    expect(s.shareImproved).toBe(6 / 13);
    expect(s.shareUnchanged).toBeNull();
    expect(s.shareDeteriorated).toBeNull();
  });

  it("hides all shares when the hidden ones together hold fewer than 5", () => {
    // 1 improved, 2 unchanged, 0 deteriorated of 3 classified (n 5): everything small.
    expect(complementarySuppression([1, 2, 0], 3)).toEqual([null, null, null]);
    // 6 improved, 1 unchanged, 0 deteriorated: the 0 adds nobody, so the 6 goes too.
    expect(complementarySuppression([6, 1, 0], 7)).toEqual([null, null, 0]);
    // 2 + 3 hidden hold 5 together: the third may be shown.
    expect(complementarySuppression([2, 3, 10], 15)).toEqual([null, null, 10 / 15]);
    // 2 + 2 hidden hold 4: the third goes too.
    expect(complementarySuppression([2, 2, 10], 14)).toEqual([null, null, null]);
  });

  it("hides shares when fewer than 5 pairs are classified", () => {
    const changes: EffectRow["change"][] = [...Array(3).fill("improved"), ...Array(7).fill(null)];
    const s = suppressEffects(summarizeEffects(tenRows(changes)));
    expect(s.n).toBe(10);
    expect(s.shareImproved).toBeNull();
  });

  const arbRow = fc.record({
    before: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    after: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    change: fc.option(fc.constantFrom("improved" as const, "unchanged" as const, "deteriorated" as const), {
      nil: null,
    }),
  });
  const arbRows = fc.array(arbRow, { maxLength: 40 });

  it("never shows a count of 1–4, and nothing else when n is hidden", () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const s = suppressEffects(summarizeEffects(rows));
        for (const count of [s.n, s.missingAfter]) {
          if (count !== null) expect(count === 0 || count >= 5).toBe(true);
        }
        if (s.n === null || s.n === 0) {
          for (const v of [s.meanBefore, s.meanAfter, s.g, s.ciLow, s.ciHigh, s.shareImproved]) expect(v).toBeNull();
          for (const v of [s.shareUnchanged, s.shareDeteriorated]) expect(v).toBeNull();
        }
      }),
    );
  });

  it("never lets a reader work out a count of 1–4 from the shares, and shows them exactly", () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const summary = summarizeEffects(rows);
        if (summary.classified > 0) {
          const raw = (summary.shareImproved ?? 0) + (summary.shareUnchanged ?? 0) + (summary.shareDeteriorated ?? 0);
          expect(Math.abs(raw - 1)).toBeLessThanOrEqual(1e-9);
        }
        const s = suppressEffects(summary);
        if (s.n === null || s.n === 0) return;
        const pairs = [
          [summary.improved, s.shareImproved],
          [summary.unchanged, s.shareUnchanged],
          [summary.deteriorated, s.shareDeteriorated],
        ] as const;
        const hidden = pairs.filter(([, sh]) => sh === null);
        // Never exactly one hidden (the others would give it away), and the hidden ones together
        // are 0 or at least 5 persons, unless everything is hidden.
        expect(hidden.length).not.toBe(1);
        const hiddenSum = hidden.reduce((a, [k]) => a + k, 0);
        if (hidden.length > 0 && hidden.length < 3) expect(hiddenSum === 0 || hiddenSum >= 5).toBe(true);
        for (const [k, sh] of pairs) {
          if (sh === null) continue;
          expect(k === 0 || k >= 5).toBe(true);
          expect(sh).toBe(k / summary.classified);
        }
      }),
    );
  });
});
