import { ageOn } from "../personnummer";
import type { EndReason, GoalAttainment } from "./vocabulary";

/**
 * Guards on an insats that are not the law's clocks but the audits' findings: an insats given to a
 * young person outside the ages it was built and evaluated for (Triple P for 2–12 to a 14-year-old),
 * and an insats closed as "målen uppnådda" while its own follow-ups say a goal was not reached. Both
 * stay possible — a professional may have good reasons — but only with the reason written down, so
 * the case file shows why and the samlad bild is not flattered by an end reason the file contradicts.
 */

// ── Age outside the catalogue entry's target ages ────────────────────────────────────────────────

export interface TargetAges {
  /** Youngest age in whole years the entry is for (inclusive). */
  min: number;
  /** Oldest age in whole years the entry is for (inclusive: the day before the next birthday fits). */
  max: number;
}

export interface AgeOutside {
  age: number;
  min: number;
  max: number;
  side: "below" | "above";
}

/**
 * Whether the young person's age on `onDate` (the insats's start day) lies outside the entry's
 * target ages, and how; null when it fits. Ages are whole years (ageOn): someone aged 12 years and
 * 11 months fits "2–12"; on the 13th birthday they no longer do.
 */
export function ageOutsideTarget(birthDate: string, onDate: string, target: TargetAges): AgeOutside | null {
  const age = ageOn(birthDate, onDate);
  if (age < target.min) return { age, min: target.min, max: target.max, side: "below" };
  if (age > target.max) return { age, min: target.min, max: target.max, side: "above" };
  return null;
}

/**
 * The earliest day an insats given on `today` under a decision of `decidedOn` can start: the later of
 * the two. The age guard looks at that day when the insats is ordered; when it actually starts, the
 * start day itself is checked again.
 */
export function earliestStart(decidedOn: string, today: string): string {
  return decidedOn > today ? decidedOn : today;
}

// ── "Målen uppnådda" against the plan's goal follow-ups ──────────────────────────────────────────

export interface GoalFollowUpResults {
  /** Follow-ups in the order they were made (done day, then recording time): a later one speaks last. */
  results: readonly { goalId: string; attainment: GoalAttainment }[];
}

export interface GoalStatus {
  /** Goals of the plan in force. */
  total: number;
  /** Goals whose latest assessed result is "uppnått". */
  reached: number;
  /** Goals whose latest assessed result is "delvis uppnått" or "inte uppnått". */
  notReached: number;
  /** Goals never assessed ("inte bedömt" does not count as an assessment). */
  unassessed: number;
}

/**
 * Where each goal of the plan in force stands after the follow-ups: the latest result that assessed
 * it counts ("inte bedömt" leaves the previous assessment standing). Results for goals not in the
 * plan in force (an earlier version's) are ignored.
 */
export function goalStatus(goalIds: readonly string[], followUps: readonly GoalFollowUpResults[]): GoalStatus {
  const latest = new Map<string, GoalAttainment>();
  for (const f of followUps) {
    for (const r of f.results) {
      if (r.attainment !== "ej_bedomt" && goalIds.includes(r.goalId)) latest.set(r.goalId, r.attainment);
    }
  }
  const ids = [...new Set(goalIds)];
  const reached = ids.filter((g) => latest.get(g) === "uppnatt").length;
  const assessed = ids.filter((g) => latest.has(g)).length;
  return { total: ids.length, reached, notReached: assessed - reached, unassessed: ids.length - assessed };
}

/**
 * Ending as "målen uppnådda" contradicts the follow-ups when at least one goal's latest assessment
 * says it was not (fully) reached. Goals never assessed are no contradiction: the follow-ups say
 * nothing against them (the missing follow-up is a clock of its own).
 */
export function endContradictsGoals(endReason: EndReason, status: GoalStatus): boolean {
  return endReason === "mal_uppnatt" && status.notReached > 0;
}

/** What an end that contradicts the follow-ups still lacks: the explicit confirmation, the note, or both. */
export function missingContradictionConfirmation(input: {
  confirm: boolean | undefined;
  note: string | undefined;
}): ("confirmContradiction" | "contradictionNote")[] {
  const missing: ("confirmContradiction" | "contradictionNote")[] = [];
  if (input.confirm !== true) missing.push("confirmContradiction");
  if (!input.note?.trim()) missing.push("contradictionNote");
  return missing;
}
