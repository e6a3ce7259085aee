import { isIP } from "node:net";
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
  VAGVAL_LOGIN_IP_MAX_FAILURES: z.coerce.number().int().positive().default(20),
  VAGVAL_LOGIN_USER_SLOW_AFTER: z.coerce.number().int().positive().default(10),
  VAGVAL_LOGIN_USER_MAX_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(2_000),
  VAGVAL_SELF_REPORT_LINK_MAX: z.coerce.number().int().positive().default(30),
  VAGVAL_SELF_REPORT_IP_MAX: z.coerce.number().int().positive().default(300),
  VAGVAL_TRUST_PROXY: z.string().trim().default(""),
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
  /** Failed sign-ins from one address (any usernames) before its delays start. */
  loginIpMaxFailures: number;
  /** Failed sign-ins on one username (from anywhere) after which its answers are slowed, never refused. */
  loginUserSlowAfter: number;
  loginUserMaxDelayMs: number;
  /** Self-report requests per link, and per client address (a school network shares one), per 10 minutes. */
  selfReportLinkMax: number;
  selfReportIpMax: number;
  /** The proxies whose X-Forwarded-* headers are believed: none, a hop count, or addresses and CIDRs. */
  trustProxy: false | number | string[];
  /** Problems with the settings that do not stop the start, to be logged. */
  warnings: string[];
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  loadDemo: boolean;
  logLevel: string;
}

/** Names proxy-addr knows for address ranges, besides literal addresses and CIDRs. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrCidr(value: string): boolean {
  if (NAMED_RANGES.has(value)) return true;
  const [address, prefix, ...rest] = value.split("/");
  const family = isIP(address ?? "");
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * VAGVAL_TRUST_PROXY names the proxies in front of the server: a hop count ("1") or addresses and
 * CIDRs ("10.0.0.5, 10.1.0.0/16"). Never "any client": `true` would let every client choose its
 * own address (defeating the limits and the audit's client IP), so it is refused and nothing is
 * trusted, with a warning at start.
 */
export function parseTrustProxy(raw: string): { trustProxy: Config["trustProxy"]; warning?: string } {
  const value = raw.trim().toLowerCase();
  if (value === "" || value === "false" || value === "0") return { trustProxy: false };
  if (value === "true" || value === "*") {
    return {
      trustProxy: false,
      warning:
        "VAGVAL_TRUST_PROXY=true would trust any client's X-Forwarded-For; nothing is trusted. Give the proxy addresses/CIDRs or the hop count.",
    };
  }
  if (/^\d+$/.test(value)) return { trustProxy: Number(value) };
  const list = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = list.filter((v) => !isAddressOrCidr(v));
  if (bad.length) throw new Error("VAGVAL_TRUST_PROXY: not an address, a CIDR or a hop count");
  return { trustProxy: list };
}

/**
 * The setting as Fastify takes it. A hop count becomes "trust the nearest n hops" (Fastify's own
 * number setting trusts nothing): right only when the server cannot be reached but through those
 * proxies, which the README says; addresses and CIDRs are checked against the connecting peer.
 */
export function fastifyTrustProxy(trust: Config["trustProxy"]): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return trust;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const proxy = parseTrustProxy(e.VAGVAL_TRUST_PROXY);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.VAGVAL_DATA_DIR),
    sessionIdleMs: minutes(e.VAGVAL_SESSION_IDLE_MINUTES),
    sessionAbsoluteMs: minutes(e.VAGVAL_SESSION_ABSOLUTE_HOURS * 60),
    loginMaxFailures: e.VAGVAL_LOGIN_MAX_FAILURES,
    loginLockMs: minutes(e.VAGVAL_LOGIN_LOCK_MINUTES),
    loginIpMaxFailures: e.VAGVAL_LOGIN_IP_MAX_FAILURES,
    loginUserSlowAfter: e.VAGVAL_LOGIN_USER_SLOW_AFTER,
    loginUserMaxDelayMs: e.VAGVAL_LOGIN_USER_MAX_DELAY_MS,
    selfReportLinkMax: e.VAGVAL_SELF_REPORT_LINK_MAX,
    selfReportIpMax: e.VAGVAL_SELF_REPORT_IP_MAX,
    trustProxy: proxy.trustProxy,
    warnings: proxy.warning ? [proxy.warning] : [],
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
