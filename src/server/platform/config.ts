import path from "node:path";
import { z } from "zod";

const minutes = (n: number) => n * 60_000;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  VAGVAL_DATA_DIR: z.string().default("data"),
  VAGVAL_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  VAGVAL_SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  VAGVAL_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  VAGVAL_LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  VAGVAL_TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  VAGVAL_ADMIN_PASSWORD: z.string().optional(),
  VAGVAL_DEMO_PASSWORD: z.string().optional(),
  VAGVAL_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  trustProxy: boolean;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  loadDemo: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.VAGVAL_DATA_DIR),
    sessionIdleMs: minutes(e.VAGVAL_SESSION_IDLE_MINUTES),
    sessionAbsoluteMs: minutes(e.VAGVAL_SESSION_ABSOLUTE_HOURS * 60),
    loginMaxFailures: e.VAGVAL_LOGIN_MAX_FAILURES,
    loginLockMs: minutes(e.VAGVAL_LOGIN_LOCK_MINUTES),
    trustProxy: e.VAGVAL_TRUST_PROXY,
    adminPassword: e.VAGVAL_ADMIN_PASSWORD,
    demoPassword: e.VAGVAL_DEMO_PASSWORD,
    loadDemo: e.VAGVAL_DEMO,
    logLevel: e.LOG_LEVEL,
  };
}

/** Defaults for tests: everything the app needs except a database. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), logLevel: "silent", loadDemo: false, ...overrides };
}
