import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts, users } from "./organisation";
import { persons } from "./persons";
import { forumMeetings, forums } from "./samverkan";

/**
 * A gemensam åtgärdsplan (joint action plan, issue 21 point 3): one young person's goals and the
 * tasks each agency takes on, prepared in the SIG beredningsgrupp and carried out by the operativ
 * grupp (domain/samverkan-plan/rules.ts). Created only under a samtycke covering every agency it is
 * shared with; never deleted: a closed plan stays as the record of what was agreed.
 */
export const actionPlans = pgTable(
  "action_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    forumId: uuid("forum_id").references(() => forums.id),
    title: text("title").notNull(),
    goals: text("goals").array().notNull(),
    /** The agencies outside socialtjänsten the plan is shared with (each covered by the consent). */
    agencies: text("agencies").array().notNull(),
    /** The categories of information shared with them (consent vocabulary). */
    categories: text("categories").array().notNull(),
    stage: text("stage").notNull().default("beredning"),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("action_plans_person_idx").on(t.personId),
    index("action_plans_district_stage_idx").on(t.districtId, t.stage),
    check("action_plans_stage", sql`${t.stage} in ('beredning', 'operativ', 'avslutad')`),
  ],
);

/** A task of the plan, for one agency: who is responsible (a user, or a named person of another agency), by when, its status. */
export const actionPlanTasks = pgTable(
  "action_plan_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlans.id),
    agency: text("agency").notNull(),
    description: text("description").notNull(),
    responsibleName: text("responsible_name").notNull().default(""),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").notNull().default("planerad"),
    position: integer("position").notNull().default(0),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("action_plan_tasks_plan_idx").on(t.planId),
    index("action_plan_tasks_due_idx").on(t.dueOn),
    check("action_plan_tasks_status", sql`${t.status} in ('planerad', 'pagaende', 'klar', 'installd')`),
  ],
);

/** A follow-up of the plan, at a forum meeting where there was one: a note and each task's status then. */
export const actionPlanFollowUps = pgTable(
  "action_plan_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlans.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    meetingId: uuid("meeting_id").references(() => forumMeetings.id),
    note: text("note").notNull(),
    /** [{ taskId, status }] as set at the follow-up. */
    taskStatuses: jsonb("task_statuses").notNull().default(sql`'[]'::jsonb`),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_plan_follow_ups_plan_idx").on(t.planId, t.heldOn)],
);

/** Each move of the plan's stage: from, to, when, by whom. */
export const actionPlanStageChanges = pgTable(
  "action_plan_stage_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => actionPlans.id),
    fromStage: text("from_stage").notNull(),
    toStage: text("to_stage").notNull(),
    note: text("note").notNull().default(""),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_plan_stage_changes_plan_idx").on(t.planId)],
);
