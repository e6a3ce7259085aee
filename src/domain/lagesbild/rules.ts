/**
 * The lägesbild's rules that are not figures: the year's period, the manual sources, the versions
 * and the lock once decided, the åtgärdsplan's overdue measures. Pure.
 */
import type { MeasureStatus } from "./definitions";

/** A lägesbild covers one calendar year: the period the nämnd and kommunstyrelse report on. */
export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export interface ManualSource {
  label: string;
  value: number;
  unit: string;
  periodFrom: string;
  periodTo: string;
  source: string;
  note: string;
}

/** The fields at fault in a manual source, with why; empty when it is sound. */
export function sourceProblems(s: Pick<ManualSource, "value" | "periodFrom" | "periodTo">): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!Number.isFinite(s.value)) problems.push({ field: "value", message: "Inte ett tal / Not a number" });
  if (s.periodTo < s.periodFrom) problems.push({ field: "periodTo", message: "Slutdatum före startdatum / End before start" });
  return problems;
}

/** The version a change makes: one more than the latest, never a number taken twice. */
export function nextVersion(latest: number): number {
  return latest + 1;
}

/** A decided lägesbild is the record of what was decided: nothing of it changes after. */
export function isLocked(decidedAt: Date | string | null): boolean {
  return decidedAt !== null;
}

/** A measure not done nor cancelled whose due day has passed (Stockholm days, 'YYYY-MM-DD'). */
export function isOverdue(m: { status: MeasureStatus; dueOn: string | null }, today: string): boolean {
  if (m.status === "genomford" || m.status === "installd" || m.dueOn === null) return false;
  return m.dueOn < today;
}
