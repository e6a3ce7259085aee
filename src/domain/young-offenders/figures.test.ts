import { describe, expect, it } from "vitest";
import { type Publisher, publishCount, publishShare } from "../disclosure/publish";
import type { LvuStep, RecordedStep } from "../lvu/process";
import { type LvuItem, type YttrandeItem, youngOffenderFigures } from "./figures";

/** Publishes true values: to check what is counted, apart from how it is protected. */
const exact: Publisher = {
  count: (t) => t.n,
  share: (n, d) => (d.n === 0 ? null : Math.round((n.n / d.n) * 1000) / 1000),
  mean: () => null,
  statistic: (v) => v,
  populationTooSmall: () => false,
  protects: false,
};

const yttrande = (i: number, over: Partial<YttrandeItem> = {}): YttrandeItem => ({
  key: 1000 + i * 7919,
  gender: i % 2 === 0 ? "pojke" : "flicka",
  ageGroup: "15-17",
  requester: "aklagare",
  askedOn: "2025-03-03",
  dueOn: "2025-03-24",
  sentOn: "2025-03-20",
  ...over,
});

const at = (day: string) => new Date(`${day}T09:00:00Z`);
const urgent = (i: number, steps: LvuStep[]): LvuItem => ({
  key: 50_000 + i * 104_729,
  gender: "pojke",
  facts: { grounds: ["3"], behaviours: ["brottslig_verksamhet"], birthDate: "2008-01-01" },
  steps: steps.map((s, n) => ({ ...s, seq: n + 1 }) as RecordedStep),
});
const decided = {
  kind: "omedelbart_beslut" as const,
  decidedAt: at("2025-03-03"),
  maker: { kind: "namnd" as const },
  reason: "-",
};

const period = { from: "2025-03-01", to: "2025-03-31", asOf: new Date("2025-04-10T10:00:00Z") };

describe("young offenders' figures: what is counted", () => {
  it("counts requests by gender, age and requester, and timeliness of those due in the period", () => {
    const items = [
      yttrande(0),
      yttrande(1, { sentOn: "2025-03-25" }), // late
      yttrande(2, { sentOn: null }), // overdue
      yttrande(3, { dueOn: "2025-04-20", sentOn: null }), // due after the period: not in timeliness
      yttrande(4, { askedOn: "2025-02-20", requester: "domstol", ageGroup: "18-20" }), // asked before the period
    ];
    const f = youngOffenderFigures(items, [], period, exact).yttranden;
    expect(f.requested).toEqual({ all: 4, pojke: 2, flicka: 2, other: 0 });
    expect(f.byRequester).toEqual([
      { requester: "aklagare", count: 4 },
      { requester: "polis", count: 0 },
      { requester: "domstol", count: 0 },
    ]);
    expect(f.due.all).toBe(4);
    expect(f.timeliness.all).toEqual({ settled: 4, within: 2, late: 1, overdue: 1, pending: 0, share: 0.5 });
  });

  it("judges a yttrande still running as pending, and one sent after the report's day as not sent", () => {
    const f = youngOffenderFigures(
      [yttrande(0, { dueOn: "2025-04-15", sentOn: "2025-04-12" })],
      [],
      { from: "2025-04-01", to: "2025-04-30", asOf: new Date("2025-04-11T10:00:00Z") },
      exact,
    ).yttranden;
    expect(f.timeliness.all).toMatchObject({ settled: 0, pending: 1 });
  });

  it("counts omedelbara omhändertaganden, the 7 § and 8 § clocks, and lapses", () => {
    const processes = [
      urgent(0, [decided, { kind: "verkstallt", on: "2025-03-03" }, { kind: "understalld", on: "2025-03-07" }]),
      // Underställd late: met late, and the omhändertagande lapsed on 11 March (7 §).
      urgent(1, [decided, { kind: "verkstallt", on: "2025-03-03" }, { kind: "understalld", on: "2025-03-12" }]),
    ];
    const f = youngOffenderFigures([], processes, period, exact).lvu;
    expect(f.omedelbara.all).toBe(2);
    expect(f.understallning.all).toMatchObject({ settled: 2, within: 1, late: 1 });
    // Only the first has a running 8 § clock (3 March + 4 weeks = 31 March, not applied for): overdue.
    expect(f.ansokan.all).toMatchObject({ settled: 1, overdue: 1 });
    // The second lapsed on 11 March (7 §); the first's lapse (9 §, 1 April) falls after the period.
    expect(f.lapsed.all).toBe(1);
  });
});

describe("young offenders' figures: disclosure", () => {
  it("protects a population too small as a whole", () => {
    const f = youngOffenderFigures([yttrande(0), yttrande(1)], [], period);
    expect(f.protectedWhole).toBe(true);
    expect(f.yttranden.requested.all).toBeNull();
  });

  it("publishes through the disclosure module and hides a small cell and what would give it away", () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      yttrande(i, { gender: i < 3 ? "other" : i % 2 === 0 ? "pojke" : "flicka", requester: i < 2 ? "polis" : "aklagare" }),
    );
    const f = youngOffenderFigures(items, [], period).yttranden;
    expect(f.requested.other).toBeNull(); // 3 people
    // all − pojke − flicka would give the hidden 3 back: one more cell is hidden.
    expect([f.requested.all, f.requested.pojke, f.requested.flicka].filter((v) => v === null).length).toBeGreaterThan(0);
    expect(f.byRequester.find((r) => r.requester === "polis")?.count).toBeNull();
    const shown = f.requested.all;
    if (shown !== null) expect(Math.abs(shown - 40)).toBeLessThanOrEqual(2);
    // The module's own rules, for reference: a count below 5 is never shown, a share needs 5 each side.
    expect(publishCount({ n: 3, key: 1 } as never)).toBeNull();
    expect(publishShare({ n: 2, key: 1 } as never, { n: 40, key: 2 } as never)).toBeNull();
  });
});
