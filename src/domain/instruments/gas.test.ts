import { describe, expect, it } from "vitest";
import { gasTScore } from "./gas";

describe("GAS T-score", () => {
  it("is null without goals", () => {
    expect(gasTScore([])).toBeNull();
  });

  it("is 50 for one goal met as expected", () => {
    expect(gasTScore([0])).toBe(50);
  });

  it("follows Kiresuk–Sherman for three goals at +2 (60/√4.8 ≈ 27.39 above 50)", () => {
    expect(gasTScore([2, 2, 2])).toBe(77.4);
    expect(gasTScore([-2, -2, -2])).toBe(22.6);
  });

  it("weights goals and uses rho", () => {
    // 50 + 10·(2·1 + 1·(−1)) / √(0.7·5 + 0.3·9) = 50 + 10/√6.2
    expect(gasTScore([1, -1], [2, 1])).toBe(54);
    // With ρ = 0 one goal at +1 is exactly one standard deviation.
    expect(gasTScore([1], undefined, 0)).toBe(60);
  });

  it("rejects mismatched or non-positive weights and rho outside [0, 1)", () => {
    expect(() => gasTScore([1, 2], [1])).toThrow(RangeError);
    expect(() => gasTScore([1], [0])).toThrow(RangeError);
    expect(() => gasTScore([1], undefined, 1)).toThrow(RangeError);
  });
});
