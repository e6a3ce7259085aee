import { aliasedTable, and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  actionBody,
  CreateDeviationInput,
  classifyBody,
  closeBody,
  DeviationDetail,
  deviationList,
  deviationListQuery,
  followUpBody,
  investigationBody,
  ivoNotificationBody,
  stepResult,
} from "../../../contracts/deviations";
import { LEX_SARAH_REGULATIONS, lexSarahProvision } from "../../../domain/deviations/lex-sarah";
import type { DeviationKind, DeviationSource, LexSarahKind, RootCause, Severity } from "../../../domain/deviations/vocabulary";
import {
  availableSteps,
  type DeviationFacts,
  type DeviationState,
  decideStep,
  requiresIvoNotification,
  type StepCommand,
} from "../../../domain/deviations/workflow";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import {
  cases,
  deviationActions,
  deviationEvents,
  deviations,
  insatser,
  persons,
  units,
  userRoles,
  users,
} from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { type AuditEntry, audit } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { badRequest, conflict } from "../../platform/errors";
import { caseScope, insatsScope, personScope } from "../../platform/scope";
import { requireDayWithin } from "../cases/rules";
import { actionCount, canManage, deviationForChange, deviationInScope, deviationScope } from "./access";

type DeviationRow = typeof deviations.$inferSelect;
type ListItem = z.infer<typeof deviationList>["items"][number];
type StepResult = z.infer<typeof stepResult>;

const field = (path: string, message: string) => [{ path, message }];
const unknownLink = (path: string) =>
  badRequest("unknown_link", "Okänd eller inte synlig för dig / Unknown or not visible to you", field(path, "Finns inte"));

async function auditDeviation(
  tx: Tx,
  actor: Actor,
  row: { id: string; personId: string | null },
  entry: Omit<AuditEntry, "recordType" | "recordId" | "personId">,
) {
  await audit(tx, actor, { ...entry, personId: row.personId, recordType: "deviation", recordId: row.id });
}

/** What a report links to, checked against the reporter's scope and the unit's district. */
async function resolveLinks(tx: Tx, actor: Actor, input: CreateDeviationInput, districtId: string) {
  let caseId = input.caseId ?? null;
  let personId = input.personId ?? null;
  const sameDistrict = (d: string, path: string) => {
    if (d !== districtId) {
      throw badRequest(
        "link_other_district",
        "Kopplingen hör till ett annat distrikt än enheten / The link is in another district",
        field(path, "Annat distrikt"),
      );
    }
  };
  const mismatch = (path: string) =>
    badRequest(
      "link_mismatch",
      "Kopplingarna hör inte ihop / The links do not belong together",
      field(path, "Hör inte till samma ärende"),
    );
  if (input.insatsId) {
    const [i] = await tx
      .select({ caseId: insatser.caseId, personId: insatser.personId, districtId: insatser.districtId })
      .from(insatser)
      .where(and(eq(insatser.id, input.insatsId), insatsScope(actor)));
    if (!i) throw unknownLink("body.insatsId");
    sameDistrict(i.districtId, "body.insatsId");
    if (caseId && caseId !== i.caseId) throw mismatch("body.caseId");
    if (personId && personId !== i.personId) throw mismatch("body.personId");
    caseId = i.caseId;
    personId = i.personId;
  } else if (input.caseId) {
    const [c] = await tx
      .select({ personId: cases.personId, districtId: cases.districtId })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), caseScope(actor)));
    if (!c) throw unknownLink("body.caseId");
    sameDistrict(c.districtId, "body.caseId");
    if (personId && personId !== c.personId) throw mismatch("body.personId");
    personId = c.personId;
  } else if (input.personId) {
    const [p] = await tx
      .select({ districtId: persons.districtId })
      .from(persons)
      .where(and(eq(persons.id, input.personId), personScope(actor)));
    if (!p) throw unknownLink("body.personId");
    sameDistrict(p.districtId, "body.personId");
  }
  return { caseId, insatsId: input.insatsId ?? null, personId };
}

/**
 * Records an avvikelse in the caller's transaction: the service function other modules (a file
 * review's finding, a log review's flag) call to raise one. The actor needs deviation:report in the
 * unit's district; links must be records the actor may see, in that district. Audited as written.
 */
export async function createDeviation(tx: Tx, actor: Actor, input: CreateDeviationInput, now: Date): Promise<{ id: string }> {
  const [unit] = await tx.select({ id: units.id, districtId: units.districtId }).from(units).where(eq(units.id, input.unitId));
  if (!unit || !districtsWithPermission(actor, "deviation:report").includes(unit.districtId)) {
    throw badRequest(
      "unit_not_in_scope",
      "Välj en enhet i ditt distrikt / Choose a unit of your district",
      field("body.unitId", "Inte din enhet"),
    );
  }
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime()) {
    throw badRequest(
      "in_future",
      "Tidpunkten ligger i framtiden / The time is in the future",
      field("body.occurredAt", "Framtida tidpunkt"),
    );
  }
  const links = await resolveLinks(tx, actor, input, unit.districtId);
  if (input.origin?.kind === "late_deadline" && !links.caseId) {
    throw badRequest(
      "case_required",
      "En sen tidsfrist hör till ett ärende / A late deadline belongs to a case",
      field("body.caseId", "Ange ärendet"),
    );
  }
  const { kind: source, ...sourceRef } = input.origin ?? { kind: "manual" as const };
  const [row] = await tx
    .insert(deviations)
    .values({
      districtId: unit.districtId,
      unitId: unit.id,
      kind: input.kind,
      description: input.description,
      occurredAt,
      reportedAt: now,
      reportedBy: actor.userId,
      ...links,
      source,
      sourceRef: input.origin ? sourceRef : null,
    })
    .returning({ id: deviations.id, personId: deviations.personId });
  if (!row) throw new Error("insert returned nothing");
  await tx.insert(deviationEvents).values({ deviationId: row.id, seq: 1, step: "report", toState: "reported", by: actor.userId });
  await auditDeviation(tx, actor, row, { action: "deviation.report", permission: "deviation:report", details: { source } });
  return { id: row.id };
}

/** The report form's command: one transaction. */
export async function reportDeviation({ db }: Database, actor: Actor, input: CreateDeviationInput, now: Date) {
  return db.transaction((tx) => createDeviation(tx, actor, input, now));
}

const reporter = aliasedTable(users, "reporter");

export async function listDeviations(
  { db }: Database,
  actor: Actor,
  query: z.infer<typeof deviationListQuery>,
): Promise<z.infer<typeof deviationList>> {
  const after = query.cursor ? decodeCursor(query.cursor, ["timestamp", "uuid"]) : null;
  const filters: (SQL | undefined)[] = [
    deviationScope(actor),
    query.state ? eq(deviations.state, query.state) : undefined,
    query.unitId ? eq(deviations.unitId, query.unitId) : undefined,
    query.mine === "true" ? eq(deviations.reportedBy, actor.userId) : undefined,
    query.lexSarah === "any"
      ? ne(deviations.lexSarah, "none")
      : query.lexSarah
        ? eq(deviations.lexSarah, query.lexSarah)
        : undefined,
    after ? sql`(${deviations.reportedAt}, ${deviations.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
  ];
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ d: deviations, unitName: units.name, reportedByName: reporter.displayName })
      .from(deviations)
      .innerJoin(units, eq(units.id, deviations.unitId))
      .innerJoin(reporter, eq(reporter.id, deviations.reportedBy))
      .where(and(...filters))
      .orderBy(desc(deviations.reportedAt), desc(deviations.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    // Each listed deviation may name a person: one audit row per deviation shown.
    await audit(
      tx,
      actor,
      page.map((r) => ({
        action: "deviation.list",
        permission: "deviation:report" as const,
        personId: r.d.personId,
        recordType: "deviation",
        recordId: r.d.id,
      })),
    );
    const last = page.at(-1);
    return {
      items: page.map((r) => listItem(actor, r.d, r.unitName, r.reportedByName)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.d.reportedAt.toISOString(), last.d.id]) : null,
    };
  });
}

function listItem(actor: Actor, d: DeviationRow, unitName: string, reportedByName: string): ListItem {
  return {
    id: d.id,
    state: d.state as DeviationState,
    kind: d.kind as DeviationKind,
    severity: d.severity as Severity | null,
    lexSarah: d.lexSarah as LexSarahKind,
    serious: d.serious,
    source: d.source as DeviationSource,
    districtId: d.districtId,
    unitId: d.unitId,
    unitName,
    occurredAt: d.occurredAt.toISOString(),
    reportedAt: d.reportedAt.toISOString(),
    reportedByName,
    ivoNotifiedOn: d.ivoNotifiedOn,
    own: d.reportedBy === actor.userId,
  };
}

const facts = (d: DeviationRow, actions: number): DeviationFacts => ({
  state: d.state as DeviationState,
  lexSarah: d.lexSarah as LexSarahKind,
  serious: d.serious,
  ivoNotified: d.ivoNotifiedOn !== null,
  actionCount: actions,
});

export async function getDeviation({ db }: Database, actor: Actor, id: string): Promise<DeviationDetail> {
  return db.transaction(async (tx) => {
    const d = await deviationInScope(tx, actor, id);
    const [names] = await tx
      .select({
        unitName: units.name,
        reportedByName: reporter.displayName,
        personName: sql<
          string | null
        >`(select ${persons.firstName} || ' ' || ${persons.lastName} from ${persons} where ${persons.id} = ${deviations.personId})`,
      })
      .from(deviations)
      .innerJoin(units, eq(units.id, deviations.unitId))
      .innerJoin(reporter, eq(reporter.id, deviations.reportedBy))
      .where(eq(deviations.id, id));
    const actions = await tx
      .select({ a: deviationActions, responsibleName: users.displayName })
      .from(deviationActions)
      .innerJoin(users, eq(users.id, deviationActions.responsibleId))
      .where(eq(deviationActions.deviationId, id))
      .orderBy(asc(deviationActions.createdAt), asc(deviationActions.id));
    const events = await tx
      .select({ e: deviationEvents, byName: users.displayName })
      .from(deviationEvents)
      .innerJoin(users, eq(users.id, deviationEvents.by))
      .where(eq(deviationEvents.deviationId, id))
      .orderBy(asc(deviationEvents.seq));
    await auditDeviation(tx, actor, d, { action: "deviation.read", permission: "deviation:report" });
    const f = facts(d, actions.length);
    const lex = d.lexSarah !== "none";
    return {
      ...listItem(actor, d, names?.unitName ?? "", names?.reportedByName ?? ""),
      version: d.version,
      description: d.description,
      caseId: d.caseId,
      insatsId: d.insatsId,
      personId: d.personId,
      personName: names?.personName ?? null,
      origin: d.sourceRef ? ({ kind: d.source, ...(d.sourceRef as object) } as DeviationDetail["origin"]) : null,
      classifiedAt: d.classifiedAt?.toISOString() ?? null,
      rootCause: d.rootCause as RootCause | null,
      analysis: d.analysis,
      investigatedOn: d.investigatedOn,
      ivoReference: d.ivoReference,
      followedUpOn: d.followedUpOn,
      followUpText: d.followUpText,
      followUpEffective: d.followUpEffective,
      closedAt: d.closedAt?.toISOString() ?? null,
      closeNote: d.closeNote,
      actions: actions.map(({ a, responsibleName }) => ({
        id: a.id,
        description: a.description,
        responsibleId: a.responsibleId,
        responsibleName,
        dueOn: a.dueOn,
        createdAt: a.createdAt.toISOString(),
      })),
      events: events.map(({ e, byName }) => ({
        seq: e.seq,
        step: e.step,
        toState: e.toState as DeviationState,
        at: e.at.toISOString(),
        byName,
      })),
      lexSarahPath: lex
        ? {
            report: lexSarahProvision("report", stockholmDate(d.reportedAt)),
            investigation: d.investigatedOn ? lexSarahProvision("investigation", d.investigatedOn) : null,
            ivoNotification: d.ivoNotifiedOn ? lexSarahProvision("ivo_notification", d.ivoNotifiedOn) : null,
            ivoRequired: requiresIvoNotification(f),
            regulations: LEX_SARAH_REGULATIONS,
          }
        : null,
      availableSteps: canManage(actor, d) ? availableSteps(f) : [],
    };
  });
}

/**
 * One step of the workflow in one transaction: lock the deviation, let the domain decide, write the
 * step's fields, bump the version, record the event and the audit row. A refused step writes
 * nothing (the error rolls the transaction back).
 */
async function takeStep(
  { db }: Database,
  actor: Actor,
  id: string,
  command: StepCommand,
  write: (tx: Tx, d: DeviationRow) => Promise<Partial<typeof deviations.$inferInsert>>,
): Promise<StepResult> {
  return db.transaction(async (tx) => {
    const d = await deviationForChange(tx, actor, id);
    const decided = decideStep(facts(d, await actionCount(tx, id)), command);
    if (!decided.ok) {
      const fields = decided.path ? field(decided.path, decided.message) : [];
      throw decided.status === 409
        ? conflict(decided.code, decided.message, fields)
        : badRequest(decided.code, decided.message, fields);
    }
    const changes = await write(tx, d);
    const version = d.version + 1;
    const [updated] = await tx
      .update(deviations)
      .set({ ...changes, state: decided.state, lexSarah: decided.lexSarah, serious: decided.serious, version })
      .where(and(eq(deviations.id, id), eq(deviations.version, d.version)))
      .returning({ id: deviations.id });
    if (!updated) throw conflict("concurrent_change", "Avvikelsen ändrades samtidigt / Changed concurrently");
    await tx.insert(deviationEvents).values({
      deviationId: id,
      seq: version,
      step: command.step,
      fromState: d.state,
      toState: decided.state,
      by: actor.userId,
    });
    await auditDeviation(tx, actor, d, {
      action: `deviation.${command.step}`,
      permission: "deviation:manage",
      details: { from: d.state, to: decided.state, lexSarah: decided.lexSarah, serious: decided.serious },
    });
    return { id, state: decided.state, version };
  });
}

const reportedDay = (d: DeviationRow) => stockholmDate(d.reportedAt);

export function classifyDeviation(database: Database, actor: Actor, id: string, input: z.infer<typeof classifyBody>, now: Date) {
  return takeStep(database, actor, id, { step: "classify", lexSarah: input.lexSarah, serious: input.serious }, async () => ({
    kind: input.kind,
    severity: input.severity,
    classifiedAt: now,
    classifiedBy: actor.userId,
  }));
}

export function investigateDeviation(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof investigationBody>,
  now: Date,
) {
  return takeStep(database, actor, id, { step: "investigate", serious: input.serious }, async (_tx, d) => {
    requireDayWithin(input.investigatedOn, reportedDay(d), now, "body.investigatedOn", "rapporten");
    return {
      rootCause: input.rootCause,
      analysis: input.analysis,
      investigatedOn: input.investigatedOn,
      investigatedBy: actor.userId,
    };
  });
}

export function addDeviationAction(database: Database, actor: Actor, id: string, input: z.infer<typeof actionBody>) {
  return takeStep(database, actor, id, { step: "add_action" }, async (tx, d) => {
    if (d.investigatedOn && input.dueOn < d.investigatedOn) {
      throw badRequest(
        "before_previous_step",
        "Datumet ligger före utredningen / The date is before the investigation",
        field("body.dueOn", "Före utredningen"),
      );
    }
    // The responsible person works in the deviation's district.
    const [staff] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .innerJoin(units, eq(units.id, userRoles.unitId))
      .where(and(eq(users.id, input.responsibleId), eq(users.active, true), eq(units.districtId, d.districtId)))
      .limit(1);
    if (!staff) {
      throw badRequest(
        "unknown_responsible",
        "Välj en medarbetare i distriktet / Choose a staff member of the district",
        field("body.responsibleId", "Finns inte i distriktet"),
      );
    }
    await tx.insert(deviationActions).values({
      deviationId: d.id,
      description: input.description,
      responsibleId: input.responsibleId,
      dueOn: input.dueOn,
      createdBy: actor.userId,
    });
    return {};
  });
}

export function recordIvoNotification(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof ivoNotificationBody>,
  now: Date,
) {
  return takeStep(database, actor, id, { step: "notify_ivo" }, async (_tx, d) => {
    requireDayWithin(input.notifiedOn, reportedDay(d), now, "body.notifiedOn", "rapporten");
    return { ivoNotifiedOn: input.notifiedOn, ivoReference: input.reference, ivoRecordedBy: actor.userId };
  });
}

export function followUpDeviation(database: Database, actor: Actor, id: string, input: z.infer<typeof followUpBody>, now: Date) {
  return takeStep(database, actor, id, { step: "follow_up" }, async (_tx, d) => {
    requireDayWithin(input.followedUpOn, d.investigatedOn ?? reportedDay(d), now, "body.followedUpOn", "utredningen");
    return {
      followedUpOn: input.followedUpOn,
      followUpText: input.text,
      followUpEffective: input.effective,
      followedUpBy: actor.userId,
    };
  });
}

export function closeDeviation(database: Database, actor: Actor, id: string, input: z.infer<typeof closeBody>, now: Date) {
  return takeStep(database, actor, id, { step: "close", noActionReason: input.noActionReason }, async () => ({
    closedAt: now,
    closedBy: actor.userId,
    closeNote: [input.noActionReason, input.note].filter(Boolean).join("\n\n") || null,
  }));
}

/** Staff of the districts the actor manages deviations in: whom an action can be given to. */
export async function deviationStaff({ db }: Database, actor: Actor) {
  const districtIds = districtsWithPermission(actor, "deviation:manage");
  if (districtIds.length === 0) return { items: [] };
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName, districtId: units.districtId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(and(eq(users.active, true), inArray(units.districtId, districtIds)))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(2_000);
  return { items: rows };
}
