import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases, decisions } from "./cases";
import { districts, units, users } from "./organisation";
import { persons } from "./persons";

/** The municipality's insats catalogue; the starter entries are loaded at first start. */
export const insatsCatalogue = pgTable("insats_catalogue", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  kind: text("kind").notNull(),
  providerKind: text("provider_kind").notNull(),
  targetAgeMin: integer("target_age_min").notNull(),
  targetAgeMax: integer("target_age_max").notNull(),
  preventionLevel: text("prevention_level").notNull(),
  evidenceStatus: text("evidence_status").notNull(),
  legalForm: text("legal_form").notNull(),
  ksiCode: text("ksi_code"),
  typicalLengthMonths: integer("typical_length_months"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which catalogue entries each district offers. */
export const insatsAvailability = pgTable(
  "insats_availability",
  {
    catalogueId: uuid("catalogue_id")
      .notNull()
      .references(() => insatsCatalogue.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
  },
  (t) => [primaryKey({ columns: [t.catalogueId, t.districtId] })],
);

/**
 * One insats for one young person, given as an uppdrag to a provider unit: from the decision (or,
 * for a service without decision, its registration) through start, plan, follow-ups and end.
 */
export const insatser = pgTable(
  "insatser",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    catalogueId: uuid("catalogue_id")
      .notNull()
      .references(() => insatsCatalogue.id),
    /** The bistånd decision; null for a service without decision. */
    decisionId: uuid("decision_id").references(() => decisions.id),
    legalForm: text("legal_form").notNull(),
    /** Decision day (or registration day for a service): the verkställighet clocks run from it. */
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    providerUnitId: uuid("provider_unit_id")
      .notNull()
      .references(() => units.id),
    /** Why an insats Socialstyrelsen advises against was chosen anyway (required for those). */
    advisedAgainstReason: text("advised_against_reason"),
    /**
     * Why the insats is given although the young person's age at its start lies outside the
     * catalogue entry's target ages (domain/interventions/guards.ts).
     */
    ageOutsideReason: text("age_outside_reason"),
    startedOn: date("started_on", { mode: "string" }),
    /** Why the decision has not been carried out (for the IVO report). */
    notStartedReason: text("not_started_reason"),
    notStartedNote: text("not_started_note"),
    /** Placements: the day the vårdplan was established. */
    carePlanOn: date("care_plan_on", { mode: "string" }),
    endedOn: date("ended_on", { mode: "string" }),
    endReason: text("end_reason"),
    endOutcome: text("end_outcome"),
    /** Confirmed note when ended as "målen uppnådda" although the follow-ups show goals not reached. */
    endContradictionNote: text("end_contradiction_note"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("insatser_case_idx").on(t.caseId),
    index("insatser_provider_idx").on(t.providerUnitId, t.endedOn),
    index("insatser_district_idx").on(t.districtId, t.decidedOn),
    index("insatser_person_idx").on(t.personId),
  ],
);

/**
 * Genomförandeplan versions. Each revision is a new row; a signed version is never changed, and
 * the latest signed version is the plan in force.
 */
export const insatsPlans = pgTable(
  "insats_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    insatsId: uuid("insats_id")
      .notNull()
      .references(() => insatser.id),
    version: integer("version").notNull(),
    /** [{ id, text, measure, followUpOn }] — every goal measurable, with how and when it is followed up. */
    goals: jsonb("goals").notNull().default(sql`'[]'::jsonb`),
    /** [{ what, who }] */
    activities: jsonb("activities").notNull().default(sql`'[]'::jsonb`),
    youngPersonViews: text("young_person_views").notNull().default(""),
    guardianViews: text("guardian_views").notNull().default(""),
    plannedStart: date("planned_start", { mode: "string" }),
    followUpDates: date("follow_up_dates", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    signedBy: uuid("signed_by").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
  },
  (t) => [index("insats_plans_insats_idx").on(t.insatsId, t.version)],
);

/** A follow-up of the plan's goals: attainment per goal and what happens next. */
export const insatsFollowUps = pgTable(
  "insats_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    insatsId: uuid("insats_id")
      .notNull()
      .references(() => insatser.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => insatsPlans.id),
    /** The planned follow-up date this one answers (null when unscheduled). */
    dueOn: date("due_on", { mode: "string" }),
    doneOn: date("done_on", { mode: "string" }).notNull(),
    /** [{ goalId, attainment, comment }] */
    results: jsonb("results").notNull(),
    nextStep: text("next_step").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("insats_follow_ups_insats_idx").on(t.insatsId)],
);

/** Övervägande of a placement, due every 6 months. */
export const overvaganden = pgTable(
  "overvaganden",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    insatsId: uuid("insats_id")
      .notNull()
      .references(() => insatser.id),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    conclusion: text("conclusion").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("overvaganden_insats_idx").on(t.insatsId, t.decidedOn)],
);
