import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { z } from "zod";
import type {
  AvhoppListRow,
  AvhoppProcessView,
  AvhoppStepBody,
  avhoppListQuery,
  avhoppStepBody,
  openAvhoppBody,
  planFollowUpBody,
} from "../../../contracts/avhopp";
import {
  type AvhoppPhase,
  type AvhoppStep,
  allowedNextKinds,
  applyStep,
  avhoppPhase,
  type Custody,
  checkStep,
  foldSteps,
  followUpPlanProblem,
  type OpeningFacts,
  openProblem,
  type StepProblem,
} from "../../../domain/avhopp/process";
import { clockState, dayDeadline } from "../../../domain/clocks";
import { ageOn } from "../../../domain/personnummer";
import { startOfStockholmDay, stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { avhoppFollowUps, avhoppProcesses, avhoppSteps, cases, persons, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit, auditShownList } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { AppError, conflict, notFound } from "../../platform/errors";
import { caseScope } from "../../platform/scope";
import { caseForWrite, caseInScope } from "../cases/access";

type ProcessRow = typeof avhoppProcesses.$inferSelect;
type FollowUpRow = typeof avhoppFollowUps.$inferSelect;
interface StepRow {
  seq: number;
  kind: string;
  occurredOn: string;
  data: unknown;
  recordedByName: string;
  recordedAt: Date;
}

const refuse = (p: StepProblem) => new AppError(p.status, p.code, p.message, [{ path: p.path, message: p.message }]);

const factsOf = (p: ProcessRow, birthDate: string): OpeningFacts => ({
  birthDate,
  contactOn: p.contactOn,
  custody: p.openingCustody as Custody,
});

function view(p: ProcessRow, birthDate: string, stepRows: StepRow[], followUps: FollowUpRow[], now: Date): AvhoppProcessView {
  const state = foldSteps(
    factsOf(p, birthDate),
    stepRows.map((s) => s.data as AvhoppStep),
  );
  const open = followUps.filter((f) => f.doneOn === null);
  const ageAtStart = ageOn(birthDate, p.contactOn);
  return {
    id: p.id,
    caseId: p.caseId,
    contactOn: p.contactOn,
    channel: p.channel as AvhoppProcessView["channel"],
    openingCustody: p.openingCustody as Custody,
    custody: state.custody,
    background: p.background,
    ageAtStart,
    adult: ageAtStart >= 18,
    phase: avhoppPhase(state),
    riskLevel: state.riskLevel,
    endedOn: state.ended?.on ?? null,
    endReason: state.ended?.reason ?? null,
    openedAt: p.openedAt.toISOString(),
    steps: stepRows.map((s) => ({
      seq: s.seq,
      kind: s.kind as AvhoppProcessView["steps"][number]["kind"],
      occurredOn: s.occurredOn,
      step: s.data as AvhoppStepBody,
      recordedByName: s.recordedByName,
      recordedAt: s.recordedAt.toISOString(),
    })),
    insatser: state.insatser,
    followUps: followUps.map((f) => ({
      id: f.id,
      dueOn: f.dueOn,
      purpose: f.purpose,
      doneOn: f.doneOn,
      // An open follow-up of an ended process has no clock left.
      state:
        f.doneOn === null && state.ended
          ? null
          : clockState({
              deadline: dayDeadline(f.dueOn),
              completedAt: f.doneOn ? startOfStockholmDay(f.doneOn) : null,
              now,
            }).state,
    })),
    allowedNext: allowedNextKinds(state, open.length > 0),
    canPlanFollowUp: state.agreedOn !== null && state.ended === null,
  };
}

async function stepsOf(tx: Db | Tx, processIds: string[]): Promise<Map<string, StepRow[]>> {
  const byProcess = new Map<string, StepRow[]>();
  if (processIds.length === 0) return byProcess;
  const rows = await tx
    .select({
      processId: avhoppSteps.processId,
      seq: avhoppSteps.seq,
      kind: avhoppSteps.kind,
      occurredOn: avhoppSteps.occurredOn,
      data: avhoppSteps.data,
      recordedByName: users.displayName,
      recordedAt: avhoppSteps.recordedAt,
    })
    .from(avhoppSteps)
    .innerJoin(users, eq(users.id, avhoppSteps.recordedBy))
    .where(inArray(avhoppSteps.processId, processIds))
    .orderBy(asc(avhoppSteps.processId), asc(avhoppSteps.seq));
  for (const { processId, ...r } of rows) byProcess.set(processId, [...(byProcess.get(processId) ?? []), r]);
  return byProcess;
}

async function followUpsOf(tx: Db | Tx, processIds: string[]): Promise<Map<string, FollowUpRow[]>> {
  const byProcess = new Map<string, FollowUpRow[]>();
  if (processIds.length === 0) return byProcess;
  const rows = await tx
    .select()
    .from(avhoppFollowUps)
    .where(inArray(avhoppFollowUps.processId, processIds))
    .orderBy(asc(avhoppFollowUps.dueOn), asc(avhoppFollowUps.createdAt));
  for (const r of rows) byProcess.set(r.processId, [...(byProcess.get(r.processId) ?? []), r]);
  return byProcess;
}

async function fullView(tx: Db | Tx, p: ProcessRow, birthDate: string, now: Date) {
  const steps = (await stepsOf(tx, [p.id])).get(p.id) ?? [];
  const followUps = (await followUpsOf(tx, [p.id])).get(p.id) ?? [];
  return view(p, birthDate, steps, followUps, now);
}

/** The case's avhopp processes (one audited read of the case). */
export async function listCaseAvhopp({ db }: Database, actor: Actor, caseId: string, now: Date) {
  return db.transaction(async (tx) => {
    const { case: c, birthDate } = await caseInScope(tx, actor, caseId);
    const processes = await tx
      .select()
      .from(avhoppProcesses)
      .where(eq(avhoppProcesses.caseId, caseId))
      .orderBy(asc(avhoppProcesses.openedAt));
    const ids = processes.map((p) => p.id);
    const steps = await stepsOf(tx, ids);
    const followUps = await followUpsOf(tx, ids);
    await audit(tx, actor, {
      action: "avhopp.list",
      permission: "case:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { count: processes.length },
    });
    return { items: processes.map((p) => view(p, birthDate, steps.get(p.id) ?? [], followUps.get(p.id) ?? [], now)) };
  });
}

/** One process, read in the scope of its case (else 404), audited. */
export async function getAvhopp({ db }: Database, actor: Actor, processId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(avhoppProcesses).where(eq(avhoppProcesses.id, processId));
    if (!p) throw notFound();
    const { birthDate } = await caseInScope(tx, actor, p.caseId);
    await audit(tx, actor, {
      action: "avhopp.read",
      permission: "case:read",
      personId: p.personId,
      recordType: "avhopp_process",
      recordId: p.id,
    });
    return fullView(tx, p, birthDate, now);
  });
}

/**
 * Opens an avhopp process on an open case from the förfrågan: the person 15–25 on its day (else
 * 400 avhopp_age_out_of_range), at liberty or in custody; one running process per case (409).
 */
export async function openAvhopp(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof openAvhoppBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { case: c, birthDate } = await caseForWrite(tx, actor, caseId, "case:write");
    if (c.closedAt) throw conflict("case_closed", "Ärendet är avslutat / The case is closed", []);
    const facts: OpeningFacts = { birthDate, contactOn: input.contactOn, custody: input.custody };
    const p0 = openProblem(facts, stockholmDate(now));
    if (p0) throw refuse(p0);
    const [running] = await tx
      .select({ id: avhoppProcesses.id })
      .from(avhoppProcesses)
      .where(and(eq(avhoppProcesses.caseId, caseId), isNull(avhoppProcesses.endedOn)));
    if (running)
      throw conflict("avhopp_process_open", "En avhoppsprocess pågår redan i ärendet / An exit process is already running", []);
    const [p] = await tx
      .insert(avhoppProcesses)
      .values({
        caseId,
        personId: c.personId,
        districtId: c.districtId,
        contactOn: input.contactOn,
        channel: input.channel,
        openingCustody: input.custody,
        custody: input.custody,
        phase: "forfragan" satisfies AvhoppPhase,
        background: input.background,
        openedAt: now,
        openedBy: actor.userId,
      })
      .returning();
    if (!p) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "avhopp.open",
      permission: "case:write",
      personId: c.personId,
      recordType: "avhopp_process",
      recordId: p.id,
      details: { custody: input.custody, channel: input.channel },
    });
    return view(p, birthDate, [], [], now);
  });
}

/** The process and its case, locked for a write (the case row lock orders concurrent commands). */
async function processForWrite(tx: Tx, actor: Actor, processId: string) {
  const [found] = await tx
    .select({ caseId: avhoppProcesses.caseId })
    .from(avhoppProcesses)
    .where(eq(avhoppProcesses.id, processId));
  if (!found) throw notFound();
  const { birthDate } = await caseForWrite(tx, actor, found.caseId, "case:write");
  const [p] = await tx.select().from(avhoppProcesses).where(eq(avhoppProcesses.id, processId)).for("update");
  if (!p) throw notFound();
  const stepRows = (await stepsOf(tx, [processId])).get(processId) ?? [];
  const state = foldSteps(
    factsOf(p, birthDate),
    stepRows.map((s) => s.data as AvhoppStep),
  );
  return { p, birthDate, stepRows, state };
}

/**
 * Records the next step, checked by the state machine (src/domain/avhopp/process.ts) against the
 * steps before it: out of order 409, bad data 400, nothing written on refusal. An uppföljning marks
 * its planned follow-up done; the process row mirrors custody, phase and end.
 */
export async function addAvhoppStep(
  { db }: Database,
  actor: Actor,
  processId: string,
  input: z.infer<typeof avhoppStepBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { p, birthDate, stepRows, state } = await processForWrite(tx, actor, processId);
    const openFollowUps = await tx
      .select({ id: avhoppFollowUps.id })
      .from(avhoppFollowUps)
      .where(and(eq(avhoppFollowUps.processId, processId), isNull(avhoppFollowUps.doneOn)));
    const step = input as AvhoppStep;
    const problem = checkStep(
      factsOf(p, birthDate),
      state,
      step,
      stockholmDate(now),
      openFollowUps.map((f) => f.id),
    );
    if (problem) throw refuse(problem);
    const seq = stepRows.length + 1;
    try {
      await tx
        .insert(avhoppSteps)
        .values({ processId, seq, kind: step.kind, occurredOn: step.on, data: input, recordedBy: actor.userId });
    } catch (e) {
      if ((e as { code?: string }).code === "23505" || (e as { cause?: { code?: string } }).cause?.code === "23505")
        throw conflict(
          "avhopp_out_of_order",
          "Ett annat steg registrerades samtidigt / Another step was recorded at the same time",
          [],
        );
      throw e;
    }
    if (step.kind === "uppfoljning")
      await tx
        .update(avhoppFollowUps)
        .set({ doneOn: step.on, doneSeq: seq })
        .where(and(eq(avhoppFollowUps.id, step.followUpId), eq(avhoppFollowUps.processId, processId)));
    const after = applyStep(state, step);
    await tx
      .update(avhoppProcesses)
      .set({ custody: after.custody, phase: avhoppPhase(after), endedOn: after.ended?.on ?? null })
      .where(eq(avhoppProcesses.id, processId));
    await audit(tx, actor, {
      action: "avhopp.step",
      permission: "case:write",
      personId: p.personId,
      recordType: "avhopp_process",
      recordId: processId,
      details: { kind: step.kind, seq },
    });
    const [updated] = await tx.select().from(avhoppProcesses).where(eq(avhoppProcesses.id, processId));
    return fullView(tx, updated as ProcessRow, birthDate, now);
  });
}

/** Plans a follow-up (its day feeds the deadline overview): after the överenskommelse, while the process runs. */
export async function planAvhoppFollowUp(
  { db }: Database,
  actor: Actor,
  processId: string,
  input: z.infer<typeof planFollowUpBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { p, birthDate, state } = await processForWrite(tx, actor, processId);
    const problem = followUpPlanProblem(state, input.dueOn);
    if (problem) throw refuse(problem);
    const [f] = await tx
      .insert(avhoppFollowUps)
      .values({ processId, dueOn: input.dueOn, purpose: input.purpose, createdBy: actor.userId })
      .returning({ id: avhoppFollowUps.id });
    await audit(tx, actor, {
      action: "avhopp.follow_up_plan",
      permission: "case:write",
      personId: p.personId,
      recordType: "avhopp_process",
      recordId: processId,
      details: { followUpId: f?.id, dueOn: input.dueOn },
    });
    return fullView(tx, p, birthDate, now);
  });
}

/**
 * The district's avhopp processes (samordnare, enhetschef, handläggare, kvalitet: case:read), in
 * the actor's case scope, newest first, keyset-paged; each case shown is audited.
 */
export async function listAvhopp(database: Database, actor: Actor, query: z.infer<typeof avhoppListQuery>) {
  const after = query.cursor ? decodeCursor(query.cursor, ["timestamp", "uuid"]) : null;
  const rows = await database.db
    .select({
      p: avhoppProcesses,
      firstName: persons.firstName,
      lastName: persons.lastName,
      birthDate: persons.birthDate,
    })
    .from(avhoppProcesses)
    .innerJoin(cases, eq(cases.id, avhoppProcesses.caseId))
    .innerJoin(persons, eq(persons.id, avhoppProcesses.personId))
    .where(
      and(
        caseScope(actor),
        query.districtId ? eq(avhoppProcesses.districtId, query.districtId) : undefined,
        query.status === "running"
          ? isNull(avhoppProcesses.endedOn)
          : query.status === "ended"
            ? isNotNull(avhoppProcesses.endedOn)
            : undefined,
        query.phase ? eq(avhoppProcesses.phase, query.phase) : undefined,
        query.custody ? eq(avhoppProcesses.custody, query.custody) : undefined,
        after
          ? or(
              lt(avhoppProcesses.openedAt, new Date(String(after[0]))),
              and(eq(avhoppProcesses.openedAt, new Date(String(after[0]))), lt(avhoppProcesses.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(avhoppProcesses.openedAt), desc(avhoppProcesses.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const followUps = await followUpsOf(
    database.db,
    page.map((r) => r.p.id),
  );
  const items: AvhoppListRow[] = page.map(({ p, firstName, lastName, birthDate }) => ({
    id: p.id,
    caseId: p.caseId,
    personName: `${firstName} ${lastName}`,
    districtId: p.districtId,
    contactOn: p.contactOn,
    ageAtStart: ageOn(birthDate, p.contactOn),
    custody: p.custody as Custody,
    phase: p.phase as AvhoppPhase,
    endedOn: p.endedOn,
    nextFollowUpOn: p.endedOn ? null : ((followUps.get(p.id) ?? []).find((f) => f.doneOn === null)?.dueOn ?? null),
  }));
  await auditShownList(
    database,
    actor,
    { action: "avhopp.list_result", permission: "case:read", recordType: "case" },
    page.map(({ p }) => ({ personId: p.personId, recordId: p.caseId })),
  );
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.p.openedAt.toISOString(), last.p.id]) : null,
  };
}
