import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, addCalendarMonths } from "../clocks";
import { ageOn } from "../personnummer";
import {
  ageOutsideTarget,
  earliestStart,
  endContradictsGoals,
  type GoalFollowUpResults,
  goalStatus,
  missingContradictionConfirmation,
} from "./guards";
import { END_REASONS, GOAL_ATTAINMENT } from "./vocabulary";

const birthArb = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addCalendarDays("1995-01-01", n));
const targetArb = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
/** The day someone born on `birthDate` turns `years` (a 29 February birthday falls on 1 March in common years). */
const birthday = (birthDate: string, years: number) => {
  const plain = addCalendarMonths(birthDate, 12 * years);
  return birthDate.endsWith("-02-29") && !plain.endsWith("-02-29") ? addCalendarDays(plain, 1) : plain;
};

describe("age outside the catalogue's target ages", () => {
  it("refuses Triple P (2–12) to a 14-year-old, and says it is above", () => {
    expect(ageOutsideTarget("2012-03-01", "2026-11-30", { min: 2, max: 12 })).toEqual({
      age: 14,
      min: 2,
      max: 12,
      side: "above",
    });
  });

  it("lets the day before the 13th birthday fit 2–12, and not the birthday itself", () => {
    expect(ageOutsideTarget("2014-05-10", "2027-05-09", { min: 2, max: 12 })).toBeNull();
    expect(ageOutsideTarget("2014-05-10", "2027-05-10", { min: 2, max: 12 })?.side).toBe("above");
  });

  it("says below for a child too young", () => {
    expect(ageOutsideTarget("2020-06-01", "2026-06-01", { min: 12, max: 17 })).toEqual({
      age: 6,
      min: 12,
      max: 17,
      side: "below",
    });
  });

  it("is null exactly when the whole-year age on the day lies within min–max (property)", () => {
    fc.assert(
      fc.property(birthArb, fc.integer({ min: 0, max: 365 * 30 }), targetArb, (birth, offset, target) => {
        const on = addCalendarDays(birth, offset);
        const age = ageOn(birth, on);
        const result = ageOutsideTarget(birth, on, target);
        expect(result === null).toBe(age >= target.min && age <= target.max);
        if (result) {
          expect(result.age).toBe(age);
          expect(result.side).toBe(age < target.min ? "below" : "above");
        }
      }),
    );
  });

  it("fits from the min-th birthday to the day before the (max+1)-th, and no longer (property)", () => {
    fc.assert(
      fc.property(birthArb, targetArb, (birth, target) => {
        const first = birthday(birth, target.min);
        const after = birthday(birth, target.max + 1);
        expect(ageOutsideTarget(birth, first, target)).toBeNull();
        expect(ageOutsideTarget(birth, addCalendarDays(after, -1), target)).toBeNull();
        expect(ageOutsideTarget(birth, after, target)?.side).toBe("above");
        if (target.min > 0) expect(ageOutsideTarget(birth, addCalendarDays(first, -1), target)?.side).toBe("below");
      }),
    );
  });

  it("once outside above, stays outside on every later day (property)", () => {
    fc.assert(
      fc.property(birthArb, targetArb, fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), (b, t, x, y) => {
        const early = addCalendarDays(b, Math.min(x, y));
        const late = addCalendarDays(b, Math.max(x, y));
        if (ageOutsideTarget(b, early, t)?.side === "above") expect(ageOutsideTarget(b, late, t)?.side).toBe("above");
      }),
    );
  });

  it("checks an ordered insats on the later of decision day and today", () => {
    expect(earliestStart("2026-01-10", "2026-03-01")).toBe("2026-03-01");
    expect(earliestStart("2026-03-02", "2026-03-01")).toBe("2026-03-02");
  });
});

describe("målen uppnådda against the goal follow-ups", () => {
  const fu = (...results: [string, (typeof GOAL_ATTAINMENT)[number]][]): GoalFollowUpResults => ({
    results: results.map(([goalId, attainment]) => ({ goalId, attainment })),
  });

  it("counts 1 of 2 reached when one goal was followed up as not reached", () => {
    const s = goalStatus(["g1", "g2"], [fu(["g1", "uppnatt"], ["g2", "ej_uppnatt"])]);
    expect(s).toEqual({ total: 2, reached: 1, notReached: 1, unassessed: 0 });
    expect(endContradictsGoals("mal_uppnatt", s)).toBe(true);
    expect(endContradictsGoals("flytt", s)).toBe(false);
  });

  it("lets a later follow-up speak last, and 'inte bedömt' leave the earlier assessment standing", () => {
    const s = goalStatus(["g1", "g2"], [fu(["g1", "ej_uppnatt"], ["g2", "uppnatt"]), fu(["g1", "uppnatt"], ["g2", "ej_bedomt"])]);
    expect(s).toEqual({ total: 2, reached: 2, notReached: 0, unassessed: 0 });
    expect(endContradictsGoals("mal_uppnatt", s)).toBe(false);
  });

  it("counts 'delvis uppnått' as not reached, and never-assessed goals as no contradiction", () => {
    expect(goalStatus(["g1"], [fu(["g1", "delvis"])]).notReached).toBe(1);
    const none = goalStatus(["g1", "g2"], []);
    expect(none).toEqual({ total: 2, reached: 0, notReached: 0, unassessed: 2 });
    expect(endContradictsGoals("mal_uppnatt", none)).toBe(false);
  });

  it("ignores results for goals not in the plan in force", () => {
    expect(goalStatus(["g2"], [fu(["g1", "ej_uppnatt"], ["g2", "uppnatt"])])).toEqual({
      total: 1,
      reached: 1,
      notReached: 0,
      unassessed: 0,
    });
  });

  const goalIds = ["g1", "g2", "g3", "g4"];
  const followUpsArb = fc.array(
    fc.array(fc.record({ goalId: fc.constantFrom(...goalIds, "old"), attainment: fc.constantFrom(...GOAL_ATTAINMENT) }), {
      maxLength: 6,
    }),
    { maxLength: 5 },
  );

  it("partitions the plan's goals into reached, not reached and unassessed (property)", () => {
    fc.assert(
      fc.property(fc.subarray(goalIds, { minLength: 1 }), followUpsArb, (ids, results) => {
        const s = goalStatus(
          ids,
          results.map((r) => ({ results: r })),
        );
        expect(s.total).toBe(ids.length);
        expect(s.reached + s.notReached + s.unassessed).toBe(s.total);
        for (const n of [s.reached, s.notReached, s.unassessed]) expect(n).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("never finds a contradiction when every assessment says reached, nor for another end reason (property)", () => {
    fc.assert(
      fc.property(followUpsArb, fc.constantFrom(...END_REASONS), (results, reason) => {
        const onlyReached = results.map((r) => ({
          results: r.map((x) => ({ ...x, attainment: x.attainment === "ej_bedomt" ? x.attainment : ("uppnatt" as const) })),
        }));
        expect(endContradictsGoals("mal_uppnatt", goalStatus(goalIds, onlyReached))).toBe(false);
        const s = goalStatus(
          goalIds,
          results.map((r) => ({ results: r })),
        );
        if (reason !== "mal_uppnatt") expect(endContradictsGoals(reason, s)).toBe(false);
      }),
    );
  });

  it("asks for both the confirmation and a note that is not blank", () => {
    expect(missingContradictionConfirmation({ confirm: undefined, note: undefined })).toEqual([
      "confirmContradiction",
      "contradictionNote",
    ]);
    expect(missingContradictionConfirmation({ confirm: true, note: "  " })).toEqual(["contradictionNote"]);
    expect(missingContradictionConfirmation({ confirm: false, note: "Skälet" })).toEqual(["confirmContradiction"]);
    expect(missingContradictionConfirmation({ confirm: true, note: "Skälet" })).toEqual([]);
  });
});
