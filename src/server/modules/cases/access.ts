import { and, eq } from "drizzle-orm";
import { type CaseWork, caseAccepts } from "../../../domain/case-flow";
import type { Permission } from "../../../domain/roles";
import type { Db, Tx } from "../../db/connection";
import { cases, investigations, persons, reports } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { conflict, notFound } from "../../platform/errors";
import { caseScope } from "../../platform/scope";

/** Loads a case the actor may see (else 404), with its person's name and gender. */
export async function caseInScope(tx: Db | Tx, actor: Actor, caseId: string) {
  const [row] = await tx
    .select({
      case: cases,
      firstName: persons.firstName,
      lastName: persons.lastName,
      gender: persons.gender,
      birthDate: persons.birthDate,
      protectedIdentity: persons.protectedIdentity,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(eq(cases.id, caseId), caseScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** A case the actor may also change with `permission`: only in districts where they hold it. */
export async function caseForWrite(tx: Db | Tx, actor: Actor, caseId: string, permission: Permission) {
  const row = await caseInScope(tx, actor, caseId);
  if (!districtsWithPermission(actor, permission).includes(row.case.districtId)) throw notFound();
  // Row lock: two commands on one case run one after the other, so their checks see each other.
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
  return row;
}

/** Refuses work a closed case does not accept (caseAccepts): 409 case_closed, nothing written. */
export function requireAccepts(c: { closedAt: Date | null }, work: CaseWork): void {
  if (!caseAccepts(c.closedAt !== null, work)) {
    throw conflict(
      "case_closed",
      "Ärendet är avslutat: en ny anmälan öppnar ett nytt ärende / The case is closed: a new report opens a new case",
      [],
    );
  }
}

export async function reportForWrite(tx: Db | Tx, actor: Actor, reportId: string, permission: Permission) {
  const [r] = await tx.select().from(reports).where(eq(reports.id, reportId));
  if (!r) throw notFound();
  const c = await caseForWrite(tx, actor, r.caseId, permission);
  return { report: r, ...c };
}

export async function investigationForWrite(tx: Db | Tx, actor: Actor, investigationId: string, permission: Permission) {
  const [i] = await tx.select().from(investigations).where(eq(investigations.id, investigationId));
  if (!i) throw notFound();
  const c = await caseForWrite(tx, actor, i.caseId, permission);
  return { investigation: i, ...c };
}
