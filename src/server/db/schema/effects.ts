import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { assessments } from "./assessments";
import { insatsCatalogue, insatser } from "./interventions";
import { districts, users } from "./organisation";
import { persons } from "./persons";

/**
 * Scales a young person is rated on over an insats (ISU). A rating scale is typed in (e.g. "Hur
 * går det i skolan?" 1–10); an instrument scale takes the risk total of a signed assessment with
 * that instrument. The norms (reliability, reference SD, cut-off) drive the Reliable Change Index.
 */
export const isuScales = pgTable("isu_scales", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  /** The question as the young person reads it. */
  question: text("question").notNull().default(""),
  kind: text("kind").notNull(),
  /** Rating scales: the answer range (whole numbers). Instrument scales: the total's range. */
  min: integer("min").notNull(),
  max: integer("max").notNull(),
  minLabel: text("min_label").notNull().default(""),
  maxLabel: text("max_label").notNull().default(""),
  higherIsBetter: boolean("higher_is_better").notNull(),
  reliability: real("reliability"),
  referenceSd: real("reference_sd"),
  cutoff: real("cutoff"),
  /** Instrument scales: the instrument key whose signed assessments give the value. */
  instrumentKey: text("instrument_key"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which scales are collected for an insats type, at which points, and by whom. */
export const isuMeasurementPlans = pgTable(
  "isu_measurement_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    catalogueId: uuid("catalogue_id")
      .notNull()
      .references(() => insatsCatalogue.id),
    scaleId: uuid("scale_id")
      .notNull()
      .references(() => isuScales.id),
    points: text("points").array().notNull(),
    intervalMonths: integer("interval_months"),
    respondents: text("respondents").array().notNull(),
  },
  (t) => [uniqueIndex("isu_measurement_plans_entry_scale_idx").on(t.catalogueId, t.scaleId)],
);

/** The satisfaction survey's questions (answered 1–5 at the end of every insats). */
export const isuSurveyQuestions = pgTable("isu_survey_questions", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  textSv: text("text_sv").notNull(),
  textEn: text("text_en").notNull(),
  position: integer("position").notNull(),
  active: boolean("active").notNull().default(true),
});

/**
 * A one-time link for the young person or a guardian to answer without signing in. Only a hash of
 * the token is stored: the token itself is shown once, to the staff member who made the link.
 */
export const isuSelfReportLinks = pgTable(
  "isu_self_report_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    insatsId: uuid("insats_id")
      .notNull()
      .references(() => insatser.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    respondent: text("respondent").notNull(),
    point: text("point").notNull(),
    /** Scale ids the form asks for (those of the plan the respondent answers at the point). */
    scaleIds: uuid("scale_ids").array().notNull(),
    includeSurvey: boolean("include_survey").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("isu_self_report_links_insats_idx").on(t.insatsId)],
);

/** One rating of one young person on one scale at one point, by one respondent. */
export const isuMeasurements = pgTable(
  "isu_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    insatsId: uuid("insats_id")
      .notNull()
      .references(() => insatser.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    scaleId: uuid("scale_id")
      .notNull()
      .references(() => isuScales.id),
    point: text("point").notNull(),
    respondent: text("respondent").notNull(),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    value: real("value").notNull(),
    /** Instrument scales: the signed assessment the value was taken from. */
    assessmentId: uuid("assessment_id").references(() => assessments.id),
    /** Self-reports: the link it came through. Staff ratings: who recorded it. */
    linkId: uuid("link_id").references(() => isuSelfReportLinks.id),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("isu_measurements_insats_idx").on(t.insatsId),
    // One rating per insats, scale, respondent and point; interim points once per day.
    uniqueIndex("isu_measurements_once_idx").on(t.insatsId, t.scaleId, t.respondent, t.point).where(sql`point <> 'interim'`),
    uniqueIndex("isu_measurements_interim_idx")
      .on(t.insatsId, t.scaleId, t.respondent, t.measuredOn)
      .where(sql`point = 'interim'`),
  ],
);

/** The satisfaction survey as answered through a self-report link (one response per link). */
export const isuSurveyResponses = pgTable(
  "isu_survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    insatsId: uuid("insats_id")
      .notNull()
      .references(() => insatser.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    linkId: uuid("link_id")
      .notNull()
      .unique()
      .references(() => isuSelfReportLinks.id),
    respondent: text("respondent").notNull(),
    answeredOn: date("answered_on", { mode: "string" }).notNull(),
    /** { questionKey: 1–5 } */
    answers: jsonb("answers").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("isu_survey_responses_insats_idx").on(t.insatsId)],
);
