/**
 * Ungdomstjänst as the social services carry it out: the court's judgment, the placement at a
 * workplace with a supervisor, the sessions and their attendance, the programme part, completion and
 * misconduct reported to the prosecutor. Pure, no I/O; days are Stockholm calendar days.
 *
 * The law:
 * - Brottsbalken (1962:700) 32 kap. 2 § första stycket: the one sentenced to ungdomstjänst shall do
 *   unpaid work and take part in other specially arranged activity (annan särskilt anordnad
 *   verksamhet, "the programme part") for at least twenty and at most one hundred and fifty hours;
 *   the young person must consent, and for someone over 18 only with special reasons (andra stycket).
 * - The social services carry the sentence out (prop. 2005/06:165: "Påföljden verkställs av
 *   socialtjänsten"). When the young person misconducts the ungdomstjänst, the social services report
 *   it to the prosecutor, who may warn or ask the court to set the judgment aside (Socialstyrelsen's
 *   and municipal guidance). The section of law carrying the duty was searched for again (2026-12) and
 *   not found in the law's text in the sources available, so none is cited; it is to be checked
 *   before one is. Prop. 2014/15:25 also proposed that ungdomstjänst as a rule start within two months
 *   of the judgment gaining legal force and no longer need the young person's consent (from
 *   2015-07-01); where that landed in the law was not confirmed either, so the clocks below still
 *   take the start day from the judgment or plan (startBy).
 *
 * The clocks: the law sets no period within which ungdomstjänst must start or be finished. The start
 * and end days are the ones the court's judgment or the social services' plan for the young person set,
 * recorded per judgment (startBy, completeBy). Being dates set by a court or a plan and not "enligt
 * lag", lag (1930:173) 2 § does not move them off a weekend (see ../legal-time.ts).
 */
import { type Deadline, dayDeadline } from "../clocks";
import { startOfStockholmDay } from "../time";

/** BrB 32 kap. 2 § första stycket: lägst tjugo och högst etthundrafemtio timmar. */
export const MIN_HOURS = 20;
export const MAX_HOURS = 150;
export const LEGAL_BASIS = "32 kap. 2 § brottsbalken";

/** Work at the placement, or the specially arranged programme (särskilt anordnad verksamhet). */
export const SESSION_KINDS = ["arbete", "program"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A session is planned (the schedule), then attended, missed (uteblev) or excused (giltigt förhinder). */
export const ATTENDANCE = ["planerad", "fullgjord", "uteblev", "giltigt_franvaro"] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export interface Judgment {
  judgmentOn: string;
  hours: number;
  /** Hours of the judged total the plan gives to the programme part. */
  programmeHours: number;
  completedOn: string | null;
  /** The day it ended without completion (see END_REASONS), if it did. */
  endedOn?: string | null;
}

/**
 * Why a judgment ended without every hour done: the young person stopped coming and the prosecutor
 * was told (misskötsamhet, which needs a report to the prosecutor on record), the court set the
 * judgment aside or changed it (undanröjd / ändrad), or another reason given in the note.
 */
export const END_REASONS = ["misskotsamhet", "dom_andrad", "annat"] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface Session {
  id?: string;
  on: string;
  kind: SessionKind;
  hours: number;
  attendance: Attendance;
}

export interface Problem {
  status: 400 | 409;
  code: string;
  message: string;
  path: string;
}

/** Only attended sessions count towards the judged hours. */
export function hoursDone(sessions: readonly Session[], kind?: SessionKind): number {
  return sessions
    .filter((s) => s.attendance === "fullgjord" && (kind === undefined || s.kind === kind))
    .reduce((sum, s) => sum + s.hours, 0);
}

export interface Progress {
  hours: number;
  done: number;
  left: number;
  programmeHours: number;
  programmeDone: number;
  workDone: number;
}

export function progress(j: Judgment, sessions: readonly Session[]): Progress {
  const done = hoursDone(sessions);
  const programmeDone = hoursDone(sessions, "program");
  return {
    hours: j.hours,
    done,
    left: Math.max(0, j.hours - done),
    programmeHours: j.programmeHours,
    programmeDone,
    workDone: done - programmeDone,
  };
}

/** What is wrong with a judgment as registered, or null. */
export function judgmentProblem(
  j: { judgmentOn: string; hours: number; programmeHours: number; startBy?: string | null; completeBy?: string | null },
  today: string,
): Problem | null {
  if (j.judgmentOn > today)
    return bad("in_future", "Domen ligger i framtiden / The judgment is in the future", "body.judgmentOn");
  if (j.hours < MIN_HOURS || j.hours > MAX_HOURS)
    return bad(
      "hours_out_of_range",
      `Ungdomstjänst döms i ${MIN_HOURS}–${MAX_HOURS} timmar (${LEGAL_BASIS}) / Youth service is ${MIN_HOURS}–${MAX_HOURS} hours`,
      "body.hours",
    );
  if (j.programmeHours > j.hours)
    return bad(
      "programme_exceeds_hours",
      "Programdelen kan inte vara större än de dömda timmarna / The programme part exceeds the judged hours",
      "body.programmeHours",
    );
  if (j.startBy && j.startBy < j.judgmentOn) return beforeJudgment("body.startBy");
  if (j.completeBy && j.completeBy < (j.startBy ?? j.judgmentOn)) return beforeJudgment("body.completeBy");
  return null;
}

/**
 * What is wrong with recording `session` (new, or a planned one given its attendance) next to the
 * judgment's other sessions, or null. A session cannot be before the judgment, an attended or missed
 * one cannot be in the future, and attended hours may not go beyond the judged hours (nor the
 * programme hours beyond the programme part). Nothing is recorded on a completed judgment.
 */
export function sessionProblem(j: Judgment, others: readonly Session[], session: Session, today: string): Problem | null {
  const closed = closedProblem(j);
  if (closed) return closed;
  if (session.on < j.judgmentOn) return beforeJudgment("body.on");
  if (session.attendance !== "planerad" && session.on > today)
    return bad("in_future", "Närvaro kan inte registreras i förväg / Attendance cannot be recorded ahead", "body.on");
  if (session.attendance !== "fullgjord") return null;
  const done = hoursDone(others);
  if (done + session.hours > j.hours)
    return bad(
      "hours_exceed_judgment",
      `Timmarna går över de dömda ${j.hours} (${done} är gjorda) / Beyond the ${j.hours} judged hours (${done} done)`,
      "body.hours",
    );
  const programme = hoursDone(others, "program");
  if (session.kind === "program" && programme + session.hours > j.programmeHours)
    return bad(
      "hours_exceed_programme",
      `Programtimmarna går över programdelens ${j.programmeHours} / Beyond the programme part's ${j.programmeHours} hours`,
      "body.hours",
    );
  return null;
}

/** Completion needs every judged hour done, on a day not before the last attended session. */
export function completionProblem(j: Judgment, sessions: readonly Session[], on: string, today: string): Problem | null {
  const closed = closedProblem(j, "Ungdomstjänsten är redan fullgjord / Already completed");
  if (closed) return closed;
  if (on > today) return bad("in_future", "Datumet ligger i framtiden / The date is in the future", "body.completedOn");
  const left = j.hours - hoursDone(sessions);
  if (left > 0)
    return {
      status: 409,
      code: "hours_left",
      message: `${left} timmar återstår / ${left} hours are left`,
      path: "body.completedOn",
    };
  const last = lastAttended(sessions);
  if (last && on < last) return bad("before_previous_step", "Före sista passet / Before the last session", "body.completedOn");
  return null;
}

/** A report of misconduct to the prosecutor: on or after the judgment, not in the future. */
export function misconductProblem(j: Judgment, reportedOn: string, today: string): Problem | null {
  if (reportedOn < j.judgmentOn) return beforeJudgment("body.reportedOn");
  if (reportedOn > today) return bad("in_future", "Datumet ligger i framtiden / The date is in the future", "body.reportedOn");
  return null;
}

/**
 * A completed judgment takes nothing more (409 ungdomstjanst_completed), nor does one that ended
 * without completion (409 ungdomstjanst_ended).
 */
export function closedProblem(
  j: Pick<Judgment, "completedOn" | "endedOn">,
  completedMessage = "Ungdomstjänsten är fullgjord / The youth service is completed",
): Problem | null {
  if (j.completedOn) return { status: 409, code: "ungdomstjanst_completed", message: completedMessage, path: "body" };
  if (j.endedOn)
    return {
      status: 409,
      code: "ungdomstjanst_ended",
      message: "Ungdomstjänsten är avslutad utan att ha fullgjorts / The youth service has ended",
      path: "body",
    };
  return null;
}

/** The judgment's registered facts that a correction may change. */
export interface JudgmentFacts {
  judgmentOn: string;
  hours: number;
  programmeHours: number;
  startBy: string | null;
  completeBy: string | null;
  placedOn?: string | null;
}

/**
 * What is wrong with correcting a running judgment to `next`, or null: the corrected judgment must
 * hold as a new one would (judgmentProblem), the judgment day may not move past anything recorded
 * under it (a session, the placement, a report to the prosecutor), and the judged hours may not fall
 * below the hours already done (nor the programme part below its hours done).
 */
export function correctionProblem(
  current: Judgment,
  next: JudgmentFacts,
  sessions: readonly Session[],
  misconductDays: readonly string[],
  today: string,
): Problem | null {
  const closed = closedProblem(current);
  if (closed) return closed;
  const problem = judgmentProblem(next, today);
  if (problem) return problem;
  const earliest = [...sessions.map((s) => s.on), ...misconductDays, ...(next.placedOn ? [next.placedOn] : [])].sort()[0];
  if (earliest !== undefined && next.judgmentOn > earliest)
    return bad(
      "after_recorded_step",
      `Domen kan inte ligga efter det som registrerats under den (${earliest}) / The judgment cannot be after what was recorded under it (${earliest})`,
      "body.judgmentOn",
    );
  const done = hoursDone(sessions);
  if (next.hours < done)
    return bad("below_hours_done", `${done} timmar är redan gjorda / ${done} hours are already done`, "body.hours");
  const programmeDone = hoursDone(sessions, "program");
  if (next.programmeHours < programmeDone)
    return bad(
      "below_hours_done",
      `${programmeDone} programtimmar är redan gjorda / ${programmeDone} programme hours are already done`,
      "body.programmeHours",
    );
  return null;
}

/**
 * What is wrong with ending a running judgment without completion on `on` for `reason`, or null:
 * not before the judgment nor the last attended session, not in the future; misskötsamhet needs a
 * report to the prosecutor on or before the day, and "annat" a note saying what happened.
 */
export function endProblem(
  j: Judgment,
  sessions: readonly Session[],
  misconductDays: readonly string[],
  end: { on: string; reason: EndReason; note?: string | null },
  today: string,
): Problem | null {
  const closed = closedProblem(j);
  if (closed) return closed;
  if (end.on < j.judgmentOn) return beforeJudgment("body.endedOn");
  if (end.on > today) return bad("in_future", "Datumet ligger i framtiden / The date is in the future", "body.endedOn");
  const last = lastAttended(sessions);
  if (last && end.on < last) return bad("before_previous_step", "Före sista passet / Before the last session", "body.endedOn");
  if (end.reason === "misskotsamhet" && !misconductDays.some((d) => d <= end.on))
    return bad(
      "misconduct_not_reported",
      "Misskötsamhet kräver en registrerad underrättelse till åklagaren / Misconduct needs a report to the prosecutor on record",
      "body.reason",
    );
  if (end.reason === "annat" && !end.note?.trim()) return bad("note_required", "Beskriv skälet / Say what happened", "body.note");
  return null;
}

function lastAttended(sessions: readonly Session[]): string | null {
  return sessions.filter((s) => s.attendance === "fullgjord").reduce<string | null>((m, s) => (m && m > s.on ? m : s.on), null);
}
function firstAttended(sessions: readonly Session[]): string | null {
  return sessions.filter((s) => s.attendance === "fullgjord").reduce<string | null>((m, s) => (m && m < s.on ? m : s.on), null);
}

export const UNGDOMSTJANST_CLOCK_KINDS = ["ungdomstjanst_start", "ungdomstjanst_slut"] as const;
export type UngdomstjanstClockKind = (typeof UNGDOMSTJANST_CLOCK_KINDS)[number];

export interface UngdomstjanstClock {
  kind: UngdomstjanstClockKind;
  deadline: Deadline;
  /** Start: the first attended session's day; end: the day completion was recorded. */
  completedAt: Date | null;
}

/**
 * The judgment's clocks, where the judgment or plan set a day: started by `startBy` (met on the day of
 * the first attended session) and completed by `completeBy` (met on the day of completion). A
 * judgment that ended without completion keeps the clocks it met and no longer runs the others.
 */
export function ungdomstjanstClocks(
  j: Judgment & { startBy: string | null; completeBy: string | null },
  sessions: readonly Session[],
): UngdomstjanstClock[] {
  const clocks: UngdomstjanstClock[] = [];
  const started = firstAttended(sessions);
  if (j.startBy)
    clocks.push({
      kind: "ungdomstjanst_start",
      deadline: dayDeadline(j.startBy),
      completedAt: started ? startOfStockholmDay(started) : null,
    });
  if (j.completeBy)
    clocks.push({
      kind: "ungdomstjanst_slut",
      deadline: dayDeadline(j.completeBy),
      completedAt: j.completedOn ? startOfStockholmDay(j.completedOn) : null,
    });
  return j.endedOn ? clocks.filter((c) => c.completedAt !== null) : clocks;
}

export const UNGDOMSTJANST_STATUSES = ["domd", "placerad", "pagar", "fullgjord", "avslutad_ej_fullgjord"] as const;
export type UngdomstjanstStatus = (typeof UNGDOMSTJANST_STATUSES)[number];

export function ungdomstjanstStatus(
  j: Judgment & { placedOn: string | null },
  sessions: readonly Session[],
): UngdomstjanstStatus {
  if (j.completedOn) return "fullgjord";
  if (j.endedOn) return "avslutad_ej_fullgjord";
  if (firstAttended(sessions)) return "pagar";
  return j.placedOn ? "placerad" : "domd";
}

const bad = (code: string, message: string, path: string): Problem => ({ status: 400, code, message, path });
const beforeJudgment = (path: string): Problem =>
  bad("before_judgment", "Datumet ligger före domen / The date is before the judgment", path);
