import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { type PgTable, PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; services take `Db | Tx` so one command runs in one transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  /**
   * The connection audited reads go through (platform/audited-read.ts): one statement at a time,
   * its prepared statements warm in one server process instead of in every connection of the pool.
   */
  auditedReads: pg.Pool;
  close(): Promise<void>;
}

/**
 * Audited reads run at most this many statements at once; their pool needs no more. One measured
 * best: the reads arriving meanwhile gather into the next statement, and each statement costs
 * PostgreSQL far less per read than two smaller ones.
 */
export const AUDITED_READS_IN_FLIGHT = 1;

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export function connect(url: string, max = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its server (restart, shutdown) must not crash the process.
  pool.on("error", () => {});
  const auditedReads = new pg.Pool({ connectionString: url, max: AUDITED_READS_IN_FLIGHT });
  auditedReads.on("error", () => {});
  const db = drizzle(pool, { schema });
  return { db, pool, auditedReads, close: async () => void (await Promise.all([pool.end(), auditedReads.end()])) };
}

export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/**
 * Awaits lazy Drizzle queries one after another. Inside a transaction all queries share one
 * connection, and node-postgres refuses overlapping queries on a client (Promise.all would issue
 * them at once); the round trips were serial on the wire anyway.
 */
export async function oneByOne<T extends readonly unknown[]>(queries: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const q of queries) results.push(await q);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/**
 * Awaits lazy Drizzle queries at once when they run on the pool (each on a connection of its own,
 * so a request waits for the slowest, not the sum), and one after another inside a transaction.
 */
export async function together<T extends readonly unknown[]>(
  db: Db | Tx,
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  if (db instanceof PgTransaction) return oneByOne(queries);
  return Promise.all(queries) as Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
}

/**
 * An insert of many rows with the rows as one JSON value rather than a bound value per column and
 * row: for a hundred wide rows, building the bound values costs more than the insert. jsonb, not
 * json: json_populate_recordset parses every nested value again and took three times as long on
 * the file review's items. A statement of its own, or a part of a data-modifying WITH. Columns
 * left out of a row are null: give every column that has a default.
 */
export function insertAsJson<T extends PgTable>(table: T, rows: T["$inferInsert"][]): SQL {
  const columns = Object.entries(getTableColumns(table));
  const json = rows.map((row) =>
    Object.fromEntries(columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null])),
  );
  return sql`insert into ${table} select * from jsonb_populate_recordset(null::${table}, ${JSON.stringify(json)}::jsonb)`;
}
