import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts, users } from "./organisation";

/**
 * An area of a district where field workers go (a square, a centre, a school yard): its boundary as
 * a GeoJSON Polygon (lon/lat, WGS 84), checked by domain/fieldwork/polygon.ts before it is stored.
 */
export const fieldAreas = pgTable(
  "field_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    /** GeoJSON Polygon geometry: { type: "Polygon", coordinates: [[[lon, lat], …]] }. */
    polygon: jsonb("polygon").notNull(),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("field_areas_district_idx").on(t.districtId)],
);

/**
 * One fältarbete shift: where, when, who, and anonymous contact counts. No personal data: the free
 * texts are refused when they hold a personnummer (domain/fieldwork/personal-data.ts).
 */
export const fieldShifts = pgTable(
  "field_shifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    areaIds: uuid("area_ids").array().notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull(),
    staffIds: uuid("staff_ids").array().notNull(),
    /** [{ ageBand, gender, count }]: counts only, never who. */
    contacts: jsonb("contacts").notNull().default(sql`'[]'::jsonb`),
    contactsTotal: integer("contacts_total").notNull().default(0),
    girls: integer("girls").notNull().default(0),
    boys: integer("boys").notNull().default(0),
    places: text("places").array().notNull().default(sql`'{}'::text[]`),
    observations: text("observations").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    followUpWanted: boolean("follow_up_wanted").notNull().default(false),
    followUpNote: text("follow_up_note").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("field_shifts_district_started_idx").on(t.districtId, t.startedAt),
    check("field_shifts_period", sql`${t.startedAt} < ${t.endedAt}`),
  ],
);

/**
 * A händelserapport from field or leisure staff. It counts in no aggregate until a manager has
 * approved it (status "approved"); "returned" sends it back with a comment.
 */
export const fieldIncidents = pgTable(
  "field_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    areaId: uuid("area_id")
      .notNull()
      .references(() => fieldAreas.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    category: text("category").notNull(),
    description: text("description").notNull(),
    status: text("status").notNull().default("submitted"),
    reportedBy: uuid("reported_by")
      .notNull()
      .references(() => users.id),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewComment: text("review_comment").notNull().default(""),
  },
  (t) => [
    index("field_incidents_district_idx").on(t.districtId, t.status, t.occurredAt),
    check("field_incidents_status", sql`${t.status} in ('submitted', 'returned', 'approved')`),
  ],
);
