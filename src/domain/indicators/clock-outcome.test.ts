import { describe, expect, it } from "vitest";
import { forhandsbedomningDeadline, skyddsbedomningDeadline } from "../clocks";
import { clockOutcome, settled } from "./clock-outcome";

const at = (iso: string) => new Date(iso);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("share within legal time: förhandsbedömning (14 days)", () => {
  const received = at("2026-03-02T08:00:00+01:00"); // last day 2026-03-16
  const deadline = forhandsbedomningDeadline(received);

  it("counts an overdue unfinished förhandsbedömning in the denominator as not within", () => {
    const outcome = clockOutcome(deadline, null, at("2026-03-20T12:00:00+01:00"));
    expect(outcome).toBe("overdue");
    expect(settled(outcome)).toBe(true);
  });

  it("keeps a not-yet-due unfinished one apart as pending", () => {
    const outcome = clockOutcome(deadline, null, at("2026-03-16T23:59:59+01:00"));
    expect(outcome).toBe("pending");
    expect(settled(outcome)).toBe(false);
  });

  it("counts done in time as within and done late as late, both settled", () => {
    expect(clockOutcome(deadline, at("2026-03-12T10:00:00+01:00"), at("2026-04-01T00:00:00+02:00"))).toBe("within");
    expect(clockOutcome(deadline, at("2026-03-22T10:00:00+01:00"), at("2026-04-01T00:00:00+02:00"))).toBe("late");
  });

  it("treats something recorded as done after the evaluation time as not done then", () => {
    expect(clockOutcome(deadline, at("2026-03-12T10:00:00+01:00"), at("2026-03-10T10:00:00+01:00"))).toBe("pending");
    expect(clockOutcome(deadline, at("2026-03-22T10:00:00+01:00"), at("2026-03-20T10:00:00+01:00"))).toBe("overdue");
  });

  it("ends with the Stockholm day, across the change to summer time", () => {
    // Received 20 March (winter time): the last day is 3 April, which ends at midnight summer time (22:00 UTC).
    const d = forhandsbedomningDeadline(at("2026-03-20T08:00:00+01:00"));
    expect(d.dueDate).toBe("2026-04-03");
    const lastInstant = at("2026-04-03T23:59:59.999+02:00");
    const nextDay = at("2026-04-04T00:00:00+02:00");
    expect(nextDay.toISOString()).toBe("2026-04-03T22:00:00.000Z");
    expect(clockOutcome(d, lastInstant, nextDay)).toBe("within");
    expect(clockOutcome(d, nextDay, nextDay)).toBe("late");
    expect(clockOutcome(d, null, lastInstant)).toBe("pending");
    expect(clockOutcome(d, null, nextDay)).toBe("overdue");
  });

  it("counts the days from the Stockholm day of receipt, not the UTC one", () => {
    // 23:30 UTC on 20 March is 00:30 on 21 March in Stockholm: the last day is 4 April.
    expect(forhandsbedomningDeadline(at("2026-03-20T23:30:00Z")).dueDate).toBe("2026-04-04");
  });
});

describe("share within legal time: skyddsbedömning (24 hours)", () => {
  const received = at("2026-03-28T10:00:00+01:00"); // 24 h later is across the night to summer time
  const deadline = skyddsbedomningDeadline(received);

  it("is in time at exactly 24 hours and late a millisecond after", () => {
    expect(deadline.dueAt.getTime() - received.getTime()).toBe(24 * 3600_000);
    expect(clockOutcome(deadline, deadline.dueAt, ms(deadline.dueAt, 1))).toBe("within");
    expect(clockOutcome(deadline, ms(deadline.dueAt, 1), ms(deadline.dueAt, 1))).toBe("late");
  });

  it("is pending at exactly 24 hours without an assessment, and overdue a millisecond after", () => {
    expect(clockOutcome(deadline, null, deadline.dueAt)).toBe("pending");
    expect(clockOutcome(deadline, null, ms(deadline.dueAt, 1))).toBe("overdue");
  });
});
