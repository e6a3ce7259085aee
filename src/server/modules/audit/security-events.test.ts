import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../testing/world";
import { verifyAuditChain } from "./service";

let w: World;
beforeAll(async () => {
  w = await createWorld();
  const cookie = await w.login("handlaggare");
  await w.app.inject({ method: "GET", url: `/api/persons/${w.own.personId}`, headers: { cookie } });
  await w.app.inject({ method: "GET", url: `/api/persons/${w.own.protectedPersonId}`, headers: { cookie } });
});
afterAll(async () => w?.close());

async function get(username: string, url: string) {
  return w.app.inject({ method: "GET", url, headers: { cookie: await w.login(username) } });
}
const since = async () => Number((await w.database.pool.query("select coalesce(max(id), 0) as m from audit_log")).rows[0].m);
async function rowsAfter(id: number, action: string) {
  const { rows } = await w.database.pool.query(
    "select username, role, unit_id, record_id, details from audit_log where id > $1 and action = $2 order by id",
    [id, action],
  );
  return rows;
}

describe("denied access is a security event", () => {
  it("writes one chained row when the scope answers 404: another district's person", async () => {
    const before = await since();
    const res = await get("handlaggare", `/api/persons/${w.other.personId}`);
    expect(res.statusCode).toBe(404);
    const rows = await rowsAfter(before, "security.access_denied");
    expect(rows).toEqual([
      {
        username: "handlaggare",
        role: "handlaggare",
        unit_id: w.own.unitId,
        record_id: w.other.personId,
        details: { method: "GET", route: "/api/persons/:id", reason: "not_found_or_out_of_scope" },
      },
    ]);
    expect(await verifyAuditChain(w.database)).toMatchObject({ intact: true });
  });

  it("writes one when the role lacks the permission", async () => {
    const before = await since();
    expect((await get("analytiker", `/api/persons/${w.own.personId}`)).statusCode).toBe(404);
    const [row] = await rowsAfter(before, "security.access_denied");
    expect(row).toMatchObject({ username: "analytiker", details: { reason: "permission", route: "/api/persons/:id" } });
  });

  it("writes none for a request that succeeds", async () => {
    const before = await since();
    expect((await get("handlaggare", `/api/persons/${w.own.personId}`)).statusCode).toBe(200);
    expect(await rowsAfter(before, "security.access_denied")).toEqual([]);
  });
});

describe("the audit page", () => {
  it("filters security events: denied access, failed sign-ins, role and permission changes", async () => {
    await w.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "kvalitet", password: "fel-fel-fel-fel" },
    });
    await w.app.inject({
      method: "PUT",
      url: `/api/admin/users/${w.userIds.kollega}/roles`,
      headers: { cookie: await w.login("systemadministrator") },
      payload: { assignments: [{ unitId: w.own.unitId, role: "samordnare" }] },
    });
    const res = await get("systemadministrator", "/api/audit?category=security&limit=100");
    expect(res.statusCode).toBe(200);
    const actions = new Set(res.json().items.map((r: { action: string }) => r.action));
    expect(actions).toContain("security.access_denied");
    expect(actions).toContain("security.login_failed");
    expect(actions).toContain("user.roles");
    expect(actions).not.toContain("person.read");
  });

  it("shows an administrator ids and actions, never a person's name", async () => {
    const res = await get("systemadministrator", `/api/audit?personId=${w.own.protectedPersonId}`);
    expect(res.statusCode).toBe(200);
    const rows = res.json().items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { personId: string; personName: string | null }) => r.personId && r.personName === null)).toBe(true);
    expect(res.body).not.toMatch(/Elias|Berg/);
    const all = await get("systemadministrator", "/api/audit?limit=100");
    expect(all.statusCode).toBe(200);
    expect(all.body).not.toMatch(/Alva|Andersson|Elias|Berg/);
  });

  it("shows the names to staff who may read the person", async () => {
    const res = await get("enhetschef", `/api/audit?personId=${w.own.personId}&action=person.read`);
    expect(res.json().items[0].personName).toBe("Alva AnderssonA");
  });
});
