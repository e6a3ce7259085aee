import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, decisions, investigations } from "./cases";
import { districts, users } from "./organisation";

/**
 * Förslag till beslut (src/domain/decision-proposals/rules.ts): a decision prepared by someone
 * without the delegation, waiting for a delegate of the case's district. Never deleted: an approved
 * proposal points at the decision taken on it, a returned or rejected one keeps the delegate's
 * comment (the next handling of a resubmitted one overwrites it; the audit log keeps every step).
 */
export const decisionProposals = pgTable(
  "decision_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    /** The investigation the decision rests on (förlängning: the one it extends). */
    investigationId: uuid("investigation_id")
      .notNull()
      .references(() => investigations.id),
    type: text("type").notNull(),
    /** The motivering, as the decision will carry it. */
    reason: text("reason").notNull(),
    /** Bistånd: the insats, as takeDecision takes it. */
    insats: text("insats"),
    /** Förlängning: the new end date. */
    newEndDate: date("new_end_date", { mode: "string" }),
    state: text("state").notNull().default("pending"),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    /** When it was last sent (the first time, or the latest resubmission): the queue's waiting time. */
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    handledBy: uuid("handled_by").references(() => users.id),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    /** The delegate's comment on a return, or reason for a rejection. */
    comment: text("comment"),
    /** The decision taken when the proposal was approved. */
    decisionId: uuid("decision_id").references(() => decisions.id),
  },
  (t) => [
    index("decision_proposals_queue_idx").on(t.districtId, t.state, t.submittedAt),
    index("decision_proposals_case_idx").on(t.caseId),
    uniqueIndex("decision_proposals_decision_idx").on(t.decisionId),
    check(
      "decision_proposals_type",
      sql`${t.type} in ('bistand', 'avslag', 'ingen_atgard', 'uppfoljning', 'lvu_ansokan', 'forlangning')`,
    ),
    check("decision_proposals_state", sql`${t.state} in ('pending', 'approved', 'returned', 'rejected')`),
    check("decision_proposals_approved_decision", sql`(${t.state} = 'approved') = (${t.decisionId} is not null)`),
    check("decision_proposals_extension_date", sql`(${t.type} = 'forlangning') = (${t.newEndDate} is not null)`),
    check(
      "decision_proposals_handled",
      sql`${t.state} = 'pending' or (${t.handledBy} is not null and ${t.handledAt} is not null)`,
    ),
  ],
);
