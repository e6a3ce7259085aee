/**
 * The legal clocks of LVU (lag (1990:52) med särskilda bestämmelser om vård av unga), each from the
 * event the law counts from, on Stockholm calendar days. Periods in weeks and months are counted by
 * lag (1930:173) 1 § and a last day on a Saturday, Sunday, helgdag or named eve moves to the next
 * vardag by its 2 § (see ../legal-time.ts for why 2 § applies to LVU). Pure, no I/O.
 */
import { addCalendarMonths, type Deadline, dayDeadline } from "../clocks";
import { monthsFromDay, type StatutoryLastDay, weeksFromDay } from "../legal-time";
import { stockholmDate } from "../time";

export interface LvuDeadline extends Deadline {
  /** The end of the period before 1930:173 2 § moved it (equal to dueDate when not moved). */
  nominalDueDate: string;
  moved: boolean;
}

function fromLastDay(last: StatutoryLastDay): LvuDeadline {
  return { ...dayDeadline(last.lastDay), nominalDueDate: last.nominal, moved: last.moved };
}

/**
 * 7 § första stycket: the decision on omedelbart omhändertagande, with its documents, shall be
 * underställt förvaltningsrätten within one week of the day it was taken. The day is the Stockholm
 * day of the decision; the week ends the same weekday (1930:173 1 §), moved off a non-vardag (2 §).
 * Missed, the omhändertagande lapses (7 §: "upphör att gälla"; JO 534-2013, 5886-2006).
 */
export function understallningDeadline(decidedAt: Date): LvuDeadline {
  return fromLastDay(weeksFromDay(stockholmDate(decidedAt), 1));
}

/**
 * 8 §: the application for care shall reach förvaltningsrätten within four weeks of the day the
 * omhändertagande was carried out (verkställdes). The court may extend the time (8 § andra
 * stycket); its new last day is a date it sets, not a statutory period, so it is not moved.
 * Missed, the omhändertagande lapses (9 §).
 */
export function ansokanDeadline(verkstalltOn: string, extendedUntil?: string | null): LvuDeadline {
  if (extendedUntil) return { ...dayDeadline(extendedUntil), nominalDueDate: extendedUntil, moved: false };
  return fromLastDay(weeksFromDay(verkstalltOn, 4));
}

/**
 * 5 §: the court's decision on care lapses if care has not begun within four weeks of the day it
 * gained legal force (vann laga kraft).
 */
export function vardstartDeadline(lagaKraftOn: string): LvuDeadline {
  return fromLastDay(weeksFromDay(lagaKraftOn, 4));
}

/**
 * 13 §: care under 2 § is considered (övervägande) at least once every six months; for care under
 * 3 § the nämnd tries (prövning) within six months of the day the care decision began to be carried
 * out whether care shall end, and thereafter within six months of the last prövning. Both are counted
 * here from the day care began, then from the last review of the same form.
 */
export function reviewDeadline(careStartedOn: string, lastReviewOn: string | null): LvuDeadline {
  return fromLastDay(monthsFromDay(lastReviewOn ?? careStartedOn, 6));
}

/**
 * 21 § andra stycket: care on ground 2 § ends at the latest when the young person turns 18; tredje stycket: on
 * ground 3 § when they turn 21. The birthday is counted in years as 1930:173 1 § counts (a birthday
 * on 29 February falls on 28 February in other years). Care ends by itself on that day — nothing is
 * "done by" it — so the day is not moved.
 */
export function ageLimitDeadline(birthDate: string, grounds: readonly ("2" | "3")[]): LvuDeadline & { age: 18 | 21 } {
  const age = grounds.includes("3") ? 21 : 18;
  const day = addCalendarMonths(birthDate, 12 * age);
  return { ...dayDeadline(day), nominalDueDate: day, moved: false, age };
}
