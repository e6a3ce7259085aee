import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const districts = pgTable("districts", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** Policy: an investigation about crime or violence needs a signed structured assessment or a documented reason. */
  requireStructuredAssessment: boolean("require_structured_assessment").notNull().default(true),
  /** Days from an insats's start within which its genomförandeplan must be signed. */
  planDueDays: integer("plan_due_days").notNull().default(14),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("units_district_idx").on(t.districtId)],
);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  /** May see address and contact details of persons with skyddade personuppgifter. */
  protectedIdentityAccess: boolean("protected_identity_access").notNull().default(false),
  locale: text("locale").notNull().default("sv"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
});

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId, t.role] }), index("user_roles_unit_idx").on(t.unitId)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie token: a leaked table does not hand out sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    clientIp: text("client_ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
