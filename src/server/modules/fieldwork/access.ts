import { and, eq, inArray } from "drizzle-orm";
import { type PeriodGranularity, periodAllowed } from "../../../domain/disclosure/publish";
import { PERMISSIONS, type Permission } from "../../../domain/roles";
import type { Db, Tx } from "../../db/connection";
import { districts, fieldAreas, units, userRoles, users } from "../../db/schema/index";
import { type Actor, districtsWithPermission, personalDataDistricts } from "../../platform/actor";
import { badRequest, notFound } from "../../platform/errors";

/** Fältarbete is the district's: an actor sees the districts where a role grants the permission. */
export const fieldDistricts = (actor: Actor, permission: Permission) => districtsWithPermission(actor, permission);

/** The districts a list covers: all of the actor's, or the one asked for (400 when it is not theirs). */
export function chosenDistricts(actor: Actor, permission: Permission, districtId: string | undefined, path: string) {
  const allowed = fieldDistricts(actor, permission);
  if (districtId && !allowed.includes(districtId))
    throw badRequest("district_not_in_scope", "Välj ett av dina distrikt / Choose one of your districts", [
      { path, message: "Inte ditt distrikt / Not your district" },
    ]);
  return districtId ? [districtId] : allowed;
}

/** An area of the actor's districts (under the permission), else 404; locked when it is to be changed. */
export async function areaInScope(tx: Db | Tx, actor: Actor, id: string, permission: Permission, lock = false) {
  const allowed = fieldDistricts(actor, permission);
  if (!allowed.length) throw notFound();
  const query = tx
    .select()
    .from(fieldAreas)
    .where(and(eq(fieldAreas.id, id), inArray(fieldAreas.districtId, allowed)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** Staff of the districts who do fältarbete (hold fieldwork:log there): for the shift's staff list. */
export async function fieldStaff(tx: Db | Tx, districtIds: string[]) {
  if (!districtIds.length) return [];
  const rows = await tx
    .selectDistinct({ id: users.id, name: users.displayName, districtId: units.districtId })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(units.districtId, districtIds),
        inArray(userRoles.role, [...PERMISSIONS["fieldwork:log"]]),
        eq(users.active, true),
      ),
    )
    .orderBy(users.displayName, users.id);
  return rows;
}

export async function districtNames(tx: Db | Tx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await tx.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The districts and granularity of the heat report (fieldwork:read), as platform/report-scope.ts
 * decides them for stats:read: 400 for an inverted period, a district not the actor's, or a period
 * finer than calendar periods for a reader without a personal-data role in every district reported on.
 */
export function heatScope(actor: Actor, query: { from: string; to: string; districtId?: string }) {
  if (query.to < query.from)
    throw badRequest("invalid_period", "Slutdatum före startdatum / End before start", [
      { path: "querystring.to", message: "Före from" },
    ]);
  const districtIds = chosenDistricts(actor, "fieldwork:read", query.districtId, "querystring.districtId");
  const personal = personalDataDistricts(actor);
  const granularity: PeriodGranularity = districtIds.every((d) => personal.includes(d)) ? "day" : "calendar";
  if (!periodAllowed(query.from, query.to, granularity))
    throw badRequest(
      "period_too_fine",
      "Perioden ska vara en kalendermånad, ett kvartal, ett tertial, ett halvår eller ett kalenderår / The period must be a calendar month, quarter, tertial, half-year or year",
      [
        { path: "querystring.from", message: "Första dagen i perioden / The first day of the period" },
        { path: "querystring.to", message: "Sista dagen i perioden / The last day of the period" },
      ],
    );
  return { districtIds, granularity };
}
