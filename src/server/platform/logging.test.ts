import { PassThrough } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { persons, users } from "../db/schema/index";
import { createWorld, nextPersonnummer, type World } from "../testing/world";
import { testConfig } from "./config";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

describe("logs", () => {
  it("carry method, path and status but never a personnummer, a query string or a body", async () => {
    const stream = new PassThrough();
    let lines = "";
    stream.on("data", (chunk) => {
      lines += chunk.toString();
    });
    const app = await buildApp({ config: testConfig({ logLevel: "info" }), database: w.database, logStream: stream });
    const [p] = await w.database.db.select().from(persons).where(eq(persons.id, w.own.personId));
    const pnr = p?.personnummer ?? "missing";
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "handlaggare", password: "fel" },
    });
    expect(login.statusCode).toBe(401);
    const cookie = await w.login("handlaggare");
    await app.inject({ method: "GET", url: `/api/persons?q=${pnr}`, headers: { cookie } });
    await app.inject({ method: "POST", url: "/api/persons/search", headers: { cookie }, payload: { q: pnr } });
    await app.inject({
      method: "POST",
      url: "/api/persons",
      headers: { cookie },
      payload: { personnummer: pnr.replace(/.$/, "0") },
    });
    await app.close();
    expect(lines).toContain('"path":"/api/persons"');
    expect(lines).not.toContain(pnr);
    expect(lines).not.toContain(pnr.slice(2));
    expect(lines).not.toContain("q=");
    // One line per request, written when it is answered, with its status.
    const completed = lines.split("\n").filter((l) => l.includes('"msg":"request completed"'));
    expect(completed).toHaveLength(4);
    // The GET search refuses a query with a personnummer's digits (it belongs in the POST body).
    expect(completed.map((l) => JSON.parse(l).res.statusCode)).toEqual([401, 400, 200, 400]);
    expect(lines).not.toContain("incoming request");
  });

  it("never carry the values of a failed query, a refused value, a body or a thrown error's message", async () => {
    const stream = new PassThrough();
    let lines = "";
    stream.on("data", (chunk) => {
      lines += chunk.toString();
    });
    const app = await buildApp({ config: testConfig({ logLevel: "info" }), database: w.database, logStream: stream });
    // Markers: each stands for personal data a request or a query carried.
    const pnr = nextPersonnummer();
    const m = {
      queryParam: "MARKER-QUERY-PARAM-5c1e",
      uniqueKey: "marker.unique.user.5c1e",
      hash: "$argon2id$MARKER-HASH-5c1e",
      thrown: "MARKER-THROWN-5c1e",
      body: "MARKER-BODY-5c1e",
      json: "MARKER-JSON-5c1e",
      nul: "MARKER-NUL-5c1e",
      query: "MARKER-QS-5c1e",
      pnr,
    };
    const { db } = w.database;
    await db.insert(users).values({ username: m.uniqueKey, displayName: "Unik", passwordHash: "x" });
    const publicRoute = { config: { permission: "public" as const } };
    // A query PostgreSQL refuses for its value (22P02): drizzle's message quotes every parameter.
    app.get("/api/test/bad-value", publicRoute, async () => db.execute(sql`select ${m.queryParam}::int`));
    // A query that fails for another reason (42P01): the server's own 500, parameters and all.
    app.get("/api/test/failed-query", publicRoute, async () => db.execute(sql`select ${m.queryParam} from no_such_table`));
    // A unique violation (23505): PostgreSQL's detail quotes the key, drizzle's message the hash.
    app.get("/api/test/unique", publicRoute, async () =>
      db.insert(users).values({ username: m.uniqueKey, displayName: pnr, passwordHash: m.hash }),
    );
    app.get("/api/test/throws", publicRoute, async () => {
      throw new Error(`could not handle ${m.thrown} for ${pnr}`);
    });
    const cookie = await w.login("handlaggare");
    const results = {
      badValue: await app.inject({ method: "GET", url: "/api/test/bad-value" }),
      failedQuery: await app.inject({ method: "GET", url: "/api/test/failed-query" }),
      unique: await app.inject({ method: "GET", url: "/api/test/unique" }),
      throws: await app.inject({ method: "GET", url: "/api/test/throws" }),
      // Validation: a body with the wrong types and a personnummer that fails the check digit.
      invalid: await app.inject({
        method: "POST",
        url: "/api/persons",
        headers: { cookie },
        payload: { personnummer: pnr.replace(/.$/, (d) => String((Number(d) + 1) % 10)), firstName: 42, lastName: m.body },
      }),
      malformed: await app.inject({
        method: "POST",
        url: "/api/persons",
        headers: { cookie, "content-type": "application/json" },
        payload: `{"lastName": "${m.json}", "personnummer": "${pnr}`,
      }),
      nul: await app.inject({
        method: "PATCH",
        url: `/api/persons/${w.own.personId}`,
        headers: { cookie },
        payload: { firstName: `${m.nul}\u0000` },
      }),
      inPath: await app.inject({ method: "GET", url: `/api/persons/${pnr}?q=${m.query}`, headers: { cookie } }),
      unknown: await app.inject({ method: "GET", url: `/api/nope/${pnr}?q=${m.query}`, headers: { cookie } }),
    };
    await app.close();
    const status = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.statusCode]));
    expect(status).toEqual({
      badValue: 400,
      failedQuery: 500,
      unique: 409,
      throws: 500,
      invalid: 400,
      malformed: 400,
      nul: 400,
      inPath: 400,
      unknown: 404,
    });
    for (const r of Object.values(results)) expect(r.json().error).toHaveProperty("code");
    for (const marker of Object.values(m)) {
      expect(lines).not.toContain(marker);
      for (const r of Object.values(results)) expect(r.body).not.toContain(marker);
    }
    expect(lines).not.toContain(pnr.slice(2));
    expect(lines).not.toContain("Failed query");
    expect(lines).not.toContain("params:");
    // What is logged instead: the class, the SQLSTATE and the constraint, enough to find the fault.
    const logged = lines
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const errs = logged.filter((l) => l.err).map((l) => l.err);
    const codes = errs.map((e) => e.cause?.code ?? e.code);
    expect(codes).toEqual(expect.arrayContaining(["22P02", "42P01", "23505"]));
    expect(errs.find((e) => e.cause?.code === "23505")?.cause.constraint).toBe("users_username_unique");
    expect(errs.map((e) => e.type)).toEqual(expect.arrayContaining(["DrizzleQueryError", "Error"]));
    expect(errs.every((e) => typeof e.stack === "string" && !e.stack.includes(m.queryParam))).toBe(true);
  });
});
