import { describe, expect, it } from "vitest";
import { dayDeadline, forhandsbedomningDeadline, skyddsbedomningDeadline, utredningDeadline } from "../clocks";
import { startOfStockholmDay } from "../time";
import { type ClockRecord, followUpClocks, lateClocks, lateOutcome, overvagandeClocks } from "./late-list";

const at = (iso: string) => new Date(iso);
const asOf = at("2026-03-01T12:00:00+01:00");

describe("lateOutcome", () => {
  it("a 24-hour clock met exactly at its deadline is not late; a minute after is, by hours", () => {
    const received = at("2026-01-12T10:00:00+01:00");
    const deadline = skyddsbedomningDeadline(received);
    expect(lateOutcome(deadline, at("2026-01-13T10:00:00+01:00"), asOf)).toBeNull();
    expect(lateOutcome(deadline, at("2026-01-13T10:01:00+01:00"), asOf)).toEqual({
      state: "met_late",
      daysLate: 0,
      hoursLate: 1,
    });
    expect(lateOutcome(deadline, at("2026-01-15T09:00:00+01:00"), asOf)).toMatchObject({
      state: "met_late",
      daysLate: 2,
      hoursLate: 47,
    });
  });

  it("a day clock met on its last day (at 23:59 Stockholm time) is in time; the next day is 1 day late", () => {
    const deadline = forhandsbedomningDeadline(at("2026-01-05T09:00:00+01:00"));
    expect(deadline.dueDate).toBe("2026-01-19");
    expect(lateOutcome(deadline, at("2026-01-19T23:59:00+01:00"), asOf)).toBeNull();
    expect(lateOutcome(deadline, at("2026-01-20T00:00:00+01:00"), asOf)).toEqual({
      state: "met_late",
      daysLate: 1,
      hoursLate: null,
    });
  });

  it("a clock not met whose deadline has run out is missed, late by the days to today", () => {
    const deadline = dayDeadline("2026-02-20");
    expect(lateOutcome(deadline, null, asOf)).toEqual({ state: "missed", daysLate: 9, hoursLate: null });
  });

  it("a clock still running is not late, and one met after `asOf` counts as not met yet", () => {
    expect(lateOutcome(dayDeadline("2026-03-05"), null, asOf)).toBeNull();
    expect(lateOutcome(dayDeadline("2026-02-20"), at("2026-03-02T08:00:00+01:00"), asOf)).toMatchObject({ state: "missed" });
  });
});

describe("lateClocks", () => {
  const record = (clock: ClockRecord["clock"], due: string, done: string | null, id: string) => ({
    id,
    clock,
    deadline: dayDeadline(due),
    completedAt: done ? startOfStockholmDay(done) : null,
  });

  it("lists the late clocks whose last day is in the period, with days late, and nothing else", () => {
    const records = [
      record("utredning", "2026-01-10", "2026-01-10", "on-time"),
      record("utredning", "2026-01-10", "2026-01-14", "late"),
      record("verkstallighet", "2026-01-31", null, "missed"),
      record("genomforandeplan", "2025-12-31", null, "before-period"),
      record("genomforandeplan", "2026-02-01", null, "after-period"),
    ];
    const late = lateClocks(records, { from: "2026-01-01", to: "2026-01-31", asOf });
    expect(late.map((r) => [r.id, r.state, r.daysLate])).toEqual([
      ["late", "met_late", 4],
      ["missed", "missed", 29],
    ]);
  });

  it("uses the förlängning's end date when the deadline carries it", () => {
    const extended = {
      id: "x",
      clock: "utredning" as const,
      deadline: utredningDeadline("2025-09-10", "2026-02-10"),
      completedAt: null,
    };
    expect(lateClocks([extended], { from: "2026-01-01", to: "2026-01-31", asOf })).toEqual([]);
    expect(lateClocks([extended], { from: "2026-02-01", to: "2026-02-28", asOf })).toMatchObject([
      { state: "missed", daysLate: 19 },
    ]);
  });
});

describe("overvagandeClocks", () => {
  it("walks the överväganden in turn: each next clock runs from the one that answered the last", () => {
    const clocks = overvagandeClocks({
      startedOn: "2024-01-15",
      endedOn: null,
      overvaganden: ["2024-07-10", "2025-02-01"],
      until: "2026-03-01",
    });
    expect(clocks.map((c) => [c.deadline.dueDate, c.completedAt?.toISOString() ?? null])).toEqual([
      ["2024-07-15", startOfStockholmDay("2024-07-10").toISOString()],
      ["2025-01-10", startOfStockholmDay("2025-02-01").toISOString()],
      ["2025-08-01", null],
    ]);
    const late = lateClocks(
      clocks.map((c) => ({ clock: "overvagande" as const, ...c })),
      { from: "2025-01-01", to: "2025-12-31", asOf },
    );
    expect(late.map((r) => [r.deadline.dueDate, r.state, r.daysLate])).toEqual([
      ["2025-01-10", "met_late", 22],
      ["2025-08-01", "missed", 212],
    ]);
  });

  it("stops at the end of the placement", () => {
    expect(overvagandeClocks({ startedOn: "2024-01-15", endedOn: "2024-07-01", overvaganden: [], until: "2026-01-01" })).toEqual(
      [],
    );
  });
});

describe("followUpClocks", () => {
  it("pairs each planned day with the follow-up recorded for it; days after the end are not clocks", () => {
    const clocks = followUpClocks({
      followUpDates: ["2026-01-10", "2026-02-10", "2026-01-10", "2026-04-01"],
      followUps: [{ dueOn: "2026-01-10", doneOn: "2026-01-12" }],
      endedOn: "2026-03-01",
    });
    expect(clocks.map((c) => [c.deadline.dueDate, c.completedAt !== null])).toEqual([
      ["2026-01-10", true],
      ["2026-02-10", false],
    ]);
  });
});
