import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { caseRecordColumns, createdColumns } from "./case-record";
import { users } from "./organisation";

/**
 * A judgment to ungdomstjänst (BrB 32 kap. 2 §) the social services carry out: the court's hours
 * and day, the plan's programme part and its start and end days (the law sets none: see
 * src/domain/ungdomstjanst/ungdomstjanst.ts), the placement, and the day it was completed.
 */
export const ungdomstjanstJudgments = pgTable(
  "ungdomstjanst_judgments",
  {
    ...caseRecordColumns(),
    court: text("court").notNull(),
    /** The court's målnummer. */
    caseNumber: text("case_number").notNull(),
    judgmentOn: date("judgment_on", { mode: "string" }).notNull(),
    hours: integer("hours").notNull(),
    programmeHours: integer("programme_hours").notNull(),
    startBy: date("start_by", { mode: "string" }),
    completeBy: date("complete_by", { mode: "string" }),
    workplace: text("workplace"),
    supervisorName: text("supervisor_name"),
    placedOn: date("placed_on", { mode: "string" }),
    completedOn: date("completed_on", { mode: "string" }),
    /**
     * Ended without completion (src/domain/ungdomstjanst/ungdomstjanst.ts END_REASONS): the day, the
     * reason code and a note. Mirrors completedOn: a judgment is running while both are null.
     */
    endedOn: date("ended_on", { mode: "string" }),
    endReason: text("end_reason"),
    endNote: text("end_note"),
    ...createdColumns(),
  },
  (t) => [
    index("ungdomstjanst_judgments_case_idx").on(t.caseId),
    // The overview reads the running ones of a district; the report reads by judgment day.
    index("ungdomstjanst_judgments_district_idx").on(t.districtId, t.completedOn),
    index("ungdomstjanst_judgments_district_day_idx").on(t.districtId, t.judgmentOn),
  ],
);

/** One session of the schedule: planned, then attended, missed or excused. Minutes, so halves add up exactly. */
export const ungdomstjanstSessions = pgTable(
  "ungdomstjanst_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    judgmentId: uuid("judgment_id")
      .notNull()
      .references(() => ungdomstjanstJudgments.id),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    minutes: integer("minutes").notNull(),
    attendance: text("attendance").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ungdomstjanst_sessions_judgment_idx").on(t.judgmentId, t.occurredOn)],
);

/** A report to the prosecutor that the young person has misconducted the ungdomstjänst. */
export const ungdomstjanstMisconduct = pgTable(
  "ungdomstjanst_misconduct",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    judgmentId: uuid("judgment_id")
      .notNull()
      .references(() => ungdomstjanstJudgments.id),
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
    /** The prosecutor's reference. */
    prosecutorReference: text("prosecutor_reference").notNull(),
    note: text("note").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ungdomstjanst_misconduct_judgment_idx").on(t.judgmentId)],
);

/** A judgment to ungdomsövervakning (BrB 32 kap. 3 a §): Kriminalvården's sentence, the social services' part of its plan. */
export const ungdomsovervakningPlans = pgTable(
  "ungdomsovervakning_plans",
  {
    ...caseRecordColumns(),
    court: text("court").notNull(),
    judgmentOn: date("judgment_on", { mode: "string" }).notNull(),
    months: integer("months").notNull(),
    /** Kriminalvården's koordinator (name or function), the social services' counterpart. */
    koordinator: text("koordinator").notNull(),
    ...createdColumns(),
  },
  (t) => [
    index("ungdomsovervakning_plans_case_idx").on(t.caseId),
    index("ungdomsovervakning_plans_district_idx").on(t.districtId, t.judgmentOn),
  ],
);

/** One part of the social services' share of the plan: a contact, an insats or a meeting, with its follow-up. */
export const ungdomsovervakningItems = pgTable(
  "ungdomsovervakning_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => ungdomsovervakningPlans.id),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    followUpBy: date("follow_up_by", { mode: "string" }).notNull(),
    followedUpOn: date("followed_up_on", { mode: "string" }),
    outcome: text("outcome"),
    outcomeNote: text("outcome_note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ungdomsovervakning_items_plan_idx").on(t.planId, t.followedUpOn)],
);
