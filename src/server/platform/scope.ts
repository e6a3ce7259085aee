import { and, eq, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { cases, emergencyAccessGrants, insatser, investigations, personShares, persons, reports } from "../db/schema/index";
import { type Actor, actorUnitIds, personalDataDistricts } from "./actor";

/** True when the person in `personId` is shared with the actor or one of their units, validly. */
function sharedWithActor(actor: Actor, personId: AnyPgColumn): SQL {
  const units = actorUnitIds(actor);
  // An uncorrelated array, computed once per query: with the district list it lets PostgreSQL
  // combine two index scans (BitmapOr) instead of testing a subquery on every row of the table.
  const shared = sql`${personId} = any(array(select ${personShares.personId} from ${personShares} where ${and(
    isNull(personShares.revokedAt),
    or(isNull(personShares.validUntil), gt(personShares.validUntil, sql`now()`)),
    or(eq(personShares.userId, actor.userId), units.length ? inArray(personShares.unitId, units) : sql`false`),
  )}))`;
  return actor.emergencyGrants?.length ? (or(shared, underEmergencyGrant(actor, personId)) as SQL) : shared;
}

/**
 * Nödåtkomst: the persons of the actor's live grants. The actor carries grants only on requests that
 * read a person or case (platform/emergency-access.ts), so this never widens a write, a list or a
 * report; the database's clock decides whether each grant is still live.
 */
function underEmergencyGrant(actor: Actor, personId: AnyPgColumn): SQL {
  return sql`${personId} = any(array(select ${emergencyAccessGrants.personId} from ${emergencyAccessGrants} where ${and(
    eq(emergencyAccessGrants.userId, actor.userId),
    isNull(emergencyAccessGrants.endedAt),
    gt(emergencyAccessGrants.expiresAt, sql`now()`),
  )}))`;
}

function districtOrShared(actor: Actor, districtId: AnyPgColumn, personId: AnyPgColumn): SQL {
  const districts = personalDataDistricts(actor);
  const shared = sharedWithActor(actor, personId);
  return districts.length ? (or(inArray(districtId, districts), shared) as SQL) : shared;
}

/**
 * The one place that says which persons an actor may see: those of the districts where they
 * hold a case role, those shared with them or their unit (valid and not revoked), and, when reading
 * a person or case, those of their live nödåtkomst grants.
 * Every query for personal data adds this condition; nothing filters by hand.
 */
export function personScope(actor: Actor): SQL {
  return districtOrShared(actor, persons.districtId, persons.id);
}

/** Cases follow the same rule: their district is the actor's, or their person is shared. */
export function caseScope(actor: Actor): SQL {
  return districtOrShared(actor, cases.districtId, cases.personId);
}

/**
 * Reports and investigations carry their case's district and person, so the same rule can be put
 * on them directly: the overview then reads one district's rows by index instead of joining every
 * report in the municipality to the cases in scope. Used together with caseScope, never instead.
 */
export function reportScope(actor: Actor): SQL {
  return districtOrShared(actor, reports.districtId, reports.personId);
}

export function investigationScope(actor: Actor): SQL {
  return districtOrShared(actor, investigations.districtId, investigations.personId);
}

/** Units where the actor carries out uppdrag (holds the insatsutförare role). */
export function providerUnitIds(actor: Actor): string[] {
  return [...new Set(actor.assignments.filter((a) => a.role === "insatsutforare").map((a) => a.unitId))];
}

/**
 * Insatser follow their case, and besides: an insatsutförare sees the uppdrag given to a unit
 * where they hold that role, and nothing else of the case.
 */
export function insatsScope(actor: Actor): SQL {
  const own = districtOrShared(actor, insatser.districtId, insatser.personId);
  const units = providerUnitIds(actor);
  return units.length ? (or(own, inArray(insatser.providerUnitId, units)) as SQL) : own;
}
