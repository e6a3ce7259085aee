import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NOISE, MIN_STATISTIC_N, Tally } from "../disclosure/publish";
import { complementaryShares, type EffectRow, publishEffects, summarizeEffects } from "./aggregate";
import { hedgesGPaired } from "./effect-size";

let nextKey = 1;
/** A row with a fresh record key (keys are arbitrary 32-bit numbers; the server derives them by HMAC). */
const row = (before: number | null, after: number | null, change: EffectRow["change"] = null): EffectRow => ({
  key: Math.imul(nextKey++, 0x9e3779b1) >>> 0,
  before,
  after,
  change,
});
const tally = (n: number) => Tally.of(Array.from({ length: n }, () => Math.imul(nextKey++, 0x9e3779b1) >>> 0));

describe("summarizeEffects", () => {
  it("counts pairs and drop-outs and keeps the paired scores", () => {
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
    expect(s.pairs.n).toBe(4);
    expect(s.missingAfter.n).toBe(2);
    expect(s.before).toEqual([10, 12, 14, 16]);
    expect(s.after).toEqual([13, 14, 19, 18]);
    expect(s.hedges).toEqual(hedgesGPaired([10, 12, 14, 16], [13, 14, 19, 18]));
    expect([s.classified.n, s.improved.n, s.unchanged.n, s.deteriorated.n]).toEqual([4, 2, 2, 0]);
  });

  it("classifies only complete pairs with a class", () => {
    const s = summarizeEffects([row(1, 2, "improved"), row(1, 2), row(1, 2, "deteriorated"), row(3, 3, undefined)]);
    expect(s.classified.n).toBe(2);
    expect(s.pairs.n).toBe(4);
  });

  it("is empty for no rows", () => {
    const s = summarizeEffects([]);
    expect([s.pairs.n, s.missingAfter.n, s.classified.n]).toEqual([0, 0, 0]);
    expect(s.hedges.g).toBeNull();
  });
});

describe("publishEffects", () => {
  const rows = (n: number, change: EffectRow["change"] = "improved") =>
    Array.from({ length: n }, (_, i) => row(i % 7, (i % 7) + 1 + (i % 3), change));

  it("hides every figure when there are 1–4 pairs", () => {
    const s = publishEffects(summarizeEffects([row(1, 2, "improved"), row(2, 5, "improved"), row(3, 3), row(4, null)]), {
      range: 9,
    });
    expect(s).toEqual({
      n: null,
      missingAfter: null,
      meanBefore: null,
      meanAfter: null,
      g: null,
      ciLow: null,
      ciHigh: null,
      gAv: null,
      shareImproved: null,
      shareUnchanged: null,
      shareDeteriorated: null,
    });
  });

  it("shows zero pairs as 0, and a count of 5 or more within ±MAX_NOISE", () => {
    const s = publishEffects(summarizeEffects(Array.from({ length: 6 }, (_, i) => row(i, null))), { range: 9 });
    expect(s.n).toBe(0);
    expect(s.meanBefore).toBeNull();
    if (s.missingAfter !== null) expect(Math.abs(s.missingAfter - 6)).toBeLessThanOrEqual(MAX_NOISE);
  });

  it("shows means and effect sizes only from MIN_STATISTIC_N pairs", () => {
    const nine = publishEffects(summarizeEffects(rows(MIN_STATISTIC_N - 1)), { range: 9 });
    expect([nine.meanBefore, nine.meanAfter, nine.g, nine.gAv, nine.ciLow]).toEqual([null, null, null, null, null]);
    const summary = summarizeEffects(rows(MIN_STATISTIC_N));
    const ten = publishEffects(summary, { range: 9 });
    expect(ten.g).toBe(Math.round((summary.hedges.g as number) * 100) / 100);
    expect(ten.gAv).toBe(Math.round((summary.hedges.gAv as number) * 100) / 100);
    expect(ten.ciLow).toBe(Math.round((summary.hedges.ciLow as number) * 100) / 100);
    // A mean moves by at most half of one person's weight: range / 2n.
    expect(Math.abs((ten.meanBefore as number) - (summary.hedges.meanBefore as number))).toBeLessThanOrEqual(9 / 20 + 0.005);
    expect(Math.abs((ten.meanAfter as number) - (summary.hedges.meanAfter as number))).toBeLessThanOrEqual(9 / 20 + 0.005);
  });

  it("hides a mean and an effect size whose complement within a margin is 1–9", () => {
    const summary = summarizeEffects(rows(12));
    for (const margin of [13, 21]) {
      const s = publishEffects(summary, { range: 9, margins: [40, margin] });
      expect([s.meanBefore, s.meanAfter, s.g, s.ciLow, s.ciHigh, s.gAv]).toEqual([null, null, null, null, null, null]);
    }
    for (const margin of [12, 22]) {
      expect(publishEffects(summary, { range: 9, margins: [margin] }).meanBefore).not.toBeNull();
    }
  });

  it("perturbs the before and after means independently, so the mean change is not exact", () => {
    // Same before and after scores: an unperturbed change would be exactly 0 in every group.
    let exact = 0;
    for (let k = 0; k < 40; k++) {
      const same = Array.from({ length: 12 }, (_, i) => row(i % 10, i % 10, "unchanged"));
      const s = publishEffects(summarizeEffects(same), { range: 9 });
      if (s.meanBefore === s.meanAfter) exact += 1;
    }
    expect(exact).toBeLessThan(5);
  });
});

describe("complementaryShares", () => {
  it("hides a category of 1–4 together with the smallest other one (the others would give it away)", () => {
    const [improved, unchanged, deteriorated] = complementaryShares([tally(6), tally(5), tally(2)], tally(13));
    expect(improved).not.toBeNull();
    expect(unchanged).toBeNull();
    expect(deteriorated).toBeNull();
  });

  it("hides all shares when the hidden ones together hold fewer than 5", () => {
    // 1 improved, 2 unchanged, 0 deteriorated of 3 classified: the denominator itself is small.
    expect(complementaryShares([tally(1), tally(2), tally(0)], tally(3))).toEqual([null, null, null]);
    // 6 improved, 1 unchanged, 0 deteriorated: the 0 adds nobody, so the 6 goes too (its complement is 1 anyway).
    expect(complementaryShares([tally(6), tally(1), tally(0)], tally(7))).toEqual([null, null, 0]);
    // 2 + 3 hidden hold 5 together: the third may be shown.
    const [, , third] = complementaryShares([tally(2), tally(3), tally(10)], tally(15));
    expect(third).not.toBeNull();
    // 2 + 2 hidden hold 4: the third goes too.
    expect(complementaryShares([tally(2), tally(2), tally(10)], tally(14))).toEqual([null, null, null]);
  });

  it("shows an all-or-nothing share exactly", () => {
    expect(complementaryShares([tally(10), tally(0), tally(0)], tally(10))).toEqual([1, 0, 0]);
  });

  const arbRow = fc.record({
    before: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    after: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    change: fc.option(fc.constantFrom("improved" as const, "unchanged" as const, "deteriorated" as const), {
      nil: null,
    }),
    key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  });
  const arbRows = fc.array(arbRow, { maxLength: 40 });

  it("never shows a count of 1–4, nor a statistic of fewer than MIN_STATISTIC_N pairs", () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const summary = summarizeEffects(rows);
        const s = publishEffects(summary, { range: 40 });
        for (const count of [s.n, s.missingAfter]) {
          if (count !== null) expect(count === 0 || count >= 5).toBe(true);
        }
        if (summary.pairs.n < MIN_STATISTIC_N) {
          for (const v of [s.meanBefore, s.meanAfter, s.g, s.ciLow, s.ciHigh, s.gAv]) expect(v).toBeNull();
        }
      }),
    );
  });

  it("never leaves one share hidden alone, nor hidden shares that hold 1–4 together", () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const summary = summarizeEffects(rows);
        const s = publishEffects(summary, { range: 40 });
        const parts = [
          [summary.improved.n, s.shareImproved],
          [summary.unchanged.n, s.shareUnchanged],
          [summary.deteriorated.n, s.shareDeteriorated],
        ] as const;
        const hidden = parts.filter(([, sh]) => sh === null);
        expect(hidden.length).not.toBe(1);
        const hiddenSum = hidden.reduce((a, [k]) => a + k, 0);
        if (hidden.length > 0 && hidden.length < 3) expect(hiddenSum === 0 || hiddenSum >= 5).toBe(true);
        for (const [k, sh] of parts) {
          if (sh === null) continue;
          expect(k === 0 || k >= 5).toBe(true);
          expect(summary.classified.n - k === 0 || summary.classified.n - k >= 5).toBe(true);
        }
      }),
    );
  });
});
