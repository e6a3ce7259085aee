import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection";
import { units, userRoles, users } from "../../db/schema/index";
import { badRequest, conflict } from "../../platform/errors";

/** Helpers the governance services (styrdokument, loggkontroll, internkontrollplan) share. */

export const field = (path: string, message: string) => [{ path, message }];

/** An edit made on a copy someone else has changed since: reload and try again. */
export const staleRevision = () =>
  conflict(
    "stale_revision",
    "Någon annan har ändrat detta under tiden: läs in sidan igen / Changed by someone else meanwhile: reload",
    field("body.revision", "Inaktuell version / Stale revision"),
  );

/** Whether the user is active and holds a role in a unit of one of the districts. */
export async function isStaffOf(tx: Db | Tx, userId: string, districtIds: readonly string[]): Promise<boolean> {
  if (districtIds.length === 0) return false;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(units.districtId, [...districtIds])))
    .limit(1);
  return Boolean(row);
}

/** 400 naming the field when a user picked as owner or responsible is not staff of the district(s). */
export async function requireStaff(tx: Db | Tx, userId: string, districtIds: readonly string[], path: string): Promise<void> {
  if (!(await isStaffOf(tx, userId, districtIds))) {
    throw badRequest(
      "user_not_in_district",
      "Personen arbetar inte i distriktet / The user does not work in the district",
      field(path, "Välj någon som arbetar i distriktet / Choose someone in the district"),
    );
  }
}

/** 400 for districts the actor may not act in (ids come from the body, so this is bad input, not 404). */
export function requireDistricts(allowed: readonly string[], asked: readonly string[], path: string): void {
  if (asked.some((d) => !allowed.includes(d))) {
    throw badRequest(
      "district_not_in_scope",
      "Inte ditt distrikt / Not your district",
      field(path, "Välj bland dina distrikt / Choose among your districts"),
    );
  }
}

/** Active staff of the districts, for owner and responsible pickers: names and districts, no roles. */
export async function staffOfDistricts(db: Db | Tx, districtIds: readonly string[]) {
  if (districtIds.length === 0) return { items: [] };
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName, districtId: units.districtId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(and(eq(users.active, true), inArray(units.districtId, [...districtIds])))
    .orderBy(users.displayName, users.id)
    .limit(2000);
  return { items: rows };
}
