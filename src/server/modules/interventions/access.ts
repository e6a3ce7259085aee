import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection";
import { insatsCatalogue, insatser, persons, units } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { insatsScope, providerUnitIds } from "../../platform/scope";

/** An insats the actor may see (else 404), with what every view of it needs. */
export async function insatsInScope(tx: Db | Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      insats: insatser,
      catalogue: insatsCatalogue,
      firstName: persons.firstName,
      lastName: persons.lastName,
      gender: persons.gender,
      birthDate: persons.birthDate,
      providerUnitName: units.name,
    })
    .from(insatser)
    .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
    .innerJoin(persons, eq(persons.id, insatser.personId))
    .innerJoin(units, eq(units.id, insatser.providerUnitId))
    .where(and(eq(insatser.id, id), insatsScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** Case staff with insats:manage in the insats's district: give, end, övervägande. */
export function canManage(actor: Actor, insats: { districtId: string }): boolean {
  return districtsWithPermission(actor, "insats:manage").includes(insats.districtId);
}

/** The provider (an insatsutförare of the uppdrag's unit) or case staff with insats:provide in the district. */
export function canProvide(actor: Actor, insats: { districtId: string; providerUnitId: string }): boolean {
  return (
    providerUnitIds(actor).includes(insats.providerUnitId) ||
    districtsWithPermission(actor, "insats:provide").includes(insats.districtId)
  );
}

/** Loads for a change and takes the row lock, so two commands on one insats run one after the other. */
export async function insatsForChange(tx: Tx, actor: Actor, id: string, may: "manage" | "provide") {
  const row = await insatsInScope(tx, actor, id);
  const allowed = may === "manage" ? canManage(actor, row.insats) : canProvide(actor, row.insats);
  if (!allowed) throw notFound();
  await tx.select({ id: insatser.id }).from(insatser).where(eq(insatser.id, id)).for("update");
  return row;
}
