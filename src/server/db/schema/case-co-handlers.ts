import { sql } from "drizzle-orm";
import { check, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./organisation";

/**
 * Medhandläggare: handläggare who work a case beside the responsible one (cases.assignedTo), added
 * and removed by the enhetschef. A removal keeps the row (who, when), so the case shows who worked it.
 */
export const caseCoHandlers = pgTable(
  "case_co_handlers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    removedBy: uuid("removed_by").references(() => users.id),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("case_co_handlers_current_idx").on(t.caseId, t.userId).where(sql`${t.removedAt} is null`),
    index("case_co_handlers_user_idx").on(t.userId).where(sql`${t.removedAt} is null`),
    check("case_co_handlers_removal_complete", sql`(${t.removedAt} is null) = (${t.removedBy} is null)`),
  ],
);
