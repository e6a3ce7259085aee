import { describe, expect, it } from "vitest";
import { disclosure, type Publisher } from "../disclosure/publish";
import { sanctionFigures, type UngdomstjanstItem } from "./sanction-figures";

const exact: Publisher = {
  count: (t) => t.n,
  share: () => null,
  mean: () => null,
  statistic: (v) => v,
  populationTooSmall: () => false,
  protects: false,
};
const period = { from: "2025-03-01", to: "2025-03-31" };
const ut = (i: number, over: Partial<UngdomstjanstItem> = {}): UngdomstjanstItem => ({
  key: 7000 + i * 7919,
  gender: i % 2 === 0 ? "pojke" : "flicka",
  judgmentOn: "2025-03-05",
  completedOn: null,
  misconductReportedOn: [],
  ...over,
});

describe("youth sanction figures", () => {
  it("counts judgments, completions and misconduct reports in the period, each judgment once", () => {
    const f = sanctionFigures(
      [
        ut(0),
        ut(1, { completedOn: "2025-03-30" }),
        ut(2, { judgmentOn: "2025-02-10", misconductReportedOn: ["2025-03-12", "2025-03-20"] }),
        ut(3, { misconductReportedOn: ["2025-04-02"] }),
      ],
      [{ key: 99, gender: "flicka", judgmentOn: "2025-03-10", followedUpOn: ["2025-03-31", "2025-04-01"] }],
      period,
      exact,
    );
    expect(f.ungdomstjanst.judged).toEqual({ all: 3, pojke: 1, flicka: 2, other: 0 });
    expect(f.ungdomstjanst.completed).toEqual({ all: 1, pojke: 0, flicka: 1, other: 0 });
    expect(f.ungdomstjanst.misconduct).toEqual({ all: 1, pojke: 1, flicka: 0, other: 0 });
    expect(f.ungdomsovervakning).toEqual({
      judged: { all: 1, pojke: 0, flicka: 1, other: 0 },
      followedUp: { all: 1, pojke: 0, flicka: 1, other: 0 },
    });
  });
  it("through the disclosure module: a handful of records hides every figure", () => {
    const f = sanctionFigures([ut(0), ut(1)], [], period, disclosure);
    expect(f.protectedWhole).toBe(true);
    expect(f.ungdomstjanst.judged.all).toBeNull();
  });
  it("through the disclosure module: no small count is shown and the gender sum gives none away", () => {
    const many = Array.from({ length: 40 }, (_, i) => ut(i, { gender: i < 37 ? "pojke" : "flicka" }));
    const { judged } = sanctionFigures(many, [], period, disclosure).ungdomstjanst;
    for (const v of Object.values(judged)) expect(v === null || v === 0 || v >= 5).toBe(true);
    expect(judged.flicka).toBeNull();
    expect([judged.all, judged.pojke].filter((v) => v === null).length).toBeGreaterThanOrEqual(1);
  });
});
