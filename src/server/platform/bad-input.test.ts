import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH, safeText, textUpTo } from "../../contracts/common";
import { createWorld, nextPersonnummer, type World } from "../testing/world";

let w: World;
let cookie: string;
beforeAll(async () => {
  w = await createWorld();
  cookie = await w.login("handlaggare");
});
afterAll(async () => w?.close());

const countPersons = async () => w.database.db.$count((await import("../db/schema/index")).persons);

async function post(url: string, body: string | object, headers: Record<string, string> = {}) {
  return w.app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": "application/json", ...headers },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const valid = () => ({
  personnummer: nextPersonnummer(),
  firstName: "Test",
  lastName: "Testsson",
  gender: "pojke",
  districtId: w.own.id,
});

describe("bad input", () => {
  it("answers malformed JSON with 400 malformed_json and no stack", async () => {
    const res = await post("/api/persons", '{"firstName": "Test", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("malformed_json");
    expect(res.body).not.toMatch(/at .*\.ts|node_modules/);
  });

  it("names the field with the wrong type", async () => {
    const res = await post("/api/persons", { ...valid(), firstName: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain("body.firstName");
  });

  it("refuses unknown fields by name", async () => {
    const res = await post("/api/persons", { ...valid(), isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("body.isAdmin");
  });

  it("refuses an invalid personnummer without echoing it and writes nothing", async () => {
    const before = await countPersons();
    const res = await post("/api/persons", { ...valid(), personnummer: "20110101-1234" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("body.personnummer");
    expect(res.body).not.toContain("1234");
    expect(await countPersons()).toBe(before);
  });

  it("refuses an oversized body with 413", async () => {
    const res = await post("/api/persons", { ...valid(), firstName: "x".repeat(300_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("body_too_large");
    expect(res.json().error).toMatchObject({ message: expect.any(String), fields: [] });
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("refuses text over its field's bound with 400 naming the field, and writes nothing", async () => {
    const before = await countPersons();
    const res = await post("/api/persons", { ...valid(), firstName: "x".repeat(MAX_TEXT_LENGTH + 1) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["body.firstName"]);
    expect(await countPersons()).toBe(before);
  });

  it("refuses a report received in the future, or before 1900 (0001-01-01), and writes nothing", async () => {
    const { reports } = await import("../db/schema/index");
    const before = await w.database.db.$count(reports);
    const report = (receivedAt: string) =>
      post("/api/reports", {
        personId: w.own.personId,
        districtId: w.own.id,
        receivedAt,
        reporterCategory: "fritid_civilsamhalle",
        text: "Oro.",
      });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const future = await report(tomorrow);
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: "in_future", fields: [{ path: "body.receivedAt" }] });
    for (const receivedAt of ["0001-01-01T00:00:00Z", "1899-12-31T23:00:00Z", "2101-01-01T00:00:00Z"]) {
      const res = await report(receivedAt);
      expect(res.statusCode, receivedAt).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["body.receivedAt"]);
    }
    expect(await w.database.db.$count(reports)).toBe(before);
  });

  it("bounds every text field, even one whose contract names no bound", () => {
    expect(safeText.safeParse("x".repeat(MAX_TEXT_LENGTH)).success).toBe(true);
    expect(safeText.safeParse("x".repeat(MAX_TEXT_LENGTH + 1)).success).toBe(false);
    // A field's own bound can only lower the default; a longer field says so with textUpTo.
    expect(safeText.max(20_000).safeParse("x".repeat(MAX_TEXT_LENGTH + 1)).success).toBe(false);
    expect(textUpTo(20_000).safeParse("x".repeat(20_000)).success).toBe(true);
    expect(textUpTo(20_000).safeParse("x\u0000").success).toBe(false);
  });

  it("refuses a non-JSON body with 415", async () => {
    const res = await post("/api/persons", "firstName=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.statusCode).toBe(415);
  });

  it("refuses an id that is not a UUID with 400", async () => {
    const res = await w.app.inject({ method: "GET", url: "/api/persons/123", headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("params.id");
  });

  it("answers unknown API paths with 404 in the error shape", async () => {
    const res = await w.app.inject({ method: "GET", url: "/api/nope", headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("leaves nothing half-written when a command fails part-way", async () => {
    const admin = await w.login("systemadministrator");
    const res = await w.app.inject({
      method: "POST",
      url: "/api/admin/users",
      headers: { cookie: admin },
      payload: {
        username: "halv.skriven",
        displayName: "Halv Skriven",
        password: "ett-långt-lösenord-2026",
        assignments: [{ unitId: "00000000-0000-4000-8000-000000000000", role: "handlaggare" }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("body.assignments.0.unitId");
    const list = await w.app.inject({ method: "GET", url: "/api/admin/users", headers: { cookie: admin } });
    expect(list.json().items.map((u: { username: string }) => u.username)).not.toContain("halv.skriven");
  });
});
