import { and, desc, eq, inArray } from "drizzle-orm";
import type { CreateIncidentInput, Incident, ResubmitIncidentInput } from "../../../contracts/fieldwork";
import {
  reviewIncident as decide,
  resubmitIncident as mayResubmit,
  type ReviewDecision,
} from "../../../domain/fieldwork/incident-review";
import type { IncidentCategory, IncidentStatus } from "../../../domain/fieldwork/vocabulary";
import type { Database, Db, Tx } from "../../db/connection";
import { fieldAreas, fieldIncidents, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { chosenDistricts, fieldDistricts } from "./access";
import { refusePersonalData } from "./shifts.service";

/** The list shows at most this many, newest first (submitted first when filtered by status). */
const INCIDENTS_SHOWN = 200;

type Row = typeof fieldIncidents.$inferSelect;

async function present(tx: Db | Tx, actor: Actor, rows: Row[]): Promise<Incident[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.reportedBy, ...(r.reviewedBy ? [r.reviewedBy] : [])]))];
  const areaIds = [...new Set(rows.map((r) => r.areaId))];
  const names = new Map(
    userIds.length
      ? (await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  const areaNames = new Map(
    areaIds.length
      ? (
          await tx.select({ id: fieldAreas.id, name: fieldAreas.name }).from(fieldAreas).where(inArray(fieldAreas.id, areaIds))
        ).map((a) => [a.id, a.name])
      : [],
  );
  const managed = fieldDistricts(actor, "fieldwork:manage");
  return rows.map((r) => ({
    id: r.id,
    districtId: r.districtId,
    area: { id: r.areaId, name: areaNames.get(r.areaId) ?? "" },
    occurredAt: r.occurredAt.toISOString(),
    category: r.category as IncidentCategory,
    description: r.description,
    status: r.status as IncidentStatus,
    reportedBy: { id: r.reportedBy, name: names.get(r.reportedBy) ?? "" },
    reportedAt: r.reportedAt.toISOString(),
    reviewedBy: r.reviewedBy ? { id: r.reviewedBy, name: names.get(r.reviewedBy) ?? "" } : null,
    reviewedAt: r.reviewedAt ? r.reviewedAt.toISOString() : null,
    reviewComment: r.reviewComment,
    canReview: r.status === "submitted" && r.reportedBy !== actor.userId && managed.includes(r.districtId),
  }));
}

/** What a report's text and time may not be, checked before anything is read: no personnummer, no future. */
function refuseBadReport(input: CreateIncidentInput, now: Date) {
  refusePersonalData({ "body.description": input.description });
  // A few minutes of slack: the browser's clock may run ahead of the server's.
  if (Date.parse(input.occurredAt) > now.getTime() + 5 * 60_000)
    throw badRequest("occurred_in_future", "Händelsen kan inte ligga i framtiden / The incident cannot lie in the future", [
      { path: "body.occurredAt", message: "I framtiden / In the future" },
    ]);
}

/** An active area of one of the districts, else 400 on body.areaId (the area is a reference in the body). */
async function activeAreaIn(tx: Tx, areaId: string, districtIds: string[]) {
  const [area] = districtIds.length
    ? await tx
        .select({ id: fieldAreas.id, districtId: fieldAreas.districtId })
        .from(fieldAreas)
        .where(and(eq(fieldAreas.id, areaId), inArray(fieldAreas.districtId, districtIds), eq(fieldAreas.active, true)))
    : [];
  if (!area)
    throw badRequest("area_not_in_scope", "Välj ett område i ditt distrikt / Choose an area of your district", [
      { path: "body.areaId", message: "Okänt område / Unknown area" },
    ]);
  return area;
}

/** A händelserapport about an area of the actor's districts; it counts nowhere until approved. */
export async function createIncident({ db }: Database, actor: Actor, input: CreateIncidentInput, now: Date) {
  refuseBadReport(input, now);
  const allowed = fieldDistricts(actor, "fieldwork:log");
  return db.transaction(async (tx) => {
    const area = await activeAreaIn(tx, input.areaId, allowed);
    const [row] = await tx
      .insert(fieldIncidents)
      .values({
        districtId: area.districtId,
        areaId: area.id,
        occurredAt: new Date(input.occurredAt),
        category: input.category,
        description: input.description,
        reportedBy: actor.userId,
        reportedAt: now,
      })
      .returning({ id: fieldIncidents.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "fieldwork.incident.create",
      permission: "fieldwork:log",
      recordType: "field_incident",
      recordId: row.id,
    });
    return row;
  });
}

export async function listIncidents(
  { db }: Database,
  actor: Actor,
  query: { status?: IncidentStatus; districtId?: string },
): Promise<{ items: Incident[]; truncated: boolean }> {
  const ids = chosenDistricts(actor, "fieldwork:log", query.districtId, "querystring.districtId");
  if (!ids.length) return { items: [], truncated: false };
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(fieldIncidents)
      .where(and(inArray(fieldIncidents.districtId, ids), query.status ? eq(fieldIncidents.status, query.status) : undefined))
      .orderBy(desc(fieldIncidents.reportedAt), desc(fieldIncidents.id))
      .limit(INCIDENTS_SHOWN + 1);
    const items = await present(tx, actor, rows.slice(0, INCIDENTS_SHOWN));
    await audit(tx, actor, {
      action: "fieldwork.incident.list",
      permission: "fieldwork:log",
      recordType: "field_incident",
      details: { districts: ids, status: query.status ?? null, count: items.length },
    });
    return { items, truncated: rows.length > INCIDENTS_SHOWN };
  });
}

export async function getIncident({ db }: Database, actor: Actor, id: string): Promise<Incident> {
  const allowed = fieldDistricts(actor, "fieldwork:log");
  if (!allowed.length) throw notFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(fieldIncidents)
      .where(and(eq(fieldIncidents.id, id), inArray(fieldIncidents.districtId, allowed)));
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: "fieldwork.incident.read",
      permission: "fieldwork:log",
      recordType: "field_incident",
      recordId: id,
    });
    const [shown] = await present(tx, actor, [row]);
    if (!shown) throw notFound();
    return shown;
  });
}

/**
 * A manager of the district approves or returns a submitted report. The row is locked: of two
 * reviews at once, the second sees the first's outcome and gets 409 already_reviewed.
 */
export async function reviewIncident(
  { db }: Database,
  actor: Actor,
  id: string,
  input: { decision: ReviewDecision; comment?: string },
  now: Date,
) {
  const allowed = fieldDistricts(actor, "fieldwork:manage");
  if (!allowed.length) throw notFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(fieldIncidents)
      .where(and(eq(fieldIncidents.id, id), inArray(fieldIncidents.districtId, allowed)))
      .for("update");
    if (!row) throw notFound();
    const comment = input.comment ?? "";
    refusePersonalData({ "body.comment": comment });
    const outcome = decide(
      { status: row.status as IncidentStatus, reportedBy: row.reportedBy },
      actor.userId,
      input.decision,
      comment,
    );
    if (!outcome.ok) {
      if (outcome.code === "comment_required")
        throw badRequest(outcome.code, outcome.message, [{ path: "body.comment", message: outcome.message }]);
      throw conflict(outcome.code, outcome.message);
    }
    await tx
      .update(fieldIncidents)
      .set({ status: outcome.status, reviewedBy: actor.userId, reviewedAt: now, reviewComment: comment })
      .where(eq(fieldIncidents.id, id));
    await audit(tx, actor, {
      action: `fieldwork.incident.${input.decision}`,
      permission: "fieldwork:manage",
      recordType: "field_incident",
      recordId: id,
    });
    return { ok: true as const, status: outcome.status };
  });
}

/**
 * The reporter corrects a returned report and sends it in again: the report's fields are replaced,
 * it is submitted anew and counts nowhere until a manager approves it. The last review (who returned
 * it, when and why) stays on the row, so the next reviewer sees what was asked for; the next review
 * overwrites it, and the audit log keeps every step. The row is locked: of two resubmits at once,
 * the second sees a submitted report and gets 409 not_returned.
 */
export async function resubmitIncident({ db }: Database, actor: Actor, id: string, input: ResubmitIncidentInput, now: Date) {
  refuseBadReport(input, now);
  const allowed = fieldDistricts(actor, "fieldwork:log");
  if (!allowed.length) throw notFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(fieldIncidents)
      .where(and(eq(fieldIncidents.id, id), inArray(fieldIncidents.districtId, allowed)))
      .for("update");
    if (!row) throw notFound();
    const outcome = mayResubmit({ status: row.status as IncidentStatus, reportedBy: row.reportedBy }, actor.userId);
    if (!outcome.ok) throw conflict(outcome.code, outcome.message);
    // The report stays in its district: the reviewers who returned it are the ones to see it again.
    const area = await activeAreaIn(tx, input.areaId, [row.districtId]);
    await tx
      .update(fieldIncidents)
      .set({
        areaId: area.id,
        occurredAt: new Date(input.occurredAt),
        category: input.category,
        description: input.description,
        status: outcome.status,
      })
      .where(eq(fieldIncidents.id, id));
    await audit(tx, actor, {
      action: "fieldwork.incident.resubmit",
      permission: "fieldwork:log",
      recordType: "field_incident",
      recordId: id,
    });
    return { ok: true as const, status: outcome.status };
  });
}
