import { inArray } from "drizzle-orm";
import { SHIPPED_DEFINITIONS } from "../../../domain/instruments/shipped";
import type { Db, Tx } from "../../db/connection";
import { instruments } from "../../db/schema/index";

/**
 * Stores every shipped definition whose (key, version) is not yet present and returns
 * key → id of the shipped version. Safe to run at every start and concurrently: an existing
 * row is left untouched, since recorded assessments point at it.
 */
export async function ensureShippedInstruments(db: Db | Tx): Promise<Map<string, string>> {
  await db
    .insert(instruments)
    .values(
      SHIPPED_DEFINITIONS.map((def) => ({
        key: def.id,
        version: def.version,
        name: def.name,
        licence: def.licence,
        definition: def,
      })),
    )
    .onConflictDoNothing({ target: [instruments.key, instruments.version] });
  const rows = await db
    .select({ id: instruments.id, key: instruments.key, version: instruments.version })
    .from(instruments)
    .where(
      inArray(
        instruments.key,
        SHIPPED_DEFINITIONS.map((def) => def.id),
      ),
    );
  const ids = new Map<string, string>();
  for (const def of SHIPPED_DEFINITIONS) {
    const row = rows.find((r) => r.key === def.id && r.version === def.version);
    if (!row) throw new Error(`shipped instrument ${def.id} ${def.version} missing after insert`);
    ids.set(def.id, row.id);
  }
  return ids;
}
