import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { insatser } from "./interventions";
import { districts, units, users } from "./organisation";
import { persons } from "./persons";

/**
 * An avvikelse (deviation), lex Sarah included: the report, then what each step of the workflow
 * (domain/deviations/workflow.ts) recorded. `version` counts the steps taken; each step writes one
 * event with that number, and the unique index makes a second writer of the same step fail rather
 * than write twice.
 */
export const deviations = pgTable(
  "deviations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    state: text("state").notNull().default("reported"),
    version: integer("version").notNull().default(1),
    kind: text("kind").notNull(),
    /** Free text: may hold personal data, so never in statistics and shown only within the scope. */
    description: text("description").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
    reportedBy: uuid("reported_by")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id").references(() => cases.id),
    insatsId: uuid("insats_id").references(() => insatser.id),
    personId: uuid("person_id").references(() => persons.id),
    /** manual, late_deadline, file_review, log_review; `sourceRef` holds ids and dates only. */
    source: text("source").notNull().default("manual"),
    sourceRef: jsonb("source_ref"),
    severity: text("severity"),
    lexSarah: text("lex_sarah").notNull().default("none"),
    serious: boolean("serious").notNull().default(false),
    classifiedAt: timestamp("classified_at", { withTimezone: true }),
    classifiedBy: uuid("classified_by").references(() => users.id),
    rootCause: text("root_cause"),
    analysis: text("analysis"),
    investigatedOn: date("investigated_on", { mode: "string" }),
    investigatedBy: uuid("investigated_by").references(() => users.id),
    ivoNotifiedOn: date("ivo_notified_on", { mode: "string" }),
    ivoReference: text("ivo_reference"),
    ivoRecordedBy: uuid("ivo_recorded_by").references(() => users.id),
    followedUpOn: date("followed_up_on", { mode: "string" }),
    followUpText: text("follow_up_text"),
    followUpEffective: boolean("follow_up_effective"),
    followedUpBy: uuid("followed_up_by").references(() => users.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    closeNote: text("close_note"),
  },
  (t) => [
    index("deviations_district_reported_idx").on(t.districtId, t.reportedAt),
    index("deviations_reporter_idx").on(t.reportedBy, t.reportedAt),
  ],
);

/** What is done about a deviation ("avhjälpa eller undanröja"): who is responsible, by when. */
export const deviationActions = pgTable(
  "deviation_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviationId: uuid("deviation_id")
      .notNull()
      .references(() => deviations.id),
    description: text("description").notNull(),
    responsibleId: uuid("responsible_id")
      .notNull()
      .references(() => users.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deviation_actions_deviation_idx").on(t.deviationId)],
);

/** The history of a deviation: one row per step, numbered by the version it made. */
export const deviationEvents = pgTable(
  "deviation_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deviationId: uuid("deviation_id")
      .notNull()
      .references(() => deviations.id),
    seq: integer("seq").notNull(),
    step: text("step").notNull(),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    by: uuid("by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("deviation_events_seq_idx").on(t.deviationId, t.seq)],
);
