import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGE_GROUPS,
  ageGroup,
  DECISION_TO_START_TARGET_DAYS,
  daysDecisionToStart,
  followUpInTime,
  goalAttainmentShare,
  isIvoReportable,
  ivoDueDate,
  nextOvervagande,
  PLAN_DUE_DAYS_DEFAULT,
  planDueDate,
  planState,
  quarterOf,
  quarterRange,
  startedWithinTarget,
  suppress,
  suppressShare,
} from "./rules";

describe("decision to start (42-day indicator)", () => {
  it("counts calendar days from decision to start", () => {
    expect(daysDecisionToStart("2026-03-02", "2026-03-02")).toBe(0);
    expect(daysDecisionToStart("2026-01-20", "2026-03-03")).toBe(42);
    expect(daysDecisionToStart("2024-02-28", "2024-03-01")).toBe(2);
  });

  it("counts day 42 as within the target and day 43 as not", () => {
    expect(DECISION_TO_START_TARGET_DAYS).toBe(42);
    expect(startedWithinTarget("2026-01-20", "2026-03-03")).toBe(true);
    expect(startedWithinTarget("2026-01-20", "2026-03-04")).toBe(false);
  });
});

describe("IVO due date: decision + 3 months as the law counts months", () => {
  it("keeps the day number when the target month has it", () => {
    expect(ivoDueDate("2026-01-15")).toBe("2026-04-15");
    expect(ivoDueDate("2026-10-31")).toBe("2027-01-31");
  });

  it("moves to the last day of a shorter month", () => {
    expect(ivoDueDate("2026-11-30")).toBe("2027-02-28");
    expect(ivoDueDate("2025-11-30")).toBe("2026-02-28");
    expect(ivoDueDate("2026-05-31")).toBe("2026-08-31");
    expect(ivoDueDate("2026-03-31")).toBe("2026-06-30");
  });

  it("uses 29 February in leap years", () => {
    expect(ivoDueDate("2027-11-30")).toBe("2028-02-29");
    expect(ivoDueDate("2023-11-29")).toBe("2024-02-29");
    expect(ivoDueDate("2099-11-30")).toBe("2100-02-28"); // 2100 is not a leap year
  });
});

describe("isIvoReportable", () => {
  const decision = "2026-11-30"; // due 2027-02-28

  it("is not reportable on or before the due date, started or not", () => {
    expect(isIvoReportable(decision, null, "2027-02-28")).toBe(false);
    expect(isIvoReportable(decision, null, "2026-12-15")).toBe(false);
  });

  it("is reportable the day after the due date when not started", () => {
    expect(isIvoReportable(decision, null, "2027-03-01")).toBe(true);
  });

  it("is not reportable when started on or before the due date", () => {
    expect(isIvoReportable(decision, "2027-02-28", "2027-06-01")).toBe(false);
    expect(isIvoReportable(decision, "2026-12-01", "2027-06-01")).toBe(false);
  });

  it("stays reportable when started after the due date", () => {
    expect(isIvoReportable(decision, "2027-03-01", "2027-06-01")).toBe(true);
    expect(isIvoReportable(decision, "2027-04-10", "2027-03-15")).toBe(true);
  });

  it("is reportable exactly when the decision was not executed in time and the due date has passed (property)", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(day, fc.option(day), day, (d, s, on) => {
        const due = ivoDueDate(d);
        const expected = on > due && (s === null || s > due);
        expect(isIvoReportable(d, s, on)).toBe(expected);
      }),
    );
  });
});

describe("quarters", () => {
  it("puts a date in its calendar quarter", () => {
    expect(quarterOf("2026-01-01")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf("2026-03-31")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf("2026-04-01")).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf("2026-09-30")).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf("2026-12-31")).toEqual({ year: 2026, quarter: 4 });
  });

  it("gives each quarter's first and last day", () => {
    expect(quarterRange(2026, 1)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(quarterRange(2026, 2)).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(quarterRange(2026, 3)).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(quarterRange(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });

  it("round-trips: every day of a quarter's range lies in that quarter (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const date = addDays("2024-01-01", n);
        const { year, quarter } = quarterOf(date);
        const { from, to } = quarterRange(year, quarter);
        expect(from <= date && date <= to).toBe(true);
      }),
    );
  });
});

describe("genomförandeplan", () => {
  const start = "2026-03-02"; // due 2026-03-16

  it("is due 14 days after start by default", () => {
    expect(PLAN_DUE_DAYS_DEFAULT).toBe(14);
    expect(planDueDate(start)).toBe("2026-03-16");
    expect(planDueDate(start, 30)).toBe("2026-04-01");
  });

  it("is not due while unsigned and still in time (including the due day)", () => {
    expect(planState({ startDate: start, signedOn: null, today: "2026-03-10" })).toBe("not_due");
    expect(planState({ startDate: start, signedOn: null, today: "2026-03-16" })).toBe("not_due");
  });

  it("is missing when unsigned after the due date", () => {
    expect(planState({ startDate: start, signedOn: null, today: "2026-03-17" })).toBe("missing");
  });

  it("is ok when signed on or before the due date", () => {
    expect(planState({ startDate: start, signedOn: "2026-03-16", today: "2026-05-01" })).toBe("ok");
    expect(planState({ startDate: start, signedOn: "2026-03-02", today: "2026-03-02" })).toBe("ok");
  });

  it("is late when signed after the due date", () => {
    expect(planState({ startDate: start, signedOn: "2026-03-17", today: "2026-05-01" })).toBe("late");
  });

  it("respects a district's own number of days", () => {
    expect(planState({ startDate: start, signedOn: "2026-03-20", today: "2026-05-01", days: 30 })).toBe("ok");
    expect(planState({ startDate: start, signedOn: null, today: "2026-03-20", days: 30 })).toBe("not_due");
  });
});

describe("övervägande for placements", () => {
  it("is due 6 calendar months after placement start when none has been held", () => {
    expect(nextOvervagande("2026-01-15", null)).toBe("2026-07-15");
    expect(nextOvervagande("2026-08-31", null)).toBe("2027-02-28");
    expect(nextOvervagande("2027-08-31", null)).toBe("2028-02-29");
  });

  it("is due 6 months after the last övervägande", () => {
    expect(nextOvervagande("2026-01-15", "2026-07-10")).toBe("2027-01-10");
  });

  it("counts from placement start when the last övervägande predates it", () => {
    expect(nextOvervagande("2026-01-15", "2025-10-01")).toBe("2026-07-15");
  });
});

describe("followUpInTime", () => {
  it("is true when done on or before the due date", () => {
    expect(followUpInTime("2026-06-30", "2026-06-30", "2026-09-01")).toBe(true);
    expect(followUpInTime("2026-06-30", "2026-06-01", "2026-06-01")).toBe(true);
  });

  it("is false when done late or still undone after the due date", () => {
    expect(followUpInTime("2026-06-30", "2026-07-01", "2026-09-01")).toBe(false);
    expect(followUpInTime("2026-06-30", null, "2026-07-01")).toBe(false);
  });

  it("is undecided (null) while undone and not yet due", () => {
    expect(followUpInTime("2026-06-30", null, "2026-06-30")).toBeNull();
  });
});

describe("suppression of small counts", () => {
  it("hides 1–4, shows 0 and 5 and above, passes null through", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppress)).toEqual([0, null, null, null, null, 5, 6, 120]);
    expect(suppress(null)).toBeNull();
  });

  it("never reveals a count of 1–4 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const shown = suppress(n);
        expect(shown === null || shown === 0 || shown >= 5).toBe(true);
        if (shown !== null) expect(shown).toBe(n);
      }),
    );
  });

  it("shows a share only when both counts could be shown", () => {
    expect(suppressShare(5, 10)).toBe(0.5);
    expect(suppressShare(0, 10)).toBe(0);
    expect(suppressShare(2, 40)).toBeNull();
    expect(suppressShare(3, 4)).toBeNull();
    expect(suppressShare(0, 3)).toBeNull();
    expect(suppressShare(0, 0)).toBeNull();
  });

  it("never lets a share reveal a count of 1–4 via numerator or denominator (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const share = suppressShare(num, den);
        if (share !== null) {
          expect(num === 0 || num >= 5).toBe(true);
          expect(den).toBeGreaterThanOrEqual(5);
          expect(share).toBe(num / den);
        }
      }),
    );
  });
});

describe("age groups", () => {
  it("puts each boundary age in the right group", () => {
    const cases: [number, string][] = [
      [0, "0-5"],
      [5, "0-5"],
      [6, "6-11"],
      [11, "6-11"],
      [12, "12-14"],
      [14, "12-14"],
      [15, "15-17"],
      [17, "15-17"],
      [18, "18-20"],
      [20, "18-20"],
      [21, "21+"],
      [64, "21+"],
    ];
    for (const [age, group] of cases) expect(ageGroup(age), String(age)).toBe(group);
  });

  it("puts a fractional age in the group of its whole years", () => {
    expect(ageGroup(11.9)).toBe("6-11");
    expect(ageGroup(17.99)).toBe("15-17");
  });

  it("covers every group, in order, for ages 0–30", () => {
    const groups = Array.from({ length: 31 }, (_, age) => ageGroup(age));
    expect([...new Set(groups)]).toEqual([...AGE_GROUPS]);
  });

  it("rejects a negative or non-finite age", () => {
    expect(() => ageGroup(-1)).toThrow(RangeError);
    expect(() => ageGroup(Number.NaN)).toThrow(RangeError);
  });
});

describe("goalAttainmentShare", () => {
  it("is the share of achieved goals among assessed results", () => {
    expect(goalAttainmentShare(["uppnatt", "delvis", "ej_uppnatt", "uppnatt"])).toBe(0.5);
  });

  it("leaves out results that were not assessed", () => {
    expect(goalAttainmentShare(["uppnatt", "ej_bedomt", "ej_bedomt", "ej_uppnatt"])).toBe(0.5);
  });

  it("is null when nothing was assessed", () => {
    expect(goalAttainmentShare([])).toBeNull();
    expect(goalAttainmentShare(["ej_bedomt"])).toBeNull();
  });
});

function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
