import { and, desc, eq, gte, inArray, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { auditQuery, auditRow } from "../../../contracts/audit";
import type { Database } from "../../db/connection";
import { auditLog, persons, units } from "../../db/schema/index";
import { type Actor, districtsWithPermission, hasPermission } from "../../platform/actor";
import { audit, SECURITY_ACTION_PREFIX } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";

type Row = z.infer<typeof auditRow>;

/**
 * Audit rows the actor may read. A systemadministratör reads the whole log (it holds ids, not
 * case content); enhetschef and kvalitet read rows about persons in their districts, and the
 * rows written by staff of their districts' units.
 */
function auditScope(actor: Actor): SQL | undefined {
  if (actor.assignments.some((a) => a.role === "systemadministrator")) return undefined;
  const districts = districtsWithPermission(actor, "audit:read");
  if (districts.length === 0) return sql`false`;
  return or(
    inArray(persons.districtId, districts),
    inArray(auditLog.unitId, sql`(select ${units.id} from ${units} where ${inArray(units.districtId, districts)})`),
  );
}

/**
 * The security events of the audit page's filter: those written as such (denied access, sign-in
 * failures and refusals, rate-limit hits) and the changes of who may do what.
 */
const ACCESS_CHANGES = [
  "user.create",
  "user.update",
  "user.roles",
  "user.password_reset",
  "user.password_change",
  "protected_access.request",
  "protected_access.approve",
  "protected_access.reject",
  "protected_access.withdraw",
  "person.share",
  "person.share_revoke",
];
const securityEvents = () =>
  or(like(auditLog.action, `${SECURITY_ACTION_PREFIX}%`), inArray(auditLog.action, ACCESS_CHANGES)) as SQL;

/**
 * A person's name appears in the log only to a reader who may see that person anyway: staff with
 * personal-data roles, for persons in their scope. A systemadministratör administers the system
 * and reads the log by ids and actions, never names (ASVS 8.2: administrators are not readers).
 */
function nameVisible(actor: Actor): SQL {
  return hasPermission(actor, "person:read") ? personScope(actor) : sql`false`;
}

export async function searchAudit(
  { db }: Database,
  actor: Actor,
  input: z.infer<typeof auditQuery>,
): Promise<{ items: Row[]; nextCursor: string | null }> {
  return db.transaction(async (tx) => {
    if (input.personId && !actor.assignments.some((a) => a.role === "systemadministrator")) {
      // Asking about a person outside the scope is answered as if the person did not exist.
      const [p] = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.id, input.personId), personScope(actor)));
      if (!p) throw notFound();
    }
    // The cursor is the id of the last row shown: a non-negative safe integer, or a 400.
    const before = input.cursor ? (decodeCursor(input.cursor, ["integer"])[0] as number) : null;
    const rows = await tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        userId: auditLog.userId,
        username: auditLog.username,
        role: auditLog.role,
        unitId: auditLog.unitId,
        unitName: units.name,
        action: auditLog.action,
        personId: auditLog.personId,
        firstName: sql<string | null>`case when ${nameVisible(actor)} then ${persons.firstName} end`,
        lastName: sql<string | null>`case when ${nameVisible(actor)} then ${persons.lastName} end`,
        recordType: auditLog.recordType,
        recordId: auditLog.recordId,
        purpose: auditLog.purpose,
        requestId: auditLog.requestId,
        clientIp: auditLog.clientIp,
      })
      .from(auditLog)
      .leftJoin(persons, eq(persons.id, auditLog.personId))
      .leftJoin(units, eq(units.id, auditLog.unitId))
      .where(
        and(
          auditScope(actor),
          input.personId ? eq(auditLog.personId, input.personId) : undefined,
          input.userId ? eq(auditLog.userId, input.userId) : undefined,
          input.action ? eq(auditLog.action, input.action) : undefined,
          input.category === "security" ? securityEvents() : undefined,
          input.from ? gte(auditLog.at, sql`(${input.from}::date)::timestamp at time zone 'Europe/Stockholm'`) : undefined,
          input.to ? lt(auditLog.at, sql`(${input.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`) : undefined,
          before !== null ? lt(auditLog.id, before) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    // Reading the log is itself logged: who looked at whose trail.
    await audit(tx, actor, {
      action: "audit.read",
      permission: "audit:read",
      personId: input.personId ?? null,
      recordType: "audit_log",
      details: { userId: input.userId ?? null, category: input.category ?? null, rows: page.length },
    });
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.userId,
        username: r.username,
        role: r.role,
        unitId: r.unitId,
        unitName: r.unitName,
        action: r.action,
        personId: r.personId,
        personName: r.lastName ? `${r.firstName} ${r.lastName}` : null,
        recordType: r.recordType,
        recordId: r.recordId,
        purpose: r.purpose,
        requestId: r.requestId,
        clientIp: r.clientIp,
      })),
      nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null,
    };
  });
}

export interface ChainReport {
  intact: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Walks the whole chain in the database; reports the first row whose link does not hold. */
export async function verifyAuditChain({ pool }: Pick<Database, "pool">): Promise<ChainReport> {
  const { rows } = await pool.query<{ broken_id: string | null; checked: string }>("select * from audit_verify_chain()");
  const r = rows[0];
  return {
    intact: !r?.broken_id,
    checked: Number(r?.checked ?? 0),
    firstBrokenId: r?.broken_id ? Number(r.broken_id) : null,
  };
}

/** The verify command as a signed-in user runs it: the check itself is logged. */
export async function verifyAuditChainAs(database: Database, actor: Actor): Promise<ChainReport> {
  const report = await verifyAuditChain(database);
  await audit(database.db, actor, {
    action: "audit.verify",
    permission: "audit:verify",
    recordType: "audit_log",
    details: { ...report },
  });
  return report;
}
