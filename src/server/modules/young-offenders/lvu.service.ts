import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { LvuProcessView, LvuStepBody, lvuStepBody, openLvuBody } from "../../../contracts/young-offenders";
import type { DecisionType } from "../../../domain/case-flow";
import {
  allowedNextKinds,
  checkStep,
  foldSteps,
  type LvuStep,
  lvuClockState,
  lvuClocks,
  lvuPhase,
  omhandertagandeStatus,
  openProblem,
  type ProcessFacts,
  type RecordedStep,
  reviewHistory,
  stepDay,
} from "../../../domain/lvu/process";
import { isDecisionStep, LVU_DECISIONS, type LvuBehaviour, type LvuGround } from "../../../domain/lvu/vocabulary";
import { ageOn } from "../../../domain/personnummer";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { decisions, lvuProcesses, lvuSteps, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, conflict, notFound } from "../../platform/errors";
import { caseForWrite, caseInScope } from "../cases/access";
import { recordDecision } from "../cases/decisions";

/** A stored step (its body as JSON) as the domain knows it: instants as Dates. */
export function toDomainStep(body: LvuStepBody): LvuStep {
  return ("decidedAt" in body ? { ...body, decidedAt: new Date(body.decidedAt) } : body) as LvuStep;
}

type ProcessRow = typeof lvuProcesses.$inferSelect;
type StepRow = {
  seq: number;
  kind: string;
  occurredOn: string;
  data: unknown;
  decisionId: string | null;
  recordedByName: string;
  recordedAt: Date;
};

function processView(p: ProcessRow, birthDate: string, stepRows: StepRow[], now: Date): LvuProcessView {
  const today = stockholmDate(now);
  const facts: ProcessFacts = { grounds: p.grounds as LvuGround[], behaviours: p.behaviours as LvuBehaviour[], birthDate };
  const steps: RecordedStep[] = stepRows.map((s) => ({ ...toDomainStep(s.data as LvuStepBody), seq: s.seq }));
  const state = foldSteps(steps);
  return {
    id: p.id,
    caseId: p.caseId,
    grounds: facts.grounds as LvuGround[],
    behaviours: facts.behaviours as LvuBehaviour[],
    openedAt: p.openedAt.toISOString(),
    endedOn: p.endedOn,
    phase: lvuPhase(state, today),
    omhandertagande: omhandertagandeStatus(state, today),
    steps: stepRows.map((s) => ({
      seq: s.seq,
      kind: s.kind as LvuProcessView["steps"][number]["kind"],
      occurredOn: s.occurredOn,
      step: s.data as LvuStepBody,
      decisionId: s.decisionId,
      recordedByName: s.recordedByName,
      recordedAt: s.recordedAt.toISOString(),
    })),
    clocks: lvuClocks(facts, state, today).map((c) => {
      const { state: clockState, daysLeft } = lvuClockState(c, now);
      return {
        kind: c.kind,
        section: c.section,
        state: clockState,
        dueDate: c.deadline.dueDate,
        dueAt: c.deadline.dueAt.toISOString(),
        nominalDueDate: c.deadline.nominalDueDate,
        moved: c.deadline.moved,
        daysLeft,
        completedAt: c.completedAt?.toISOString() ?? null,
        stoppedBecause: c.stoppedBecause,
        lapse: c.lapse,
      };
    }),
    urgentDecisions: state.urgent.map((u) => ({ ...u })),
    reviews: reviewHistory(state).map((r) => ({ form: r.form, on: r.on, dueDate: r.deadline.dueDate, inTime: r.inTime })),
    allowedNext: allowedNextKinds(facts, state, today),
  };
}

async function stepsOf(tx: Db | Tx, processIds: string[]): Promise<Map<string, StepRow[]>> {
  const byProcess = new Map<string, StepRow[]>();
  if (processIds.length === 0) return byProcess;
  const rows = await tx
    .select({
      processId: lvuSteps.processId,
      seq: lvuSteps.seq,
      kind: lvuSteps.kind,
      occurredOn: lvuSteps.occurredOn,
      data: lvuSteps.data,
      decisionId: lvuSteps.decisionId,
      recordedByName: users.displayName,
      recordedAt: lvuSteps.recordedAt,
    })
    .from(lvuSteps)
    .innerJoin(users, eq(users.id, lvuSteps.recordedBy))
    .where(inArray(lvuSteps.processId, processIds))
    .orderBy(asc(lvuSteps.processId), asc(lvuSteps.seq));
  for (const { processId, ...r } of rows) byProcess.set(processId, [...(byProcess.get(processId) ?? []), r]);
  return byProcess;
}

/** The case's LVU processes with their steps, clocks and lapses (one audited read of the case). */
export async function listLvu({ db }: Database, actor: Actor, caseId: string, now: Date) {
  return db.transaction(async (tx) => {
    const { case: c, birthDate } = await caseInScope(tx, actor, caseId);
    const processes = await tx
      .select()
      .from(lvuProcesses)
      .where(eq(lvuProcesses.caseId, caseId))
      .orderBy(asc(lvuProcesses.openedAt));
    const steps = await stepsOf(
      tx,
      processes.map((p) => p.id),
    );
    await audit(tx, actor, {
      action: "lvu.list",
      permission: "case:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { count: processes.length },
    });
    return { items: processes.map((p) => processView(p, birthDate, steps.get(p.id) ?? [], now)) };
  });
}

/**
 * Opens an LVU process on the case for its grounds. LVU 1 § andra–tredje stycket: care under 2 §
 * is for someone under 18; under 3 § also for someone who has turned 18 but not 20 (and 6 §: an
 * omedelbart omhändertagande of someone under 20). For 3 §, the behaviour it concerns is given.
 */
export async function openLvu({ db }: Database, actor: Actor, caseId: string, input: z.infer<typeof openLvuBody>, now: Date) {
  return db.transaction(async (tx) => {
    const { case: c, birthDate } = await caseForWrite(tx, actor, caseId, "case:write");
    if (c.closedAt) throw conflict("case_closed", "Ärendet är avslutat / The case is closed", []);
    const problem = openProblem(input.grounds, input.behaviours, ageOn(birthDate, stockholmDate(now)));
    if (problem)
      throw new AppError(problem.status, problem.code, problem.message, [{ path: problem.path, message: problem.message }]);
    const [running] = await tx
      .select({ id: lvuProcesses.id })
      .from(lvuProcesses)
      .where(and(eq(lvuProcesses.caseId, caseId), isNull(lvuProcesses.endedOn)));
    if (running)
      throw conflict("lvu_process_open", "En LVU-process pågår redan i ärendet / An LVU process is already running", []);
    const [p] = await tx
      .insert(lvuProcesses)
      .values({
        caseId,
        personId: c.personId,
        districtId: c.districtId,
        grounds: input.grounds,
        behaviours: input.behaviours,
        openedAt: now,
        openedBy: actor.userId,
      })
      .returning();
    if (!p) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "lvu.open",
      permission: "case:write",
      personId: c.personId,
      recordType: "lvu_process",
      recordId: p.id,
      details: { grounds: input.grounds },
    });
    return processView(p, birthDate, [], now);
  });
}

/** The text a decision row carries for an LVU step. */
function decisionReason(step: LvuStep): string {
  switch (step.kind) {
    case "placering":
      return `Placering (11 § LVU): ${step.form}, ${step.place}`;
    case "overvagande":
      return step.form === "overvagande" ? "Övervägande (13 § första stycket LVU)" : "Prövning (13 § andra stycket LVU)";
    case "omedelbart_beslut":
    case "ansokan":
    case "upphorande":
      return step.reason;
    default:
      return step.kind;
  }
}

/**
 * Records the next step of an LVU process, checked by the state machine (src/domain/lvu/process.ts)
 * against the steps before it under a lock on the case: a step out of order is 409, bad data 400,
 * a decision by someone the law or the delegationsordning does not allow 409. A decision step also
 * writes its decision row: the nämnd's, chair's or member's decision names them (and the registering
 * user); a tjänsteman's is taken under the district's delegation. Nothing is written on refusal.
 */
export async function addLvuStep(
  { db }: Database,
  actor: Actor,
  processId: string,
  input: z.infer<typeof lvuStepBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ caseId: lvuProcesses.caseId }).from(lvuProcesses).where(eq(lvuProcesses.id, processId));
    if (!found) throw notFound();
    // Locks the case row: two steps on one process are checked one after the other.
    const { case: c, birthDate } = await caseForWrite(tx, actor, found.caseId, "case:write");
    const [p] = await tx.select().from(lvuProcesses).where(eq(lvuProcesses.id, processId)).for("update");
    if (!p) throw notFound();
    const stepRows = (await stepsOf(tx, [processId])).get(processId) ?? [];
    const facts: ProcessFacts = { grounds: p.grounds as LvuGround[], behaviours: p.behaviours as LvuBehaviour[], birthDate };
    const history: RecordedStep[] = stepRows.map((s) => ({ ...toDomainStep(s.data as LvuStepBody), seq: s.seq }));
    const state = foldSteps(history);
    const step = toDomainStep(input);
    const problem = checkStep(facts, state, step, stockholmDate(now));
    if (problem)
      throw new AppError(problem.status, problem.code, problem.message, [{ path: problem.path, message: problem.message }]);
    const seq = history.length + 1;
    let decisionId: string | null = null;
    if (isDecisionStep(step.kind) && "maker" in step) {
      const type = LVU_DECISIONS[step.kind];
      if (step.maker.kind === "tjansteman") {
        // Only decisions the law lets staff take get here (ALLOWED_MAKERS); the district's list decides who.
        const d = await recordDecision(tx, actor, {
          caseId: c.id,
          districtId: c.districtId,
          type: type as DecisionType,
          decidedAt: step.decidedAt,
          reason: decisionReason(step),
          details: { lvuProcessId: processId, seq },
        });
        decisionId = d.id;
      } else {
        const [d] = await tx
          .insert(decisions)
          .values({
            caseId: c.id,
            type,
            decidedAt: step.decidedAt,
            // The user who registered the nämnd's, chair's or member's decision; decidedAsRole names the decision maker.
            decidedBy: actor.userId,
            decidedAsRole: step.maker.kind,
            reason: decisionReason(step),
            details: { lvuProcessId: processId, seq, maker: step.maker, registeredBy: actor.userId },
          })
          .returning({ id: decisions.id });
        decisionId = d?.id ?? null;
      }
    }
    try {
      await tx.insert(lvuSteps).values({
        processId,
        seq,
        kind: step.kind,
        occurredOn: stepDay(step),
        data: input,
        decisionId,
        recordedBy: actor.userId,
      });
    } catch (e) {
      if ((e as { code?: string }).code === "23505" || (e as { cause?: { code?: string } }).cause?.code === "23505") {
        throw conflict(
          "lvu_out_of_order",
          "Ett annat steg registrerades samtidigt / Another step was recorded at the same time",
          [],
        );
      }
      throw e;
    }
    const after = foldSteps([...history, { ...step, seq }]);
    if (after.ended && !p.endedOn)
      await tx.update(lvuProcesses).set({ endedOn: after.ended.on }).where(eq(lvuProcesses.id, processId));
    await audit(tx, actor, {
      action: "lvu.step",
      permission: "case:write",
      personId: c.personId,
      recordType: "lvu_process",
      recordId: processId,
      details: { kind: step.kind, seq, decisionId },
    });
    const [updated] = await tx.select().from(lvuProcesses).where(eq(lvuProcesses.id, processId));
    const rows = (await stepsOf(tx, [processId])).get(processId) ?? [];
    return processView(updated as ProcessRow, birthDate, rows, now);
  });
}
