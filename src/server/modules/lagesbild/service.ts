import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  createLagesbildBody,
  createMeasureBody,
  decideLagesbildBody,
  LagesbildDetail,
  LagesbildSummary,
  lagesbildList,
  Measure,
  UpdateLagesbildInput,
  UpdateMeasureInput,
} from "../../../contracts/lagesbild";
import { disclosure, type Publisher } from "../../../domain/disclosure/publish";
import {
  ALL_DEFINITIONS,
  INDICATORS,
  type IndicatorId,
  LAW,
  LAW_PARTS,
  type MeasureStatus,
} from "../../../domain/lagesbild/definitions";
import type { PublishedTable } from "../../../domain/lagesbild/figures";
import { isOverdue, type ManualSource, nextVersion, sourceProblems, yearPeriod } from "../../../domain/lagesbild/rules";
import type { Permission } from "../../../domain/roles";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { districts, lagesbilder, lagesbildMeasures, lagesbildVersions, users } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { type ComputedFigures, computeFigures } from "./figures.service";

type Row = typeof lagesbilder.$inferSelect;
type MeasureRow = typeof lagesbildMeasures.$inferSelect;

/** Lägesbilder are few (one a year per district or municipality); the list is bounded anyway. */
const LIST_LIMIT = 200;

/** The lägesbilder the actor may see with this permission: every district of it is one where they hold it. */
function visible(actor: Actor, permission: Permission) {
  const mine = districtsWithPermission(actor, permission);
  return sql`${lagesbilder.districtIds} <@ ${sql.param(mine)}::uuid[]`;
}
const holdsIn = (actor: Actor, permission: Permission, ids: readonly string[]) => {
  const mine = districtsWithPermission(actor, permission);
  return ids.every((d) => mine.includes(d));
};

/** The lägesbild if the actor holds the permission in all its districts, else 404; locked with `lock`. */
async function inScope(tx: Db | Tx, actor: Actor, id: string, permission: Permission, lock = false): Promise<Row> {
  if (!districtsWithPermission(actor, permission).length) throw notFound();
  const query = tx
    .select()
    .from(lagesbilder)
    .where(and(eq(lagesbilder.id, id), visible(actor, permission)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

const decidedConflict = () =>
  conflict(
    "lagesbild_decided",
    "Lägesbilden är beslutad och kan inte ändras / The lägesbild has been decided and cannot be changed",
  );

const toMeasure = (m: MeasureRow, today: string): Measure => ({
  id: m.id,
  priority: m.priority,
  area: m.area,
  problem: m.problem,
  measure: m.measure,
  responsible: m.responsible,
  dueOn: m.dueOn,
  status: m.status as MeasureStatus,
  followUpNote: m.followUpNote,
  followUpOn: m.followUpOn,
  overdue: isOverdue({ status: m.status as MeasureStatus, dueOn: m.dueOn }, today),
});

// ── List and create ─────────────────────────────────────────────────────────────────────────────

export async function listLagesbilder(
  { db }: Database,
  actor: Actor,
  query: { year?: number },
  today: string,
): Promise<z.infer<typeof lagesbildList>> {
  if (!districtsWithPermission(actor, "lagesbild:read").length) return { items: [] };
  const where = [visible(actor, "lagesbild:read")];
  if (query.year) where.push(eq(lagesbilder.year, query.year));
  const rows = await db
    .select({
      row: lagesbilder,
      measures: sql<number>`(select count(*)::int from ${lagesbildMeasures} m where m.lagesbild_id = ${lagesbilder.id})`,
      overdue: sql<number>`(select count(*)::int from ${lagesbildMeasures} m where m.lagesbild_id = ${lagesbilder.id}
        and m.status in ('planerad', 'pagar') and m.due_on < ${today}::date)`,
    })
    .from(lagesbilder)
    .where(and(...where))
    .orderBy(desc(lagesbilder.year), asc(lagesbilder.title), asc(lagesbilder.id))
    .limit(LIST_LIMIT);
  const names = await districtNames(
    db,
    rows.flatMap((r) => r.row.districtIds),
  );
  return { items: rows.map((r) => summary(r.row, names, Number(r.measures), Number(r.overdue))) };
}

async function districtNames(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function summary(row: Row, names: Map<string, string>, measures: number, overdue: number): LagesbildSummary {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    districts: row.districtIds.map((id) => ({ id, name: names.get(id) ?? "" })),
    latestVersion: row.latestVersion,
    decided: row.decidedAt !== null,
    decidedOn: row.decidedOn,
    decidedBody: row.decidedBody,
    measures,
    overdueMeasures: overdue,
  };
}

export async function createLagesbild({ db }: Database, actor: Actor, input: z.infer<typeof createLagesbildBody>) {
  if (!holdsIn(actor, "lagesbild:manage", input.districtIds))
    throw badRequest("district_not_in_scope", "Välj bland dina distrikt / Choose among your districts", [
      { path: "body.districtIds", message: "Inte ditt distrikt / Not your district" },
    ]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(lagesbilder)
      .values({
        year: input.year,
        title: input.title ?? `Lägesbild ${input.year}`,
        districtIds: input.districtIds,
        createdBy: actor.userId,
      })
      .returning({ id: lagesbilder.id });
    if (!row) throw new Error("insert returned nothing");
    await tx.insert(lagesbildVersions).values({ lagesbildId: row.id, version: 1, createdBy: actor.userId });
    await audit(tx, actor, {
      action: "lagesbild.create",
      permission: "lagesbild:manage",
      recordType: "lagesbild",
      recordId: row.id,
      details: { year: input.year, districts: input.districtIds },
    });
    return row;
  });
}

// ── Read ────────────────────────────────────────────────────────────────────────────────────────

const TABLES: { id: IndicatorId; of: (f: ComputedFigures) => PublishedTable }[] = [
  { id: "reportsByReporter", of: (f) => f.reportsByReporter },
  { id: "reportsByConcern", of: (f) => f.reportsByConcern },
  { id: "reportsByAge", of: (f) => f.reportsByAge },
  { id: "reportsByDistrict", of: (f) => f.reportsByDistrict },
  { id: "insatserByKind", of: (f) => f.insatserByKind },
];

/** The figures as the page and the exports show them, with each table's definition beside it. */
function presentFigures(f: ComputedFigures) {
  return {
    protectedWhole: f.protectedWhole,
    tables: TABLES.map((t) => ({
      indicator: t.id,
      name: INDICATORS[t.id].name,
      definition: INDICATORS[t.id].definition,
      ...t.of(f),
    })),
    fieldwork: f.fieldwork
      ? {
          name: INDICATORS.fieldwork.name,
          definition: INDICATORS.fieldwork.definition,
          areas: f.fieldwork.map((a) => ({ ...a, polygon: f.polygons[a.areaId] ?? null })),
        }
      : null,
  };
}
type Presented = ReturnType<typeof presentFigures>;

/**
 * The lägesbild with its figures (aggregates through disclosure control), the version asked for
 * (the latest by default) and the åtgärdsplan. The decided version shows the figures as published
 * on the decision; any other shows them computed now.
 */
export async function getLagesbild(
  database: Database,
  actor: Actor,
  id: string,
  version: number | undefined,
  now: Date,
  publisher: Publisher = disclosure,
): Promise<LagesbildDetail> {
  const { db } = database;
  const row = await inScope(db, actor, id, "lagesbild:read");
  const wanted = version ?? row.latestVersion;
  const { from, to } = yearPeriod(row.year);
  const today = stockholmDate(now);
  const [versions, measureRows, names] = await Promise.all([
    db
      .select({ v: lagesbildVersions, createdByName: users.displayName })
      .from(lagesbildVersions)
      .innerJoin(users, eq(users.id, lagesbildVersions.createdBy))
      .where(eq(lagesbildVersions.lagesbildId, id))
      .orderBy(asc(lagesbildVersions.version)),
    db
      .select()
      .from(lagesbildMeasures)
      .where(eq(lagesbildMeasures.lagesbildId, id))
      .orderBy(asc(lagesbildMeasures.priority), asc(lagesbildMeasures.createdAt), asc(lagesbildMeasures.id)),
    districtNames(db, row.districtIds),
  ]);
  const shown = versions.find((v) => v.v.version === wanted);
  if (!shown) throw notFound();
  const frozen = shown.v.figures as Presented | null;
  const figures = frozen ?? presentFigures(await computeFigures(database, row.districtIds, from, to, publisher));
  await audit(db, actor, {
    action: "lagesbild.read",
    permission: "lagesbild:read",
    recordType: "lagesbild",
    recordId: id,
    details: { version: wanted, year: row.year, districts: row.districtIds },
  });
  const measures = measureRows.map((m) => toMeasure(m, today));
  return {
    ...summary(row, names, measures.length, measures.filter((m) => m.overdue).length),
    from,
    to,
    version: wanted,
    versions: versions.map((v) => ({
      version: v.v.version,
      createdAt: v.v.createdAt.toISOString(),
      createdByName: v.createdByName,
    })),
    analysis: shown.v.analysis,
    sources: (shown.v.sources as ManualSource[]).map((s) => ({
      ...s,
      unit: s.unit as LagesbildDetail["sources"][number]["unit"],
    })),
    decidedNote: row.decidedNote,
    decidedVersion: row.decidedVersion,
    figuresAsDecided: frozen !== null,
    generatedAt: now.toISOString(),
    ...figures,
    definitions: [...ALL_DEFINITIONS],
    law: { name: LAW, parts: LAW_PARTS },
    measuresList: measures,
    canManage: row.decidedAt === null && holdsIn(actor, "lagesbild:manage", row.districtIds),
    canDecide: row.decidedAt === null && holdsIn(actor, "lagesbild:decide", row.districtIds),
  };
}

// ── Change: versions ──────────────────────────────────────────────────────────────────────────────

function checkSources(sources: UpdateLagesbildInput["sources"]) {
  const fields = (sources ?? []).flatMap((s, i) =>
    sourceProblems(s).map((p) => ({ path: `body.sources.${i}.${p.field}`, message: p.message })),
  );
  if (fields.length) throw badRequest("invalid_source", "En källa har fel / A source is wrong", fields);
}

/**
 * A change of the analysis or the manual sources: a new version on top of the latest. The row is
 * locked, so two changes at once make two versions one after the other; with `baseVersion`, a
 * change made on a version that is no longer the latest is refused (409) rather than overwriting it.
 */
export async function updateLagesbild({ db }: Database, actor: Actor, id: string, input: UpdateLagesbildInput) {
  checkSources(input.sources);
  return db.transaction(async (tx) => {
    const row = await inScope(tx, actor, id, "lagesbild:manage", true);
    if (row.decidedAt) throw decidedConflict();
    if (input.baseVersion !== undefined && input.baseVersion !== row.latestVersion)
      throw conflict("version_conflict", "Lägesbilden har ändrats av någon annan / The lägesbild was changed by someone else", [
        { path: "body.baseVersion", message: `Senaste version är ${row.latestVersion} / Latest version is ${row.latestVersion}` },
      ]);
    const [latest] = await tx
      .select()
      .from(lagesbildVersions)
      .where(and(eq(lagesbildVersions.lagesbildId, id), eq(lagesbildVersions.version, row.latestVersion)));
    const version = nextVersion(row.latestVersion);
    await tx.insert(lagesbildVersions).values({
      lagesbildId: id,
      version,
      analysis: input.analysis ?? latest?.analysis ?? "",
      sources: input.sources ?? latest?.sources ?? [],
      createdBy: actor.userId,
    });
    await tx.update(lagesbilder).set({ latestVersion: version }).where(eq(lagesbilder.id, id));
    await audit(tx, actor, {
      action: "lagesbild.update",
      permission: "lagesbild:manage",
      recordType: "lagesbild",
      recordId: id,
      details: { version, fields: Object.keys(input).filter((k) => k !== "baseVersion") },
    });
    return { version };
  });
}

/**
 * Records the decision (the body that took it, the day): the latest content becomes a version of
 * its own holding the figures as published now, and the lägesbild is locked.
 */
export async function decideLagesbild(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof decideLagesbildBody>,
  now: Date,
) {
  return database.db.transaction(async (tx) => {
    const row = await inScope(tx, actor, id, "lagesbild:decide", true);
    if (row.decidedAt) throw decidedConflict();
    const { from, to } = yearPeriod(row.year);
    const figures = presentFigures(await computeFigures(database, row.districtIds, from, to));
    const [latest] = await tx
      .select()
      .from(lagesbildVersions)
      .where(and(eq(lagesbildVersions.lagesbildId, id), eq(lagesbildVersions.version, row.latestVersion)));
    const version = nextVersion(row.latestVersion);
    await tx.insert(lagesbildVersions).values({
      lagesbildId: id,
      version,
      analysis: latest?.analysis ?? "",
      sources: latest?.sources ?? [],
      figures,
      createdBy: actor.userId,
    });
    await tx
      .update(lagesbilder)
      .set({
        latestVersion: version,
        decidedVersion: version,
        decidedBody: input.body,
        decidedOn: input.decidedOn,
        decidedNote: input.note ?? null,
        decidedRecordedBy: actor.userId,
        decidedAt: now,
      })
      .where(eq(lagesbilder.id, id));
    await audit(tx, actor, {
      action: "lagesbild.decide",
      permission: "lagesbild:decide",
      recordType: "lagesbild",
      recordId: id,
      details: { version, decidedOn: input.decidedOn },
    });
    return { version };
  });
}

// ── The åtgärdsplan ───────────────────────────────────────────────────────────────────────────────

export async function createMeasure(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof createMeasureBody>,
  now: Date,
): Promise<Measure> {
  return db.transaction(async (tx) => {
    const row = await inScope(tx, actor, id, "lagesbild:manage", true);
    if (row.decidedAt) throw decidedConflict();
    const [m] = await tx
      .insert(lagesbildMeasures)
      .values({ ...input, dueOn: input.dueOn ?? null, lagesbildId: id, createdBy: actor.userId })
      .returning();
    if (!m) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "lagesbild.measure.create",
      permission: "lagesbild:manage",
      recordType: "lagesbild_measure",
      recordId: m.id,
      details: { lagesbildId: id },
    });
    return toMeasure(m, stockholmDate(now));
  });
}

/** What may change of a measure after the decision: its follow-up only. */
const FOLLOW_UP_FIELDS = new Set(["status", "followUpNote", "followUpOn"]);

export async function updateMeasure(
  { db }: Database,
  actor: Actor,
  id: string,
  measureId: string,
  input: UpdateMeasureInput,
  now: Date,
): Promise<Measure> {
  return db.transaction(async (tx) => {
    const row = await inScope(tx, actor, id, "lagesbild:manage", true);
    const fields = Object.keys(input);
    if (row.decidedAt && fields.some((f) => !FOLLOW_UP_FIELDS.has(f)))
      throw conflict(
        "lagesbild_decided",
        "Åtgärdsplanen är beslutad: bara uppföljningen kan ändras / The plan has been decided: only its follow-up can change",
        fields.filter((f) => !FOLLOW_UP_FIELDS.has(f)).map((f) => ({ path: `body.${f}`, message: "Låst / Locked" })),
      );
    const [m] = await tx
      .update(lagesbildMeasures)
      .set({ ...input, updatedAt: now })
      .where(and(eq(lagesbildMeasures.id, measureId), eq(lagesbildMeasures.lagesbildId, id)))
      .returning();
    if (!m) throw notFound();
    await audit(tx, actor, {
      action: "lagesbild.measure.update",
      permission: "lagesbild:manage",
      recordType: "lagesbild_measure",
      recordId: measureId,
      details: { lagesbildId: id, fields },
    });
    return toMeasure(m, stockholmDate(now));
  });
}
