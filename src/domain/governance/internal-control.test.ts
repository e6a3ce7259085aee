import { describe, expect, it } from "vitest";
import { figureOutcome, type HandlingTimeFigures, metricValue, riskLevel, riskScore } from "./internal-control";

describe("risk assessment", () => {
  it("is probability × consequence on 1–4, in three levels", () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(4, 4)).toBe(16);
    expect(riskScore(2, 3)).toBe(6);
    expect(riskLevel(3)).toBe("lag");
    expect(riskLevel(4)).toBe("medel");
    expect(riskLevel(8)).toBe("medel");
    expect(riskLevel(9)).toBe("hog");
    expect(() => riskScore(0, 2)).toThrow(RangeError);
    expect(() => riskScore(5, 2)).toThrow(RangeError);
    expect(() => riskScore(2.5, 2)).toThrow(RangeError);
  });
});

describe("a system figure's outcome", () => {
  it("is without remark when the target is met, minor or substantial deficiency when missed", () => {
    expect(figureOutcome(0.95, { op: ">=", value: 0.9 })).toBe("utan_anmarkning");
    expect(figureOutcome(0.9, { op: ">=", value: 0.9 })).toBe("utan_anmarkning");
    expect(figureOutcome(0.85, { op: ">=", value: 0.9 })).toBe("mindre_brister");
    expect(figureOutcome(0.5, { op: ">=", value: 0.9 })).toBe("vasentliga_brister");
    expect(figureOutcome(0, { op: "<=", value: 0 })).toBe("utan_anmarkning");
    expect(figureOutcome(12, { op: "<=", value: 5 })).toBe("vasentliga_brister");
  });
  it("cannot be judged without a figure (hidden by disclosure control) or without a target", () => {
    expect(figureOutcome(null, { op: ">=", value: 0.9 })).toBe("ej_bedombar");
    expect(figureOutcome(0.95, null)).toBe("ej_bedombar");
  });
});

describe("metric values from published figures", () => {
  const f: HandlingTimeFigures = {
    skyddsbedomning: { share: 0.97, late: 6, overdue: 0 },
    forhandsbedomning: { share: 0.88, late: 11, overdue: 5 },
    utredning: { share: 0.71, late: 7, overdue: 0, lateExtensions: 0 },
  };
  it("reads shares as published", () => {
    expect(metricValue("utredning_inom_4_manader", f)).toBe(0.71);
    expect(metricValue("skyddsbedomning_inom_24_timmar", f)).toBe(0.97);
  });
  it("sums late counts, and hides the sum when a part is hidden", () => {
    expect(metricValue("sena_frister", f)).toBe(29);
    expect(metricValue("sena_frister", { ...f, utredning: { ...f.utredning, late: null } })).toBeNull();
  });
});
