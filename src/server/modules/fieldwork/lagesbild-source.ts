import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection";
import { fieldAreas, fieldIncidents, fieldShifts } from "../../db/schema/index";
import { periodBounds } from "./period";

export interface FieldworkAreaCounts {
  areaId: string;
  shifts: number;
  contacts: number;
  girls: number;
  boys: number;
  tags: Record<string, number>;
  incidents: number;
}

export interface FieldworkSource {
  areas: { id: string; districtId: string; name: string; polygon: unknown }[];
  byArea: FieldworkAreaCounts[];
}

/** Shifts started and approved incidents that occurred in the period (period.ts: days are inclusive Stockholm days). */
const inPeriod = (column: typeof fieldShifts.startedAt | typeof fieldIncidents.occurredAt, from: string, to: string) => {
  const { start, end } = periodBounds(from, to);
  return and(gte(column, start), lt(column, end));
};

/**
 * Raw counts of fältarbete per area for the districts and the period from … to ('YYYY-MM-DD', both
 * days included, Stockholm time; or ISO instants, end excluded): shifts, contacts
 * (girls, boys apart), tags, and APPROVED incidents only. Unprotected: the caller publishes them
 * through domain/disclosure/publish.ts before anyone sees them. A shift covering several areas
 * counts in each of them (its contacts too: the log does not say where each contact was made).
 * No access check here: the caller passes the districts the actor may see.
 */
export async function fieldworkForLagesbild(
  db: Db | Tx,
  districtIds: string[],
  from: string,
  to: string,
): Promise<FieldworkSource> {
  if (!districtIds.length) return { areas: [], byArea: [] };
  const areas = await db
    .select({ id: fieldAreas.id, districtId: fieldAreas.districtId, name: fieldAreas.name, polygon: fieldAreas.polygon })
    .from(fieldAreas)
    .where(inArray(fieldAreas.districtId, districtIds))
    .orderBy(fieldAreas.name, fieldAreas.id);
  if (!areas.length) return { areas, byArea: [] };

  const area = sql<string>`unnest(${fieldShifts.areaIds})`;
  const shiftRows = await db
    .select({
      areaId: area.as("area_id"),
      shifts: sql<number>`count(*)::int`,
      contacts: sql<number>`coalesce(sum(${fieldShifts.contactsTotal}), 0)::int`,
      girls: sql<number>`coalesce(sum(${fieldShifts.girls}), 0)::int`,
      boys: sql<number>`coalesce(sum(${fieldShifts.boys}), 0)::int`,
    })
    .from(fieldShifts)
    .where(and(inArray(fieldShifts.districtId, districtIds), inPeriod(fieldShifts.startedAt, from, to)))
    .groupBy(sql`1`);
  const tagRows = await db
    .select({
      areaId: area.as("area_id"),
      tag: sql<string>`unnest(${fieldShifts.tags})`.as("tag"),
      n: sql<number>`count(*)::int`,
    })
    .from(fieldShifts)
    .where(and(inArray(fieldShifts.districtId, districtIds), inPeriod(fieldShifts.startedAt, from, to)))
    .groupBy(sql`1`, sql`2`);
  const incidentRows = await db
    .select({ areaId: fieldIncidents.areaId, n: sql<number>`count(*)::int` })
    .from(fieldIncidents)
    .where(
      and(
        inArray(fieldIncidents.districtId, districtIds),
        eq(fieldIncidents.status, "approved"),
        inPeriod(fieldIncidents.occurredAt, from, to),
      ),
    )
    .groupBy(fieldIncidents.areaId);

  const byId = new Map<string, FieldworkAreaCounts>(
    areas.map((a) => [a.id, { areaId: a.id, shifts: 0, contacts: 0, girls: 0, boys: 0, tags: {}, incidents: 0 }]),
  );
  for (const r of shiftRows) {
    const c = byId.get(r.areaId);
    if (!c) continue;
    c.shifts = Number(r.shifts);
    c.contacts = Number(r.contacts);
    c.girls = Number(r.girls);
    c.boys = Number(r.boys);
  }
  for (const r of tagRows) {
    const c = byId.get(r.areaId);
    if (c) c.tags[r.tag] = Number(r.n);
  }
  for (const r of incidentRows) {
    const c = byId.get(r.areaId);
    if (c) c.incidents = Number(r.n);
  }
  return { areas, byArea: [...byId.values()] };
}
