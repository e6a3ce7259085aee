import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./organisation";

/**
 * A lägesbild (lag 2023:196, 4 §) for one year and a set of districts (one district, or the
 * municipality's). Its content lives in versions; once decided (by the kommunstyrelse or nämnd,
 * recorded with the body and date) it is locked.
 */
export const lagesbilder = pgTable(
  "lagesbilder",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    districtIds: uuid("district_ids").array().notNull(),
    latestVersion: integer("latest_version").notNull().default(1),
    decidedVersion: integer("decided_version"),
    decidedBody: text("decided_body"),
    decidedOn: date("decided_on", { mode: "string" }),
    decidedNote: text("decided_note"),
    decidedRecordedBy: uuid("decided_recorded_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lagesbilder_year_idx").on(t.year), check("lagesbilder_year", sql`${t.year} between 2000 and 2100`)],
);

/**
 * One version of a lägesbild's written content: the analysis (4 § 3) and the manual sources
 * (4 § 2) as entered. A change makes a new version; none is ever updated. The decided version also
 * keeps the figures as published that day, so the decision's record does not move with the data.
 */
export const lagesbildVersions = pgTable(
  "lagesbild_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lagesbildId: uuid("lagesbild_id")
      .notNull()
      .references(() => lagesbilder.id),
    version: integer("version").notNull(),
    analysis: text("analysis").notNull().default(""),
    /** [{ label, value, unit, periodFrom, periodTo, source, note }] */
    sources: jsonb("sources").notNull().default(sql`'[]'::jsonb`),
    figures: jsonb("figures"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lagesbild_versions_version_idx").on(t.lagesbildId, t.version)],
);

/** A measure of the åtgärdsplan (5 §) tied to the lägesbild: what, where, who, by when, and its follow-up. */
export const lagesbildMeasures = pgTable(
  "lagesbild_measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lagesbildId: uuid("lagesbild_id")
      .notNull()
      .references(() => lagesbilder.id),
    priority: integer("priority").notNull(),
    area: text("area").notNull(),
    problem: text("problem").notNull(),
    measure: text("measure").notNull(),
    responsible: text("responsible").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    status: text("status").notNull().default("planerad"),
    followUpNote: text("follow_up_note").notNull().default(""),
    followUpOn: date("follow_up_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lagesbild_measures_lagesbild_idx").on(t.lagesbildId, t.priority)],
);
