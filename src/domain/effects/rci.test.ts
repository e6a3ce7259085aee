import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyChange,
  clinicalCutoff,
  clinicallySignificant,
  RCI_CRITERION,
  reliableChangeIndex,
  standardErrorOfDifference,
} from "./rci";

// Hand computation in the manner of Jacobson & Truax (1991) (numbers chosen here, not quoted
// from the paper): a symptom scale (lower is better) with sd = 7.5 and reliability r = .88.
//   SE    = 7.5 · √(1 − .88) = 7.5 · √0.12 = 7.5 · 0.346410 = 2.598076
//   Sdiff = √(2 · SE²) = 7.5 · √2 · √0.12 = 7.5 · √0.24 = 7.5 · 0.489898 = 3.674235
//   before 32, after 22: RCI = (22 − 32) / 3.674235 = −2.721655  → |RCI| > 1.96, reliable.
describe("standardErrorOfDifference / reliableChangeIndex", () => {
  it("matches the hand computation", () => {
    expect(standardErrorOfDifference(7.5, 0.88)).toBeCloseTo(3.674235, 6);
    expect(standardErrorOfDifference(7.5, 0.88)).toBeCloseTo(Math.sqrt(2 * (7.5 * Math.sqrt(0.12)) ** 2), 12);
    expect(reliableChangeIndex(32, 22, 7.5, 0.88)).toBeCloseTo(-2.721655, 6);
  });

  it("is sd·√2·√(1−r)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), (sd, r) => {
        expect(standardErrorOfDifference(sd, r)).toBeCloseTo(sd * Math.SQRT2 * Math.sqrt(1 - r), 9);
      }),
    );
  });

  it("rejects sd ≤ 0, reliability outside [0, 1) and non-finite scores", () => {
    expect(() => standardErrorOfDifference(0, 0.8)).toThrow(RangeError);
    expect(() => standardErrorOfDifference(-1, 0.8)).toThrow(RangeError);
    expect(() => standardErrorOfDifference(5, 1)).toThrow(RangeError);
    expect(() => standardErrorOfDifference(5, -0.1)).toThrow(RangeError);
    expect(() => standardErrorOfDifference(Number.NaN, 0.8)).toThrow(RangeError);
    expect(() => reliableChangeIndex(Number.NaN, 1, 5, 0.8)).toThrow(RangeError);
  });
});

describe("classifyChange", () => {
  it("respects the direction of the scale", () => {
    const base = { before: 32, after: 22, sd: 7.5, reliability: 0.88 };
    expect(classifyChange({ ...base, higherIsBetter: false })).toBe("improved");
    expect(classifyChange({ ...base, higherIsBetter: true })).toBe("deteriorated");
    expect(classifyChange({ ...base, before: 22, after: 32, higherIsBetter: false })).toBe("deteriorated");
    expect(classifyChange({ ...base, before: 22, after: 32, higherIsBetter: true })).toBe("improved");
  });

  it("a change smaller than 1.96·Sdiff is unchanged", () => {
    // 1.96 · 3.674235 = 7.201501: a 7-point drop is not reliable, an 8-point drop is.
    const base = { before: 32, sd: 7.5, reliability: 0.88, higherIsBetter: false };
    expect(classifyChange({ ...base, after: 25 })).toBe("unchanged");
    expect(classifyChange({ ...base, after: 24 })).toBe("improved");
    expect(classifyChange({ ...base, after: 32 })).toBe("unchanged");
  });

  it("exactly at 1.96 is unchanged (reliable means larger than the criterion)", () => {
    // sd = 1, r = .5: Sdiff = 1 · √(2 · 0.5) = 1 exactly, so RCI = after − before.
    expect(reliableChangeIndex(0, 1.96, 1, 0.5)).toBe(1.96);
    expect(classifyChange({ before: 0, after: 1.96, sd: 1, reliability: 0.5, higherIsBetter: true })).toBe("unchanged");
    expect(classifyChange({ before: 0, after: -1.96, sd: 1, reliability: 0.5, higherIsBetter: true })).toBe("unchanged");
    expect(classifyChange({ before: 0, after: 1.9601, sd: 1, reliability: 0.5, higherIsBetter: true })).toBe("improved");
    expect(classifyChange({ before: 0, after: -1.9601, sd: 1, reliability: 0.5, higherIsBetter: true })).toBe("deteriorated");
    // sd = 5, r = .5: Sdiff = 5; 9.8 / 5 is 1.9600000000000002 in floating point — still the boundary.
    expect(classifyChange({ before: 10, after: 19.8, sd: 5, reliability: 0.5, higherIsBetter: true })).toBe("unchanged");
  });

  it("takes another criterion", () => {
    // RCI = 1.8: not reliable at 1.96, reliable at 1.645 (p < .10).
    const base = { before: 0, after: 1.8, sd: 1, reliability: 0.5, higherIsBetter: true };
    expect(classifyChange(base)).toBe("unchanged");
    expect(classifyChange({ ...base, criterion: 1.645 })).toBe("improved");
    expect(RCI_CRITERION).toBe(1.96);
  });

  it("swapping before and after swaps improved and deteriorated", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), (a, b, hib) => {
        const args = { sd: 7.5, reliability: 0.88, higherIsBetter: hib };
        const forward = classifyChange({ ...args, before: a, after: b });
        const backward = classifyChange({ ...args, before: b, after: a });
        const flip = { improved: "deteriorated", deteriorated: "improved", unchanged: "unchanged" } as const;
        expect(backward).toBe(flip[forward]);
      }),
    );
  });
});

describe("clinicalCutoff", () => {
  it("weights the two means by the other population's SD", () => {
    // Clinical mean 30 (sd 8), functional mean 10 (sd 4):
    //   c = (8 · 10 + 4 · 30) / (8 + 4) = 200 / 12 = 16.6667
    // and c lies equally many own-SDs from each mean: (30 − c)/8 = (c − 10)/4 = 1.6667.
    const c = clinicalCutoff({ meanClinical: 30, sdClinical: 8, meanFunctional: 10, sdFunctional: 4 });
    expect(c).toBeCloseTo(200 / 12, 12);
    expect((30 - c) / 8).toBeCloseTo((c - 10) / 4, 12);
  });

  it("is the midpoint when the SDs are equal", () => {
    expect(clinicalCutoff({ meanClinical: 30, sdClinical: 5, meanFunctional: 10, sdFunctional: 5 })).toBe(20);
  });

  it("rejects non-positive SDs", () => {
    expect(() => clinicalCutoff({ meanClinical: 30, sdClinical: 0, meanFunctional: 10, sdFunctional: 5 })).toThrow(RangeError);
  });
});

describe("clinicallySignificant", () => {
  const lowerBetter = { cutoff: 16.67, higherIsBetter: false };
  it("needs a reliable improvement and a crossing of the cut-off in the good direction", () => {
    expect(clinicallySignificant({ ...lowerBetter, before: 32, after: 12, reliableImproved: true })).toBe(true);
    // Reliable but still above the cut-off: improved, not recovered.
    expect(clinicallySignificant({ ...lowerBetter, before: 32, after: 20, reliableImproved: true })).toBe(false);
    // Crossed but not reliably.
    expect(clinicallySignificant({ ...lowerBetter, before: 18, after: 15, reliableImproved: false })).toBe(false);
    // Already in the functional range before.
    expect(clinicallySignificant({ ...lowerBetter, before: 15, after: 5, reliableImproved: true })).toBe(false);
  });

  it("handles higher-is-better scales", () => {
    const higher = { cutoff: 50, higherIsBetter: true };
    expect(clinicallySignificant({ ...higher, before: 40, after: 60, reliableImproved: true })).toBe(true);
    expect(clinicallySignificant({ ...higher, before: 60, after: 40, reliableImproved: true })).toBe(false);
    expect(clinicallySignificant({ ...higher, before: 55, after: 70, reliableImproved: true })).toBe(false);
  });

  it("ending exactly at the cut-off is not recovered; starting at it is allowed", () => {
    const higher = { cutoff: 50, higherIsBetter: true, reliableImproved: true };
    expect(clinicallySignificant({ ...higher, before: 40, after: 50 })).toBe(false);
    expect(clinicallySignificant({ ...higher, before: 50, after: 60 })).toBe(true);
  });

  it("end to end: the hand-computed case recovers", () => {
    const input = { before: 32, after: 12, sd: 7.5, reliability: 0.88, higherIsBetter: false };
    const reliableImproved = classifyChange(input) === "improved";
    const cutoff = clinicalCutoff({ meanClinical: 30, sdClinical: 8, meanFunctional: 10, sdFunctional: 4 });
    expect(clinicallySignificant({ ...input, cutoff, reliableImproved })).toBe(true);
  });
});
