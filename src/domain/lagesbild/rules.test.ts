import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLocked, isOverdue, nextVersion, sourceProblems, yearPeriod } from "./rules";

describe("lägesbild rules", () => {
  it("covers one calendar year", () => {
    expect(yearPeriod(2025)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("refuses a manual source whose value is not a number or whose period ends before it starts", () => {
    expect(sourceProblems({ value: Number.NaN, periodFrom: "2025-01-01", periodTo: "2025-12-31" })).toEqual([
      { field: "value", message: expect.any(String) },
    ]);
    expect(sourceProblems({ value: 3, periodFrom: "2025-06-01", periodTo: "2025-05-31" }).map((p) => p.field)).toEqual([
      "periodTo",
    ]);
    expect(sourceProblems({ value: 3, periodFrom: "2025-06-01", periodTo: "2025-06-01" })).toEqual([]);
  });

  it("accepts every finite value over a period that does not run backwards", () => {
    const day = fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), day, day, (value, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(sourceProblems({ value, periodFrom: from, periodTo: to })).toEqual([]);
      }),
    );
  });

  it("numbers versions one after another and locks once decided", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (v) => nextVersion(v) === v + 1));
    expect(isLocked(null)).toBe(false);
    expect(isLocked(new Date())).toBe(true);
  });

  it("calls a measure overdue only when it is open and its day has passed", () => {
    expect(isOverdue({ status: "planerad", dueOn: "2026-01-01" }, "2026-01-02")).toBe(true);
    expect(isOverdue({ status: "pagar", dueOn: "2026-01-02" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ status: "genomford", dueOn: "2025-01-01" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ status: "installd", dueOn: "2025-01-01" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ status: "planerad", dueOn: null }, "2026-01-02")).toBe(false);
  });
});
