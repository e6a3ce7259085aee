import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../db/connection";
import { disclosureSecret } from "../db/schema/index";

/** A record's cell key (domain/disclosure/cell-key.ts): an unsigned 32-bit integer. */
export type RecordKey = (id: string) => number;

const secrets = new WeakMap<Database, Promise<string>>();

/**
 * The cell-key function of this database: HMAC-SHA256 of the record's id under the database's
 * disclosure secret, its first four bytes. Fixed for a record as long as the database lives, and
 * unknowable without the secret even to someone who sees the id.
 */
export async function recordKeys(database: Database): Promise<RecordKey> {
  let secret = secrets.get(database);
  if (!secret) {
    secret = database.db
      .select({ secret: disclosureSecret.secret })
      .from(disclosureSecret)
      .where(eq(disclosureSecret.id, 1))
      .then(([row]) => {
        if (!row) throw new Error("disclosure secret missing: migrations not applied");
        return row.secret;
      });
    secret.catch(() => secrets.delete(database));
    secrets.set(database, secret);
  }
  const key = await secret;
  return (id: string) => createHmac("sha256", key).update(id).digest().readUInt32BE(0);
}
