import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { areaList, CreateAreaInput, UpdateAreaInput } from "../../../contracts/fieldwork";
import { type Polygon, type PolygonProblem, validatePolygon } from "../../../domain/fieldwork/polygon";
import type { Database } from "../../db/connection";
import { districts, fieldAreas } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import { areaInScope, chosenDistricts, fieldDistricts } from "./access";

/** Areas of a district are few (tens); the cap keeps the list bounded anyway. */
const AREAS_SHOWN = 500;

/** The error codes of the faults a drawing page can point at; the rest are invalid_polygon. */
const NAMED_FAULTS: Partial<Record<PolygonProblem["code"], string>> = {
  not_closed: "polygon_not_closed",
  self_intersecting: "polygon_self_intersecting",
};

/** The polygon as stored, or 400 naming the fault (not_closed, self_intersecting, …). */
export function checkedPolygon(value: unknown, path: string): Polygon {
  const result = validatePolygon(value, path);
  if (result.ok) return result.polygon;
  const first = result.problems[0];
  throw badRequest(
    (first && NAMED_FAULTS[first.code]) ?? "invalid_polygon",
    first?.message ?? "Ogiltig polygon / Invalid polygon",
    result.problems.map((p) => ({ path: p.path, message: p.message })),
  );
}

/** The fältarbete areas of the actor's districts (configuration, no personal data: not audited). */
export async function listAreas({ db }: Database, actor: Actor, districtId?: string): Promise<z.infer<typeof areaList>> {
  const ids = chosenDistricts(actor, "fieldwork:read", districtId, "querystring.districtId");
  if (!ids.length) return { items: [] };
  const rows = await db
    .select({ area: fieldAreas, districtName: districts.name })
    .from(fieldAreas)
    .innerJoin(districts, eq(districts.id, fieldAreas.districtId))
    .where(inArray(fieldAreas.districtId, ids))
    .orderBy(desc(fieldAreas.active), asc(fieldAreas.name), asc(fieldAreas.id))
    .limit(AREAS_SHOWN);
  return {
    items: rows.map(({ area: a, districtName }) => ({
      id: a.id,
      districtId: a.districtId,
      districtName,
      name: a.name,
      polygon: a.polygon as Polygon,
      active: a.active,
    })),
  };
}

export async function createArea({ db }: Database, actor: Actor, input: CreateAreaInput) {
  if (!fieldDistricts(actor, "fieldwork:manage").includes(input.districtId))
    throw badRequest("district_not_in_scope", "Välj ett av dina distrikt / Choose one of your districts", [
      { path: "body.districtId", message: "Inte ditt distrikt / Not your district" },
    ]);
  const polygon = checkedPolygon(input.polygon, "body.polygon");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fieldAreas)
      .values({ districtId: input.districtId, name: input.name, polygon, createdBy: actor.userId })
      .returning({ id: fieldAreas.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "fieldwork.area.create",
      permission: "fieldwork:manage",
      recordType: "field_area",
      recordId: row.id,
    });
    return row;
  });
}

export async function updateArea({ db }: Database, actor: Actor, id: string, input: UpdateAreaInput) {
  const polygon = input.polygon === undefined ? undefined : checkedPolygon(input.polygon, "body.polygon");
  return db.transaction(async (tx) => {
    await areaInScope(tx, actor, id, "fieldwork:manage", true);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(polygon ? { polygon } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    if (Object.keys(changes).length)
      await tx
        .update(fieldAreas)
        .set(changes)
        .where(and(eq(fieldAreas.id, id)));
    await audit(tx, actor, {
      action: "fieldwork.area.update",
      permission: "fieldwork:manage",
      recordType: "field_area",
      recordId: id,
      details: { fields: Object.keys(changes) },
    });
    return { ok: true as const };
  });
}
