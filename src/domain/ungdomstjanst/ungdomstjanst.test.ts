import { describe, expect, it } from "vitest";
import {
  closedProblem,
  completionProblem,
  correctionProblem,
  endProblem,
  type Judgment,
  judgmentProblem,
  misconductProblem,
  progress,
  type Session,
  sessionProblem,
  ungdomstjanstClocks,
  ungdomstjanstStatus,
} from "./ungdomstjanst";

/** Judged on Wednesday 5 March 2025 to 40 hours, 10 of them in the programme. */
const judgment: Judgment = { judgmentOn: "2025-03-05", hours: 40, programmeHours: 10, completedOn: null };
const today = "2025-04-10";
const s = (on: string, hours: number, over: Partial<Session> = {}): Session => ({
  on,
  hours,
  kind: "arbete",
  attendance: "fullgjord",
  ...over,
});

describe("hours done and left", () => {
  it("counts only attended sessions, work and programme apart", () => {
    const sessions = [
      s("2025-03-08", 4),
      s("2025-03-15", 4, { attendance: "uteblev" }),
      s("2025-03-16", 3, { attendance: "giltigt_franvaro" }),
      s("2025-03-20", 2.5, { kind: "program" }),
      s("2025-04-20", 4, { attendance: "planerad" }),
    ];
    expect(progress(judgment, sessions)).toEqual({
      hours: 40,
      done: 6.5,
      left: 33.5,
      programmeHours: 10,
      programmeDone: 2.5,
      workDone: 4,
    });
  });
});

describe("a judgment as registered (BrB 32 kap. 2 §: 20–150 hours)", () => {
  it("accepts 20 and 150 hours, refuses 19 and 151", () => {
    expect(judgmentProblem({ ...judgment, hours: 20 }, today)).toBeNull();
    expect(judgmentProblem({ ...judgment, hours: 150 }, today)).toBeNull();
    expect(judgmentProblem({ ...judgment, hours: 19 }, today)).toMatchObject({ code: "hours_out_of_range", path: "body.hours" });
    expect(judgmentProblem({ ...judgment, hours: 151 }, today)?.code).toBe("hours_out_of_range");
  });
  it("refuses a programme part larger than the hours, and plan days before the judgment", () => {
    expect(judgmentProblem({ ...judgment, programmeHours: 41 }, today)?.path).toBe("body.programmeHours");
    expect(judgmentProblem({ ...judgment, startBy: "2025-03-04" }, today)).toMatchObject({
      code: "before_judgment",
      path: "body.startBy",
    });
    expect(judgmentProblem({ ...judgment, startBy: "2025-04-01", completeBy: "2025-03-31" }, today)?.path).toBe(
      "body.completeBy",
    );
    expect(judgmentProblem({ ...judgment, judgmentOn: "2025-04-11" }, today)?.code).toBe("in_future");
  });
});

describe("a session next to the others", () => {
  it("refuses a session the day before the judgment (400, body.on), accepts the judgment day itself", () => {
    expect(sessionProblem(judgment, [], s("2025-03-04", 2), today)).toMatchObject({
      status: 400,
      code: "before_judgment",
      path: "body.on",
    });
    expect(sessionProblem(judgment, [], s("2025-03-05", 2), today)).toBeNull();
  });
  it("lets a planned session be in the future, not an attended one", () => {
    expect(sessionProblem(judgment, [], s("2025-04-11", 2, { attendance: "planerad" }), today)).toBeNull();
    expect(sessionProblem(judgment, [], s("2025-04-11", 2), today)?.code).toBe("in_future");
  });
  it("refuses attended hours beyond the judgment: 36 done + 4 fits, + 4.5 does not", () => {
    const done = [s("2025-03-08", 12), s("2025-03-15", 12), s("2025-03-22", 12)];
    expect(sessionProblem(judgment, done, s("2025-03-29", 4), today)).toBeNull();
    expect(sessionProblem(judgment, done, s("2025-03-29", 4.5), today)).toMatchObject({
      code: "hours_exceed_judgment",
      path: "body.hours",
    });
    // A missed session's hours do not count, so it is never refused for hours.
    expect(sessionProblem(judgment, done, s("2025-03-29", 8, { attendance: "uteblev" }), today)).toBeNull();
  });
  it("refuses programme hours beyond the programme part", () => {
    const done = [s("2025-03-10", 8, { kind: "program" })];
    expect(sessionProblem(judgment, done, s("2025-03-17", 2, { kind: "program" }), today)).toBeNull();
    expect(sessionProblem(judgment, done, s("2025-03-17", 3, { kind: "program" }), today)?.code).toBe("hours_exceed_programme");
  });
  it("records nothing on a completed judgment (409)", () => {
    expect(sessionProblem({ ...judgment, completedOn: "2025-04-01" }, [], s("2025-04-02", 1), today)?.status).toBe(409);
  });
});

describe("completion and misconduct", () => {
  const all = [s("2025-03-08", 20), s("2025-03-29", 20)];
  it("needs every hour done (409 with hours left), not before the last session", () => {
    expect(completionProblem(judgment, all.slice(0, 1), "2025-04-01", today)).toMatchObject({ status: 409, code: "hours_left" });
    expect(completionProblem(judgment, all, "2025-03-28", today)?.code).toBe("before_previous_step");
    expect(completionProblem(judgment, all, "2025-03-29", today)).toBeNull();
  });
  it("a misconduct report is dated on or after the judgment and not in the future", () => {
    expect(misconductProblem(judgment, "2025-03-04", today)?.code).toBe("before_judgment");
    expect(misconductProblem(judgment, "2025-04-11", today)?.code).toBe("in_future");
    expect(misconductProblem(judgment, "2025-03-05", today)).toBeNull();
  });
});

describe("clocks set by the judgment or plan, not moved", () => {
  it("start by Saturday 15 March stays on the Saturday; met on the first attended day", () => {
    const j = { ...judgment, startBy: "2025-03-15", completeBy: "2025-06-30" };
    const [start, end] = ungdomstjanstClocks(j, [s("2025-03-08", 4, { attendance: "uteblev" }), s("2025-03-14", 4)]);
    expect(start).toMatchObject({ kind: "ungdomstjanst_start", deadline: { dueDate: "2025-03-15" } });
    expect(start?.completedAt?.toISOString()).toBe("2025-03-13T23:00:00.000Z"); // 14 March, 00:00 Stockholm
    expect(end).toMatchObject({ kind: "ungdomstjanst_slut", completedAt: null });
    expect(end?.deadline.dueAt.toISOString()).toBe("2025-06-30T22:00:00.000Z"); // end of 30 June, summer time
  });
  it("no day set, no clock", () => {
    expect(ungdomstjanstClocks({ ...judgment, startBy: null, completeBy: null }, [])).toEqual([]);
  });
  it("status follows placement, first attended session and completion", () => {
    expect(ungdomstjanstStatus({ ...judgment, placedOn: null }, [])).toBe("domd");
    expect(ungdomstjanstStatus({ ...judgment, placedOn: "2025-03-06" }, [])).toBe("placerad");
    expect(ungdomstjanstStatus({ ...judgment, placedOn: "2025-03-06" }, [s("2025-03-08", 1)])).toBe("pagar");
    expect(ungdomstjanstStatus({ ...judgment, placedOn: "2025-03-06", completedOn: "2025-04-01" }, [])).toBe("fullgjord");
  });
});

describe("correcting a judgment as registered", () => {
  const facts = { judgmentOn: "2025-03-05", hours: 40, programmeHours: 10, startBy: "2025-03-21", completeBy: "2025-05-30" };
  const sessions = [s("2025-03-12", 4), s("2025-03-13", 2.5, { kind: "program" })];

  it("accepts new days and hours that hold for the judgment and what was recorded under it", () => {
    expect(
      correctionProblem(judgment, { ...facts, judgmentOn: "2025-03-03", completeBy: "2025-06-13" }, sessions, [], today),
    ).toBeNull();
  });

  it("refuses a judgment day after a session, the placement or a report to the prosecutor", () => {
    expect(correctionProblem(judgment, { ...facts, judgmentOn: "2025-03-13" }, sessions, [], today)).toMatchObject({
      code: "after_recorded_step",
      path: "body.judgmentOn",
    });
    expect(correctionProblem(judgment, { ...facts, judgmentOn: "2025-03-07", placedOn: "2025-03-06" }, [], [], today)?.code).toBe(
      "after_recorded_step",
    );
    expect(correctionProblem(judgment, { ...facts, judgmentOn: "2025-03-07" }, [], ["2025-03-06"], today)?.code).toBe(
      "after_recorded_step",
    );
  });

  it("refuses hours below those done, and anything a new judgment could not be", () => {
    expect(correctionProblem(judgment, { ...facts, hours: 20, programmeHours: 2 }, sessions, [], today)).toMatchObject({
      code: "below_hours_done",
      path: "body.programmeHours",
    });
    const many = [s("2025-03-12", 12), s("2025-03-13", 12)];
    expect(correctionProblem(judgment, { ...facts, hours: 20, programmeHours: 0 }, many, [], today)?.path).toBe("body.hours");
    expect(correctionProblem(judgment, { ...facts, startBy: "2025-03-01" }, [], [], today)?.code).toBe("before_judgment");
    expect(correctionProblem(judgment, { ...facts, hours: 151 }, [], [], today)?.code).toBe("hours_out_of_range");
  });

  it("refuses to correct a completed or ended judgment (409)", () => {
    expect(correctionProblem({ ...judgment, completedOn: "2025-04-01" }, facts, [], [], today)?.status).toBe(409);
    expect(correctionProblem({ ...judgment, endedOn: "2025-04-01" }, facts, [], [], today)?.code).toBe("ungdomstjanst_ended");
  });
});

describe("ending without completion", () => {
  const sessions = [s("2025-03-12", 4), s("2025-03-15", 4, { attendance: "uteblev" })];

  it("misskötsamhet needs a report to the prosecutor on or before the day", () => {
    const end = { on: "2025-03-20", reason: "misskotsamhet" as const };
    expect(endProblem(judgment, sessions, [], end, today)).toMatchObject({
      code: "misconduct_not_reported",
      path: "body.reason",
    });
    expect(endProblem(judgment, sessions, ["2025-03-21"], end, today)?.code).toBe("misconduct_not_reported");
    expect(endProblem(judgment, sessions, ["2025-03-17"], end, today)).toBeNull();
  });

  it("a changed judgment ends it without a report; another reason needs a note", () => {
    expect(endProblem(judgment, sessions, [], { on: "2025-03-20", reason: "dom_andrad" }, today)).toBeNull();
    expect(endProblem(judgment, sessions, [], { on: "2025-03-20", reason: "annat", note: " " }, today)).toMatchObject({
      code: "note_required",
      path: "body.note",
    });
    expect(endProblem(judgment, sessions, [], { on: "2025-03-20", reason: "annat", note: "Flyttat" }, today)).toBeNull();
  });

  it("not before the judgment or the last attended session, not ahead, not twice", () => {
    const end = (on: string) => ({ on, reason: "dom_andrad" as const });
    expect(endProblem(judgment, sessions, [], end("2025-03-04"), today)?.code).toBe("before_judgment");
    expect(endProblem(judgment, sessions, [], end("2025-03-11"), today)?.code).toBe("before_previous_step");
    expect(endProblem(judgment, sessions, [], end("2025-04-11"), today)?.code).toBe("in_future");
    expect(endProblem({ ...judgment, endedOn: "2025-03-20" }, sessions, [], end("2025-03-21"), today)?.status).toBe(409);
  });

  it("takes no more sessions, keeps the clocks it met and stops the others; its state says so", () => {
    const ended = { ...judgment, endedOn: "2025-03-20" };
    expect(closedProblem(ended)?.code).toBe("ungdomstjanst_ended");
    expect(sessionProblem(ended, sessions, s("2025-03-20", 2), today)?.code).toBe("ungdomstjanst_ended");
    const clocks = ungdomstjanstClocks({ ...ended, startBy: "2025-03-21", completeBy: "2025-05-30" }, sessions);
    expect(clocks.map((c) => c.kind)).toEqual(["ungdomstjanst_start"]);
    expect(ungdomstjanstClocks({ ...ended, startBy: "2025-03-21", completeBy: "2025-05-30" }, [])).toEqual([]);
    expect(ungdomstjanstStatus({ ...ended, placedOn: "2025-03-10" }, sessions)).toBe("avslutad_ej_fullgjord");
  });
});
