import { sql } from "drizzle-orm";
import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { districts, units, users } from "./organisation";
import { persons } from "./persons";

/** An ärende: one young person's file in one district, from the first report to closing. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    unitId: uuid("unit_id").references(() => units.id),
    assignedTo: uuid("assigned_to").references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closeReason: text("close_reason"),
    closeOutcome: text("close_outcome"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    index("cases_person_idx").on(t.personId),
    index("cases_district_open_idx").on(t.districtId, t.closedAt),
    index("cases_assigned_idx").on(t.assignedTo),
    // At most one open case per person and district: new reports join it.
    uniqueIndex("cases_one_open_idx").on(t.personId, t.districtId).where(sql`closed_at is null`),
  ],
);

/** Aktualisering: an orosanmälan or ansökan. */
export const reports = pgTable(
  "reports",
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
    kind: text("kind").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    reporterCategory: text("reporter_category").notNull(),
    reporterOrganisation: text("reporter_organisation"),
    reporterContact: text("reporter_contact"),
    concerns: text("concerns").array().notNull().default(sql`'{}'::text[]`),
    text: text("text").notNull(),
    /** A new report within 12 months of the person's last closed case in the district. */
    isReReferral: boolean("is_re_referral").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reports_case_idx").on(t.caseId),
    index("reports_district_received_idx").on(t.districtId, t.receivedAt),
    // The scope's "shared with me" branch looks reports up by person: with this index the planner
    // combines it with the district index (BitmapOr) instead of scanning every report. With the
    // received time in it, "the person's first report after a day" (re-referral) is an index-only read.
    index("reports_person_received_idx").on(t.personId, t.receivedAt),
  ],
);

export const protectionAssessments = pgTable("protection_assessments", {
  reportId: uuid("report_id")
    .primaryKey()
    .references(() => reports.id),
  assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull(),
  assessedBy: uuid("assessed_by")
    .notNull()
    .references(() => users.id),
  immediateProtectionNeeded: boolean("immediate_protection_needed").notNull(),
  notes: text("notes").notNull(),
});

export const preAssessments = pgTable("pre_assessments", {
  reportId: uuid("report_id")
    .primaryKey()
    .references(() => reports.id),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  outcome: text("outcome").notNull(),
  reason: text("reason").notNull(),
  /** Set when the outcome is "koppla": the open investigation the report was linked to. */
  linkedInvestigationId: uuid("linked_investigation_id"),
  /** Set when the outcome is "inleda": the investigation this opened. */
  investigationId: uuid("investigation_id"),
});

export const investigations = pgTable(
  "investigations",
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
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    openingDecisionId: uuid("opening_decision_id").notNull(),
    /** The latest end date set by a förlängning decision. */
    extendedTo: date("extended_to", { mode: "string" }),
    completedOn: date("completed_on", { mode: "string" }),
    /** Guardians declined the help offered: the 2-month uppföljning clock starts at completion. */
    guardiansDeclined: boolean("guardians_declined").notNull().default(false),
    methods: text("methods").array().notNull().default(sql`'{}'::text[]`),
    /** When no structured assessment was used: the reason code and its explanation. */
    noAssessmentReason: text("no_assessment_reason"),
    noAssessmentNote: text("no_assessment_note"),
  },
  (t) => [
    index("investigations_case_idx").on(t.caseId),
    index("investigations_district_idx").on(t.districtId, t.completedOn),
    index("investigations_person_idx").on(t.personId),
  ],
);

/** Every beslut, including the decision to open an investigation and each förlängning. */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    investigationId: uuid("investigation_id").references(() => investigations.id),
    type: text("type").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    /** The role the decision was taken in, checked against the delegation list. */
    decidedAsRole: text("decided_as_role").notNull(),
    reason: text("reason").notNull(),
    details: jsonb("details"),
  },
  (t) => [index("decisions_case_idx").on(t.caseId), index("decisions_investigation_idx").on(t.investigationId)],
);

/** Delegationsordning: which role may take which decision type, per district. */
export const delegations = pgTable(
  "delegations",
  {
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    decisionType: text("decision_type").notNull(),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.decisionType, t.role] })],
);

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    step: text("step").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** A correction is a new entry pointing at the signed entry it corrects. */
    correctsId: uuid("corrects_id"),
  },
  (t) => [index("journal_case_idx").on(t.caseId, t.createdAt)],
);

/** Orsakskoder for closing a case: configurable by the administrator. */
export const closeReasons = pgTable("close_reasons", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  active: boolean("active").notNull().default(true),
});
