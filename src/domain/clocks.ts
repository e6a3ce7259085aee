import { startOfStockholmDay, stockholmDate } from "./time";

/**
 * The legal clocks of the case flow (SoL 2001:453 numbering). Dates are Stockholm calendar days
 * as 'YYYY-MM-DD'; a deadline on a weekend or holiday is not moved, as the law does not move it.
 */
export type ClockKind =
  | "skyddsbedomning"
  | "forhandsbedomning"
  | "utredning"
  | "uppfoljning"
  | "verkstallighet"
  | "genomforandeplan"
  | "insats_uppfoljning"
  | "overvagande";
export type ClockState = "due" | "due_soon" | "overdue" | "met" | "met_late";

export interface Deadline {
  /** The last allowed Stockholm calendar day. */
  dueDate: string;
  /** The instant the clock runs out: the start of the day after dueDate, or receipt + 24 h. */
  dueAt: Date;
  /** True when dueAt itself is still in time ("at the latest 24 hours after"); day deadlines end before it. */
  dueAtIncluded?: boolean;
}

const DAY_MS = 86_400_000;

/** A running clock is "due soon" this many days before its last day, unless the user asks otherwise. */
export const DUE_SOON_DAYS = 3;

function parts(date: string): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}
function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Months as the law counts them: the same day number, or the month's last day when it has none. */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return format(ty, tm, Math.min(d, last));
}

/** A deadline that ends with a Stockholm calendar day (the clocks of insatser, whose due days come from their rules). */
export function dayDeadline(dueDate: string): Deadline {
  return { dueDate, dueAt: startOfStockholmDay(addCalendarDays(dueDate, 1)) };
}

/** 11 kap. 1 a §: assess the need of immediate protection at once — at the latest 24 hours after receipt. */
export function skyddsbedomningDeadline(receivedAt: Date): Deadline {
  const dueAt = new Date(receivedAt.getTime() + DAY_MS);
  return { dueDate: stockholmDate(new Date(dueAt.getTime() - 1)), dueAt, dueAtIncluded: true };
}

/** 11 kap. 1 a §: decide whether to open an investigation within 14 days of receipt. */
export function forhandsbedomningDeadline(receivedAt: Date): Deadline {
  return dayDeadline(addCalendarDays(stockholmDate(receivedAt), 14));
}

/** 11 kap. 2 §: finish within 4 months of opening, or by the date a förlängning decided. */
export function utredningDeadline(openedOn: string, extendedTo?: string | null): Deadline {
  const statutory = addCalendarMonths(openedOn, 4);
  return dayDeadline(extendedTo && extendedTo > statutory ? extendedTo : statutory);
}

/** 11 kap. 4 a–c §: a follow-up after a declined intervention is decided within 2 months of closing. */
export function uppfoljningDeadline(closedOn: string): Deadline {
  return dayDeadline(addCalendarMonths(closedOn, 2));
}

/** Calendar days from one date to another (negative when `toDate` is earlier). */
export function daysBetween(fromDate: string, toDate: string): number {
  const [fy, fm, fd] = parts(fromDate);
  const [ty, tm, td] = parts(toDate);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

/** Whether something done at this instant meets the deadline: the one rule every report and overview uses. */
export function isInTime(deadline: Deadline, at: Date): boolean {
  return deadline.dueAtIncluded ? at.getTime() <= deadline.dueAt.getTime() : at.getTime() < deadline.dueAt.getTime();
}

export function clockState(input: { deadline: Deadline; completedAt?: Date | null; now: Date; dueSoonDays?: number }): {
  state: ClockState;
  daysLeft: number;
} {
  const { deadline, completedAt, now } = input;
  const dueSoonDays = input.dueSoonDays ?? DUE_SOON_DAYS;
  const reference = completedAt ?? now;
  const daysLeft = daysBetween(stockholmDate(reference), deadline.dueDate);
  if (completedAt) return { state: isInTime(deadline, completedAt) ? "met" : "met_late", daysLeft };
  if (!isInTime(deadline, now)) return { state: "overdue", daysLeft };
  return { state: daysLeft <= dueSoonDays ? "due_soon" : "due", daysLeft };
}

export function median(values: number[]): number | null {
  return percentile(values, 50);
}

/** Percentile by linear interpolation between closest ranks (as spreadsheets' PERCENTILE.INC). */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}
