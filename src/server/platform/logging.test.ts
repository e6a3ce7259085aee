import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { persons } from "../db/schema/index";
import { createWorld, type World } from "../testing/world";
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
    expect(completed.map((l) => JSON.parse(l).res.statusCode)).toEqual([401, 200, 200, 400]);
    expect(lines).not.toContain("incoming request");
  });
});
