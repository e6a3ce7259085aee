import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  attendanceBody,
  completeBody,
  createJudgmentBody,
  endJudgmentBody,
  JudgmentView,
  misconductBody,
  placementBody,
  sessionBody,
  updateJudgmentBody,
} from "../../../contracts/ungdomstjanst";
import { clockState } from "../../../domain/clocks";
import { stockholmDate } from "../../../domain/time";
import {
  type Attendance,
  closedProblem,
  completionProblem,
  correctionProblem,
  type EndReason,
  endProblem,
  type Judgment,
  judgmentProblem,
  LEGAL_BASIS,
  misconductProblem,
  type Problem,
  progress,
  type Session,
  type SessionKind,
  sessionProblem,
  ungdomstjanstClocks,
  ungdomstjanstStatus,
} from "../../../domain/ungdomstjanst/ungdomstjanst";
import type { Database, Db, Tx } from "../../db/connection";
import { cases, persons, ungdomstjanstJudgments, ungdomstjanstMisconduct, ungdomstjanstSessions } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, conflict, notFound } from "../../platform/errors";
import { caseScope, personScope } from "../../platform/scope";
import { caseForWrite } from "../cases/access";
import { requireDayWithin } from "../cases/rules";
import { auditCaseRecord, listCaseRecords, registerOnOpenCase } from "./case-record";

type JudgmentRow = typeof ungdomstjanstJudgments.$inferSelect;
type SessionRow = typeof ungdomstjanstSessions.$inferSelect;
type MisconductRow = typeof ungdomstjanstMisconduct.$inferSelect;

/** A session row as the domain counts it (minutes stored, hours counted). */
export const toSession = (r: Pick<SessionRow, "occurredOn" | "kind" | "minutes" | "attendance">): Session => ({
  on: r.occurredOn,
  kind: r.kind as SessionKind,
  hours: r.minutes / 60,
  attendance: r.attendance as Attendance,
});
export const toJudgment = (
  j: Pick<JudgmentRow, "judgmentOn" | "hours" | "programmeHours" | "completedOn"> & Partial<Pick<JudgmentRow, "endedOn">>,
): Judgment => ({
  judgmentOn: j.judgmentOn,
  hours: j.hours,
  programmeHours: j.programmeHours,
  completedOn: j.completedOn,
  endedOn: j.endedOn ?? null,
});

const refuse = (p: Problem) => new AppError(p.status, p.code, p.message, [{ path: p.path, message: p.message }]);

function view(j: JudgmentRow, sessions: SessionRow[], misconduct: MisconductRow[], now: Date): JudgmentView {
  const counted = sessions.map(toSession);
  const judgment = { ...toJudgment(j), startBy: j.startBy, completeBy: j.completeBy, placedOn: j.placedOn };
  return {
    id: j.id,
    caseId: j.caseId,
    legalBasis: LEGAL_BASIS,
    court: j.court,
    caseNumber: j.caseNumber,
    judgmentOn: j.judgmentOn,
    startBy: j.startBy,
    completeBy: j.completeBy,
    workplace: j.workplace,
    supervisorName: j.supervisorName,
    placedOn: j.placedOn,
    completedOn: j.completedOn,
    endedOn: j.endedOn,
    endReason: j.endReason as EndReason | null,
    endNote: j.endNote,
    status: ungdomstjanstStatus(judgment, counted),
    progress: progress(judgment, counted),
    sessions: sessions.map((s, i) => ({ id: s.id, note: s.note, ...(counted[i] as Session) })),
    misconduct: misconduct.map((m) => ({
      id: m.id,
      reportedOn: m.reportedOn,
      prosecutorReference: m.prosecutorReference,
      note: m.note,
    })),
    clocks: ungdomstjanstClocks(judgment, counted).map((c) => ({
      kind: c.kind,
      dueDate: c.deadline.dueDate,
      completedAt: c.completedAt?.toISOString() ?? null,
      ...clockState({ deadline: c.deadline, completedAt: c.completedAt, now }),
    })),
  };
}

async function views(tx: Db | Tx, judgments: JudgmentRow[], now: Date): Promise<JudgmentView[]> {
  const ids = judgments.map((j) => j.id);
  if (ids.length === 0) return [];
  const [sessions, misconduct] = await Promise.all([
    tx
      .select()
      .from(ungdomstjanstSessions)
      .where(inArray(ungdomstjanstSessions.judgmentId, ids))
      .orderBy(asc(ungdomstjanstSessions.occurredOn), asc(ungdomstjanstSessions.recordedAt)),
    tx
      .select()
      .from(ungdomstjanstMisconduct)
      .where(inArray(ungdomstjanstMisconduct.judgmentId, ids))
      .orderBy(asc(ungdomstjanstMisconduct.reportedOn)),
  ]);
  return judgments.map((j) =>
    view(
      j,
      sessions.filter((s) => s.judgmentId === j.id),
      misconduct.filter((m) => m.judgmentId === j.id),
      now,
    ),
  );
}

async function viewOf(tx: Tx, id: string, now: Date): Promise<JudgmentView> {
  const [j] = await tx.select().from(ungdomstjanstJudgments).where(eq(ungdomstjanstJudgments.id, id));
  if (!j) throw notFound();
  return (await views(tx, [j], now))[0] as JudgmentView;
}

/**
 * A judgment the actor may change: its case in their scope with case:write (else 404), the case row
 * and then the judgment row locked, so two commands on one judgment (two attendances at once) are
 * checked one after the other and the second sees the first's hours.
 */
async function judgmentForWrite(tx: Tx, actor: Actor, id: string) {
  const [found] = await tx
    .select({ caseId: ungdomstjanstJudgments.caseId })
    .from(ungdomstjanstJudgments)
    .where(eq(ungdomstjanstJudgments.id, id));
  if (!found) throw notFound();
  await caseForWrite(tx, actor, found.caseId, "case:write");
  const [j] = await tx.select().from(ungdomstjanstJudgments).where(eq(ungdomstjanstJudgments.id, id)).for("update");
  if (!j) throw notFound();
  const sessions = await tx.select().from(ungdomstjanstSessions).where(eq(ungdomstjanstSessions.judgmentId, id));
  return { j, sessions };
}

const misconductDays = async (tx: Tx, id: string) =>
  (
    await tx
      .select({ on: ungdomstjanstMisconduct.reportedOn })
      .from(ungdomstjanstMisconduct)
      .where(eq(ungdomstjanstMisconduct.judgmentId, id))
  ).map((m) => m.on);

const auditJudgment = (tx: Tx, actor: Actor, action: string, j: JudgmentRow, details?: Record<string, unknown>) =>
  auditCaseRecord(tx, actor, "ungdomstjanst", action, j, details);

/** The case's ungdomstjänst judgments with hours done and left and their clocks (one audited read). */
export async function listJudgments({ db }: Database, actor: Actor, caseId: string, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await listCaseRecords(tx, actor, caseId, "ungdomstjanst.list", () =>
      tx
        .select()
        .from(ungdomstjanstJudgments)
        .where(eq(ungdomstjanstJudgments.caseId, caseId))
        .orderBy(asc(ungdomstjanstJudgments.judgmentOn)),
    );
    return { items: await views(tx, rows, now) };
  });
}

/**
 * The young person's ungdomstjänst judgments on the cases the actor may see, with hours done and
 * left, for the person page (one audited read of the person; 404 for a person out of scope).
 */
export async function listPersonJudgments({ db }: Database, actor: Actor, personId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.id, personId), personScope(actor)));
    if (!p) throw notFound();
    const rows = await tx
      .select({ j: ungdomstjanstJudgments })
      .from(ungdomstjanstJudgments)
      .innerJoin(cases, eq(cases.id, ungdomstjanstJudgments.caseId))
      .where(and(eq(ungdomstjanstJudgments.personId, personId), caseScope(actor)))
      .orderBy(asc(ungdomstjanstJudgments.judgmentOn), asc(ungdomstjanstJudgments.createdAt));
    await audit(tx, actor, {
      action: "ungdomstjanst.list_person",
      permission: "case:read",
      personId,
      recordType: "person",
      recordId: personId,
      details: { count: rows.length },
    });
    return {
      items: await views(
        tx,
        rows.map((r) => r.j),
        now,
      ),
    };
  });
}

/** Registers the court's judgment to ungdomstjänst on the young person's open case. */
export async function createJudgment(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof createJudgmentBody>,
  now: Date,
) {
  const problem = judgmentProblem(input, stockholmDate(now));
  if (problem) throw refuse(problem);
  return db.transaction(async (tx) => {
    const id = await registerOnOpenCase(
      tx,
      actor,
      caseId,
      { recordType: "ungdomstjanst", action: "ungdomstjanst.create", details: { hours: input.hours } },
      async (owner) =>
        (
          await tx
            .insert(ungdomstjanstJudgments)
            .values({ ...owner, ...input })
            .returning({ id: ungdomstjanstJudgments.id })
        )[0]?.id,
    );
    return viewOf(tx, id, now);
  });
}

/**
 * Corrects the judgment as registered (its days, hours, court or case number): checked as a new
 * judgment and against what was recorded under it, audited with the fields changed. The clocks are
 * computed from the stored days, so the case page, the deadline overview and the late-deadline list
 * follow at once.
 */
export async function updateJudgment(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateJudgmentBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { j, sessions } = await judgmentForWrite(tx, actor, id);
    const next = {
      judgmentOn: input.judgmentOn ?? j.judgmentOn,
      hours: input.hours ?? j.hours,
      programmeHours: input.programmeHours ?? j.programmeHours,
      startBy: input.startBy === undefined ? j.startBy : input.startBy,
      completeBy: input.completeBy === undefined ? j.completeBy : input.completeBy,
      placedOn: j.placedOn,
    };
    const problem = correctionProblem(
      toJudgment(j),
      next,
      sessions.map(toSession),
      await misconductDays(tx, id),
      stockholmDate(now),
    );
    if (problem) throw refuse(problem);
    const changes = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && v !== j[k as keyof JudgmentRow]),
    ) as Partial<typeof input>;
    if (Object.keys(changes).length > 0)
      await tx.update(ungdomstjanstJudgments).set(changes).where(eq(ungdomstjanstJudgments.id, id));
    // Audited even when nothing changed: the answer shows the judgment.
    await auditJudgment(tx, actor, "ungdomstjanst.update", j, { changed: Object.keys(changes).sort() });
    return viewOf(tx, id, now);
  });
}

/**
 * Ends the judgment without completion: the young person stopped coming and the prosecutor was told,
 * the court set the judgment aside or changed it, or another reason. Its clocks stop running.
 */
export async function endJudgment({ db }: Database, actor: Actor, id: string, input: z.infer<typeof endJudgmentBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { j, sessions } = await judgmentForWrite(tx, actor, id);
    const end = { on: input.endedOn, reason: input.reason, note: input.note ?? null };
    const problem = endProblem(toJudgment(j), sessions.map(toSession), await misconductDays(tx, id), end, stockholmDate(now));
    if (problem) throw refuse(problem);
    await tx
      .update(ungdomstjanstJudgments)
      .set({ endedOn: end.on, endReason: end.reason, endNote: end.note?.trim() || null })
      .where(eq(ungdomstjanstJudgments.id, id));
    await auditJudgment(tx, actor, "ungdomstjanst.end", j, { endedOn: end.on, reason: end.reason });
    return viewOf(tx, id, now);
  });
}

/** The workplace and supervisor the social services arranged. */
export async function placeJudgment({ db }: Database, actor: Actor, id: string, input: z.infer<typeof placementBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { j } = await judgmentForWrite(tx, actor, id);
    const closed = closedProblem(j);
    if (closed) throw refuse(closed);
    requireDayWithin(input.placedOn, j.judgmentOn, now, "body.placedOn", "domen");
    await tx.update(ungdomstjanstJudgments).set(input).where(eq(ungdomstjanstJudgments.id, id));
    await auditJudgment(tx, actor, "ungdomstjanst.place", j);
    return viewOf(tx, id, now);
  });
}

/** Records a session of the schedule: planned ahead, or with its attendance. */
export async function addSession({ db }: Database, actor: Actor, id: string, input: z.infer<typeof sessionBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { j, sessions } = await judgmentForWrite(tx, actor, id);
    const problem = sessionProblem(
      toJudgment(j),
      sessions.map(toSession),
      { on: input.on, kind: input.kind, hours: input.hours, attendance: input.attendance },
      stockholmDate(now),
    );
    if (problem) throw refuse(problem);
    await tx.insert(ungdomstjanstSessions).values({
      judgmentId: id,
      occurredOn: input.on,
      kind: input.kind,
      minutes: Math.round(input.hours * 60),
      attendance: input.attendance,
      note: input.note ?? null,
      recordedBy: actor.userId,
    });
    await auditJudgment(tx, actor, "ungdomstjanst.session", j, { attendance: input.attendance, hours: input.hours });
    return viewOf(tx, id, now);
  });
}

/** Records how a planned session went (and its actual hours); checked as a new session would be. */
export async function recordAttendance(
  { db }: Database,
  actor: Actor,
  sessionId: string,
  input: z.infer<typeof attendanceBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ judgmentId: ungdomstjanstSessions.judgmentId })
      .from(ungdomstjanstSessions)
      .where(eq(ungdomstjanstSessions.id, sessionId));
    if (!found) throw notFound();
    const { j, sessions } = await judgmentForWrite(tx, actor, found.judgmentId);
    const row = sessions.find((s) => s.id === sessionId) as SessionRow;
    if (row.attendance !== "planerad")
      throw conflict("attendance_recorded", "Närvaron är redan registrerad / Attendance already recorded", [
        { path: "body.attendance", message: "Registrerad" },
      ]);
    const session = { ...toSession(row), attendance: input.attendance, hours: input.hours ?? row.minutes / 60 };
    const others = sessions.filter((s) => s.id !== sessionId).map(toSession);
    const problem = sessionProblem(toJudgment(j), others, session, stockholmDate(now));
    if (problem) throw refuse(problem);
    await tx
      .update(ungdomstjanstSessions)
      .set({ attendance: input.attendance, minutes: Math.round(session.hours * 60), note: input.note ?? row.note })
      .where(eq(ungdomstjanstSessions.id, sessionId));
    await auditJudgment(tx, actor, "ungdomstjanst.attendance", j, { attendance: input.attendance });
    return viewOf(tx, j.id, now);
  });
}

/** Records that misconduct was reported to the prosecutor, on the day it was. */
export async function reportMisconduct(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof misconductBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { j } = await judgmentForWrite(tx, actor, id);
    const closed = closedProblem(j);
    if (closed) throw refuse(closed);
    const problem = misconductProblem(toJudgment(j), input.reportedOn, stockholmDate(now));
    if (problem) throw refuse(problem);
    await tx.insert(ungdomstjanstMisconduct).values({ judgmentId: id, ...input, recordedBy: actor.userId });
    await auditJudgment(tx, actor, "ungdomstjanst.misconduct", j, { reportedOn: input.reportedOn });
    return viewOf(tx, id, now);
  });
}

/** Records completion: every judged hour done. */
export async function completeJudgment(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof completeBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { j, sessions } = await judgmentForWrite(tx, actor, id);
    const problem = completionProblem(toJudgment(j), sessions.map(toSession), input.completedOn, stockholmDate(now));
    if (problem) throw refuse(problem);
    await tx.update(ungdomstjanstJudgments).set({ completedOn: input.completedOn }).where(eq(ungdomstjanstJudgments.id, id));
    await auditJudgment(tx, actor, "ungdomstjanst.complete", j, { completedOn: input.completedOn });
    return viewOf(tx, id, now);
  });
}
