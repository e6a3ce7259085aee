import { describe, expect, it } from "vitest";
import { MAX_NOISE } from "../disclosure/publish";
import { type DeviationStatItem, deviationFigures, monthsOf } from "./statistics";

let next = 1;
const item = (over: Partial<DeviationStatItem> = {}): DeviationStatItem => ({
  key: (next++ * 2_654_435_761) >>> 0,
  kind: "tidsfrist",
  unitId: "u1",
  lexSarah: "none",
  serious: false,
  month: "2026-01",
  ...over,
});
const many = (n: number, over: Partial<DeviationStatItem> = {}) => Array.from({ length: n }, () => item(over));
const period = { from: "2026-01-01", to: "2026-03-31", unitIds: ["u1", "u2"] };

describe("deviation statistics", () => {
  it("lists the months of the period", () => {
    expect(monthsOf("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("hides counts of 1–4 and shows 0 as 0", () => {
    const items = [...many(30), ...many(3, { kind: "bemotande", unitId: "u2", month: "2026-02" })];
    const f = deviationFigures(items, period);
    expect(f.protectedWhole).toBe(false);
    expect(f.byKind.find((k) => k.kind === "bemotande")?.count).toBeNull();
    expect(f.byUnit.find((u) => u.unitId === "u2")?.count).toBeNull();
    expect(f.byMonth.find((m) => m.month === "2026-02")?.count).toBeNull();
    expect(f.byKind.find((k) => k.kind === "vald_hot")?.count).toBe(0);
    expect(f.byMonth.find((m) => m.month === "2026-03")?.count).toBe(0);
  });

  it("never lets a hidden count be worked out as the total minus the shown parts", () => {
    const items = [...many(30), ...many(3, { kind: "bemotande", unitId: "u2", month: "2026-02" })];
    const f = deviationFigures(items, period);
    // With one hidden kind, the total or another kind must be hidden too.
    const hiddenKinds = f.byKind.filter((k) => k.count === null).length;
    expect(f.total === null || hiddenKinds >= 2).toBe(true);
    const hiddenUnits = f.byUnit.filter((u) => u.count === null).length;
    expect(f.total === null || hiddenUnits >= 2).toBe(true);
  });

  it("perturbs shown counts by at most the published noise", () => {
    const items = [...many(40), ...many(25, { kind: "dokumentation", lexSarah: "missforhallande", serious: true })];
    const f = deviationFigures(items, period);
    const docs = f.byKind.find((k) => k.kind === "dokumentation")?.count;
    expect(docs).not.toBeNull();
    expect(Math.abs((docs as number) - 25)).toBeLessThanOrEqual(MAX_NOISE);
    expect(Math.abs((f.total as number) - 65)).toBeLessThanOrEqual(MAX_NOISE);
  });

  it("hides the lex Sarah split when a part is small, across both of its sums", () => {
    const items = [
      ...many(30),
      ...many(12, { lexSarah: "missforhallande", serious: false }),
      ...many(2, { lexSarah: "risk", serious: true }),
    ];
    const f = deviationFigures(items, period);
    expect(f.lexSarah.risk).toBeNull();
    expect(f.lexSarah.serious).toBeNull();
    // The lex Sarah total minus missförhållanden would give the risks: one of them is hidden too.
    expect(f.lexSarah.lexSarah === null || f.lexSarah.missforhallande === null).toBe(true);
    expect(f.lexSarah.lexSarah === null || f.lexSarah.notSerious === null).toBe(true);
  });

  it("protects the whole report when the filter leaves fewer than 10 avvikelser", () => {
    const f = deviationFigures(many(7), period);
    expect(f.protectedWhole).toBe(true);
    expect(f.total).toBeNull();
    expect(f.byKind.every((k) => k.count === null)).toBe(true);
    expect(Object.values(f.lexSarah).every((v) => v === null)).toBe(true);
  });

  it("shows an empty period as zeros, not as hidden", () => {
    const f = deviationFigures([], period);
    expect(f.protectedWhole).toBe(false);
    expect(f.total).toBe(0);
    expect(f.byUnit.map((u) => u.count)).toEqual([0, 0]);
  });
});
