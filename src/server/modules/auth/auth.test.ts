import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../db/schema/index";
import { forgetCachedSessions } from "../../platform/sessions";
import { createWorld, PASSWORD, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const login = (username: string, password: string) =>
  w.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
const cookieOf = (res: Awaited<ReturnType<typeof login>>) =>
  `vagval_session=${res.cookies.find((c) => c.name === "vagval_session")?.value}`;

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and returns the user with roles and units", async () => {
    const res = await login("handlaggare", PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "vagval_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(res.json()).toMatchObject({ username: "handlaggare", roles: ["handlaggare"] });
    expect(res.json().assignments[0].unitId).toBe(w.own.unitId);
  });

  it("marks the cookie Secure when served over HTTPS", async () => {
    const res = await w.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "samordnare", password: PASSWORD },
      headers: { "x-forwarded-proto": "https" },
      // Without trustProxy the header is ignored: the protocol is the socket's, so not Secure here.
    });
    expect(res.cookies.find((c) => c.name === "vagval_session")?.secure).toBeFalsy();
  });

  it("gives the same answer for a wrong password and an unknown user", async () => {
    const a = await login("handlaggare", "fel-lösenord-här");
    const b = await login("finns.inte", "fel-lösenord-här");
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.body).toBe(b.body);
  });

  it("locks a username after five failures, even with the right password, whether or not it exists", async () => {
    for (let i = 0; i < 5; i++) expect((await login("kvalitet", "fel-fel-fel-fel")).statusCode).toBe(401);
    expect((await login("kvalitet", PASSWORD)).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) await login("okand.person", "fel-fel-fel-fel");
    expect((await login("okand.person", "fel-fel-fel-fel")).statusCode).toBe(429);
  });

  it("refuses a deactivated user and ends their sessions", async () => {
    const session = cookieOf(await login("samordnare.b", PASSWORD));
    // Signed in and in use (so the session is cached) when the administrator acts.
    expect((await w.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session } })).statusCode).toBe(200);
    const admin = cookieOf(await login("systemadministrator", PASSWORD));
    const off = await w.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${w.userIds["samordnare.b"]}`,
      headers: { cookie: admin },
      payload: { active: false },
    });
    expect(off.json().deactivatedAt).toBeTruthy();
    expect((await w.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session } })).statusCode).toBe(401);
    expect((await login("samordnare.b", PASSWORD)).statusCode).toBe(401);
  });
});

describe("role changes", () => {
  it("apply from the user's very next request", async () => {
    const session = cookieOf(await login("handlaggare.b", PASSWORD));
    const cases = () => w.app.inject({ method: "GET", url: "/api/cases", headers: { cookie: session } });
    expect((await cases()).statusCode).toBe(200);
    const admin = cookieOf(await login("systemadministrator", PASSWORD));
    const res = await w.app.inject({
      method: "PUT",
      url: `/api/admin/users/${w.userIds["handlaggare.b"]}/roles`,
      headers: { cookie: admin },
      payload: { assignments: [{ unitId: w.other.unitId, role: "analytiker" }] },
    });
    expect(res.statusCode).toBe(200);
    expect((await cases()).statusCode).toBe(404);
  });
});

describe("sessions", () => {
  it("ends on logout", async () => {
    const cookie = cookieOf(await login("analytiker", PASSWORD));
    expect((await w.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(200);
    expect((await w.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } })).statusCode).toBe(200);
    expect((await w.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("expires after 30 idle minutes and after 12 hours in all", async () => {
    const idle = cookieOf(await login("analytiker.b", PASSWORD));
    await w.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` });
    forgetCachedSessions(); // the test edits the table behind the app's back
    expect((await w.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: idle } })).statusCode).toBe(401);
    const old = cookieOf(await login("analytiker.b", PASSWORD));
    await w.database.db.update(sessions).set({ createdAt: sql`now() - interval '13 hours'` });
    forgetCachedSessions();
    expect((await w.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: old } })).statusCode).toBe(401);
  });

  it("stores only a hash of the session token", async () => {
    const res = await login("insatsutforare", PASSWORD);
    const token = res.cookies.find((c) => c.name === "vagval_session")?.value ?? "";
    const rows = await w.database.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});

describe("change password", () => {
  it("refuses short and common passwords and accepts a strong one", async () => {
    const cookie = cookieOf(await login("kvalitet.b", PASSWORD));
    const change = (newPassword: string) =>
      w.app.inject({
        method: "POST",
        url: "/api/auth/password",
        headers: { cookie },
        payload: { currentPassword: PASSWORD, newPassword },
      });
    const short = await change("kort");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe("body.newPassword");
    expect((await change("password123456")).json().error.code).toBe("weak_password");
    expect((await change("qwertyuiop12")).json().error.code).toBe("weak_password");
    expect((await change("en-lång-och-ovanlig-fras")).statusCode).toBe(200);
    expect((await login("kvalitet.b", "en-lång-och-ovanlig-fras")).statusCode).toBe(200);
  });
});

describe("browser protections", () => {
  it("refuses a state-changing request from another site", async () => {
    const cookie = cookieOf(await login("enhetschef.b", PASSWORD));
    const res = await w.app.inject({
      method: "PATCH",
      url: `/api/persons/${w.other.personId}`,
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      payload: { firstName: "Hackad" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("cross_site_request");
  });

  it("sends a CSP, forbids framing and sniffing", async () => {
    const res = await w.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
