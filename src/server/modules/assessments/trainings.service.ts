import { and, asc, eq, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { training, trainingBody, trainingQuery } from "../../../contracts/assessments";
import { TRAINING_EXPIRY_WARNING_DAYS, type TrainingStatus } from "../../../domain/assessment-policy";
import { addCalendarDays } from "../../../domain/clocks";
import type { Database, Db, Tx } from "../../db/connection";
import { instruments, instrumentTrainings, units, userRoles, users } from "../../db/schema/index";
import { type Actor, districtsWithPermission, hasPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, notFound } from "../../platform/errors";

type Training = z.infer<typeof training>;

export function trainingStatus(validUntil: string | null, today: string): TrainingStatus {
  if (validUntil === null) return "valid";
  if (validUntil < today) return "expired";
  return validUntil < addCalendarDays(today, TRAINING_EXPIRY_WARNING_DAYS) ? "expiring" : "valid";
}

/**
 * Staff whose trainings the actor may see or register: those with a role in one of the districts
 * where the actor holds `permission`. The system administrator keeps the whole register.
 */
function staffScope(actor: Actor, permission: "training:read" | "training:manage"): SQL {
  if (hasPermission(actor, "admin")) return sql`true`;
  const districts = districtsWithPermission(actor, permission);
  if (districts.length === 0) return sql`false`;
  return sql`exists (select 1 from ${userRoles} join ${units} on ${units.id} = ${userRoles.unitId}
    where ${userRoles.userId} = ${users.id} and ${units.districtId} = any(${sql.param(districts)}::uuid[]))`;
}

export async function listTrainings(
  { db }: Database,
  actor: Actor,
  query: z.infer<typeof trainingQuery>,
  today: string,
): Promise<{ items: Training[] }> {
  const conditions: (SQL | undefined)[] = [staffScope(actor, "training:read")];
  if (query.userId) conditions.push(eq(instrumentTrainings.userId, query.userId));
  if (query.instrumentKey) conditions.push(eq(instrumentTrainings.instrumentKey, query.instrumentKey));
  if (query.expiringWithinDays !== undefined) {
    conditions.push(lte(instrumentTrainings.validUntil, addCalendarDays(today, query.expiringWithinDays)));
  }
  const rows = await db
    .select({
      t: instrumentTrainings,
      userName: users.displayName,
      instrumentName: sql<string | null>`(select ${instruments.name} from ${instruments}
        where ${instruments.key} = ${instrumentTrainings.instrumentKey} and ${instruments.version} = ${instrumentTrainings.instrumentVersion})`,
    })
    .from(instrumentTrainings)
    .innerJoin(users, eq(users.id, instrumentTrainings.userId))
    .where(and(...conditions))
    .orderBy(asc(instrumentTrainings.validUntil), users.displayName)
    .limit(2000);
  return {
    items: rows.map((r) => ({
      id: r.t.id,
      userId: r.t.userId,
      userName: r.userName,
      instrumentKey: r.t.instrumentKey,
      instrumentVersion: r.t.instrumentVersion,
      instrumentName: r.instrumentName,
      trainedOn: r.t.trainedOn,
      trainedBy: r.t.trainedBy,
      validUntil: r.t.validUntil,
      status: trainingStatus(r.t.validUntil, today),
    })),
  };
}

/** Active staff the actor may register trainings for. */
export async function trainableStaff({ db }: Database, actor: Actor) {
  const items = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), staffScope(actor, "training:manage")))
    .orderBy(users.displayName)
    .limit(5000);
  return { items };
}

export async function registerTraining(
  { db }: Database,
  actor: Actor,
  input: z.infer<typeof trainingBody>,
  today: string,
): Promise<Training> {
  if (input.validUntil && input.validUntil < input.trainedOn) {
    throw badRequest("invalid_period", "Giltig till före utbildningsdatum / Valid until before the training", [
      { path: "body.validUntil", message: "Före utbildningsdatum / Before the training date" },
    ]);
  }
  if (input.trainedOn > today) {
    throw badRequest("future_date", "Utbildningsdatum i framtiden / Training date in the future", [
      { path: "body.trainedOn", message: "I framtiden / In the future" },
    ]);
  }
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, input.userId), staffScope(actor, "training:manage")));
    if (!person) throw notFound();
    const [instrument] = await tx
      .select({ name: instruments.name })
      .from(instruments)
      .where(and(eq(instruments.key, input.instrumentKey), eq(instruments.version, input.instrumentVersion)));
    if (!instrument) {
      throw badRequest("unknown_instrument", "Instrumentet finns inte i den versionen / No such instrument version", [
        { path: "body.instrumentVersion", message: "Importera definitionen först / Import the definition first" },
      ]);
    }
    const [row] = await tx
      .insert(instrumentTrainings)
      .values({ ...input, validUntil: input.validUntil ?? null, registeredBy: actor.userId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "training.register",
      permission: "training:manage",
      recordType: "instrument_training",
      recordId: row.id,
      details: { userId: input.userId, instrumentKey: input.instrumentKey, instrumentVersion: input.instrumentVersion },
    });
    return {
      id: row.id,
      userId: row.userId,
      userName: person.displayName,
      instrumentKey: row.instrumentKey,
      instrumentVersion: row.instrumentVersion,
      instrumentName: instrument.name,
      trainedOn: row.trainedOn,
      trainedBy: row.trainedBy,
      validUntil: row.validUntil,
      status: trainingStatus(row.validUntil, today),
    };
  });
}

/** Whether `userId` holds a training in this instrument version valid on `day`. */
export async function isTrained(tx: Db | Tx, userId: string, key: string, version: string, day: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: instrumentTrainings.id })
    .from(instrumentTrainings)
    .where(
      and(
        eq(instrumentTrainings.userId, userId),
        eq(instrumentTrainings.instrumentKey, key),
        eq(instrumentTrainings.instrumentVersion, version),
        lte(instrumentTrainings.trainedOn, day),
        or(isNull(instrumentTrainings.validUntil), sql`${instrumentTrainings.validUntil} >= ${day}::date`),
      ),
    )
    .limit(1);
  return row !== undefined;
}
