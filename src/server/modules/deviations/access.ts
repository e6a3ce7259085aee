import { and, count, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection";
import { deviationActions, deviations } from "../../db/schema/index";
import { type Actor, districtsWithPermission, personalDataDistricts } from "../../platform/actor";
import { notFound } from "../../platform/errors";

/**
 * Which avvikelser an actor may see: those of the districts where they hold a personal-data role
 * (the deviation may name a person and its free text may hold personal data, which such staff may
 * read in their districts anyway), and their own reports wherever they made them (an
 * insatsutförare sees only what they reported). Every query for deviations adds this condition.
 */
export function deviationScope(actor: Actor): SQL {
  const districts = personalDataDistricts(actor);
  const own = eq(deviations.reportedBy, actor.userId);
  return districts.length ? (or(inArray(deviations.districtId, districts), own) as SQL) : own;
}

/** Whether the actor may take the workflow's steps on a deviation of this district. */
export function canManage(actor: Actor, deviation: { districtId: string }): boolean {
  return districtsWithPermission(actor, "deviation:manage").includes(deviation.districtId);
}

/** A deviation the actor may see, else 404 (missing and forbidden answer alike). */
export async function deviationInScope(tx: Db | Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(deviations)
    .where(and(eq(deviations.id, id), deviationScope(actor)));
  if (!row) throw notFound();
  return row;
}

/**
 * A deviation the actor may manage, locked for the change: two steps on one deviation run one after
 * the other, and the second sees the state the first left (and is refused when it no longer fits).
 */
export async function deviationForChange(tx: Tx, actor: Actor, id: string) {
  const visible = await deviationInScope(tx, actor, id);
  if (!canManage(actor, visible)) throw notFound();
  const [locked] = await tx.select().from(deviations).where(eq(deviations.id, id)).for("update");
  if (!locked) throw notFound();
  return locked;
}

/** The number of actions recorded on a deviation (the workflow's rules look at it). */
export async function actionCount(tx: Db | Tx, id: string): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(deviationActions).where(eq(deviationActions.deviationId, id));
  return r?.n ?? 0;
}
