import { describe, expect, it } from "vitest";
import { dueDateInForce, inInvestigationPopulation, investigationOutcome, statutoryDueDate } from "./investigation-time";

const at = (iso: string) => new Date(iso);
const later = at("2026-12-31T12:00:00+01:00");

// Opened 31 January: four calendar months end on 31 May (summer time in Stockholm).
const openedOn = "2026-01-31";

describe("utredning within 4 months and within 4 months or extended", () => {
  it("counts the statutory last day itself as in time and the next day as late", () => {
    expect(statutoryDueDate(openedOn)).toBe("2026-05-31");
    const onTime = investigationOutcome({ openedOn, completedOn: "2026-05-31", extensions: [] }, later);
    expect(onTime).toEqual({
      statutoryDueDate: "2026-05-31",
      within4Months: "within",
      within4MonthsOrExtended: "within",
      lateExtension: false,
      days: 120,
    });
    const late = investigationOutcome({ openedOn, completedOn: "2026-06-01", extensions: [] }, later);
    expect(late).toMatchObject({ within4Months: "late", within4MonthsOrExtended: "late", days: 121 });
  });

  it("lets a förlängning decided at the last instant of the last day move the date for 'or extended' only", () => {
    const extensions = [{ decidedAt: at("2026-05-31T23:59:59.999+02:00"), newEndDate: "2026-07-31" }];
    const o = investigationOutcome({ openedOn, completedOn: "2026-07-15", extensions }, later);
    expect(o).toMatchObject({ within4Months: "late", within4MonthsOrExtended: "within", lateExtension: false });
  });

  it("counts a förlängning decided after the time had run out as late, not in time", () => {
    const extensions = [{ decidedAt: at("2026-06-01T00:00:00+02:00"), newEndDate: "2026-07-31" }];
    const o = investigationOutcome({ openedOn, completedOn: "2026-07-15", extensions }, later);
    expect(o).toMatchObject({ within4Months: "late", within4MonthsOrExtended: "late", lateExtension: true });
    expect(dueDateInForce(openedOn, extensions, later)).toEqual({ dueDate: "2026-05-31", lateExtension: true });
  });

  it("lets a second förlängning count only when decided before the first one's date ran out", () => {
    const first = { decidedAt: at("2026-05-20T10:00:00+02:00"), newEndDate: "2026-06-30" };
    const inTime = { decidedAt: at("2026-06-30T16:00:00+02:00"), newEndDate: "2026-08-31" };
    const tooLate = { decidedAt: at("2026-07-01T09:00:00+02:00"), newEndDate: "2026-08-31" };
    expect(dueDateInForce(openedOn, [inTime, first], later)).toEqual({ dueDate: "2026-08-31", lateExtension: false });
    expect(dueDateInForce(openedOn, [tooLate, first], later)).toEqual({ dueDate: "2026-06-30", lateExtension: true });
    expect(investigationOutcome({ openedOn, completedOn: "2026-08-15", extensions: [first, tooLate] }, later)).toMatchObject({
      within4MonthsOrExtended: "late",
    });
  });

  it("counts an open investigation past its date as overdue, and one still within it as pending", () => {
    const open = { openedOn, completedOn: null, extensions: [] };
    expect(investigationOutcome(open, at("2026-05-31T23:00:00+02:00"))).toMatchObject({
      within4Months: "pending",
      within4MonthsOrExtended: "pending",
      days: null,
    });
    expect(investigationOutcome(open, at("2026-06-01T00:00:00+02:00"))).toMatchObject({
      within4Months: "overdue",
      within4MonthsOrExtended: "overdue",
    });
    const extended = { ...open, extensions: [{ decidedAt: at("2026-05-25T10:00:00+02:00"), newEndDate: "2026-07-31" }] };
    expect(investigationOutcome(extended, at("2026-06-15T10:00:00+02:00"))).toMatchObject({
      within4Months: "overdue",
      within4MonthsOrExtended: "pending",
    });
    expect(investigationOutcome(extended, at("2026-08-01T00:00:00+02:00"))).toMatchObject({ within4MonthsOrExtended: "overdue" });
  });

  it("evaluates as of the given moment: later completions and decisions do not count yet", () => {
    const i = {
      openedOn,
      completedOn: "2026-07-15",
      extensions: [{ decidedAt: at("2026-05-25T10:00:00+02:00"), newEndDate: "2026-07-31" }],
    };
    expect(investigationOutcome(i, at("2026-05-24T10:00:00+02:00"))).toMatchObject({
      within4Months: "pending",
      within4MonthsOrExtended: "pending",
      days: null,
    });
    expect(investigationOutcome(i, at("2026-07-15T08:00:00+02:00"))).toMatchObject({
      within4Months: "late",
      within4MonthsOrExtended: "within",
      days: 165,
    });
  });

  it("puts each investigation in the one period holding its statutory last day", () => {
    // 31 October + 4 months is the last day of February.
    expect(inInvestigationPopulation("2025-10-31", "2026-02-01", "2026-02-28")).toBe(true);
    expect(inInvestigationPopulation("2025-11-01", "2026-02-01", "2026-02-28")).toBe(false);
    expect(inInvestigationPopulation("2025-11-01", "2026-03-01", "2026-03-31")).toBe(true);
    expect(inInvestigationPopulation("2025-10-31", "2026-03-01", "2026-03-31")).toBe(false);
  });
});
