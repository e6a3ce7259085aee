import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohenBenchmark, hedgesCorrection, hedgesGPaired, mean, sampleSd } from "./effect-size";

describe("hedgesGPaired", () => {
  it("matches a hand computation", () => {
    // before = [10, 12, 14, 16], after = [13, 14, 19, 18]
    // meanBefore = 52/4 = 13, meanAfter = 64/4 = 16
    // changes = [3, 2, 5, 2], meanChange = 12/4 = 3
    // deviations [0, −1, 2, −1], SS = 0 + 1 + 4 + 1 = 6, var = 6/3 = 2, sdChange = √2 = 1.414214
    // d_z = 3/√2 = 2.121320
    // J = 1 − 3/(4·3 − 1) = 1 − 3/11 = 8/11 = 0.727273
    // g = 2.121320 · 8/11 = 1.542778     (g² = 9/2 · 64/121 = 288/121 = 2.380165)
    // SE = √(1/4 + 2.380165/8) = √(0.25 + 0.297521) = √0.547521 = 0.739946
    // CI = 1.542778 ± 1.96 · 0.739946 = 1.542778 ± 1.450295 = [0.092483, 2.993073]
    const r = hedgesGPaired([10, 12, 14, 16], [13, 14, 19, 18]);
    expect(r.n).toBe(4);
    expect(r.meanBefore).toBe(13);
    expect(r.meanAfter).toBe(16);
    expect(r.meanChange).toBe(3);
    expect(r.sdChange).toBeCloseTo(Math.SQRT2, 12);
    expect(r.g).toBeCloseTo(1.542778, 6);
    expect(r.g).toBeCloseTo((3 / Math.SQRT2) * (8 / 11), 12);
    expect(r.ciLow).toBeCloseTo(0.092483, 5);
    expect(r.ciHigh).toBeCloseTo(2.993073, 5);
  });

  it("has null fields for n < 3 and for constant change", () => {
    expect(hedgesGPaired([], [])).toEqual({
      n: 0,
      meanBefore: null,
      meanAfter: null,
      meanChange: null,
      sdChange: null,
      g: null,
      ciLow: null,
      ciHigh: null,
      gAv: null,
    });
    const one = hedgesGPaired([5], [7]);
    expect(one).toMatchObject({ n: 1, meanChange: 2, sdChange: null, g: null });
    // n = 2: J = 1 − 3/3 = 0, g would always be 0 — reported as null.
    const two = hedgesGPaired([5, 6], [7, 10]);
    expect(two).toMatchObject({ n: 2, meanChange: 3, g: null, ciLow: null, ciHigh: null });
    expect(two.sdChange).toBeCloseTo(Math.SQRT2, 12);
    const constant = hedgesGPaired([0.1, 0.2, 0.3], [0.4, 0.5, 0.6]);
    expect(constant.sdChange).toBe(0);
    expect(constant.g).toBeNull();
    const same = hedgesGPaired([1, 2, 3], [1, 2, 3]);
    expect(same).toMatchObject({ meanChange: 0, sdChange: 0, g: null });
  });

  it("rejects unpaired or non-finite input", () => {
    expect(() => hedgesGPaired([1, 2], [1])).toThrow(RangeError);
    expect(() => hedgesGPaired([1, Number.NaN, 3], [1, 2, 3])).toThrow(RangeError);
  });

  const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), {
    minLength: 3,
    maxLength: 60,
  });

  it("swapping before and after negates g and mirrors the CI", () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const b = ps.map((p) => p[0]);
        const a = ps.map((p) => p[1]);
        const fwd = hedgesGPaired(b, a);
        const bwd = hedgesGPaired(a, b);
        if (fwd.g === null) {
          expect(bwd.g).toBeNull();
          return;
        }
        expect(bwd.g).toBeCloseTo(-fwd.g, 12);
        expect(bwd.ciLow).toBeCloseTo(-(fwd.ciHigh as number), 12);
        expect(bwd.ciHigh).toBeCloseTo(-(fwd.ciLow as number), 12);
      }),
    );
  });

  it("g has the sign of the mean change, and the CI contains g", () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const r = hedgesGPaired(
          ps.map((p) => p[0]),
          ps.map((p) => p[1]),
        );
        if (r.g === null) {
          expect(r.sdChange === 0 || r.n < 3).toBe(true);
          return;
        }
        expect(Math.sign(r.g)).toBe(Math.sign(r.meanChange as number));
        expect(r.ciLow as number).toBeLessThan(r.g);
        expect(r.ciHigh as number).toBeGreaterThan(r.g);
        // |g| ≤ |d_z| since 0 < J < 1 for n ≥ 3 (equal only when both are 0).
        expect(Math.abs(r.g)).toBeLessThanOrEqual(Math.abs((r.meanChange as number) / (r.sdChange as number)));
      }),
    );
  });
});

describe("g_av beside g_z", () => {
  it("matches a hand computation (the example above)", () => {
    // before = [10, 12, 14, 16]: mean 13, deviations −3, −1, 1, 3, SS = 20, sd = √(20/3) = 2.581989
    // after  = [13, 14, 19, 18]: mean 16, deviations −3, −2, 3, 2, SS = 26, sd = √(26/3) = 2.943920
    // average sd = (2.581989 + 2.943920) / 2 = 2.762955
    // d_av = 3 / 2.762955 = 1.085794;  g_av = 8/11 · 1.085794 = 0.789668
    // g_z was 1.542778: the same change reads twice as large in change-score units.
    const r = hedgesGPaired([10, 12, 14, 16], [13, 14, 19, 18]);
    const sdAv = (Math.sqrt(20 / 3) + Math.sqrt(26 / 3)) / 2;
    expect(r.gAv).toBeCloseTo((8 / 11) * (3 / sdAv), 12);
    expect(r.gAv).toBeCloseTo(0.789668, 6);
    expect(cohenBenchmark(r.gAv as number)).toBe("medium");
    expect(cohenBenchmark(r.g as number)).toBe("large");
  });

  it("is null below 3 pairs and when neither before nor after varies", () => {
    expect(hedgesGPaired([1, 2], [3, 5]).gAv).toBeNull();
    expect(hedgesGPaired([4, 4, 4], [6, 6, 6]).gAv).toBeNull();
    // Only one side varies: the average SD is still > 0.
    expect(hedgesGPaired([4, 4, 4], [5, 6, 7]).gAv).toBeCloseTo((1 - 3 / 7) * (2 / 0.5), 12);
  });

  it("names Cohen's benchmarks by absolute value", () => {
    expect([0, 0.19, -0.2, 0.49, 0.5, -0.79, 0.8, 2].map(cohenBenchmark)).toEqual([
      "negligible",
      "negligible",
      "small",
      "small",
      "medium",
      "medium",
      "large",
      "large",
    ]);
  });

  it("has the sign of g_z", () => {
    const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), {
      minLength: 3,
      maxLength: 60,
    });
    fc.assert(
      fc.property(pairs, (ps) => {
        const r = hedgesGPaired(
          ps.map((p) => p[0]),
          ps.map((p) => p[1]),
        );
        if (r.g === null || r.gAv === null) return;
        expect(Math.sign(r.gAv)).toBe(Math.sign(r.g));
      }),
    );
  });
});

describe("helpers", () => {
  it("mean, sampleSd and the correction", () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleSd([1])).toBeNull();
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(hedgesCorrection(4)).toBeCloseTo(8 / 11, 12);
    expect(hedgesCorrection(21)).toBeCloseTo(1 - 3 / 79, 12);
  });
});
