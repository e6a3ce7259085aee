import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts, units, users } from "./organisation";
import { persons } from "./persons";

/**
 * Nödåtkomst: a user's time-limited, read-only access to one person outside their scope, with the
 * reason they gave (src/domain/emergency-access/rules.ts). Never deleted: the grant is the record
 * kvalitet reviews. The districts are those at the time of the grant (a person may move later):
 * reviewers of either district see it.
 */
export const emergencyAccessGrants = pgTable(
  "emergency_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** The unit the user acted in (their first person:read assignment) and its district. */
    unitId: uuid("unit_id").references(() => units.id),
    userDistrictId: uuid("user_district_id").references(() => districts.id),
    personDistrictId: uuid("person_district_id")
      .notNull()
      .references(() => districts.id),
    category: text("category").notNull(),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    reviewVerdict: text("review_verdict"),
    reviewNote: text("review_note"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    // The scope looks up a user's live grants on every request that may read under one.
    index("emergency_access_grants_user_idx").on(t.userId, t.expiresAt),
    index("emergency_access_grants_person_idx").on(t.personId),
    index("emergency_access_grants_unreviewed_idx").on(t.grantedAt).where(sql`${t.reviewedAt} is null`),
    check("emergency_access_grants_category", sql`${t.category} in ('akut_skyddsbehov', 'jourarende', 'annat')`),
    check("emergency_access_grants_reason", sql`char_length(btrim(${t.reason})) >= 20`),
    check("emergency_access_grants_period", sql`${t.expiresAt} > ${t.grantedAt}`),
    check("emergency_access_grants_verdict", sql`${t.reviewVerdict} is null or ${t.reviewVerdict} in ('godkand', 'ifragasatt')`),
    check(
      "emergency_access_grants_review_complete",
      sql`(${t.reviewVerdict} is null) = (${t.reviewedAt} is null) and (${t.reviewedAt} is null) = (${t.reviewedBy} is null)`,
    ),
    check(
      "emergency_access_grants_questioned_note",
      sql`${t.reviewVerdict} is distinct from 'ifragasatt' or char_length(btrim(coalesce(${t.reviewNote}, ''))) > 0`,
    ),
  ],
);
