import { asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { createUoPlanBody, UoPlanView, uoFollowUpBody, uoItemBody } from "../../../contracts/ungdomstjanst";
import { clockState } from "../../../domain/clocks";
import { stockholmDate } from "../../../domain/time";
import {
  UO_LEGAL_BASIS,
  type UoItemKind,
  type UoOutcome,
  uoFollowUpClock,
  uoFollowUpProblem,
  uoItemProblem,
  uoPlanProblem,
} from "../../../domain/ungdomstjanst/ungdomsovervakning";
import type { Problem } from "../../../domain/ungdomstjanst/ungdomstjanst";
import type { Database, Db, Tx } from "../../db/connection";
import { ungdomsovervakningItems, ungdomsovervakningPlans } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { caseForWrite } from "../cases/access";
import { auditCaseRecord, listCaseRecords, registerOnOpenCase } from "./case-record";

type PlanRow = typeof ungdomsovervakningPlans.$inferSelect;
type ItemRow = typeof ungdomsovervakningItems.$inferSelect;

const refuse = (p: Problem) => new AppError(p.status, p.code, p.message, [{ path: p.path, message: p.message }]);

function view(p: PlanRow, items: ItemRow[], now: Date): UoPlanView {
  return {
    id: p.id,
    caseId: p.caseId,
    legalBasis: UO_LEGAL_BASIS,
    court: p.court,
    judgmentOn: p.judgmentOn,
    months: p.months,
    koordinator: p.koordinator,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind as UoItemKind,
      description: i.description,
      startsOn: i.startsOn,
      followUpBy: i.followUpBy,
      followedUpOn: i.followedUpOn,
      outcome: i.outcome as UoOutcome | null,
      outcomeNote: i.outcomeNote,
      clock: clockState({ ...uoFollowUpClock(i), now }),
    })),
  };
}

async function views(tx: Db | Tx, plans: PlanRow[], now: Date): Promise<UoPlanView[]> {
  if (plans.length === 0) return [];
  const items = await tx
    .select()
    .from(ungdomsovervakningItems)
    .where(
      inArray(
        ungdomsovervakningItems.planId,
        plans.map((p) => p.id),
      ),
    )
    .orderBy(asc(ungdomsovervakningItems.startsOn), asc(ungdomsovervakningItems.recordedAt));
  return plans.map((p) =>
    view(
      p,
      items.filter((i) => i.planId === p.id),
      now,
    ),
  );
}

async function viewOf(tx: Tx, id: string, now: Date): Promise<UoPlanView> {
  const [p] = await tx.select().from(ungdomsovervakningPlans).where(eq(ungdomsovervakningPlans.id, id));
  if (!p) throw notFound();
  return (await views(tx, [p], now))[0] as UoPlanView;
}

/** A plan the actor may change: its case in scope with case:write (else 404), the case row locked. */
async function planForWrite(tx: Tx, actor: Actor, id: string): Promise<PlanRow> {
  const [found] = await tx
    .select({ caseId: ungdomsovervakningPlans.caseId })
    .from(ungdomsovervakningPlans)
    .where(eq(ungdomsovervakningPlans.id, id));
  if (!found) throw notFound();
  await caseForWrite(tx, actor, found.caseId, "case:write");
  const [p] = await tx.select().from(ungdomsovervakningPlans).where(eq(ungdomsovervakningPlans.id, id));
  return p as PlanRow;
}

const auditPlan = (tx: Tx, actor: Actor, action: string, p: PlanRow, details?: Record<string, unknown>) =>
  auditCaseRecord(tx, actor, "ungdomsovervakning", action, p, details);

/** The case's ungdomsövervakning judgments with the social services' part of each plan (one audited read). */
export async function listPlans({ db }: Database, actor: Actor, caseId: string, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await listCaseRecords(tx, actor, caseId, "ungdomsovervakning.list", () =>
      tx
        .select()
        .from(ungdomsovervakningPlans)
        .where(eq(ungdomsovervakningPlans.caseId, caseId))
        .orderBy(asc(ungdomsovervakningPlans.judgmentOn)),
    );
    return { items: await views(tx, rows, now) };
  });
}

export async function createPlan(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof createUoPlanBody>,
  now: Date,
) {
  const problem = uoPlanProblem(input, stockholmDate(now));
  if (problem) throw refuse(problem);
  return db.transaction(async (tx) => {
    const id = await registerOnOpenCase(
      tx,
      actor,
      caseId,
      { recordType: "ungdomsovervakning", action: "ungdomsovervakning.create", details: { months: input.months } },
      async (owner) =>
        (
          await tx
            .insert(ungdomsovervakningPlans)
            .values({ ...owner, ...input })
            .returning({ id: ungdomsovervakningPlans.id })
        )[0]?.id,
    );
    return viewOf(tx, id, now);
  });
}

/** Adds a contact, insats or meeting to the social services' part of the plan, with its follow-up day. */
export async function addItem({ db }: Database, actor: Actor, planId: string, input: z.infer<typeof uoItemBody>, now: Date) {
  return db.transaction(async (tx) => {
    const p = await planForWrite(tx, actor, planId);
    const problem = uoItemProblem(p.judgmentOn, input);
    if (problem) throw refuse(problem);
    await tx.insert(ungdomsovervakningItems).values({ planId, ...input, recordedBy: actor.userId });
    await auditPlan(tx, actor, "ungdomsovervakning.item", p, { kind: input.kind });
    return viewOf(tx, planId, now);
  });
}

/** Records the follow-up of one part of the plan: the day and the outcome. */
export async function followUpItem(
  { db }: Database,
  actor: Actor,
  itemId: string,
  input: z.infer<typeof uoFollowUpBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ planId: ungdomsovervakningItems.planId })
      .from(ungdomsovervakningItems)
      .where(eq(ungdomsovervakningItems.id, itemId));
    if (!found) throw notFound();
    const p = await planForWrite(tx, actor, found.planId);
    const [item] = await tx.select().from(ungdomsovervakningItems).where(eq(ungdomsovervakningItems.id, itemId));
    const problem = uoFollowUpProblem(item as ItemRow, input.on, stockholmDate(now));
    if (problem) throw refuse(problem);
    await tx
      .update(ungdomsovervakningItems)
      .set({ followedUpOn: input.on, outcome: input.outcome, outcomeNote: input.note ?? null })
      .where(eq(ungdomsovervakningItems.id, itemId));
    await auditPlan(tx, actor, "ungdomsovervakning.follow_up", p, { outcome: input.outcome });
    return viewOf(tx, p.id, now);
  });
}
