import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, investigations } from "./cases";
import { districts, users } from "./organisation";
import { persons } from "./persons";

/**
 * Imported instrument definitions. One row per (key, version) and never changed once stored:
 * recorded assessments point at the exact definition they were scored with. A new edition is a
 * new version; retiring hides it from new assessments without touching the old ones.
 */
export const instruments = pgTable(
  "instruments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    version: text("version").notNull(),
    name: text("name").notNull(),
    licence: text("licence").notNull(),
    /** The whole definition as imported (vagval.instrument/1). */
    definition: jsonb("definition").notNull(),
    importedBy: uuid("imported_by").references(() => users.id),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("instruments_key_version_idx").on(t.key, t.version)],
);

/** Who is trained in which instrument (key and version), since when, until when. */
export const instrumentTrainings = pgTable(
  "instrument_trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    instrumentKey: text("instrument_key").notNull(),
    instrumentVersion: text("instrument_version").notNull(),
    trainedOn: date("trained_on", { mode: "string" }).notNull(),
    /** Trainer or organisation that gave the training. */
    trainedBy: text("trained_by").notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    registeredBy: uuid("registered_by").references(() => users.id),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("instrument_trainings_user_idx").on(t.userId, t.instrumentKey)],
);

/**
 * A structured assessment recorded on a case (normally on its investigation). Drafts may be saved
 * by anyone who works the case; signing requires a valid training in the instrument. The computed
 * score is stored as signed, so later changes to scoring code never rewrite history.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    investigationId: uuid("investigation_id").references(() => investigations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => instruments.id),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    answers: jsonb("answers").notNull().default(sql`'{}'::jsonb`),
    /** GAS only: the goals of this assessment, [{ id, label }]. */
    goals: jsonb("goals").notNull().default(sql`'[]'::jsonb`),
    score: jsonb("score").notNull(),
    computedBand: text("computed_band"),
    judgement: text("judgement"),
    judgementReason: text("judgement_reason"),
    /** Why an instrument outside the person's age range was used anyway. */
    ageOverrideReason: text("age_override_reason"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    signedBy: uuid("signed_by").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
  },
  (t) => [
    index("assessments_case_idx").on(t.caseId),
    index("assessments_investigation_idx").on(t.investigationId),
    index("assessments_district_idx").on(t.districtId, t.signedAt),
  ],
);
