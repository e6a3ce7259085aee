import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { deviations } from "./deviations";
import { districts, users } from "./organisation";
import { persons } from "./persons";

/**
 * A file review (aktgranskning): a reproducible random sample of files (utredningar, insatser) in
 * some districts and a period, checked against the auditors' criteria. Signed versions never change:
 * a correction is a new version in the same series, copying the sample and its answers.
 */
export const fileReviews = pgTable(
  "file_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The versions of one review share a series (the first version's id). */
    seriesId: uuid("series_id").notNull(),
    version: integer("version").notNull().default(1),
    previousVersionId: uuid("previous_version_id"),
    districtIds: uuid("district_ids").array().notNull(),
    unitIds: uuid("unit_ids").array().notNull().default(sql`'{}'::uuid[]`),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    /** "utredningar", "insatser" or "both". */
    kind: text("kind").notNull(),
    sampleSize: integer("sample_size").notNull(),
    seed: bigint("seed", { mode: "number" }).notNull(),
    populationSize: integer("population_size").notNull(),
    tookAll: boolean("took_all").notNull(),
    /** The instant every automatic verdict was computed at. */
    asOf: timestamp("as_of", { withTimezone: true }).notNull(),
    /** The reviewer's conclusion for the nämnd. */
    conclusion: text("conclusion").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    signedBy: uuid("signed_by").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("file_reviews_series_version_idx").on(t.seriesId, t.version),
    index("file_reviews_created_idx").on(t.createdAt, t.id),
  ],
);

/** One sampled file of a review: its automatic verdicts as of the review, the reviewer's answers and comment. */
export const fileReviewItems = pgTable(
  "file_review_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => fileReviews.id),
    /** The order in which the file was drawn (0 first). */
    position: integer("position").notNull(),
    /** "investigation" or "insats". */
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    /** The day the file starts (investigation opened, insats decided). */
    fileDate: date("file_date", { mode: "string" }).notNull(),
    /** What the file is (the insats's name; empty for an investigation). */
    label: text("label").notNull().default(""),
    /** [{ code, verdict, detail: {sv,en}, ref: {type,id,date} | null, law }] as computed (domain/file-review/criteria.ts). */
    verdicts: jsonb("verdicts").notNull(),
    /** The reviewer's answers on the criteria left to judgement: { [code]: "met" | "not_met" | "not_applicable" }. */
    answers: jsonb("answers").notNull().default(sql`'{}'::jsonb`),
    comment: text("comment").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [
    index("file_review_items_review_idx").on(t.reviewId, t.position),
    uniqueIndex("file_review_items_record_idx").on(t.reviewId, t.recordId),
  ],
);

/**
 * An action taken on a finding of a review: who is responsible, by when, how it was followed up.
 * Actions stay open to follow-up after the review is signed (that is when they are worked on).
 */
export const fileReviewActions = pgTable(
  "file_review_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => fileReviews.id),
    /** The file and criterion the finding is about; null for a finding about the review as a whole. */
    itemId: uuid("item_id").references(() => fileReviewItems.id),
    criterionCode: text("criterion_code"),
    finding: text("finding").notNull(),
    action: text("action").notNull(),
    responsibleId: uuid("responsible_id")
      .notNull()
      .references(() => users.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    followUpNote: text("follow_up_note").notNull().default(""),
    doneOn: date("done_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("file_review_actions_review_idx").on(t.reviewId, t.createdAt)],
);

/**
 * The avvikelse raised from a finding of a review (a file whose criterion was not met). One per
 * finding in a series — the file's record and the criterion, whichever version it was raised from —
 * so a new version of the review still shows it and a second one is refused by the database too.
 */
export const fileReviewFindingDeviations = pgTable(
  "file_review_finding_deviations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seriesId: uuid("series_id").notNull(),
    /** The version and item the avvikelse was raised from. */
    reviewId: uuid("review_id")
      .notNull()
      .references(() => fileReviews.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => fileReviewItems.id),
    /** The file's record (investigation or insats): the same in every version of the series. */
    recordId: uuid("record_id").notNull(),
    criterionCode: text("criterion_code").notNull(),
    deviationId: uuid("deviation_id")
      .notNull()
      .references(() => deviations.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("file_review_finding_deviations_finding_idx").on(t.seriesId, t.recordId, t.criterionCode)],
);
