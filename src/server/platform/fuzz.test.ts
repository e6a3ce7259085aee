import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, roleHasPermission } from "../../domain/roles";
import { createWorld, type World } from "../testing/world";

/**
 * Every operation of /api/openapi.json, called by a role that may call it, with malformed and
 * boundary input: each answer is a 4xx in the API's error shape, never a 5xx, and a refused
 * request writes nothing.
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maxLength?: number;
  minimum?: number;
  nullable?: boolean;
  default?: unknown;
}
interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
}
interface Case {
  label: string;
  url: string;
  payload?: string;
  contentType?: string;
  /** A body or query field the answer must name: the schema refused it, not something later. */
  field?: string;
  /** Boundary input that a schema may accept: only "never a 5xx" is asserted. */
  mayPass?: boolean;
}

/** Tables a refused request may still touch: session renewal, sign-in limits, and the audit of denied access. */
const MAY_CHANGE = new Set(["sessions", "audit_log", "throttle_counters", "security_events", "login_attempts"]);
/** Operations that change the caller's own session whatever the input: calling them ends the fuzzing session. */
const SKIP = new Set(["POST /api/auth/logout"]);

const NUL = "a\u0000b";
const LONE_SURROGATE = "a\ud800b";
const HUGE = "x".repeat(100_001);
const BAD_UUIDS = ["not-a-uuid", "00000000-0000-0000-0000-00000000000g", "' or 1=1 --", "%00", "%ED%A0%80"];

let w: World;
const cookies = new Map<string, string>();
const failures: string[] = [];
let operations: Operation[] = [];
let permissionOf: Map<string, string | undefined>;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** The schema's own variant for a value: the first non-null branch of a union. */
function branch(s: JsonSchema): JsonSchema {
  const options = s.anyOf ?? s.oneOf;
  if (options) return branch(options.find((o) => o.type !== "null") ?? (options[0] as JsonSchema));
  if (s.allOf?.length) return branch(s.allOf[0] as JsonSchema);
  return s;
}
const typeOf = (s: JsonSchema) => [s.type].flat().find((t) => t !== "null");

/** A plausible value for a schema: good enough that a mutated field is what the schema refuses. */
function sample(s0: JsonSchema): unknown {
  const s = branch(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case "string":
      if (s.format === "uuid") return randomUUID();
      if (s.format === "date") return "2026-01-15";
      if (s.format === "date-time") return "2026-01-15T10:00:00+01:00";
      return "Text";
    case "integer":
    case "number":
      return s.minimum ?? 1;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object": {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = sample(s.properties?.[k] ?? {});
      return out;
    }
    default:
      return "Text";
  }
}

/** The malformed values for one field, by its type. */
function mutations(s0: JsonSchema): { label: string; value: unknown; mayPass?: boolean }[] {
  const s = branch(s0);
  const t = typeOf(s);
  const out: { label: string; value: unknown; mayPass?: boolean }[] = [
    { label: "wrong type (object)", value: { nested: true } },
    { label: "NUL", value: NUL },
    { label: "lone surrogate", value: LONE_SURROGATE },
  ];
  if (t === "string") {
    out.push({ label: "number for text", value: 42 });
    // Every text field has a bound (safeText's default at the least): one without is a failure.
    out.push({ label: "huge", value: HUGE, mayPass: s.maxLength !== undefined && s.maxLength >= HUGE.length });
    // One character over the field's own bound: a 400 naming the field, not a 5xx from the database.
    if (s.maxLength !== undefined && s.maxLength < HUGE.length && !s.format && !s.enum)
      out.push({ label: `over-long (${s.maxLength + 1} characters)`, value: "x".repeat(s.maxLength + 1) });
    if (s.format === "date") out.push({ label: "year 0000", value: "0000-01-01" }, { label: "year 2500", value: "2500-01-01" });
    if (s.format === "date-time") out.push({ label: "year 0000", value: "0000-01-01T00:00:00Z" });
  }
  if (t === "integer" || t === "number") out.push({ label: "huge number", value: 1e308, mayPass: true });
  if (t === "array") out.push({ label: "array of NUL", value: [NUL] });
  return out;
}

function casesFor(op: Operation): Case[] {
  const fill = (values: Record<string, string>) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? randomUUID());
  const querySample = () => {
    const q: Record<string, string> = {};
    for (const [k, s] of Object.entries(op.query)) {
      if (!(s as { required?: boolean }).required) continue;
      q[k] = String(sample(s));
    }
    return q;
  };
  const withQuery = (base: string, q: Record<string, string>) => {
    const qs = new URLSearchParams(q).toString();
    return qs ? `${base}?${qs}` : base;
  };
  const baseUrl = withQuery(fill({}), querySample());
  const bodySample = op.body ? sample(op.body) : undefined;
  const cases: Case[] = [];
  for (const p of op.pathParams) {
    for (const bad of BAD_UUIDS) cases.push({ label: `path ${p}=${bad}`, url: withQuery(fill({ [p]: bad }), querySample()) });
    cases.push({ label: `path ${p} too long`, url: fill({ [p]: "a".repeat(150) }) });
  }
  for (const [k, s] of Object.entries(op.query)) {
    const t = typeOf(branch(s));
    const bad: [string, string][] = [
      ["NUL", "a\u0000b"],
      ["huge", "x".repeat(5_000)],
    ];
    if (t === "integer" || t === "number") bad.push(["not a number", "abc"]);
    if (branch(s).format === "date") bad.push(["year 0000", "0000-01-01"]);
    if (branch(s).format === "uuid") bad.push(["bad uuid", "not-a-uuid"]);
    if (k === "cursor")
      bad.push(
        ["crafted cursor", b64(["x", "y", "z"])],
        ["crafted cursor (wrong types)", b64([{ a: 1 }, null])],
        ["crafted cursor (date)", b64(["0000-01-01T00:00:00Z", "not-a-uuid"])],
        ["crafted cursor (garbage)", "!!!"],
      );
    for (const [label, value] of bad)
      cases.push({
        label: `query ${k} ${label}`,
        url: withQuery(fill({}), { ...querySample(), [k]: value }),
        // Bodyless operations: the query is the first thing validated after the path.
        field: op.body || label.startsWith("crafted") || label === "huge" ? undefined : `querystring.${k}`,
        mayPass: label === "huge" && !(branch(s).maxLength !== undefined && branch(s).maxLength! < 5_000),
      });
  }
  if (op.body) {
    const json = (v: unknown) => JSON.stringify(v);
    cases.push(
      { label: "malformed JSON", url: baseUrl, payload: '{"a": ' },
      { label: "array body", url: baseUrl, payload: "[]" },
      { label: "string body", url: baseUrl, payload: '"x"' },
      { label: "null body", url: baseUrl, payload: "null" },
      { label: "wrong content type", url: baseUrl, payload: "a=b", contentType: "application/x-www-form-urlencoded" },
      { label: "unknown field", url: baseUrl, payload: json({ ...(bodySample as object), isAdmin: true }) },
      { label: "empty object", url: baseUrl, payload: "{}", mayPass: op.method !== "PATCH" },
    );
    const props = branch(op.body).properties ?? {};
    for (const [k, s] of Object.entries(props)) {
      for (const m of mutations(s)) {
        cases.push({
          label: `body ${k} ${m.label}`,
          url: baseUrl,
          payload: json({ ...(bodySample as object), [k]: m.value }),
          field: m.mayPass ? undefined : `body.${k}`,
          mayPass: m.mayPass,
        });
      }
      // One level down: the fields of objects and of objects in arrays.
      const inner = branch(s);
      const item = typeOf(inner) === "array" && inner.items ? branch(inner.items) : null;
      const nested = typeOf(inner) === "object" ? inner : item && typeOf(item) === "object" ? item : null;
      for (const [k2, s2] of Object.entries(nested?.properties ?? {})) {
        if (typeOf(branch(s2)) !== "string") continue;
        for (const value of [NUL, LONE_SURROGATE]) {
          const obj = { ...(sample(nested as JsonSchema) as object), [k2]: value };
          cases.push({
            label: `body ${k}.${k2} ${value === NUL ? "NUL" : "lone surrogate"}`,
            url: baseUrl,
            payload: json({ ...(bodySample as object), [k]: item ? [obj] : obj }),
          });
        }
      }
    }
  }
  return cases;
}

async function cookieFor(op: Operation): Promise<string | undefined> {
  const permission = permissionOf.get(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ":$1")}`);
  if (!permission || permission === "public") return undefined;
  const role = ROLES.find((r) => roleHasPermission(r, permission as Parameters<typeof roleHasPermission>[1]));
  if (!role) return undefined;
  const cached = cookies.get(role);
  if (cached) return cached;
  const cookie = await w.login(role);
  cookies.set(role, cookie);
  return cookie;
}

async function tableNames(): Promise<string[]> {
  const rows = await w.database.db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  return rows.rows.map((r) => r.name);
}
async function counts(tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await w.database.db.execute<{ n: string }>(sql`select count(*)::text as n from ${sql.identifier(t)}`);
    out[t] = Number(r.rows[0]?.n);
  }
  return out;
}
/** Rows inserted or updated since the transaction id given (a fresh test database: no wraparound). */
async function touchedSince(tables: string[], xid: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await w.database.db.execute<{ n: string }>(
      sql`select count(*)::text as n from ${sql.identifier(t)} where xmin::text::bigint >= ${xid}`,
    );
    const n = Number(r.rows[0]?.n);
    if (n) out[t] = n;
  }
  return out;
}

beforeAll(async () => {
  w = await createWorld();
  const doc = (await w.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[];
          requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  permissionOf = new Map(w.app.declaredRoutes.map((r) => [`${r.method} ${r.url}`, r.permission]));
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const op: Operation = {
        method: method.toUpperCase(),
        path,
        pathParams: (spec.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
        query: Object.fromEntries(
          (spec.parameters ?? [])
            .filter((p) => p.in === "query")
            .map((p) => [p.name, { ...p.schema, required: p.required } as JsonSchema]),
        ),
        body: spec.requestBody?.content?.["application/json"]?.schema ?? null,
      };
      if (!SKIP.has(`${op.method} ${op.path}`)) operations.push(op);
    }
  }
}, 120_000);
afterAll(async () => w?.close());

describe("fuzzing every operation of the OpenAPI document", () => {
  it("finds the operations", () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.some((o) => o.body)).toBe(true);
  });

  it("answers malformed and boundary input with a 4xx in the error shape, never a 5xx, and writes nothing", async () => {
    // Sign in every role first: sessions are the one thing a request is meant to write.
    for (const op of operations) await cookieFor(op);
    const tables = (await tableNames()).filter((t) => !MAY_CHANGE.has(t) && !t.startsWith("__drizzle"));
    const before = await counts(tables);
    const auditBefore = await counts(["audit_log"]);
    const xidRow = await w.database.db.execute<{ xid: string }>(sql`select (txid_current() % 4294967296)::text as xid`);
    const startXid = Number(xidRow.rows[0]?.xid);
    let requests = 0;
    for (const op of operations) {
      const cookie = await cookieFor(op);
      for (const c of casesFor(op)) {
        requests++;
        const res = await w.app.inject({
          method: op.method as "GET",
          url: c.url,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(c.payload !== undefined ? { "content-type": c.contentType ?? "application/json" } : {}),
          },
          ...(c.payload !== undefined ? { payload: c.payload } : {}),
        });
        const where = `${op.method} ${op.path} [${c.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) {
          failures.push(`${where}: ${res.body.slice(0, 200)}`);
          continue;
        }
        if (res.statusCode < 400) {
          if (!c.mayPass) failures.push(`${where}: accepted`);
          continue;
        }
        let body: { error?: { code?: unknown; message?: unknown; fields?: { path: string }[] } } = {};
        try {
          body = res.json();
        } catch {
          failures.push(`${where}: not JSON`);
          continue;
        }
        if (typeof body.error?.code !== "string" || typeof body.error.message !== "string" || !Array.isArray(body.error.fields))
          failures.push(`${where}: not the error shape: ${res.body.slice(0, 200)}`);
        else if (c.field && res.statusCode === 400 && !body.error.fields.some((f) => f.path.startsWith(c.field as string)))
          failures.push(`${where}: ${c.field} not named: ${res.body.slice(0, 300)}`);
        if (!res.headers["cache-control"]?.toString().includes("no-store")) failures.push(`${where}: cacheable`);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    // Nothing written: no table gained or lost rows, and no row was inserted or updated.
    expect(await counts(tables)).toEqual(before);
    expect(await touchedSince(tables, startXid)).toEqual({});
    // The audit log may have gained rows only for denied access, never a write or a read of data.
    const newAudit = await w.database.db.execute<{ action: string }>(
      sql`select distinct action from audit_log where xmin::text::bigint >= ${startXid}`,
    );
    const actions = newAudit.rows.map((r) => r.action);
    expect(actions.filter((a) => !/denied|refused|security/.test(a))).toEqual([]);
    if (!actions.length) expect(await counts(["audit_log"])).toEqual(auditBefore);
  }, 120_000);

  it("refuses crafted paging cursors with 400 on every list that pages", async () => {
    const cookie = await w.login("enhetschef");
    const crafted = fc.sample(
      fc.oneof(
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant("0000-01-01T00:00:00Z")), { minLength: 1, maxLength: 4 }),
        fc.constant(["x", "y", "z"]),
      ),
      { numRuns: 15, seed: 16 },
    );
    for (const key of crafted) {
      const cursor = b64(key);
      for (const url of ["/api/cases", "/api/deviations", "/api/file-reviews", "/api/styrdokument"]) {
        const res = await w.app.inject({ method: "GET", url: `${url}?cursor=${cursor}`, headers: { cookie } });
        expect(res.statusCode, `${url} ${JSON.stringify(key)}`).toBeLessThan(500);
      }
      const res = await w.app.inject({
        method: "POST",
        url: "/api/persons/search",
        headers: { cookie },
        payload: { q: "Andersson", cursor },
      });
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.json().error.code).toBe("invalid_cursor");
    }
  });
});
