import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { caseRecordColumns, createdColumns } from "./case-record";
import { decisions } from "./cases";
import { users } from "./organisation";

/**
 * A request for a yttrande under LUL (11 §, 28 §) and the yttrande written from the case: who asked,
 * the suspected offence as a category only, the days asked and due; the text sections, the proposed
 * measure and the parts of the case it draws on by reference; signed under delegation, then sent.
 */
export const lulYttranden = pgTable(
  "lul_yttranden",
  {
    ...caseRecordColumns(),
    requesterKind: text("requester_kind").notNull(),
    /** The requester's own reference (diarienummer, målnummer). */
    requesterReference: text("requester_reference").notNull(),
    offenceCategory: text("offence_category").notNull(),
    askedOn: date("asked_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    previousMeasures: text("previous_measures"),
    needAssessment: text("need_assessment"),
    plannedMeasures: text("planned_measures"),
    youngPersonsView: text("young_persons_view"),
    proposedMeasure: text("proposed_measure"),
    /** Parts of the case drawn on, by reference: investigations and signed assessments of this case. */
    investigationIds: uuid("investigation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    assessmentIds: uuid("assessment_ids").array().notNull().default(sql`'{}'::uuid[]`),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: uuid("signed_by").references(() => users.id),
    /** The decision (type lul_yttrande) the signing was recorded as. */
    decisionId: uuid("decision_id").references(() => decisions.id),
    sentOn: date("sent_on", { mode: "string" }),
    ...createdColumns(),
  },
  (t) => [
    index("lul_yttranden_case_idx").on(t.caseId),
    // The deadline overview reads the unsent ones of a district; the report reads by asked/due day.
    index("lul_yttranden_district_due_idx").on(t.districtId, t.dueOn),
    index("lul_yttranden_district_asked_idx").on(t.districtId, t.askedOn),
  ],
);

/**
 * One LVU matter of a young person: the grounds it concerns (2 §, 3 §) and, for 3 §, the behaviour.
 * Its steps are lvu_steps; `endedOn` mirrors the step that ended it so running processes are found
 * by index.
 */
export const lvuProcesses = pgTable(
  "lvu_processes",
  {
    ...caseRecordColumns(),
    grounds: text("grounds").array().notNull(),
    behaviours: text("behaviours").array().notNull().default(sql`'{}'::text[]`),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    endedOn: date("ended_on", { mode: "string" }),
  },
  (t) => [
    index("lvu_processes_case_idx").on(t.caseId),
    index("lvu_processes_district_idx").on(t.districtId, t.endedOn),
    // One running process per case at a time.
    uniqueIndex("lvu_processes_one_open_idx").on(t.caseId).where(sql`ended_on is null`),
  ],
);

/**
 * The steps of an LVU process, in the order recorded (seq 1, 2, …; unique, so two requests that
 * both read the same last step cannot both write the next). `data` is the step as the domain knows
 * it (src/domain/lvu/process.ts LvuStep, dates as ISO strings).
 */
export const lvuSteps = pgTable(
  "lvu_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processId: uuid("process_id")
      .notNull()
      .references(() => lvuProcesses.id),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    /** The Stockholm day the step happened (a decision: the day taken). */
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    data: jsonb("data").notNull(),
    decisionId: uuid("decision_id").references(() => decisions.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lvu_steps_process_seq_idx").on(t.processId, t.seq)],
);
