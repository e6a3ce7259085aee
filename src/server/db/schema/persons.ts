import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts, units, users } from "./organisation";

export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** 12 digits, no separator. Never leaves the server in a URL, a log line or an error. */
    personnummer: text("personnummer").notNull().unique(),
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
  },
  (t) => [index("persons_district_idx").on(t.districtId), index("persons_name_idx").on(t.lastName, t.firstName)],
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
