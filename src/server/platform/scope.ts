import { and, eq, exists, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { personShares, persons } from "../db/schema/index";
import { type Actor, actorUnitIds, personalDataDistricts } from "./actor";

/**
 * The one place that says which persons an actor may see: those of the districts where they
 * hold a case role, and those shared with them or their unit (valid and not revoked).
 * Every query for personal data adds this condition; nothing filters by hand.
 */
export function personScope(actor: Actor): SQL {
  const districts = personalDataDistricts(actor);
  const units = actorUnitIds(actor);
  const shared = exists(
    sql`(select 1 from ${personShares} where ${and(
      eq(personShares.personId, persons.id),
      isNull(personShares.revokedAt),
      or(isNull(personShares.validUntil), gt(personShares.validUntil, sql`now()`)),
      or(eq(personShares.userId, actor.userId), units.length ? inArray(personShares.unitId, units) : sql`false`),
    )})`,
  );
  return districts.length ? (or(inArray(persons.districtId, districts), shared) as SQL) : shared;
}
