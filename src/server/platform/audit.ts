import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Permission } from "../../domain/roles";
import type { Database, Db, Tx } from "../db/connection";
import { auditLog } from "../db/schema/index";
import { type Actor, actingAs } from "./actor";

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

/** The row an entry becomes: who, in which role and unit, from where. */
function auditRow(actor: Actor | null, e: AuditEntry) {
  const as = actor ? actingAs(actor, e.permission) : undefined;
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
const RELAXED_COMMIT = sql`select set_config('synchronous_commit', 'off', true)`;

/**
 * Chained appends are serial by nature: each takes the chain lock until it commits. Left to
 * PostgreSQL, eight readers at once queue on that lock and every hand-over costs a process wake-up
 * on a busy machine, so throughput falls as concurrency rises. Queuing them here first (one
 * statement in flight per server process) keeps the lock uncontended; the lock itself still guards
 * the chain across processes and against every other writer.
 */
let chainQueue: Promise<unknown> = Promise.resolve();
function oneChainedReadAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = chainQueue.then(work, work);
  chainQueue = run.catch(() => undefined);
  return run;
}

/** One audited read: its SELECT, the audit row's values and its details, and who waits for it. */
interface PendingRead {
  select: SQL;
  row: ReturnType<typeof auditRow>;
  details: SQL;
  resolve: (row: Record<string, unknown> | undefined) => void;
  reject: (error: unknown) => void;
}

/** The most reads one statement carries: enough to drain a busy queue, small enough to plan fast. */
const MAX_BATCH = 32;
let waiting: PendingRead[] = [];
let batching = false;

/**
 * Group commit: reads that arrive while a statement is in flight wait, and then all go in the next
 * statement together — each read's SELECT, one audit row per read that found its record, one
 * commit. Alone, a read takes its prepared single statement; under load the chain lock is taken
 * once per batch rather than once per read. If a batch fails, its reads are retried one by one, so
 * one bad read cannot fail the others.
 */
function drain(database: Database): void {
  if (batching || waiting.length === 0) return;
  batching = true;
  const batch = waiting.slice(0, MAX_BATCH);
  waiting = waiting.slice(MAX_BATCH);
  const run = batch.length === 1 ? runSingle(database, batch[0] as PendingRead) : runBatch(database, batch);
  void oneChainedReadAtATime(() => run).finally(() => {
    batching = false;
    drain(database);
  });
}

async function runSingle({ pool }: Database, read: PendingRead): Promise<void> {
  const r = read.row;
  const query = dialect.sqlToQuery(sql`
    with found as (${read.select}),
    relaxed as (${RELAXED_COMMIT}),
    logged as (
      insert into ${auditLog} (id, prev_hash, hash, user_id, username, role, unit_id, action, person_id, record_type,
                               record_id, purpose, request_id, client_ip, details)
      select 0, '', '', ${r.userId}::uuid, ${r.username}, ${r.role}, ${r.unitId}::uuid, ${r.action}, ${r.personId}::uuid,
             ${r.recordType}, ${r.recordId}, ${r.purpose}, ${r.requestId}, ${r.clientIp}, ${read.details}
      from found cross join relaxed
      returning 1
    )
    select found.* from found`);
  const name = `read_audited_${createHash("sha1").update(query.sql).digest("hex").slice(0, 16)}`;
  try {
    const result = await pool.query({ name, text: query.sql, values: query.params as unknown[] });
    read.resolve(result.rows[0]);
  } catch (error) {
    read.reject(error);
  }
}

async function runBatch(database: Database, batch: PendingRead[]): Promise<void> {
  // Each read becomes a CTE r<k> holding its row and the details of its audit row; the audit
  // values travel as a VALUES list keyed by k, and the answer comes back tagged with k.
  const reads = batch.map(
    (read, k) =>
      sql`${sql.raw(`r${k}`)} as (select ${k}::int as "__k", found.*, (${read.details}) as "__details" from (${read.select}) found)`,
  );
  const tagged = sql.join(
    batch.map((_, k) => sql`select "__k", "__details" from ${sql.raw(`r${k}`)}`),
    sql` union all `,
  );
  const audits = sql.join(
    batch.map((read, k) => {
      const r = read.row;
      return sql`(${k}::int, ${r.userId}::uuid, ${r.username}::text, ${r.role}::text, ${r.unitId}::uuid, ${r.action}::text,
                  ${r.personId}::uuid, ${r.recordType}::text, ${r.recordId}::text, ${r.purpose}::text, ${r.requestId}::text,
                  ${r.clientIp}::text)`;
    }),
    sql`, `,
  );
  // Reads of one shape (the same code path) union into one answer; were they not, the statement
  // fails and the reads are retried alone.
  const answers = sql.join(
    batch.map((_, k) => sql`select * from ${sql.raw(`r${k}`)}`),
    sql` union all `,
  );
  const query = dialect.sqlToQuery(sql`
    with ${sql.join(reads, sql`, `)},
    relaxed as (${RELAXED_COMMIT}),
    entries (k, user_id, username, role, unit_id, action, person_id, record_type, record_id, purpose, request_id, client_ip)
      as (values ${audits}),
    logged as (
      insert into ${auditLog} (id, prev_hash, hash, user_id, username, role, unit_id, action, person_id, record_type,
                               record_id, purpose, request_id, client_ip, details)
      select 0, '', '', e.user_id, e.username, e.role, e.unit_id, e.action, e.person_id, e.record_type,
             e.record_id, e.purpose, e.request_id, e.client_ip, f."__details"
      from (${tagged}) f join entries e on e.k = f."__k" cross join relaxed
      order by e.k
      returning 1
    )
    ${answers}`);
  try {
    const result = await database.pool.query({ text: query.sql, values: query.params as unknown[] });
    const byK = new Map<number, Record<string, unknown>>();
    for (const { __k, __details: _, ...row } of result.rows as { __k: number; __details: unknown }[]) byK.set(__k, row);
    batch.forEach((read, k) => {
      read.resolve(byK.get(k));
    });
  } catch {
    for (const read of batch) await runSingle(database, read);
  }
}

/**
 * Reads one record and writes its audit row in the same statement, so the hottest path (opening
 * a person) costs one round trip: the SELECT, an audit INSERT that happens only when the SELECT
 * found the row, and — the statement being its own transaction that writes nothing but audit
 * rows — a commit that does not wait for the WAL flush (see RELAXED_COMMIT). Alone the statement
 * is prepared once per connection and shape; under load reads are committed in groups (drain).
 * `select` must give its columns the names the caller reads; `details` may look at them as `found`.
 */
export function readOneAudited<T>(
  database: Database,
  actor: Actor,
  select: SQL,
  entry: Omit<AuditEntry, "details">,
  details: SQL = sql`null::jsonb`,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    waiting.push({
      select,
      row: auditRow(actor, entry),
      details,
      resolve: resolve as PendingRead["resolve"],
      reject,
    });
    drain(database);
  });
}

/**
 * Audits a list shown to the user — one row per record, all alike but for the person and record —
 * in one statement: the rows travel as two arrays rather than as thousands of bound values, and,
 * the statement being its own transaction that writes nothing but audit rows, it commits without
 * waiting for the WAL flush (see RELAXED_COMMIT). Call it before the list is returned.
 */
export async function auditShownList(
  { pool }: Database,
  actor: Actor,
  entry: Pick<AuditEntry, "action" | "permission" | "recordType">,
  shown: { personId: string; recordId: string }[],
): Promise<void> {
  if (shown.length === 0) return;
  const r = auditRow(actor, entry);
  const query = dialect.sqlToQuery(sql`
    with relaxed as (${RELAXED_COMMIT})
    insert into ${auditLog} (id, prev_hash, hash, user_id, username, role, unit_id, action, person_id, record_type,
                             record_id, purpose, request_id, client_ip)
    select 0, '', '', ${r.userId}::uuid, ${r.username}, ${r.role}, ${r.unitId}::uuid, ${r.action}, shown.person_id,
           ${r.recordType}, shown.record_id, null, ${r.requestId}, ${r.clientIp}
    from unnest(${sql.param(shown.map((s) => s.personId))}::uuid[], ${sql.param(shown.map((s) => s.recordId))}::text[])
         with ordinality as shown(person_id, record_id, n)
    cross join relaxed
    order by shown.n`);
  await pool.query({ text: query.sql, values: query.params as unknown[] });
}
