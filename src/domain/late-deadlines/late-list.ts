/**
 * The late-deadline list of a past period: every legal clock whose last day fell in [from, to] and
 * that was met late, or not met at all, as far as is known now. Pure, no I/O.
 *
 * One place for each rule: the deadlines come from clocks.ts and interventions/rules.ts (and the
 * förlängning rule from indicators/investigation-time.ts), whether a clock is late from clockState;
 * this file only adds what a history needs and the overview does not — every övervägande and every
 * planned follow-up of an insats in turn, not only the next one.
 *
 * Population: a clock belongs to the period its last day falls in. That day is fixed when the clock
 * starts, so how late something was done never moves it into or out of a period, and every clock is
 * in exactly one period (months add up to the year).
 */
import type { ClockKind, Deadline } from "../clocks";
import { clockState, dayDeadline } from "../clocks";
import { nextOvervagande } from "../interventions/rules";
import { startOfStockholmDay } from "../time";

export type LateState = "met_late" | "missed";

/** One clock with its deadline and when (if ever) it was met. */
export interface ClockRecord {
  clock: ClockKind;
  deadline: Deadline;
  completedAt: Date | null;
}

export interface LateOutcome {
  state: LateState;
  /** Calendar days from the last allowed day to the day it was met, or to today when missed. */
  daysLate: number;
  /** For the 24-hour clock: whole hours (rounded up) past the deadline; null for day clocks. */
  hoursLate: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Whether a clock was late as of `asOf`: met after its deadline ("met_late"), or its deadline has
 * run out and it is not met ("missed"); null when met in time or still running. Met exactly at the
 * deadline is in time (clocks.ts isInTime).
 */
export function lateOutcome(deadline: Deadline, completedAt: Date | null, asOf: Date): LateOutcome | null {
  const done = completedAt !== null && completedAt.getTime() <= asOf.getTime() ? completedAt : null;
  const { state, daysLeft } = clockState({ deadline, completedAt: done, now: asOf });
  if (state !== "met_late" && state !== "overdue") return null;
  const reference = done ?? asOf;
  return {
    state: state === "met_late" ? "met_late" : "missed",
    daysLate: Math.max(0, -daysLeft),
    hoursLate: deadline.dueAtIncluded ? Math.ceil((reference.getTime() - deadline.dueAt.getTime()) / HOUR_MS) : null,
  };
}

/** Whether a clock's last day falls in the period [from, to] (inclusive Stockholm days). */
export function dueInPeriod(deadline: Deadline, from: string, to: string): boolean {
  return deadline.dueDate >= from && deadline.dueDate <= to;
}

/** The late clocks among `records` whose last day is in [from, to], with how late each was. */
export function lateClocks<T extends ClockRecord>(
  records: readonly T[],
  period: { from: string; to: string; asOf: Date },
): (T & LateOutcome)[] {
  const late: (T & LateOutcome)[] = [];
  for (const r of records) {
    if (!dueInPeriod(r.deadline, period.from, period.to)) continue;
    const outcome = lateOutcome(r.deadline, r.completedAt, period.asOf);
    if (outcome) late.push({ ...r, ...outcome });
  }
  return late;
}

/** A day as the instant a day deadline counts it done: the start of that Stockholm day. */
export const doneOnDay = (day: string | null): Date | null => (day ? startOfStockholmDay(day) : null);

/**
 * Every övervägande clock of a placement in turn (6 kap. 8 § SoL 2001:453): the first due 6 months
 * after the start, each next 6 months after the övervägande that answered the one before. The
 * överväganden answer the clocks in order of their dates. A clock whose last day comes after the
 * placement ended, or after `until`, is not a clock of this placement's history.
 */
export function overvagandeClocks(input: {
  startedOn: string;
  endedOn: string | null;
  overvaganden: readonly string[];
  until: string;
}): { deadline: Deadline; completedAt: Date | null }[] {
  const done = [...input.overvaganden].filter((d) => d > input.startedOn).sort();
  const clocks: { deadline: Deadline; completedAt: Date | null }[] = [];
  let last: string | null = null;
  for (let i = 0; clocks.length < 1000; i++) {
    const due = nextOvervagande(input.startedOn, last);
    if (due > input.until || (input.endedOn !== null && input.endedOn < due)) break;
    const answer = done[i] ?? null;
    clocks.push({ deadline: dayDeadline(due), completedAt: doneOnDay(answer) });
    if (answer === null) break;
    last = answer;
  }
  return clocks;
}

/**
 * The follow-up clocks of an insats: each follow-up day of its plan in force, met by the follow-up
 * recorded for that day (its done day). A day after the insats ended is no longer a clock.
 */
export function followUpClocks(input: {
  followUpDates: readonly string[];
  followUps: readonly { dueOn: string | null; doneOn: string }[];
  endedOn: string | null;
}): { deadline: Deadline; completedAt: Date | null }[] {
  return [...new Set(input.followUpDates)]
    .filter((day) => input.endedOn === null || day <= input.endedOn)
    .sort()
    .map((day) => {
      const answered = input.followUps
        .filter((f) => f.dueOn === day)
        .map((f) => f.doneOn)
        .sort()[0];
      return { deadline: dayDeadline(day), completedAt: doneOnDay(answered ?? null) };
    });
}
