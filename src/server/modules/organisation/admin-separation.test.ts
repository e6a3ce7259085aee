import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../../testing/world";
import { verifyAuditChain } from "../audit/service";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

async function as(username: string, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const me = (username: string) => as(username, "GET", "/api/auth/me");

describe("an administrator cannot widen their own access", () => {
  it("refuses roles the administrator does not already hold, with the error shape, and changes nothing", async () => {
    const id = w.userIds.systemadministrator as string;
    const res = await as("systemadministrator", "PUT", `/api/admin/users/${id}/roles`, {
      assignments: [
        { unitId: w.own.unitId, role: "systemadministrator" },
        { unitId: w.own.unitId, role: "enhetschef" },
      ],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: "self_grant_forbidden", fields: [{ path: "body.assignments.1" }] });
    expect((await me("systemadministrator")).json().roles).toEqual(["systemadministrator"]);
  });

  it("refuses protected-identity access for oneself, even as a request", async () => {
    const res = await as("systemadministrator", "PATCH", `/api/admin/users/${w.userIds.systemadministrator}`, {
      protectedIdentityAccess: true,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("self_grant_forbidden");
    const grants = await as("systemadministrator.b", "GET", "/api/admin/protected-access-grants");
    expect(grants.json().items).toEqual([]);
  });

  it("still lets an administrator give up a role of their own", async () => {
    const id = w.userIds["systemadministrator.b"] as string;
    const both = [
      { unitId: w.other.unitId, role: "systemadministrator" },
      { unitId: w.other.unitId, role: "analytiker" },
    ];
    // Another administrator gives the extra role; its holder may then drop it.
    expect((await as("systemadministrator", "PUT", `/api/admin/users/${id}/roles`, { assignments: both })).statusCode).toBe(200);
    const drop = await as("systemadministrator.b", "PUT", `/api/admin/users/${id}/roles`, { assignments: both.slice(0, 1) });
    expect(drop.statusCode).toBe(200);
  });
});

describe("protected-identity access takes two administrators", () => {
  it("is pending after one asks, and given only when another approves; each step audited", async () => {
    const kollega = w.userIds.kollega as string;
    const asked = await as("systemadministrator", "PATCH", `/api/admin/users/${kollega}`, { protectedIdentityAccess: true });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ protectedIdentityAccess: false, protectedIdentityAccessPending: true });

    const list = await as("systemadministrator", "GET", "/api/admin/protected-access-grants");
    const grant = list.json().items.find((g: { userId: string }) => g.userId === kollega);
    expect(grant).toMatchObject({ username: "kollega", requestedByUsername: "systemadministrator" });

    const own = await as("systemadministrator", "POST", `/api/admin/protected-access-grants/${grant.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("four_eyes_required");

    const approved = await as("systemadministrator.b", "POST", `/api/admin/protected-access-grants/${grant.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ protectedIdentityAccess: true, protectedIdentityAccessPending: false });
    // Decided once: a second approval finds nothing pending.
    expect((await as("systemadministrator.b", "POST", `/api/admin/protected-access-grants/${grant.id}/approve`)).statusCode).toBe(
      404,
    );

    const { rows } = await w.database.pool.query(
      "select action, username from audit_log where record_id = $1 and action like 'protected_access.%' order by id",
      [grant.id],
    );
    expect(rows).toEqual([
      { action: "protected_access.request", username: "systemadministrator" },
      { action: "protected_access.approve", username: "systemadministrator.b" },
    ]);
    expect(await verifyAuditChain(w.database)).toMatchObject({ intact: true });
  });

  it("does not let the user it is for approve it, and a rejected request gives nothing", async () => {
    // systemadministrator.b asks for systemadministrator: the one it is for may not decide.
    const target = w.userIds.systemadministrator as string;
    await as("systemadministrator.b", "PATCH", `/api/admin/users/${target}`, { protectedIdentityAccess: true });
    const list = await as("systemadministrator.b", "GET", "/api/admin/protected-access-grants");
    const grant = list.json().items.find((g: { userId: string }) => g.userId === target);
    const self = await as("systemadministrator", "POST", `/api/admin/protected-access-grants/${grant.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe("self_grant_forbidden");
    expect((await me("systemadministrator")).json().protectedIdentityAccess).toBe(false);
  });

  it("asks, rather than gives, when a user is created with the access; taking it away is immediate", async () => {
    const created = await as("systemadministrator", "POST", "/api/admin/users", {
      username: "ny.skyddad",
      displayName: "Ny Skyddad",
      password: "ett-långt-lösenord-2026",
      protectedIdentityAccess: true,
      assignments: [{ unitId: w.own.unitId, role: "handlaggare" }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ protectedIdentityAccess: false, protectedIdentityAccessPending: true });
    const off = await as("systemadministrator", "PATCH", `/api/admin/users/${created.json().id}`, {
      protectedIdentityAccess: false,
    });
    expect(off.json()).toMatchObject({ protectedIdentityAccess: false, protectedIdentityAccessPending: false });
    const enhetschef = w.userIds.enhetschef as string;
    const revoked = await as("systemadministrator", "PATCH", `/api/admin/users/${enhetschef}`, {
      protectedIdentityAccess: false,
    });
    expect(revoked.json().protectedIdentityAccess).toBe(false);
  });
});
