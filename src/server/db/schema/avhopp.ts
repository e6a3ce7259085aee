import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { caseRecordColumns } from "./case-record";
import { users } from "./organisation";

/**
 * An avhopp process (avhopparverksamhet, ages 15–25) on a case, opened by the förfrågan: its day,
 * channel and where the young person was (custody). `custody`, `phase` and `endedOn` mirror the
 * steps (src/domain/avhopp/process.ts) so the district's list filters by index.
 */
export const avhoppProcesses = pgTable(
  "avhopp_processes",
  {
    ...caseRecordColumns(),
    contactOn: date("contact_on", { mode: "string" }).notNull(),
    channel: text("channel").notNull(),
    /** Custody at the förfrågan: ingen, anstalt, häkte. */
    openingCustody: text("opening_custody").notNull(),
    custody: text("custody").notNull(),
    phase: text("phase").notNull(),
    /** What the förfrågan says: who asked, what the young person wants to leave. */
    background: text("background").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    endedOn: date("ended_on", { mode: "string" }),
  },
  (t) => [
    index("avhopp_processes_case_idx").on(t.caseId),
    index("avhopp_processes_district_idx").on(t.districtId, t.endedOn, t.openedAt),
  ],
);

/** The steps of an avhopp process in order (seq unique: two concurrent writers cannot both add the next). */
export const avhoppSteps = pgTable(
  "avhopp_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processId: uuid("process_id")
      .notNull()
      .references(() => avhoppProcesses.id),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    /** The step as the domain knows it (AvhoppStep). */
    data: jsonb("data").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("avhopp_steps_process_seq_idx").on(t.processId, t.seq)],
);

/** A planned follow-up of an avhopp process; done by an uppföljning step (doneOn, doneSeq). */
export const avhoppFollowUps = pgTable(
  "avhopp_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processId: uuid("process_id")
      .notNull()
      .references(() => avhoppProcesses.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    purpose: text("purpose").notNull(),
    doneOn: date("done_on", { mode: "string" }),
    doneSeq: integer("done_seq"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("avhopp_follow_ups_process_idx").on(t.processId, t.dueOn)],
);
