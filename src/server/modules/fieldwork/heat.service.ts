import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { HeatReport } from "../../../contracts/fieldwork";
import { disclosureNote } from "../../../domain/disclosure/publish";
import { heatFigures } from "../../../domain/fieldwork/heat";
import type { Database } from "../../db/connection";
import { fieldAreas, fieldIncidents, fieldShifts } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { recordKeys } from "../../platform/record-keys";
import { heatScope } from "./access";
import { periodBounds } from "./period";

/**
 * Heat per fältarbete area of a period: shifts, contacts, tags and approved händelserapporter,
 * every figure published through the disclosure module (domain/fieldwork/heat.ts). Reads no free text.
 */
export async function heatReport(
  database: Database,
  actor: Actor,
  query: { from: string; to: string; districtId?: string },
): Promise<HeatReport> {
  const { db } = database;
  const { districtIds, granularity } = heatScope(actor, query);
  const { start, end } = periodBounds(query.from, query.to);
  const none = !districtIds.length;
  const [areas, shifts, incidents, keyOf] = await Promise.all([
    none
      ? []
      : db
          .select({ id: fieldAreas.id, districtId: fieldAreas.districtId, name: fieldAreas.name, polygon: fieldAreas.polygon })
          .from(fieldAreas)
          .where(inArray(fieldAreas.districtId, districtIds))
          .orderBy(fieldAreas.name, fieldAreas.id),
    none
      ? []
      : db
          .select({
            id: fieldShifts.id,
            areaIds: fieldShifts.areaIds,
            contacts: fieldShifts.contactsTotal,
            girls: fieldShifts.girls,
            boys: fieldShifts.boys,
            tags: fieldShifts.tags,
          })
          .from(fieldShifts)
          .where(
            and(inArray(fieldShifts.districtId, districtIds), gte(fieldShifts.startedAt, start), lt(fieldShifts.startedAt, end)),
          ),
    none
      ? []
      : db
          .select({ id: fieldIncidents.id, areaId: fieldIncidents.areaId })
          .from(fieldIncidents)
          .where(
            and(
              inArray(fieldIncidents.districtId, districtIds),
              eq(fieldIncidents.status, "approved"),
              gte(fieldIncidents.occurredAt, start),
              lt(fieldIncidents.occurredAt, end),
            ),
          ),
    recordKeys(database),
    audit(db, actor, {
      action: "stats.fieldwork_heat",
      permission: "fieldwork:read",
      recordType: "field_shift",
      details: { from: query.from, to: query.to, districts: districtIds },
    }),
  ]);
  const figures = heatFigures(
    areas.map((a) => a.id),
    shifts.map((s) => ({ ...s, key: keyOf(s.id) })),
    incidents.map((i) => ({ key: keyOf(i.id), areaId: i.areaId })),
  );
  const areaOf = new Map(areas.map((a) => [a.id, a]));
  return {
    from: query.from,
    to: query.to,
    districtIds,
    disclosure: disclosureNote(granularity, figures.protectedWhole),
    areas: figures.areas.map((f) => {
      const a = areaOf.get(f.areaId);
      return { ...f, name: a?.name ?? "", districtId: a?.districtId ?? "", polygon: a?.polygon ?? null };
    }),
    shifts: figures.shifts,
    incidents: figures.incidents,
  };
}
