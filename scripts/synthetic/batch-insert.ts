import type { PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../src/server/db/connection";

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table here. */
const BATCH = 1000;

/** Inserts many rows in multi-row statements, in order, so foreign keys to earlier rows hold. */
export async function insertBatched<T extends PgTable>(db: Db | Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(table).values(rows.slice(i, i + BATCH) as never);
  }
}
