import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only and hash-chained: the id and both hashes are set by a trigger under a lock
 * (migration 0001), and UPDATE/DELETE/TRUNCATE are refused by triggers.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    // id, prev_hash and hash are placeholders here: the chain trigger overwrites all three.
    id: bigint("id", { mode: "number" })
      .primaryKey()
      .$defaultFn(() => 0),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    username: text("username"),
    role: text("role"),
    unitId: uuid("unit_id"),
    action: text("action").notNull(),
    personId: uuid("person_id"),
    recordType: text("record_type"),
    recordId: text("record_id"),
    purpose: text("purpose"),
    requestId: text("request_id"),
    clientIp: text("client_ip"),
    details: jsonb("details"),
    prevHash: text("prev_hash")
      .notNull()
      .$defaultFn(() => ""),
    hash: text("hash")
      .notNull()
      .$defaultFn(() => ""),
  },
  (t) => [
    index("audit_person_idx").on(t.personId, t.at),
    index("audit_user_idx").on(t.userId, t.at),
    index("audit_at_idx").on(t.at),
  ],
);
