import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECISION_TYPES, DEFAULT_DELEGATION } from "../../../domain/case-flow";
import { delegations } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  return { status: res.statusCode, body: res.json() };
}

const url = () => `/api/admin/districts/${w.own.id}/delegations`;
const rowsWith = (type: string, roles: string[]) =>
  DECISION_TYPES.map((decisionType) => ({
    decisionType,
    roles: decisionType === type ? roles : [...DEFAULT_DELEGATION[decisionType]],
  }));
const storedRows = () => w.database.db.select().from(delegations).where(eq(delegations.districtId, w.own.id));

describe("delegationsordning per district", () => {
  it("shows the default delegation until the district configures its own", async () => {
    const r = await call("systemadministrator", "GET", url());
    expect(r.status).toBe(200);
    expect(r.body.configured).toBe(false);
    expect(r.body.rows.find((x: { decisionType: string }) => x.decisionType === "forlangning").roles).toEqual(["enhetschef"]);
  });

  it("refuses an incomplete list, a role that takes no decisions, and an empty role set; nothing written", async () => {
    const missing = await call("systemadministrator", "PUT", url(), { rows: rowsWith("bistand", ["enhetschef"]).slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("invalid_delegation");
    const analyst = await call("systemadministrator", "PUT", url(), { rows: rowsWith("bistand", ["analytiker"]) });
    expect(analyst.status).toBe(400);
    expect(analyst.body.error.fields[0].path).toMatch(/^body\.rows\.\d+\.roles\.0$/);
    const empty = await call("systemadministrator", "PUT", url(), { rows: rowsWith("avslag", []) });
    expect(empty.status).toBe(400);
    expect(await storedRows()).toHaveLength(0);
  });

  it("gives 404 for an unknown district", async () => {
    const r = await call("systemadministrator", "GET", "/api/admin/districts/00000000-0000-4000-8000-000000000000/delegations");
    expect(r.status).toBe(404);
  });

  it("lets a handläggare extend an investigation once the district delegates förlängning to the role", async () => {
    const { investigationId } = await seedCase(w, "own", "investigating");
    const extend = () =>
      call("handlaggare", "POST", `/api/investigations/${investigationId}/extensions`, {
        decidedAt: new Date().toISOString(),
        reason: "Väntar på BUP:s utlåtande",
        newEndDate: new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10),
      });
    expect((await extend()).status).toBe(409);
    const put = await call("systemadministrator", "PUT", url(), { rows: rowsWith("forlangning", ["handlaggare", "enhetschef"]) });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.configured).toBe(true);
    const r = await extend();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The other district still runs on the default.
    const other = await call("systemadministrator", "GET", `/api/admin/districts/${w.other.id}/delegations`);
    expect(other.body.configured).toBe(false);
  });
});
