import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./organisation";

/**
 * Counters of the anti-automation limits (sign-in failures per IP, per username and IP, per
 * username; self-report requests per link and per IP). Kept in PostgreSQL so every server
 * instance shares them, and only ever changed by one INSERT … ON CONFLICT DO UPDATE per hit, so
 * concurrent requests cannot read the same count. The key holds no personal data in clear: a
 * username or a link token is hashed before it becomes part of a key.
 */
export const throttleCounters = pgTable(
  "throttle_counters",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    lastHitAt: timestamp("last_hit_at", { withTimezone: true }).notNull().defaultNow(),
    /** While in the future, hits on this key are refused (the growing delay). */
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    /** Whether the latest hit was refused: written by the same statement that counted it. */
    lastRefused: boolean("last_refused").notNull().default(false),
  },
  (t) => [index("throttle_counters_last_hit_idx").on(t.lastHitAt)],
);

/**
 * Four eyes on protected-identity access: one administrator asks, another approves. Until then
 * the user does not have the access.
 */
export const protectedAccessGrants = pgTable(
  "protected_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    /** pending, approved, rejected or withdrawn. */
    status: text("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("protected_access_grants_pending_idx").on(t.userId).where(sql`${t.status} = 'pending'`)],
);
