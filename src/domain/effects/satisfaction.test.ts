import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanScore, responseRate, SURVEY_SCALE } from "./satisfaction";

describe("responseRate", () => {
  it("is answered / sent", () => {
    expect(responseRate(40, 30)).toBe(0.75);
    expect(responseRate(5, 0)).toBe(0);
    expect(responseRate(5, 5)).toBe(1);
  });

  it("is null when nothing was sent", () => {
    expect(responseRate(0, 0)).toBeNull();
  });

  it("rejects impossible counts", () => {
    expect(() => responseRate(3, 4)).toThrow(RangeError);
    expect(() => responseRate(-1, 0)).toThrow(RangeError);
    expect(() => responseRate(4.5, 2)).toThrow(RangeError);
    expect(() => responseRate(4, Number.NaN)).toThrow(RangeError);
  });

  it("lies in [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (sent, f) => {
        const rate = responseRate(sent, Math.floor(sent * f)) as number;
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("meanScore", () => {
  it("averages answers on the 1–5 survey scale", () => {
    expect(SURVEY_SCALE).toEqual({ min: 1, max: 5 });
    expect(meanScore([1, 5, 4, 4, 3], SURVEY_SCALE)).toBe(3.4);
    expect(meanScore([5, 5])).toBe(5);
  });

  it("is null without answers", () => {
    expect(meanScore([], SURVEY_SCALE)).toBeNull();
  });

  it("rejects answers outside the scale", () => {
    expect(() => meanScore([3, 0], SURVEY_SCALE)).toThrow(RangeError);
    expect(() => meanScore([3, 6], SURVEY_SCALE)).toThrow(RangeError);
    expect(() => meanScore([Number.NaN], SURVEY_SCALE)).toThrow(RangeError);
    expect(() => meanScore([0], { min: 0, max: 10 })).not.toThrow();
  });

  it("rejects a scale with min ≥ max", () => {
    expect(() => meanScore([1], { min: 5, max: 1 })).toThrow(RangeError);
  });

  it("stays within the scale", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (answers) => {
        const m = meanScore(answers, SURVEY_SCALE) as number;
        expect(m).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(m).toBeLessThanOrEqual(5 + 1e-12);
      }),
    );
  });
});
