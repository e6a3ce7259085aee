import { and, asc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { coHandlerBody } from "../../../contracts/co-handlers";
import type { Database, Db, Tx } from "../../db/connection";
import { caseCoHandlers, cases, units, userRoles, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { caseForWrite, requireAccepts } from "./access";

/**
 * Medhandläggare (issue 18 point 9). Every handläggare of a district may already read and write its
 * cases (caseScope, case:write); what the responsible handläggare has besides is that the case is
 * theirs: it is in "my cases" and in their own deadline overview. A medhandläggare gets the same:
 * `handledBy` is the one condition both lists use.
 */
export function handledBy(userId: string): SQL {
  return or(
    eq(cases.assignedTo, userId),
    inArray(
      cases.id,
      sql`(select ${caseCoHandlers.caseId} from ${caseCoHandlers} where ${and(
        eq(caseCoHandlers.userId, userId),
        isNull(caseCoHandlers.removedAt),
      )})`,
    ),
  ) as SQL;
}

/** Whether `userId` works the case in the row as medhandläggare: a column for the case list. */
export const coHandledBy = (userId: string) =>
  sql<boolean>`exists (select 1 from ${caseCoHandlers} where ${caseCoHandlers.caseId} = ${cases.id}
    and ${caseCoHandlers.userId} = ${userId} and ${caseCoHandlers.removedAt} is null)`;

/** An active handläggare of a unit in the district (of `unitId` when given), with that unit; else undefined. */
export async function caseWorkerOfDistrict(tx: Db | Tx, userId: string, districtId: string, unitId?: string) {
  const [target] = await tx
    .select({ unitId: userRoles.unitId })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.userId, userId),
        eq(userRoles.role, "handlaggare"),
        eq(units.districtId, districtId),
        eq(users.active, true),
        unitId ? eq(userRoles.unitId, unitId) : undefined,
      ),
    )
    .limit(1);
  return target;
}

export const notACaseWorker = () =>
  badRequest("not_a_case_worker", "Användaren är inte handläggare i distriktet / Not a case worker of the district", [
    { path: "body.userId", message: "Välj en handläggare i distriktet" },
  ]);

const adder = alias(users, "adder");

/** The case's current medhandläggare, first added first. */
export async function currentCoHandlers(tx: Db | Tx, caseId: string) {
  const rows = await tx
    .select({
      userId: caseCoHandlers.userId,
      name: users.displayName,
      addedAt: caseCoHandlers.addedAt,
      addedByName: adder.displayName,
    })
    .from(caseCoHandlers)
    .innerJoin(users, eq(users.id, caseCoHandlers.userId))
    .innerJoin(adder, eq(adder.id, caseCoHandlers.addedBy))
    .where(and(eq(caseCoHandlers.caseId, caseId), isNull(caseCoHandlers.removedAt)))
    .orderBy(asc(caseCoHandlers.addedAt), asc(users.displayName));
  return rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() }));
}

/**
 * The enhetschef (case:assign in the case's district) adds a handläggare of the district as
 * medhandläggare. Not the responsible one, not twice; the case's row lock (caseForWrite) makes two
 * requests at once run one after the other, and the partial unique index is the last word.
 */
export async function addCoHandler(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof coHandlerBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:assign");
    requireAccepts(c, "assignment");
    if (c.assignedTo === input.userId) {
      throw badRequest("already_responsible", "Användaren är redan ansvarig handläggare / Already the responsible case worker", [
        { path: "body.userId", message: "Redan ansvarig handläggare / Already responsible" },
      ]);
    }
    if (!(await caseWorkerOfDistrict(tx, input.userId, c.districtId))) throw notACaseWorker();
    const [row] = await tx
      .insert(caseCoHandlers)
      .values({ caseId, userId: input.userId, addedBy: actor.userId, addedAt: now })
      .onConflictDoNothing()
      .returning({ id: caseCoHandlers.id });
    if (!row) {
      throw conflict("already_co_handler", "Användaren är redan medhandläggare / Already a co-worker on the case", [
        { path: "body.userId", message: "Redan medhandläggare / Already a co-worker" },
      ]);
    }
    await audit(tx, actor, {
      action: "case.co_handler_add",
      permission: "case:assign",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { userId: input.userId },
    });
    return { caseId, userId: input.userId };
  });
}

/** The enhetschef removes a medhandläggare; the row stays, marked removed, so the file shows who worked it. */
export async function removeCoHandler({ db }: Database, actor: Actor, caseId: string, userId: string, now: Date) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:assign");
    const [row] = await tx
      .update(caseCoHandlers)
      .set({ removedAt: now, removedBy: actor.userId })
      .where(and(eq(caseCoHandlers.caseId, caseId), eq(caseCoHandlers.userId, userId), isNull(caseCoHandlers.removedAt)))
      .returning({ id: caseCoHandlers.id });
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: "case.co_handler_remove",
      permission: "case:assign",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { userId },
    });
    return { caseId, userId };
  });
}

/** When a medhandläggare becomes the responsible handläggare, they are no longer a medhandläggare. */
export async function endCoHandlingOnAssignment(tx: Tx, actor: Actor, caseId: string, userId: string) {
  await tx
    .update(caseCoHandlers)
    .set({ removedAt: sql`now()`, removedBy: actor.userId })
    .where(and(eq(caseCoHandlers.caseId, caseId), eq(caseCoHandlers.userId, userId), isNull(caseCoHandlers.removedAt)));
}
