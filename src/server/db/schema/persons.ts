import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { districts, units, users } from "./organisation";

export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** 12 digits, no separator. Never leaves the server in a URL, a log line or an error. */
    personnummer: text("personnummer").notNull(),
    isSamordningsnummer: boolean("is_samordningsnummer").notNull().default(false),
    kind: text("kind").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    gender: text("gender").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    protectedIdentity: boolean("protected_identity").notNull().default(false),
    address: text("address"),
    phone: text("phone"),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set on a registration whose personnummer belongs to a person with skyddade personuppgifter
     * in a district the registering user cannot see: the registration is kept as its own record in
     * the user's district (so the answer is the same as for an unknown person), and staff with
     * protected-identity access in the protected person's district see it and take the case over.
     */
    protectedMatchId: uuid("protected_match_id").references((): AnyPgColumn => persons.id),
  },
  (t) => [
    index("persons_district_idx").on(t.districtId),
    index("persons_name_idx").on(t.lastName, t.firstName),
    // One person per personnummer; a protected match is the one exception, once per district.
    uniqueIndex("persons_personnummer_unique").on(t.personnummer).where(sql`${t.protectedMatchId} is null`),
    uniqueIndex("persons_protected_match_unique").on(t.personnummer, t.districtId).where(sql`${t.protectedMatchId} is not null`),
  ],
);

/** A person's data shared on purpose with a user or a unit outside the owning district. */
export const personShares = pgTable(
  "person_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    userId: uuid("user_id").references(() => users.id),
    unitId: uuid("unit_id").references(() => units.id),
    reason: text("reason").notNull(),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("person_shares_person_idx").on(t.personId),
    index("person_shares_user_idx").on(t.userId),
    index("person_shares_unit_idx").on(t.unitId),
  ],
);
