import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { setDelegationsBody } from "../../../contracts/organisation";
import { DECISION_TYPES, DELEGABLE_ROLES, delegatedRoles } from "../../../domain/case-flow";
import type { Database, Db, Tx } from "../../db/connection";
import { delegations, districts } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, notFound } from "../../platform/errors";

async function readDelegations(tx: Db | Tx, districtId: string) {
  const configured = await tx
    .select({ decisionType: delegations.decisionType, role: delegations.role })
    .from(delegations)
    .where(eq(delegations.districtId, districtId));
  return {
    districtId,
    configured: configured.length > 0,
    rows: DECISION_TYPES.map((decisionType) => ({ decisionType, roles: [...delegatedRoles(configured, decisionType)] })),
  };
}

async function requireDistrict(tx: Db | Tx, id: string) {
  const [d] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, id));
  if (!d) throw notFound();
}

export async function getDelegations({ db }: Database, actor: Actor, districtId: string) {
  return db.transaction(async (tx) => {
    await requireDistrict(tx, districtId);
    await audit(tx, actor, { action: "delegation.read", permission: "admin", recordType: "district", recordId: districtId });
    return readDelegations(tx, districtId);
  });
}

/**
 * Replaces a district's delegationsordning. Every decision type must be listed with at least one
 * deciding role, so a misconfiguration cannot leave a step of the case flow that nobody may take.
 */
export async function setDelegations(
  { db }: Database,
  actor: Actor,
  districtId: string,
  input: z.infer<typeof setDelegationsBody>,
) {
  const fields: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.rows.forEach((row, i) => {
    if (seen.has(row.decisionType))
      fields.push({ path: `body.rows.${i}.decisionType`, message: "Förekommer två gånger / Listed twice" });
    seen.add(row.decisionType);
    if (row.roles.length === 0) fields.push({ path: `body.rows.${i}.roles`, message: "Minst en roll / At least one role" });
    row.roles.forEach((role, j) => {
      if (!DELEGABLE_ROLES.includes(role))
        fields.push({ path: `body.rows.${i}.roles.${j}`, message: "Rollen fattar inte beslut / This role takes no decisions" });
    });
  });
  for (const type of DECISION_TYPES) {
    if (!seen.has(type)) fields.push({ path: "body.rows", message: `Saknar beslutstyp / Missing decision type: ${type}` });
  }
  if (fields.length > 0)
    throw badRequest("invalid_delegation", "Delegationsordningen är ofullständig / The delegation list is incomplete", fields);
  return db.transaction(async (tx) => {
    await requireDistrict(tx, districtId);
    await tx.delete(delegations).where(eq(delegations.districtId, districtId));
    await tx
      .insert(delegations)
      .values(
        input.rows.flatMap((row) =>
          [...new Set(row.roles)].map((role) => ({ districtId, decisionType: row.decisionType, role })),
        ),
      );
    await audit(tx, actor, { action: "delegation.update", permission: "admin", recordType: "district", recordId: districtId });
    return readDelegations(tx, districtId);
  });
}
