import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countNoise, MAX_NOISE, Tally } from "./cell-key";
import {
  MIN_COUNT,
  MIN_STATISTIC_N,
  periodAllowed,
  populationTooSmall,
  publishCount,
  publishMean,
  publishShare,
  publishStatistic,
  statisticAllowed,
} from "./publish";

const tally = (n: number, seed = 1) => Tally.of(Array.from({ length: n }, (_, i) => (i + 1) * 2654435761 * seed));

describe("cell keys", () => {
  it("give the same perturbation to the same records whatever the order they are added in", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 40 }), (keys) => {
        const forward = Tally.of(keys);
        const backward = Tally.of([...keys].reverse());
        expect(backward.key).toBe(forward.key);
        expect(countNoise(backward)).toBe(countNoise(forward));
      }),
    );
  });

  it("perturb by at most MAX_NOISE and never an empty cell", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 30 }), (keys) => {
        const e = countNoise(Tally.of(keys));
        expect(Math.abs(e)).toBeLessThanOrEqual(MAX_NOISE);
        if (keys.length === 0) expect(e).toBe(0);
      }),
    );
  });

  it("perturb sets that differ by one record independently, about half of the time differently", () => {
    let differ = 0;
    for (let s = 1; s <= 200; s++) {
      const base = tally(20, s);
      const plusOne = Tally.of([...Array.from({ length: 20 }, (_, i) => (i + 1) * 2654435761 * s), 12345 * s]);
      if (countNoise(base) !== countNoise(plusOne)) differ++;
      expect(base.key).not.toBe(plusOne.key);
    }
    expect(differ).toBeGreaterThan(60);
  });
});

describe("publishCount", () => {
  it("shows 0, hides 1–4, and shows larger counts within MAX_NOISE (or hides them when perturbed below 5)", () => {
    expect(publishCount(new Tally())).toBe(0);
    for (let n = 1; n < MIN_COUNT; n++) expect(publishCount(tally(n))).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 500 }), fc.integer({ min: 1, max: 1000 }), (n, seed) => {
        const shown = publishCount(tally(n, seed));
        if (shown === null) expect(n).toBeLessThan(MIN_COUNT + MAX_NOISE);
        else {
          expect(shown).toBeGreaterThanOrEqual(MIN_COUNT);
          expect(Math.abs(shown - n)).toBeLessThanOrEqual(MAX_NOISE);
        }
      }),
    );
  });
});

describe("publishShare", () => {
  it("hides a share whose numerator, denominator or complement is 1–4", () => {
    expect(publishShare(tally(3), tally(40))).toBeNull();
    expect(publishShare(tally(38), tally(40))).toBeNull(); // 38 of 40 would reveal the 2
    expect(publishShare(tally(3), tally(4))).toBeNull();
    expect(publishShare(new Tally(), new Tally())).toBeNull();
  });

  it("shows 0 and 1 exactly (they describe no one) and other shares from the perturbed counts", () => {
    expect(publishShare(new Tally(), tally(12))).toBe(0);
    const all = tally(12);
    expect(publishShare(all, all)).toBe(1);
    const share = publishShare(tally(20), tally(31, 7)) as number;
    expect(share).toBeGreaterThan(18 / 33 - 0.001);
    expect(share).toBeLessThan(22 / 29 + 0.001);
  });
});

describe("statistics of a group", () => {
  it("need MIN_STATISTIC_N and a complement of 0 or at least MIN_STATISTIC_N in every margin", () => {
    expect(statisticAllowed(MIN_STATISTIC_N - 1)).toBe(false);
    expect(statisticAllowed(MIN_STATISTIC_N)).toBe(true);
    expect(statisticAllowed(12, [12])).toBe(true);
    expect(statisticAllowed(12, [15])).toBe(false); // the other 3's mean would follow
    expect(statisticAllowed(12, [22, 40])).toBe(true);
    expect(publishStatistic(3.14159, 12, { decimals: 2 })).toBe(3.14);
    expect(publishStatistic(3.14159, 12, { decimals: 2, margins: [13] })).toBeNull();
  });

  it("perturb a mean by less than half of one person's weight, the same each time", () => {
    const values = Array.from({ length: 12 }, (_, i) => (i % 10) + 1);
    const cell = tally(12);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const shown = publishMean(values, cell, { range: 9, decimals: 3 }) as number;
    expect(Math.abs(shown - mean)).toBeLessThanOrEqual(9 / (2 * 12) + 0.001);
    expect(publishMean(values, cell, { range: 9, decimals: 3 })).toBe(shown);
    expect(publishMean(values.slice(0, 2), tally(2), { range: 9, decimals: 1 })).toBeNull();
  });
});

describe("population and granularity", () => {
  it("protects a report whose filter leaves 1–9 records", () => {
    expect(populationTooSmall(0)).toBe(false);
    expect(populationTooSmall(9)).toBe(true);
    expect(populationTooSmall(10)).toBe(false);
  });

  it("allows calendar periods only — a month, quarter, tertial, half-year or year — for the calendar granularity", () => {
    for (const [from, to] of [
      ["2026-02-01", "2026-02-28"],
      ["2024-02-01", "2024-02-29"],
      ["2026-04-01", "2026-06-30"],
      ["2026-05-01", "2026-08-31"],
      ["2026-07-01", "2026-12-31"],
      ["2026-01-01", "2026-12-31"],
    ] as const)
      expect(periodAllowed(from, to, "calendar"), `${from}–${to}`).toBe(true);
    for (const [from, to] of [
      ["2026-01-01", "2026-02-28"], // two months
      ["2026-02-01", "2026-04-30"], // three months, not a quarter
      ["2026-03-01", "2026-08-31"], // six months, not a half-year
      ["2025-12-01", "2026-11-30"], // twelve months, not a year
      ["2026-01-01", "2026-03-30"],
      ["2026-01-02", "2026-03-31"],
    ] as const)
      expect(periodAllowed(from, to, "calendar"), `${from}–${to}`).toBe(false);
    expect(periodAllowed("2026-01-02", "2026-03-30", "day")).toBe(true);
  });
});
