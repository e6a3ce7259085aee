/**
 * How one legal clock stands at the instant a report is made: the one rule behind every "share
 * within legal time" (skyddsbedömning, förhandsbedömning, utredning). Pure, no I/O.
 *
 * Why four outcomes and not two: a share that counts only what was done ("done in time / done")
 * leaves out the items whose deadline passed without anything being done — the worst ones — and so
 * leans towards looking good, the more so the more is left undone. Here an item whose clock has run
 * out without completion is "overdue" and sits in the denominator as not within; only an item whose
 * clock is still running ("pending") stays out of the share, and is shown apart so that nothing
 * disappears.
 */
import { type Deadline, isInTime } from "../clocks";

export type ClockOutcome = "within" | "late" | "overdue" | "pending";

/**
 * The outcome of a clock with this deadline, done at `doneAt` (null when not done), as of `asOf`:
 * - done by `asOf` and in time (clocks.ts isInTime: the deadline's own rule for its last instant) → within;
 * - done by `asOf` after the deadline → late;
 * - not done by `asOf` and the deadline has run out at `asOf` → overdue (counted as not within);
 * - not done and the deadline still running at `asOf` → pending (not in the share).
 * Something recorded as done after `asOf` is not done yet as of `asOf`.
 */
export function clockOutcome(deadline: Deadline, doneAt: Date | null, asOf: Date): ClockOutcome {
  if (doneAt !== null && doneAt.getTime() <= asOf.getTime()) return isInTime(deadline, doneAt) ? "within" : "late";
  return isInTime(deadline, asOf) ? "pending" : "overdue";
}

/** Whether the outcome is in the share's denominator (its clock has been decided). */
export const settled = (o: ClockOutcome): boolean => o !== "pending";
