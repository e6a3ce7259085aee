import type { Tx } from "../../db/connection";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { conflict } from "../../platform/errors";
import { caseForWrite, caseInScope, requireAccepts } from "../cases/access";

/*
 * The shape the young-offender records on a case share (LUL yttranden, ungdomstjänst and
 * ungdomsövervakning judgments): a list of a case's records read as one audited read of the case,
 * a new record registered on an open case in scope, and each write audited on the record.
 */

/** What a new record copies from its case, and who registered it. */
export interface CaseRecordOwner {
  caseId: string;
  personId: string;
  districtId: string;
  createdBy: string;
}

/** The case's records of one kind, read by `read` after the case was found in scope (else 404), audited as one read. */
export async function listCaseRecords<R>(tx: Tx, actor: Actor, caseId: string, action: string, read: () => Promise<R[]>) {
  const { case: c } = await caseInScope(tx, actor, caseId);
  const rows = await read();
  await audit(tx, actor, {
    action,
    permission: "case:read",
    personId: c.personId,
    recordType: "case",
    recordId: caseId,
    details: { count: rows.length },
  });
  return rows;
}

/** Audits a write on one record of a person's case. */
export const auditCaseRecord = (
  tx: Tx,
  actor: Actor,
  recordType: string,
  action: string,
  record: { id: string; personId: string },
  details?: Record<string, unknown>,
) =>
  audit(tx, actor, {
    action,
    permission: "case:write",
    personId: record.personId,
    recordType,
    recordId: record.id,
    details,
  });

/**
 * Registers a record on an open case the actor may change (else 404; a closed case 409): `insert`
 * writes it with what it copies from the case and returns its id; the write is audited on it.
 */
export async function registerOnOpenCase(
  tx: Tx,
  actor: Actor,
  caseId: string,
  audited: { recordType: string; action: string; details?: Record<string, unknown> },
  insert: (owner: CaseRecordOwner) => Promise<string | undefined>,
): Promise<string> {
  const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
  requireAccepts(c, "record");
  const id = await insert({ caseId, personId: c.personId, districtId: c.districtId, createdBy: actor.userId });
  if (!id) throw new Error("insert returned nothing");
  await auditCaseRecord(tx, actor, audited.recordType, audited.action, { id, personId: c.personId }, audited.details);
  return id;
}
