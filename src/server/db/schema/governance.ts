import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { districts, users } from "./organisation";
import { persons } from "./persons";

/** File bytes kept in the database with their record (styrdokument are small and few). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// ── Styrdokument ────────────────────────────────────────────────────────────────────────────────

/**
 * A routine or guideline in the register. The decision fields here are the draft of the next
 * publication; publishing copies them onto the version published, which is what the register shows
 * as in force. `revision` counts changes, so an edit made on a stale copy is refused (409).
 */
export const styrdokument = pgTable(
  "styrdokument",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull().default(""),
    processSteps: text("process_steps").array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    decidedBy: text("decided_by"),
    decidedOn: date("decided_on", { mode: "string" }),
    validFrom: date("valid_from", { mode: "string" }),
    nextReviewOn: date("next_review_on", { mode: "string" }),
    status: text("status").notNull().default("utkast"),
    publishedVersionId: uuid("published_version_id"),
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("styrdokument_owner_review_idx").on(t.ownerId, t.nextReviewOn),
    index("styrdokument_title_idx").on(t.title, t.id),
  ],
);

/** The districts a document applies to (a nämnd's routine may apply to several). */
export const styrdokumentDistricts = pgTable(
  "styrdokument_districts",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => styrdokument.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.districtId] }), index("styrdokument_districts_district_idx").on(t.districtId)],
);

/** A version of a document with its file. A published version keeps the decision it was published under. */
export const styrdokumentVersions = pgTable(
  "styrdokument_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => styrdokument.id),
    number: integer("number").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    note: text("note").notNull().default(""),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id),
    decidedBy: text("decided_by"),
    decidedOn: date("decided_on", { mode: "string" }),
    validFrom: date("valid_from", { mode: "string" }),
  },
  (t) => [uniqueIndex("styrdokument_versions_number_idx").on(t.documentId, t.number)],
);

// ── Loggkontroll ────────────────────────────────────────────────────────────────────────────────

/**
 * One month's log review of one district: how it was drawn (seed, sizes, rules, method) and what
 * the frame held. One per district and month, so a sample cannot be redrawn until it suits.
 */
export const logReviews = pgTable(
  "log_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    month: text("month").notNull(),
    seed: text("seed").notNull(),
    rowSample: integer("row_sample").notNull(),
    userSample: integer("user_sample").notNull(),
    maxFlagged: integer("max_flagged").notNull(),
    /** The flag rules' parameters (domain/governance/log-review.ts FlagOptions). */
    rules: jsonb("rules").notNull(),
    method: text("method").notNull(),
    /** What the frame held: audit rows, person accesses, readers, flagged rows, and what was left out. */
    frame: jsonb("frame").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => users.id),
    summary: text("summary"),
  },
  (t) => [uniqueIndex("log_reviews_district_month_idx").on(t.districtId, t.month)],
);

/**
 * An item of a review: an audit row (copied: the audit table is never joined for a verdict, and its
 * rows are never changed) or a reader drawn for a look at their month. Its verdict is ok or flagged.
 */
export const logReviewItems = pgTable(
  "log_review_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => logReviews.id),
    kind: text("kind").notNull(),
    position: integer("position").notNull(),
    auditId: bigint("audit_id", { mode: "number" }),
    at: timestamp("at", { withTimezone: true }),
    userId: uuid("user_id").references(() => users.id),
    username: text("username"),
    role: text("role"),
    action: text("action"),
    personId: uuid("person_id").references(() => persons.id),
    recordType: text("record_type"),
    recordId: text("record_id"),
    flags: text("flags").array().notNull().default(sql`'{}'::text[]`),
    drawnByRule: boolean("drawn_by_rule").notNull().default(false),
    drawnAtRandom: boolean("drawn_at_random").notNull().default(false),
    /** For many_persons and reader items: counts behind the item. */
    details: jsonb("details"),
    verdict: text("verdict"),
    note: text("note"),
    judgedBy: uuid("judged_by").references(() => users.id),
    judgedAt: timestamp("judged_at", { withTimezone: true }),
    /** The avvikelse a flag became, once the avvikelse module takes it. */
    deviationId: uuid("deviation_id"),
  },
  (t) => [index("log_review_items_review_idx").on(t.reviewId, t.position)],
);

// ── Internkontrollplan ──────────────────────────────────────────────────────────────────────────

/** One district's internal control plan for one year. */
export const internalControlPlans = pgTable(
  "internal_control_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    year: integer("year").notNull(),
    /** The day the nämnd adopted the plan, when it has. */
    adoptedOn: date("adopted_on", { mode: "string" }),
    summary: text("summary").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("internal_control_plans_district_year_idx").on(t.districtId, t.year)],
);

export const internalControlPoints = pgTable(
  "internal_control_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => internalControlPlans.id),
    area: text("area").notNull(),
    title: text("title").notNull(),
    risk: text("risk").notNull(),
    probability: integer("probability").notNull(),
    consequence: integer("consequence").notNull(),
    method: text("method").notNull(),
    methodDescription: text("method_description").notNull().default(""),
    /** method "nyckeltal": which figure (domain CONTROL_METRICS) and its target. */
    metric: text("metric"),
    targetOp: text("target_op"),
    targetValue: doublePrecision("target_value"),
    /** method "aktgranskning": the file review, once file reviews exist (no foreign key until then). */
    fileReviewId: uuid("file_review_id"),
    frequency: text("frequency").notNull(),
    responsibleId: uuid("responsible_id")
      .notNull()
      .references(() => users.id),
    reportTo: text("report_to").notNull(),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("internal_control_points_plan_idx").on(t.planId)],
);

/** A result recorded for a control point: by a person, or filled in by the system from a figure. */
export const internalControlResults = pgTable(
  "internal_control_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pointId: uuid("point_id")
      .notNull()
      .references(() => internalControlPoints.id),
    performedOn: date("performed_on", { mode: "string" }).notNull(),
    periodFrom: date("period_from", { mode: "string" }),
    periodTo: date("period_to", { mode: "string" }),
    outcome: text("outcome").notNull(),
    comment: text("comment").notNull().default(""),
    deviationsFound: integer("deviations_found").notNull().default(0),
    source: text("source").notNull(),
    /** The figure a system result rests on, as published (null when hidden). */
    value: doublePrecision("value"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("internal_control_results_point_idx").on(t.pointId, t.performedOn)],
);
