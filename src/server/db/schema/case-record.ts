import { timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { districts, users } from "./organisation";
import { persons } from "./persons";

/*
 * The columns the young-offender records on a case (LUL yttranden, LVU processes, ungdomstjänst and
 * ungdomsövervakning judgments) begin and end with. Functions, so every table gets columns of its
 * own; the names and types are the ones the migrations created, so using them changes no table.
 */

/** The record's id, its case, and the case's person and district (copied so scoped reads need no join). */
export const caseRecordColumns = () => ({
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
});

/** Who registered the record, and when. */
export const createdColumns = () => ({
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
