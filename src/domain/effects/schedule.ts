/**
 * When an insats's measurements are due, from its measurement plan and its dates. Pure, no I/O.
 *
 * - start: the start day; end: the end day (known once the insats has ended);
 * - interim: every `intervalMonths` from the start, while the insats runs (a date on or after the
 *   end is dropped: the end measurement covers it);
 * - after_6 / after_12: 6 and 12 months after the end.
 */
import { addCalendarMonths } from "../clocks";
import type { MeasurementPoint } from "./vocabulary";

export interface PlannedPoints {
  points: readonly MeasurementPoint[];
  /** Months between interim measurements; required for "interim". */
  intervalMonths: number | null;
}

export interface DueMeasurement {
  point: MeasurementPoint;
  dueOn: string;
}

/** Interim measurements stop after this many, so a never-ended insats does not list dates forever. */
const MAX_INTERIM = 24;

export function dueMeasurements(
  plan: PlannedPoints,
  insats: { startedOn: string | null; endedOn: string | null },
  until: string,
): DueMeasurement[] {
  const { startedOn, endedOn } = insats;
  if (startedOn === null) return [];
  const due: DueMeasurement[] = [];
  const has = (p: MeasurementPoint) => plan.points.includes(p);
  if (has("start")) due.push({ point: "start", dueOn: startedOn });
  if (has("interim") && plan.intervalMonths !== null && plan.intervalMonths > 0) {
    const stop = endedOn ?? until;
    for (let k = 1; k <= MAX_INTERIM; k++) {
      const d = addCalendarMonths(startedOn, k * plan.intervalMonths);
      if (d > stop || (endedOn !== null && d >= endedOn)) break;
      due.push({ point: "interim", dueOn: d });
    }
  }
  if (endedOn !== null) {
    if (has("end")) due.push({ point: "end", dueOn: endedOn });
    if (has("after_6")) due.push({ point: "after_6", dueOn: addCalendarMonths(endedOn, 6) });
    if (has("after_12")) due.push({ point: "after_12", dueOn: addCalendarMonths(endedOn, 12) });
  }
  return due;
}

/**
 * Whether a point may be measured on a day: nothing before the start; "after" points only once the
 * insats has ended, and not before their due day. Returns the reason code when not.
 */
export function pointRefusal(
  point: MeasurementPoint,
  insats: { startedOn: string | null; endedOn: string | null },
  measuredOn: string,
): "insats_not_started" | "before_start" | "insats_not_ended" | "too_early" | null {
  if (insats.startedOn === null) return "insats_not_started";
  if (measuredOn < insats.startedOn) return "before_start";
  if (point === "after_6" || point === "after_12") {
    if (insats.endedOn === null) return "insats_not_ended";
    // A month's grace: the follow-up meeting is booked around the day, not on it.
    const earliest = addCalendarMonths(insats.endedOn, point === "after_6" ? 5 : 11);
    if (measuredOn < earliest) return "too_early";
  }
  return null;
}
