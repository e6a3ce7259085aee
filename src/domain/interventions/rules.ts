import { addCalendarDays, addCalendarMonths, daysBetween } from "../clocks";
import type { GoalAttainment } from "./vocabulary";

/**
 * Rules of the intervention register (steps 5–8 of the case flow). Dates are Stockholm calendar
 * days as 'YYYY-MM-DD'; months are counted as the law counts them (addCalendarMonths): the same day
 * number, or the month's last day when the target month has none. Deadlines are inclusive: a thing
 * done on its due date is in time.
 */

// ── Decision → start ────────────────────────────────────────────────────────────────────────────

/** Indicator: an insats should start within 6 weeks of the decision. */
export const DECISION_TO_START_TARGET_DAYS = 42;

/** Calendar days from the decision to the start of the insats (0 when started the same day). */
export function daysDecisionToStart(decisionDate: string, startDate: string): number {
  return daysBetween(decisionDate, startDate);
}

/** Whether the insats started within the 42-day target (day 42 counts as in time). */
export function startedWithinTarget(decisionDate: string, startDate: string): boolean {
  return daysDecisionToStart(decisionDate, startDate) <= DECISION_TO_START_TARGET_DAYS;
}

// ── IVO: decisions not executed within 3 months (16 kap. 6 f–6 h §§ SoL) ──────────────────────────

export const IVO_MONTHS = 3;

/** The last day on which the decision may be executed: decision + 3 months (30 Nov → 28/29 Feb). */
export function ivoDueDate(decisionDate: string): string {
  return addCalendarMonths(decisionDate, IVO_MONTHS);
}

/**
 * Whether, as of `onDate`, the decision is one that was not executed within 3 months and so must
 * be reported. Precisely: onDate > due, and either not started (startDate null, or a start that
 * lies after onDate) or started after the due date. A decision executed late stays reportable:
 * the law asks for the report also when execution finally happens. Before the due date has passed
 * nothing is reportable.
 */
export function isIvoReportable(decisionDate: string, startDate: string | null, onDate: string): boolean {
  const due = ivoDueDate(decisionDate);
  if (onDate <= due) return false;
  return startDate === null || startDate > due;
}

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: string): { year: number; quarter: Quarter } {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter };
}

/** First and last day (inclusive) of a calendar quarter. */
export function quarterRange(year: number, quarter: Quarter): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${String(year).padStart(4, "0")}-${String(firstMonth).padStart(2, "0")}-01`;
  const to = addCalendarDays(addCalendarMonths(from, 3), -1);
  return { from, to };
}

// ── Genomförandeplan ──────────────────────────────────────────────────────────────────────────────

export const PLAN_DUE_DAYS_DEFAULT = 14;

export function planDueDate(startDate: string, days: number = PLAN_DUE_DAYS_DEFAULT): string {
  return addCalendarDays(startDate, days);
}

export type PlanState = "ok" | "missing" | "late" | "not_due";

/**
 * State of the genomförandeplan: "ok" = signed on or before the due date; "late" = signed after
 * it; "missing" = unsigned and the due date has passed; "not_due" = unsigned and still in time.
 */
export function planState(input: { startDate: string; signedOn: string | null; today: string; days?: number }): PlanState {
  const due = planDueDate(input.startDate, input.days ?? PLAN_DUE_DAYS_DEFAULT);
  if (input.signedOn !== null) return input.signedOn <= due ? "ok" : "late";
  return input.today > due ? "missing" : "not_due";
}

// ── Placements: övervägande (6 kap. 8 § SoL) ──────────────────────────────────────────────────────

export const OVERVAGANDE_MONTHS = 6;

/** The date of the next övervägande: 6 calendar months after the later of placement start and last övervägande. */
export function nextOvervagande(placementStart: string, lastOvervagande: string | null): string {
  const from = lastOvervagande !== null && lastOvervagande > placementStart ? lastOvervagande : placementStart;
  return addCalendarMonths(from, OVERVAGANDE_MONTHS);
}

// ── Follow-up ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Whether a follow-up was done in time: true when done on or before the due date, false when done
 * after it or still not done once the due date has passed, null while undone and not yet due.
 */
export function followUpInTime(dueDate: string, doneOn: string | null, today: string): boolean | null {
  if (doneOn !== null) return doneOn <= dueDate;
  return today > dueDate ? false : null;
}

// ── Suppression of small counts in aggregate reports ──────────────────────────────────────────────

/**
 * Counts 1–4 are not shown in aggregate reports: with so few young people in a district, age
 * group and sex, a small count can point out an individual (offentlighets- och sekretesslagen
 * 26 kap.). Zero is shown: it describes no one. Any other value below the threshold (a negative or
 * fractional input, which no count should be) is suppressed too, erring on the side of secrecy.
 */
export const SUPPRESSION_THRESHOLD = 5;

export function suppress(n: number | null): number | null {
  if (n === null) return null;
  if (n === 0) return 0;
  return n < SUPPRESSION_THRESHOLD ? null : n;
}

/**
 * A share numerator/denominator, or null when either count would be suppressed (or the
 * denominator is 0). Showing 2 of 40 as 5% lets a reader recover the hidden count from the
 * shown denominator, and a share of a denominator of 1–4 reveals its numerator; so a share is
 * shown only when both counts could be shown themselves. A numerator of 0 gives 0.
 * Note: the complement (denominator − numerator) is not checked; 38 of 40 reveals that 2 did not.
 * Counts tied by sums get secondary suppression from SumTable (complement.ts).
 */
export function suppressShare(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  if (suppress(numerator) === null || suppress(denominator) === null) return null;
  return numerator / denominator;
}

// ── Age groups ────────────────────────────────────────────────────────────────────────────────────

export const AGE_GROUPS = ["0-5", "6-11", "12-14", "15-17", "18-20", "21+"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Age group for an age in whole years (a fractional age belongs to the group of its whole years). */
export function ageGroup(age: number): AgeGroup {
  if (!Number.isFinite(age) || age < 0) throw new RangeError(`Not an age: ${age}`);
  if (age < 6) return "0-5";
  if (age < 12) return "6-11";
  if (age < 15) return "12-14";
  if (age < 18) return "15-17";
  if (age < 21) return "18-20";
  return "21+";
}

// ── Outcomes ──────────────────────────────────────────────────────────────────────────────────────

/** Share of assessed results (all but "ej_bedomt") that reached their goals; null when none was assessed. */
export function goalAttainmentShare(results: readonly GoalAttainment[]): number | null {
  const assessed = results.filter((r) => r !== "ej_bedomt");
  if (assessed.length === 0) return null;
  return assessed.filter((r) => r === "uppnatt").length / assessed.length;
}
