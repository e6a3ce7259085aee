import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { instrumentDetail, instrumentSummary } from "../../../contracts/assessments";
import { publishCount, Tally } from "../../../domain/disclosure/publish";
import { type InstrumentDefinition, parseDefinition } from "../../../domain/instruments/definition";
import type { Database, Db, Tx } from "../../db/connection";
import { instruments } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { type RecordKey, recordKeys } from "../../platform/record-keys";

type Summary = z.infer<typeof instrumentSummary>;
type Row = typeof instruments.$inferSelect;

function summary(row: Row, uses: number | null): Summary {
  const def = row.definition as InstrumentDefinition;
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    licence: def.licence,
    kind: def.kind,
    ageRange: def.ageRange,
    purposes: def.purposes,
    importedAt: row.importedAt.toISOString(),
    retired: row.retiredAt !== null,
    assessments: uses,
  };
}

/**
 * The ids of the signed assessments made with the instrument version of the outer row. Written out
 * in SQL with qualified names: drizzle renders columns inside a select's sql unqualified, so
 * `instrument_id = id` compared the assessment's instrument with its own id and counted nothing.
 */
const signedAssessmentIds = sql<string[]>`(select coalesce(array_agg(a.id::text), '{}') from assessments a
  where a.instrument_id = "instruments"."id" and a.signed_at is not null)`;

/**
 * How often an instrument version is used, as every role may see it: its signed assessments (drafts
 * are not use), counted through the disclosure module with the assessments' cell keys (0 shown,
 * 1–4 hidden, others perturbed by up to ±2).
 */
const usesOf = (ids: readonly string[], keyOf: RecordKey) => publishCount(Tally.of(ids.map(keyOf)));

export async function listInstruments(database: Database, includeRetired: boolean): Promise<{ items: Summary[] }> {
  const [rows, keyOf] = await Promise.all([
    database.db
      .select({ row: instruments, signed: signedAssessmentIds })
      .from(instruments)
      .where(includeRetired ? undefined : isNull(instruments.retiredAt))
      .orderBy(instruments.name, instruments.version),
    recordKeys(database),
  ]);
  return { items: rows.map((r) => summary(r.row, usesOf(r.signed, keyOf))) };
}

export async function getInstrument(database: Database, id: string): Promise<z.infer<typeof instrumentDetail>> {
  const [[r], keyOf] = await Promise.all([
    database.db.select({ row: instruments, signed: signedAssessmentIds }).from(instruments).where(eq(instruments.id, id)),
    recordKeys(database),
  ]);
  if (!r) throw notFound();
  return { ...summary(r.row, usesOf(r.signed, keyOf)), definition: r.row.definition as Record<string, unknown> };
}

/** The definition an assessment is scored with; the stored JSON passed validation at import. */
export async function definitionOf(tx: Db | Tx, instrumentId: string): Promise<{ row: Row; def: InstrumentDefinition }> {
  const [row] = await tx.select().from(instruments).where(eq(instruments.id, instrumentId));
  if (!row) throw notFound();
  return { row, def: row.definition as InstrumentDefinition };
}

/**
 * Imports a definition. A (key, version) once stored is never replaced: assessments point at it,
 * so a changed definition must come as a new version. Re-importing the identical text is refused
 * the same way, so an import never silently does nothing.
 */
export async function importInstrument({ db }: Database, actor: Actor, input: unknown): Promise<{ id: string }> {
  const parsed = parseDefinition(input);
  if (!parsed.ok) {
    throw badRequest(
      "invalid_definition",
      "Definitionen är ogiltig / The definition is invalid",
      parsed.issues.map((i) => ({ path: i.path ? `body.${i.path}` : "body", message: i.message })),
    );
  }
  const def = parsed.definition;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(instruments)
      .values({
        key: def.id,
        version: def.version,
        name: def.name,
        licence: def.licence,
        definition: def,
        importedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: instruments.id });
    if (!created) {
      throw conflict(
        "instrument_version_exists",
        `${def.name} version ${def.version} finns redan — importera ändringar som en ny version / already exists: import changes as a new version`,
        [{ path: "body.version", message: "Versionen finns redan / Version exists" }],
      );
    }
    await audit(tx, actor, {
      action: "instrument.import",
      permission: "instrument:manage",
      recordType: "instrument",
      recordId: created.id,
      details: { key: def.id, version: def.version },
    });
    return created;
  });
}

/** Retired versions stay readable (and keep their assessments) but are not offered for new ones. */
export async function retireInstrument({ db }: Database, actor: Actor, id: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(instruments)
      .set({ retiredAt: new Date() })
      .where(and(eq(instruments.id, id), isNull(instruments.retiredAt)))
      .returning({ id: instruments.id });
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: "instrument.retire",
      permission: "instrument:manage",
      recordType: "instrument",
      recordId: id,
    });
    return { ok: true as const };
  });
}
