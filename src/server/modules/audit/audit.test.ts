import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";
import { verifyAuditChain } from "./service";

let w: World;
beforeAll(async () => {
  w = await createWorld();
  const cookie = await w.login("handlaggare");
  for (let i = 0; i < 3; i++) await w.app.inject({ method: "GET", url: `/api/persons/${w.own.personId}`, headers: { cookie } });
});
afterAll(async () => w?.close());

describe("audit log", () => {
  it("shows enhetschef who has read a person", async () => {
    const res = await w.app.inject({
      method: "GET",
      url: `/api/audit?personId=${w.own.personId}&action=person.read`,
      headers: { cookie: await w.login("enhetschef") },
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json().items;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({
      username: "handlaggare",
      role: "handlaggare",
      action: "person.read",
      personName: "Alva AnderssonA",
    });
  });

  it("filters by user and period", async () => {
    const cookie = await w.login("kvalitet");
    const byUser = await w.app.inject({ method: "GET", url: `/api/audit?userId=${w.userIds.handlaggare}`, headers: { cookie } });
    expect(byUser.json().items.every((r: { username: string }) => r.username === "handlaggare")).toBe(true);
    const past = await w.app.inject({ method: "GET", url: "/api/audit?from=2020-01-01&to=2020-12-31", headers: { cookie } });
    expect(past.json().items).toEqual([]);
  });

  it("pages by its own cursor and refuses a crafted one with 400 invalid_cursor, reading nothing", async () => {
    const cookie = await w.login("kvalitet");
    const get = (query: string) => w.app.inject({ method: "GET", url: `/api/audit?${query}`, headers: { cookie } });
    const first = (await get("limit=2")).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await get(`limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);

    const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
    const crafted = [
      b64(["abc"]),
      b64(["12"]),
      b64([1.5]),
      b64([-1]),
      b64([1e300]),
      b64([9007199254740993]),
      b64([null]),
      b64([true]),
      b64([[1]]),
      b64([1, 2]),
      b64([]),
      b64({ id: 1 }),
      b64(12),
      b64("[1"),
      b64("0000-01-01T00:00:00Z"),
      "AAAA",
    ];
    const rowsBefore = Number((await w.database.pool.query("select count(*) as n from audit_log")).rows[0].n);
    for (const cursor of crafted) {
      const res = await get(`cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error, cursor).toMatchObject({ code: "invalid_cursor", fields: [{ path: "cursor" }] });
    }
    // A refused page is not a read of the log: no audit.read row was written for any of them.
    expect(Number((await w.database.pool.query("select count(*) as n from audit_log")).rows[0].n)).toBe(rowsBefore);
  });

  it("is append-only: updates, deletes and truncation are refused", async () => {
    await expect(w.database.pool.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(w.database.pool.query("delete from audit_log")).rejects.toThrow(/append-only/);
    await expect(w.database.pool.query("truncate audit_log")).rejects.toThrow(/append-only/);
  });

  it("writes one chained audit row per case a deadline overview shows, naming who, in which role, and the request", async () => {
    const { caseId } = await seedCase(w, "own", "reported");
    const before = (await w.database.pool.query("select coalesce(max(id), 0) as id from audit_log")).rows[0].id;
    const res = await w.app.inject({ method: "GET", url: "/api/deadlines", headers: { cookie: await w.login("enhetschef") } });
    expect(res.statusCode).toBe(200);
    const shown = new Set(res.json().items.map((i: { caseId: string }) => i.caseId));
    expect(shown.has(caseId)).toBe(true);
    const { rows } = await w.database.pool.query(
      "select record_id, person_id, username, role, request_id from audit_log where action = 'deadline.list_result' and id > $1",
      [before],
    );
    expect(new Set(rows.map((r) => r.record_id))).toEqual(shown);
    expect(rows.find((r) => r.record_id === caseId)).toMatchObject({
      person_id: w.own.personId,
      username: "enhetschef",
      role: "enhetschef",
    });
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(1);
    expect(await verifyAuditChain(w.database)).toMatchObject({ intact: true });
  });

  it("commits concurrent person reads in groups, each answered with its own person and audited once", async () => {
    const before = Number((await w.database.pool.query("select coalesce(max(id), 0) as m from audit_log")).rows[0]?.m);
    const users = ["handlaggare", "samordnare", "enhetschef", "kvalitet", "handlaggare.b"];
    const cookies = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await w.login(u)] as const)));
    // Twenty reads at once: own-district persons by own-district staff, and one read that is out of scope.
    const calls = Array.from({ length: 20 }, (_, i) => {
      const user = users[i % users.length] as string;
      const personId = user.endsWith(".b") ? w.own.personId : i % 2 ? w.own.personId : w.own.protectedPersonId;
      return { user, personId, purpose: `Syfte ${i}` };
    });
    const answers = await Promise.all(
      calls.map((c) =>
        w.app.inject({
          method: "GET",
          url: `/api/persons/${c.personId}`,
          headers: { cookie: cookies[c.user] as string, "x-purpose": c.purpose },
        }),
      ),
    );
    answers.forEach((res, i) => {
      const c = calls[i] as (typeof calls)[number];
      if (c.user.endsWith(".b")) expect(res.statusCode, c.user).toBe(404);
      else {
        expect(res.statusCode, c.user).toBe(200);
        expect(res.json().id).toBe(c.personId);
      }
    });
    const rows = (
      await w.database.pool.query(
        "select username, person_id, purpose from audit_log where id > $1 and action = 'person.read' order by id",
        [before],
      )
    ).rows as { username: string; person_id: string; purpose: string }[];
    const expected = calls.filter((c) => !c.user.endsWith(".b"));
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => `${r.username}|${r.person_id}|${r.purpose}`))).toEqual(
      new Set(expected.map((c) => `${c.user}|${c.personId}|${c.purpose}`)),
    );
    expect(await verifyAuditChain(w.database)).toMatchObject({ intact: true });
  });

  it("verifies an intact chain and reports the first broken link after tampering", async () => {
    const intact = await verifyAuditChain(w.database);
    expect(intact).toMatchObject({ intact: true, firstBrokenId: null });
    expect(intact.checked).toBeGreaterThan(3);
    // Tamper as an attacker with table-owner rights would: bypass the guard triggers.
    const { rows } = await w.database.pool.query<{ id: string }>("select id from audit_log order by id limit 1 offset 2");
    const victim = Number(rows[0]?.id);
    await w.database.pool.query("alter table audit_log disable trigger audit_log_no_update");
    await w.database.pool.query("update audit_log set username = 'någon-annan' where id = $1", [victim]);
    await w.database.pool.query("alter table audit_log enable trigger audit_log_no_update");
    expect(await verifyAuditChain(w.database)).toMatchObject({ intact: false, firstBrokenId: victim });
  });

  it("keeps one unbroken chain under concurrent writers", async () => {
    const db2 = await import("../../testing/database").then((m) => m.freshDatabase());
    try {
      const { audit } = await import("../../platform/audit");
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          db2.db.transaction((tx) => audit(tx, null, { action: `test.${i}`, permission: "self" })),
        ),
      );
      expect(await verifyAuditChain(db2)).toMatchObject({ intact: true, checked: 40 });
    } finally {
      await db2.close();
    }
  });
  it("keeps the chain whole across multi-row inserts, several statements and a rolled-back savepoint in one transaction", async () => {
    const db2 = await import("../../testing/database").then((m) => m.freshDatabase());
    try {
      const { audit } = await import("../../platform/audit");
      const rows = (n: number, tag: string) =>
        Array.from({ length: n }, (_, i) => ({ action: `${tag}.${i}`, permission: "self" as const }));
      await Promise.all([
        db2.db.transaction(async (tx) => {
          await audit(tx, null, rows(50, "a"));
          await tx
            .transaction(async (sp) => {
              await audit(sp, null, rows(5, "dropped"));
              sp.rollback();
            })
            .catch(() => undefined);
          await audit(tx, null, rows(20, "b"));
        }),
        ...Array.from({ length: 10 }, (_, i) => db2.db.transaction((tx) => audit(tx, null, rows(3, `c${i}`)))),
      ]);
      expect(await verifyAuditChain(db2)).toMatchObject({ intact: true, checked: 100 });
      const dropped = await db2.pool.query("select count(*)::int as n from audit_log where action like 'dropped.%'");
      expect(dropped.rows[0].n).toBe(0);
    } finally {
      await db2.close();
    }
  });
});
