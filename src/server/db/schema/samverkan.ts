import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { districts, users } from "./organisation";
import { persons } from "./persons";

/**
 * A collaboration forum of a district (SSPF, SIG, avhopparverksamhet …): which agencies sit in it
 * and for which ages. External members (school, police, fritid, health) have no account: they are
 * named on each meeting's participant list.
 */
export const forums = pgTable(
  "forums",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    type: text("type").notNull(),
    ageMin: integer("age_min").notNull(),
    ageMax: integer("age_max").notNull(),
    agencies: text("agencies").array().notNull(),
    cadence: text("cadence").notNull().default(""),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forums_district_idx").on(t.districtId), check("forums_age_range", sql`${t.ageMin} <= ${t.ageMax}`)],
);

/** A meeting of a forum: who was there (staff by id, external members by name) and the minutes. */
export const forumMeetings = pgTable(
  "forum_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    forumId: uuid("forum_id")
      .notNull()
      .references(() => forums.id),
    meetingOn: date("meeting_on", { mode: "string" }).notNull(),
    place: text("place").notNull().default(""),
    staffParticipantIds: uuid("staff_participant_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** [{ name, agency, role }]: members without an account. Names of staff of other agencies, not of the young. */
    externalParticipants: jsonb("external_participants").notNull().default(sql`'[]'::jsonb`),
    /** Free text: may hold personal data of the persons on the agenda, shown only within the scope. */
    minutes: text("minutes"),
    minutesBy: uuid("minutes_by").references(() => users.id),
    minutesAt: timestamp("minutes_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forum_meetings_forum_idx").on(t.forumId, t.meetingOn)],
);

/**
 * A samtycke: who gave it, what it covers (agencies, information, forums), from when to when, how
 * it was given, and its revocation. Never deleted: a revoked consent stays as the record of what
 * was allowed when (domain/consent/rules.ts).
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    givenBy: text("given_by").array().notNull(),
    guardianship: text("guardianship"),
    method: text("method").notNull(),
    agencies: text("agencies").array().notNull(),
    categories: text("categories").array().notNull(),
    forumIds: uuid("forum_ids").array().notNull(),
    forumTypes: text("forum_types").array().notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    revokedOn: date("revoked_on", { mode: "string" }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revocationNote: text("revocation_note"),
  },
  (t) => [
    index("consents_person_idx").on(t.personId),
    index("consents_valid_until_idx").on(t.validUntil),
    check("consents_period", sql`${t.validUntil} >= ${t.validFrom}`),
  ],
);

/** A person on a meeting's agenda, under the consent that covered it when added. Once per meeting. */
export const forumAgendaItems = pgTable(
  "forum_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => forumMeetings.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id),
    note: text("note").notNull().default(""),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("forum_agenda_items_meeting_person_idx").on(t.meetingId, t.personId),
    index("forum_agenda_items_person_idx").on(t.personId),
  ],
);

/** Information about a person shared with an agency: what, to whom, when, under which consent. */
export const consentDisclosures = pgTable(
  "consent_disclosures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    consentId: uuid("consent_id")
      .notNull()
      .references(() => consents.id),
    agency: text("agency").notNull(),
    categories: text("categories").array().notNull(),
    sharedOn: date("shared_on", { mode: "string" }).notNull(),
    recipient: text("recipient").notNull().default(""),
    description: text("description").notNull(),
    meetingId: uuid("meeting_id").references(() => forumMeetings.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_disclosures_person_idx").on(t.personId, t.sharedOn)],
);
