/**
 * The two utredning indicators — "within 4 months" and "within 4 months or a förlängning decided in
 * time" — and the population they are measured on. Pure, no I/O.
 *
 * Population: the investigations whose statutory last day (opened + 4 calendar months, 11 kap. 2 §
 * SoL) falls in the period. Why this and not "completed in the period":
 * - the statutory last day is fixed the day the investigation opens, whatever happens later, so how
 *   fast or how late an investigation ends never moves it into or out of a period. Counting the
 *   investigations completed in the period leaves out the ones still open long after their time
 *   (the worst ones) until they end, so recent periods look better than they were; adding "open and
 *   overdue" to that fixes the recent periods but then counts a late investigation twice (open and
 *   overdue in one period, completed late in a later one);
 * - every investigation is in exactly one period, so months add up to the year;
 * - the statutory outcome is decided by the end of the period (an investigation still open on its
 *   last day is late whatever happens next), so a past period has nothing pending. (A cohort by
 *   opening date would be as fair but stay undecided for four months after the period.)
 *
 * Outcomes (clock-outcome.ts) as of the moment the report is made:
 * - within 4 months: completed on or before the statutory last day; a förlängning does not count.
 * - within 4 months or extended: completed on or before the last day in force, which a förlängning
 *   moves only when it was decided before the last day then in force had run out (decidedAt before
 *   the start of the next Stockholm day). A förlängning decided after the time had run out does not
 *   make a late investigation in time: it is counted late (and reported as a late förlängning),
 *   because the law asks for the decision to go past four months to be taken before going past them.
 *   Once the time has run out nothing later restores it, so förlängningar after a late one do not
 *   count either.
 * - open after the last day in force → overdue (not within); open before it → pending (shown apart).
 */
import { addCalendarMonths, dayDeadline, daysBetween, isInTime } from "../clocks";
import { startOfStockholmDay, stockholmDate } from "../time";
import { type ClockOutcome, clockOutcome } from "./clock-outcome";

/** A förlängning decision (decisions of type "forlangning", with details.newEndDate). */
export interface Extension {
  decidedAt: Date;
  newEndDate: string;
}

export interface InvestigationTimes {
  /** Stockholm day the investigation opened, 'YYYY-MM-DD'. */
  openedOn: string;
  completedOn: string | null;
  extensions: readonly Extension[];
}

/** The statutory last day: opened + 4 calendar months (the day number, or the month's last day). */
export function statutoryDueDate(openedOn: string): string {
  return addCalendarMonths(openedOn, 4);
}

/** Whether the investigation belongs to the period [from, to] (its statutory last day is in it). */
export function inInvestigationPopulation(openedOn: string, from: string, to: string): boolean {
  return dueInPeriod(statutoryDueDate(openedOn), from, to);
}

/** The same, from the statutory last day already computed (investigationOutcome gives it). */
export function dueInPeriod(statutoryDue: string, from: string, to: string): boolean {
  return statutoryDue >= from && statutoryDue <= to;
}

/**
 * The last day in force as of `asOf`: the statutory one, moved by each förlängning decided (by
 * `asOf`) before the last day then in force had run out. `lateExtension` is set when a förlängning
 * was decided after it had run out (and so moved nothing).
 */
export function dueDateInForce(
  openedOn: string,
  extensions: readonly Extension[],
  asOf: Date,
): { dueDate: string; lateExtension: boolean } {
  return inForceFrom(statutoryDueDate(openedOn), extensions, asOf);
}

function inForceFrom(
  statutory: string,
  extensions: readonly Extension[],
  asOf: Date,
): { dueDate: string; lateExtension: boolean } {
  let dueDate = statutory;
  if (extensions.length === 0) return { dueDate, lateExtension: false };
  const decided = extensions
    .filter((e) => e.decidedAt.getTime() <= asOf.getTime())
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  for (const e of decided) {
    if (!isInTime(dayDeadline(dueDate), e.decidedAt)) return { dueDate, lateExtension: true };
    if (e.newEndDate > dueDate) dueDate = e.newEndDate;
  }
  return { dueDate, lateExtension: false };
}

/**
 * The completion as an instant for the clocks: the start of its Stockholm day (a day deadline is met
 * by anything done on or before its last day), or null when it is not completed by `asOf`.
 */
function completedAt(completedOn: string | null, asOf: Date): Date | null {
  if (completedOn === null || completedOn > stockholmDate(asOf)) return null;
  return startOfStockholmDay(completedOn);
}

export interface InvestigationOutcome {
  /** The statutory last day, which decides the period the investigation belongs to. */
  statutoryDueDate: string;
  within4Months: ClockOutcome;
  within4MonthsOrExtended: ClockOutcome;
  lateExtension: boolean;
  /** Calendar days opened → completed, when completed by `asOf`. */
  days: number | null;
}

export function investigationOutcome(i: InvestigationTimes, asOf: Date): InvestigationOutcome {
  const done = completedAt(i.completedOn, asOf);
  const statutory = statutoryDueDate(i.openedOn);
  const statutoryDeadline = dayDeadline(statutory);
  const inForce = inForceFrom(statutory, i.extensions, asOf);
  return {
    statutoryDueDate: statutory,
    within4Months: clockOutcome(statutoryDeadline, done, asOf),
    within4MonthsOrExtended:
      inForce.dueDate === statutory
        ? clockOutcome(statutoryDeadline, done, asOf)
        : clockOutcome(dayDeadline(inForce.dueDate), done, asOf),
    lateExtension: inForce.lateExtension,
    days: done ? daysBetween(i.openedOn, i.completedOn as string) : null,
  };
}
