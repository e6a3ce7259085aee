import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, investigations, reports } from "./cases";
import { users } from "./organisation";
import { persons } from "./persons";

/**
 * Närstående (issue 18 point 3): a person related to a child — a vårdnadshavare, a sibling, a
 * contact person — both registered in Vägval, with the relation and whether they hold custody
 * (domain/guardians/rules.ts). A removed link stays as history; one live link per pair.
 */
export const personRelations = pgTable(
  "person_relations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    childId: uuid("child_id")
      .notNull()
      .references(() => persons.id),
    relatedPersonId: uuid("related_person_id")
      .notNull()
      .references(() => persons.id),
    relation: text("relation").notNull(),
    custody: boolean("custody").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedBy: uuid("removed_by").references(() => users.id),
  },
  (t) => [
    index("person_relations_child_idx").on(t.childId),
    index("person_relations_related_idx").on(t.relatedPersonId),
    uniqueIndex("person_relations_live_unique").on(t.childId, t.relatedPersonId).where(sql`${t.removedAt} is null`),
    check("person_relations_not_self", sql`${t.childId} <> ${t.relatedPersonId}`),
    check(
      "person_relations_relation",
      sql`${t.relation} in ('forelder', 'sarskilt_forordnad_vardnadshavare', 'familjehemsforalder', 'syskon', 'kontaktperson', 'annan')`,
    ),
  ],
);

/** A custodial guardian told that an investigation was opened: when, how, and their position. */
export const guardianNotices = pgTable(
  "guardian_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    investigationId: uuid("investigation_id")
      .notNull()
      .references(() => investigations.id),
    guardianId: uuid("guardian_id")
      .notNull()
      .references(() => persons.id),
    relationId: uuid("relation_id")
      .notNull()
      .references(() => personRelations.id),
    informedOn: date("informed_on", { mode: "string" }).notNull(),
    method: text("method").notNull(),
    position: text("position"),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("guardian_notices_once").on(t.investigationId, t.guardianId),
    check("guardian_notices_method", sql`${t.method} in ('brev', 'mote', 'telefon', 'digitalt')`),
  ],
);

/**
 * Barnets syn: what the child said, or why the child was not heard (a code and a note), at the
 * förhandsbedömning (on the report), in the investigation or at a follow-up.
 */
export const childViews = pgTable(
  "child_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    stage: text("stage").notNull(),
    reportId: uuid("report_id").references(() => reports.id),
    investigationId: uuid("investigation_id").references(() => investigations.id),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    view: text("view"),
    notHeardReason: text("not_heard_reason"),
    notHeardNote: text("not_heard_note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("child_views_case_idx").on(t.caseId, t.recordedOn),
    index("child_views_investigation_idx").on(t.investigationId),
    check("child_views_stage", sql`${t.stage} in ('forhandsbedomning', 'utredning', 'uppfoljning')`),
    check("child_views_view_or_reason", sql`(${t.view} is null) <> (${t.notHeardReason} is null)`),
  ],
);
