import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Permission } from "../../domain/roles";
import type { Database, Db, Tx } from "../db/connection";
import { auditLog } from "../db/schema/index";
import { type Actor, actingAs } from "./actor";
import { emergencyGrantFor, emergencyPurpose } from "./emergency-access";

export interface AuditEntry {
  /** Verb and object, e.g. "person.read", "person.search", "user.create". */
  action: string;
  /** The permission the action was taken under: picks the role and unit the row names. */
  permission: Permission;
  personId?: string | null;
  recordType?: string;
  recordId?: string;
  purpose?: string | null;
  /** Never personal data itself: ids, counts, field names. */
  details?: Record<string, unknown>;
}

/**
 * Writes audit rows in the caller's transaction, so the row exists exactly when the read or write
 * it records happened. Many rows (one per person in a search result) go in one statement.
 */
export async function audit(tx: Db | Tx, actor: Actor | null, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(list.map((e) => auditRow(actor, e)));
}

/**
 * Audit rows of a caller who is not signed in (the self-report form): no user, but the request and
 * client address, and the respondent ("ungdom", "vardnadshavare") named as the role.
 */
export async function auditAnonymous(
  tx: Db | Tx,
  client: { requestId: string; clientIp: string; role: string },
  entry: AuditEntry,
): Promise<void> {
  await tx
    .insert(auditLog)
    .values({ ...auditRow(null, entry), requestId: client.requestId, clientIp: client.clientIp, role: client.role });
}

/**
 * Security events (ASVS 16.3): denied access, failed and throttled sign-ins, refused requests.
 * They go into the same hash chain as every other audit row. The role and unit are the user's
 * first assignment, so the security officers of that unit's district see them too. The caller
 * may not be signed in: then the row names the attempted user only when that user exists (a
 * username field sometimes holds a mistyped password).
 */
export const SECURITY_ACTION_PREFIX = "security.";

export interface SecurityEvent {
  action: `security.${string}`;
  recordType?: string;
  recordId?: string;
  details?: Record<string, unknown>;
}

export async function auditSecurityEvent(
  tx: Db | Tx,
  who: { actor: Actor | null; userId?: string | null; username?: string | null; requestId: string; clientIp: string },
  e: SecurityEvent,
): Promise<void> {
  const first = who.actor?.assignments[0];
  await tx.insert(auditLog).values({
    ...auditRow(who.actor, { action: e.action, permission: "self", recordType: e.recordType, recordId: e.recordId }),
    userId: who.actor?.userId ?? who.userId ?? null,
    username: who.actor?.username ?? who.username ?? null,
    role: first?.role ?? null,
    unitId: first?.unitId ?? null,
    requestId: who.requestId,
    clientIp: who.clientIp,
    details: e.details ?? null,
  });
}

/**
 * The row an entry becomes: who, in which role and unit, from where. A read of a person under a
 * nödåtkomst grant carries the grant's reason as its purpose and the grant's id in its details.
 */
export function auditRow(actor: Actor | null, e: AuditEntry) {
  const as = actor ? actingAs(actor, e.permission) : undefined;
  const grant = emergencyGrantFor(actor, e.personId);
  if (grant) {
    e = { ...e, purpose: emergencyPurpose(grant, e.purpose), details: { ...e.details, emergencyGrantId: grant.id } };
  }
  return {
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    role: as?.role ?? null,
    unitId: as?.unitId ?? null,
    action: e.action,
    personId: e.personId ?? null,
    recordType: e.recordType ?? null,
    recordId: e.recordId ?? null,
    purpose: e.purpose ?? null,
    requestId: actor?.requestId ?? null,
    clientIp: actor?.clientIp ?? null,
    details: e.details ?? null,
  };
}

const dialect = new PgDialect();

/**
 * For a statement that only reads personal data and writes its audit rows: commit without waiting
 * for the WAL flush. The read and its audit rows still commit together or not at all, and the chain
 * stays whole; only a database crash within a fraction of a second after the commit could lose the
 * newest read rows (never a write: statements that change data keep the default). Without this
 * every read waits for a disk flush under the chain lock and reads queue behind it.
 */
export const RELAXED_COMMIT_TEXT = "select set_config('synchronous_commit', 'off', true)";
const RELAXED_COMMIT = sql.raw(RELAXED_COMMIT_TEXT);

/**
 * The insert of one audit row per record, all alike but for the person and record, as a statement
 * to run or to place in a larger one (a data-modifying WITH, so what it records and its audit rows
 * are one statement): the rows travel as two arrays rather than as a bound value per column and
 * row (thousands for a long list).
 */
export function auditRowsStatement(
  actor: Actor,
  entry: Omit<AuditEntry, "personId" | "recordId">,
  shown: { personId: string | null; recordId: string }[],
  prefix?: SQL,
): SQL {
  const r = auditRow(actor, entry);
  // Rows about persons read under a nödåtkomst grant carry its reason (auditRow); only then per row.
  const purposes = actor.emergencyGrants?.length
    ? shown.map((s) => {
        const grant = emergencyGrantFor(actor, s.personId);
        return grant ? emergencyPurpose(grant, r.purpose) : r.purpose;
      })
    : null;
  return sql`
    ${prefix ?? sql``}
    insert into ${auditLog} (id, prev_hash, hash, user_id, username, role, unit_id, action, person_id, record_type,
                             record_id, purpose, request_id, client_ip, details)
    select 0, '', '', ${r.userId}::uuid, ${r.username}, ${r.role}, ${r.unitId}::uuid, ${r.action}, shown.person_id,
           ${r.recordType}, shown.record_id, ${purposes ? sql`shown.purpose` : sql`${r.purpose}`}, ${r.requestId}, ${r.clientIp},
           ${r.details === null ? null : JSON.stringify(r.details)}::jsonb
    from unnest(${sql.param(shown.map((s) => s.personId))}::uuid[], ${sql.param(shown.map((s) => s.recordId))}::text[]${
      purposes ? sql`, ${sql.param(purposes)}::text[]` : sql``
    })
         with ordinality as shown(person_id, record_id, ${purposes ? sql`purpose, ` : sql``}n)
    ${prefix ? sql`cross join relaxed` : sql``}
    order by shown.n`;
}

/**
 * Audits a list shown to the user in one statement (auditRowsStatement); the statement being its
 * own transaction that writes nothing but audit rows, it commits without waiting for the WAL flush
 * (see RELAXED_COMMIT). Call it before the list is returned.
 */
export async function auditShownList(
  { pool }: Database,
  actor: Actor,
  entry: Pick<AuditEntry, "action" | "permission" | "recordType">,
  shown: { personId: string; recordId: string }[],
): Promise<void> {
  if (shown.length === 0) return;
  const query = dialect.sqlToQuery(auditRowsStatement(actor, entry, shown, sql`with relaxed as (${RELAXED_COMMIT})`));
  await pool.query({ text: query.sql, values: query.params as unknown[] });
}
