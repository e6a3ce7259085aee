import { describe, expect, it } from "vitest";
import { personChange } from "./change";

// The starter rating norms: Sdiff = 2 · √(2 · 0.2) = 1.2649, so |change| ≥ 3 is reliable (2.48 is the bar).
const norms = { higherIsBetter: true, reliability: 0.8, referenceSd: 2, cutoff: 5 };

describe("personChange", () => {
  it("classifies a 3-step rise as improved and a 2-step rise as unchanged", () => {
    expect(personChange(norms, 4, 7)).toMatchObject({ change: 3, changeClass: "improved", clinicallySignificant: true });
    expect(personChange(norms, 4, 7).rci).toBeCloseTo(3 / 1.264911, 5);
    expect(personChange(norms, 4, 6)).toMatchObject({ change: 2, changeClass: "unchanged", clinicallySignificant: false });
  });
  it("turns the direction for a scale where lower is better", () => {
    const risk = { ...norms, higherIsBetter: false, cutoff: null };
    expect(personChange(risk, 8, 4)).toMatchObject({ changeClass: "improved", clinicallySignificant: null });
    expect(personChange(risk, 4, 8).changeClass).toBe("deteriorated");
  });
  it("is reliable improvement without clinical significance when the cut-off is not crossed", () => {
    expect(personChange(norms, 6, 10)).toMatchObject({ changeClass: "improved", clinicallySignificant: false });
  });
  it("gives no RCI without norms", () => {
    expect(personChange({ ...norms, reliability: null }, 2, 9)).toEqual({
      before: 2,
      after: 9,
      change: 7,
      rci: null,
      changeClass: null,
      clinicallySignificant: null,
    });
  });
});
