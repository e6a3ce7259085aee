import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../platform/config";
import { createWorld, PASSWORD, type World } from "../../testing/world";
import { verifyAuditChain } from "../audit/service";

/** The limits the world below runs with, where a test does not set its own. */
const defaults = testConfig();

let w: World;
beforeAll(async () => {
  // Slowing a username under attack is measured here, so its delay is short but visible.
  w = await createWorld({ config: { loginUserSlowAfter: 10, loginUserMaxDelayMs: 400 } });
});
afterAll(async () => w?.close());

const login = (username: string, password: string, ip: string) =>
  w.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress: ip });

async function auditRows(action: string, since: number) {
  const { rows } = await w.database.pool.query(
    "select user_id, username, client_ip, details from audit_log where action = $1 and id > $2 order by id",
    [action, since],
  );
  return rows as { user_id: string | null; username: string | null; client_ip: string; details: Record<string, unknown> }[];
}
const lastAuditId = async () =>
  Number((await w.database.pool.query("select coalesce(max(id), 0) as m from audit_log")).rows[0].m);

describe("sign-in limits", () => {
  it("counts twenty parallel wrong passwords atomically: five are tried, the rest refused, and the right one waits", async () => {
    const since = await lastAuditId();
    const answers = await Promise.all(Array.from({ length: 20 }, () => login("handlaggare", "fel-fel-fel-fel", "10.1.0.1")));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await login("handlaggare", PASSWORD, "10.1.0.1")).statusCode).toBe(429);
    // Every attempt left a security event in the audit chain, naming the account that exists.
    const failed = await auditRows("security.login_failed", since);
    const locked = await auditRows("security.login_locked", since);
    expect(failed).toHaveLength(5);
    expect(locked).toHaveLength(16);
    expect(failed.every((r) => r.user_id === w.userIds.handlaggare && r.client_ip === "10.1.0.1")).toBe(true);
    expect(await verifyAuditChain(w.database)).toMatchObject({ intact: true });
  });

  it("does not let an attacker elsewhere lock the real user out: the username is slowed, not locked", async () => {
    // Ten addresses, six wrong passwords each: every address is held back, the account is not.
    const perAddress = await Promise.all(
      Array.from({ length: 10 }, async (_, ip) => {
        const statuses = [];
        for (let i = 0; i < 6; i++) statuses.push((await login("samordnare", "gissning-gissning", `10.2.0.${ip}`)).statusCode);
        return statuses;
      }),
    );
    for (const statuses of perAddress) expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const started = Date.now();
    const own = await login("samordnare", PASSWORD, "192.168.1.20");
    expect(own.statusCode).toBe(200);
    // Sixty failures on the username: its answers are delayed (here at most 400 ms).
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it("throttles one address spraying many usernames, and only that address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login(`anvandare.${i}`, "Sommar2026!", "10.3.0.1")).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // A real user behind the sprayer's address waits too; from another address they sign in.
    expect((await login("analytiker", PASSWORD, "10.3.0.1")).statusCode).toBe(429);
    expect((await login("analytiker", PASSWORD, "10.3.0.2")).statusCode).toBe(200);
  });

  it("forgets a user's own failures once they sign in", async () => {
    for (let i = 0; i < 4; i++) expect((await login("kvalitet", "skrev-fel-igen", "10.4.0.1")).statusCode).toBe(401);
    expect((await login("kvalitet", PASSWORD, "10.4.0.1")).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login("kvalitet", "skrev-fel-igen", "10.4.0.1")).statusCode).toBe(401);
    expect((await login("kvalitet", PASSWORD, "10.4.0.1")).statusCode).toBe(200);
  });

  it("keeps the counters in PostgreSQL, shared by every server instance", async () => {
    const { buildApp } = await import("../../app");
    const { testConfig } = await import("../../platform/config");
    const second = await buildApp({ config: testConfig(), database: w.database });
    try {
      for (let i = 0; i < 3; i++) expect((await login("enhetschef", "fel-fel-fel-fel", "10.5.0.1")).statusCode).toBe(401);
      const other = (password: string) =>
        second.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "enhetschef", password },
          remoteAddress: "10.5.0.1",
        });
      expect((await other("fel-fel-fel-fel")).statusCode).toBe(401);
      expect((await other("fel-fel-fel-fel")).statusCode).toBe(401);
      expect((await other(PASSWORD)).statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it("tells a refused client how many seconds to wait (Retry-After)", async () => {
    for (let i = 0; i < 5; i++) expect((await login("utforare", "fel-fel-fel-fel", "10.7.0.1")).statusCode).toBe(401);
    const refused = await login("utforare", PASSWORD, "10.7.0.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("locked");
    // The first delay: 30 s (or the lock time, if shorter), counted from the refused attempt's block.
    const wait = Number(refused.headers["retry-after"]);
    expect(Number.isInteger(wait)).toBe(true);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(Math.min(30, defaults.loginLockMs / 1000));
    // Answers that were not refused carry no Retry-After.
    expect((await login("utforare", "fel-fel-fel-fel", "10.7.0.2")).headers["retry-after"]).toBeUndefined();
  });

  it("tells a client refused by the self-report form's limit how long to wait", async () => {
    const form = () =>
      w.app.inject({
        method: "POST",
        url: "/api/self-report/form",
        payload: { token: `${"r".repeat(42)}A` },
        remoteAddress: "10.7.1.1",
      });
    for (let i = 0; i < defaults.selfReportLinkMax; i++) expect((await form()).statusCode).toBe(404);
    const refused = await form();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("rate_limited");
    const wait = Number(refused.headers["retry-after"]);
    expect(Number.isInteger(wait)).toBe(true);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(10 * 60);
  });

  it("records an unknown username without keeping what was typed", async () => {
    const since = await lastAuditId();
    await login("mitt-hemliga-losenord", "x-x-x-x-x-x", "10.6.0.1");
    const [row] = await auditRows("security.login_failed", since);
    expect(row).toMatchObject({ user_id: null, username: null, client_ip: "10.6.0.1" });
    expect(JSON.stringify(row)).not.toContain("mitt-hemliga");
  });
});
