import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { createWorld, PASSWORD, type World } from "../testing/world";
import { parseTrustProxy, testConfig } from "./config";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./sessions";

let w: World;
/** The same server behind a proxy at 127.0.0.1, the address every injected request comes from. */
let proxied: FastifyInstance;
let byHops: FastifyInstance;
beforeAll(async () => {
  w = await createWorld();
  proxied = await buildApp({ config: testConfig({ trustProxy: ["127.0.0.1"] }), database: w.database });
  byHops = await buildApp({ config: testConfig({ trustProxy: 1 }), database: w.database });
});
afterAll(async () => {
  await proxied?.close();
  await byHops?.close();
  await w?.close();
});

const signIn = (app: FastifyInstance, username: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password: PASSWORD }, headers });

async function lastLoginIp(username: string): Promise<string> {
  const { rows } = await w.database.pool.query(
    "select s.client_ip from sessions s join users u on u.id = s.user_id where u.username = $1 order by s.created_at desc limit 1",
    [username],
  );
  return rows[0]?.client_ip;
}

describe("VAGVAL_TRUST_PROXY", () => {
  it("takes addresses, CIDRs or a hop count, and never trusts any client", () => {
    expect(parseTrustProxy("")).toEqual({ trustProxy: false });
    expect(parseTrustProxy("false")).toEqual({ trustProxy: false });
    expect(parseTrustProxy("2")).toEqual({ trustProxy: 2 });
    expect(parseTrustProxy("10.0.0.5, 10.1.0.0/16,::1, loopback")).toEqual({
      trustProxy: ["10.0.0.5", "10.1.0.0/16", "::1", "loopback"],
    });
    const any = parseTrustProxy("true");
    expect(any.trustProxy).toBe(false);
    expect(any.warning).toMatch(/any client/);
    expect(() => parseTrustProxy("proxy.example")).toThrow(/VAGVAL_TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow();
  });

  it("without trust, ignores a client's X-Forwarded-For: the audit and the limits see the real address", async () => {
    expect((await signIn(w.app, "handlaggare", { "x-forwarded-for": "203.0.113.9" })).statusCode).toBe(200);
    expect(await lastLoginIp("handlaggare")).toBe("127.0.0.1");
  });

  it("with a trusted proxy, takes the client address the proxy adds, not one the client made up", async () => {
    // The client sent "203.0.113.9"; the proxy appended the address it saw, 198.51.100.7.
    expect((await signIn(proxied, "samordnare", { "x-forwarded-for": "203.0.113.9, 198.51.100.7" })).statusCode).toBe(200);
    expect(await lastLoginIp("samordnare")).toBe("198.51.100.7");
    expect((await signIn(byHops, "enhetschef", { "x-forwarded-for": "203.0.113.9, 198.51.100.8" })).statusCode).toBe(200);
    expect(await lastLoginIp("enhetschef")).toBe("198.51.100.8");
  });

  it("checks a write's Origin against X-Forwarded-Host only when a trusted proxy sent it", async () => {
    const headers = { origin: "https://vagval.kommun.se", "x-forwarded-host": "vagval.kommun.se", host: "10.0.0.2:3000" };
    // Logout is a public write: the CSRF check is all that stands between it and the handler.
    const behind = await proxied.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(behind.statusCode).toBe(200);
    const direct = await w.app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(direct.statusCode).toBe(403);
    expect(direct.json().error.code).toBe("cross_site_request");
    // A trusted proxy's forwarded host does not make another site's Origin acceptable.
    const evil = await proxied.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...headers, origin: "https://evil.example" },
    });
    expect(evil.statusCode).toBe(403);
  });
});

describe("the session cookie", () => {
  it("is named __Host-… over HTTPS (Secure, Path=/, no Domain) and only that name counts there", async () => {
    const https = { "x-forwarded-proto": "https" };
    const res = await signIn(proxied, "kvalitet", https);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SECURE_SESSION_COOKIE);
    expect(cookie).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "Strict" });
    expect(cookie?.domain).toBeUndefined();
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const me = (name: string) =>
      proxied.inject({ method: "GET", url: "/api/auth/me", headers: { ...https, cookie: `${name}=${cookie?.value}` } });
    expect((await me(SECURE_SESSION_COOKIE)).statusCode).toBe(200);
    expect((await me(SESSION_COOKIE)).statusCode).toBe(401);
  });

  it("keeps the bare name over plain HTTP, where browsers refuse the prefix", async () => {
    const res = await signIn(w.app, "analytiker");
    expect(res.cookies.map((c) => c.name)).toEqual([SESSION_COOKIE]);
  });
});
