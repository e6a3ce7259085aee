import { createHash } from "node:crypto";
import { fillPlaceholders, type Placeholder, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { AUDITED_READS_IN_FLIGHT, type Database } from "../db/connection";
import type { Actor } from "./actor";
import { type AuditEntry, auditRow, RELAXED_COMMIT_TEXT } from "./audit";

/**
 * Reading one record and writing its audit row in one statement: the hottest path of the system
 * (opening a person) costs one round trip, and the audit row exists exactly when the row was found.
 *
 * Under load, reads are committed in groups: the chain lock is taken once per statement rather
 * than once per read. A statement's text depends only on the shape of its reads (the code path
 * and the actor's scope) and on how many it carries, so texts are built once, kept, and prepared
 * once per connection; a read only compiles its own SELECT and hands over its values.
 */

/**
 * Compiles with markers instead of `$n`, so a compiled SELECT can be placed anywhere in a larger
 * statement: the markers are numbered afresh where it lands. A marker that survived would hold a
 * NUL byte, which PostgreSQL refuses outright, so a mistake here cannot pass silently.
 */
class PieceDialect extends PgDialect {
  override escapeParam(num: number): string {
    return `\u0000${num}\u0000`;
  }
}
const pieces = new PieceDialect();

interface Piece {
  text: string;
  params: unknown[];
}

function compile(piece: SQL): Piece {
  const query = pieces.sqlToQuery(piece);
  return { text: query.sql, params: query.params };
}

/** The piece's text with its markers numbered from `offset + 1`. */
function place(piece: Piece, offset: number): string {
  return piece.text.replace(/\u0000(\d+)\u0000/g, (_, n: string) => `$${Number(n) + 1 + offset}`);
}

/** The audit row's values, in the order the statements below take them. */
function rowValues(row: ReturnType<typeof auditRow>): unknown[] {
  return [
    row.userId,
    row.username,
    row.role,
    row.unitId,
    row.action,
    row.personId,
    row.recordType,
    row.recordId,
    row.purpose,
    row.requestId,
    row.clientIp,
  ];
}
const ROW_VALUES = 11;
/** `$a::uuid, $b::text, …` for the row values starting after `offset`. */
function rowPlaceholders(offset: number): string {
  const types = ["uuid", "text", "text", "uuid", "text", "uuid", "text", "text", "text", "text", "text"];
  return types.map((type, i) => `$${offset + i + 1}::${type}`).join(", ");
}

const AUDIT_COLUMNS = `user_id, username, role, unit_id, action, person_id, record_type, record_id, purpose, request_id, client_ip`;

/** One audited read: its compiled SELECT and details, the audit row's values, and who waits for it. */
interface PendingRead {
  shape: string;
  id: string;
  select: Piece;
  details: Piece;
  row: ReturnType<typeof auditRow>;
  resolve: (row: Record<string, unknown> | undefined) => void;
  reject: (error: unknown) => void;
}

/** A statement's text with the name it is prepared under. */
interface Statement {
  name: string;
  text: string;
}

/** Statement texts by shape, then size. Shapes are few (code paths × scope shapes); the bound is a guard. */
const statements = new Map<string, Map<number, Statement>>();
const MAX_SHAPES = 500;

function statementFor(shape: string, size: number, build: () => string): Statement {
  let sizes = statements.get(shape);
  if (!sizes) {
    if (statements.size >= MAX_SHAPES) statements.clear();
    sizes = new Map();
    statements.set(shape, sizes);
  }
  let statement = sizes.get(size);
  if (!statement) {
    const text = build();
    statement = { name: `read_audited_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text };
    sizes.set(size, statement);
  }
  return statement;
}

/** A read alone: its SELECT as `found`, and an audit row when it found something. */
function singleStatement(read: PendingRead): Statement {
  return statementFor(read.shape, 1, () => {
    const m = read.select.params.length;
    const d = read.details.params.length;
    return `with found as (${place(read.select, 0)}),
    relaxed as (${RELAXED_COMMIT_TEXT}),
    logged as (
      insert into audit_log (id, prev_hash, hash, ${AUDIT_COLUMNS}, details)
      select 0, '', '', ${rowPlaceholders(m + d)}, (${place(read.details, m)})
      from found cross join relaxed
      returning 1
    )
    select found.* from found`;
  });
}

/**
 * `size` reads of one shape: each becomes a CTE r<k> holding its row and the details of its audit
 * row, tagged with k; the audit values travel as a VALUES list keyed by k. Each read's values take
 * one consecutive block of parameters: its SELECT's, its details', its audit row's.
 */
function batchStatement(read: PendingRead, size: number): Statement {
  return statementFor(read.shape, size, () => {
    const m = read.select.params.length;
    const d = read.details.params.length;
    const block = m + d + ROW_VALUES;
    const ks = Array.from({ length: size }, (_, k) => k);
    const reads = ks.map(
      (k) =>
        `r${k} as (select ${k}::int as "__k", found.*, (${place(read.details, k * block + m)}) as "__details"
          from (${place(read.select, k * block)}) found)`,
    );
    const entries = ks.map((k) => `(${k}, ${rowPlaceholders(k * block + m + d)})`);
    return `with ${reads.join(",\n")},
    relaxed as (${RELAXED_COMMIT_TEXT}),
    entries (k, ${AUDIT_COLUMNS}) as (values ${entries.join(", ")}),
    logged as (
      insert into audit_log (id, prev_hash, hash, ${AUDIT_COLUMNS}, details)
      select 0, '', '', ${AUDIT_COLUMNS.split(", ")
        .map((c) => `e.${c}`)
        .join(", ")}, f."__details"
      from (${ks.map((k) => `select "__k", "__details" from r${k}`).join(" union all ")}) f
      join entries e on e.k = f."__k" cross join relaxed
      order by e.k
      returning 1
    )
    ${ks.map((k) => `select * from r${k}`).join(" union all ")}`;
  });
}

function values(read: PendingRead): unknown[] {
  const id = { id: read.id };
  return [...fillPlaceholders(read.select.params, id), ...fillPlaceholders(read.details.params, id), ...rowValues(read.row)];
}

/** Counts since start: how well reads group, and whether batches fail back to single reads. */
const counts = { reads: 0, statements: 0, retriedAlone: 0 };
export function auditedReadCounts(): Readonly<typeof counts> {
  return { ...counts };
}

async function runSingle({ auditedReads }: Database, read: PendingRead): Promise<void> {
  const statement = singleStatement(read);
  counts.statements++;
  try {
    const result = await auditedReads.query({ ...statement, values: values(read) });
    read.resolve(result.rows[0]);
  } catch (error) {
    read.reject(error);
  }
}

/** If a batch fails, its reads are retried one by one, so one bad read cannot fail the others. */
async function runBatch(database: Database, batch: PendingRead[]): Promise<void> {
  const statement = batchStatement(batch[0] as PendingRead, batch.length);
  counts.statements++;
  try {
    const result = await database.auditedReads.query({ ...statement, values: batch.flatMap(values) });
    const byK = new Map<number, Record<string, unknown>>();
    for (const { __k, __details: _, ...row } of result.rows as { __k: number; __details: unknown }[]) byK.set(__k, row);
    batch.forEach((read, k) => {
      read.resolve(byK.get(k));
    });
  } catch {
    counts.retriedAlone += batch.length;
    for (const read of batch) await runSingle(database, read);
  }
}

/** The most reads one statement carries: enough to drain a busy queue, small enough to plan fast. */
const MAX_BATCH = 32;

/** Reads waiting for a statement, and statements in flight, of one database. */
interface Queue {
  waiting: PendingRead[];
  inFlight: number;
}
const queues = new WeakMap<pg.Pool, Queue>();

/**
 * A batch takes as many waiting reads of the first one's shape as the largest power of two
 * allows, so that at most one statement per size class (1, 2, 4 … 32) and shape is prepared.
 */
function takeBatch(queue: Queue): PendingRead[] {
  const shape = (queue.waiting[0] as PendingRead).shape;
  const same = queue.waiting.filter((read) => read.shape === shape);
  let size = 1;
  while (size * 2 <= Math.min(same.length, MAX_BATCH)) size *= 2;
  const batch = new Set(same.slice(0, size));
  queue.waiting = queue.waiting.filter((read) => !batch.has(read));
  return [...batch];
}

/**
 * Chained appends are serial by nature: each takes the chain lock until it commits. Left to
 * PostgreSQL, eight readers at once queue on that lock and every hand-over costs a process wake-up
 * on a busy machine, so throughput falls as concurrency rises. Holding them here instead (one
 * statement in flight per server process, the next one gathering what arrives meanwhile) keeps
 * the lock uncontended; the lock itself still guards the chain across processes and
 * against every other writer.
 */
function enqueue(database: Database, read: PendingRead): void {
  let queue = queues.get(database.auditedReads);
  if (!queue) {
    queue = { waiting: [], inFlight: 0 };
    queues.set(database.auditedReads, queue);
  }
  queue.waiting.push(read);
  drain(database, queue);
}

function drain(database: Database, queue: Queue): void {
  while (queue.inFlight < AUDITED_READS_IN_FLIGHT && queue.waiting.length > 0) {
    const batch = takeBatch(queue);
    queue.inFlight++;
    const run = batch.length === 1 ? runSingle(database, batch[0] as PendingRead) : runBatch(database, batch);
    void run.finally(() => {
      queue.inFlight--;
      drain(database, queue);
    });
  }
}

/** A compiled read: its SELECT and details with the record's id still a placeholder. */
interface CompiledRead {
  shape: string;
  select: Piece;
  details: Piece;
}

const NO_DETAILS = sql`null::jsonb`;
/** Compiled reads kept per builder and actor; the bound is a guard against unbounded growth. */
const MAX_ACTORS = 2000;

/**
 * Reads one record by id and writes its audit row in the same statement: the SELECT, and an
 * audit INSERT that happens only when the SELECT found the row. The statement is its own
 * transaction writing nothing but audit rows, so it commits without waiting for the WAL flush
 * (see RELAXED_COMMIT_TEXT).
 *
 * `build` gives the SELECT for an actor with the id as a placeholder — its columns named as the
 * caller reads them — and, optionally, the audit row's details, which may look at the row as
 * `found`. It is compiled once per actor (everything on the actor but the request), since
 * compiling a scoped SELECT anew cost more than the rest of the request.
 */
export function auditedReadById<T>(build: (actor: Actor, id: Placeholder) => { select: SQL; details?: SQL }) {
  const compiled = new Map<string, CompiledRead>();
  const compiledFor = (actor: Actor): CompiledRead => {
    const { requestId: _, clientIp: __, ...who } = actor;
    const key = JSON.stringify(who);
    let read = compiled.get(key);
    if (!read) {
      const built = build(actor, sql.placeholder("id"));
      const select = compile(built.select);
      const details = compile(built.details ?? NO_DETAILS);
      read = { shape: `${select.text}\u0001${details.text}`, select, details };
      if (compiled.size >= MAX_ACTORS) compiled.clear();
      compiled.set(key, read);
    }
    return read;
  };
  return (database: Database, actor: Actor, id: string, entry: Omit<AuditEntry, "details">): Promise<T | undefined> => {
    const read = compiledFor(actor);
    counts.reads++;
    return new Promise((resolve, reject) => {
      enqueue(database, { ...read, id, row: auditRow(actor, entry), resolve: resolve as PendingRead["resolve"], reject });
    });
  };
}
