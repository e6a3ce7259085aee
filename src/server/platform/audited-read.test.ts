import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/connection";
import { verifyAuditChain } from "../modules/audit/service";
import { freshDatabase } from "../testing/database";
import type { Actor } from "./actor";
import { auditedReadById, auditedReadCounts } from "./audited-read";

const actor: Actor = {
  userId: randomUUID(),
  username: "provare",
  displayName: "Provare",
  protectedIdentityAccess: false,
  assignments: [{ districtId: randomUUID(), districtName: "Prov", unitId: randomUUID(), unitName: "Prov", role: "enhetschef" }],
  requestId: "req-1",
  clientIp: "127.0.0.1",
};

describe("audited reads", () => {
  let db: Database;
  const districts: { id: string; name: string }[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    for (let i = 0; i < 9; i++) {
      const { rows } = await db.pool.query<{ id: string; name: string }>(
        "insert into districts (code, name) values ($1, $1) returning id, name",
        [`PROV-${i}`],
      );
      districts.push(rows[0] as { id: string; name: string });
    }
  });
  afterAll(async () => {
    await db.close();
  });

  const byName = auditedReadById<Record<string, unknown>>((_, id) => ({
    select: sql`select id as "id", name as "name" from districts where id = ${id}`,
  }));
  // Another shape: other columns, and a parameter before the id.
  const labelled = auditedReadById<Record<string, unknown>>((_, id) => ({
    select: sql`select ${"etikett"}::text as "kind", name as "label", id as "id" from districts where id = ${id}`,
  }));
  const withDetails = auditedReadById<Record<string, unknown>>((_, id) => ({
    select: sql`select id as "id", name as "name" from districts where id = ${id}`,
    details: sql`jsonb_build_object('name', found."name", 'note', ${"anteckning"}::text)`,
  }));
  // A scope that depends on the actor: compiled once per actor, never shared between them.
  const scoped = auditedReadById<Record<string, unknown>>((a, id) => ({
    select: sql`select id as "id" from districts where id = ${id} and code like ${a.username === "provare" ? "PROV-%" : "ANNAT-%"}`,
  }));
  const entry = (id: string, purpose?: string) =>
    ({ action: "district.read", permission: "person:read", recordType: "district", recordId: id, purpose }) as const;

  it("answers concurrent reads of different shapes each with its own columns, and audits each found row once", async () => {
    const before = Number((await db.pool.query("select coalesce(max(id), 0) as m from audit_log")).rows[0]?.m);
    const counted = auditedReadCounts();
    const missing = randomUUID();
    // Eleven at once: sizes that are not powers of two, two shapes interleaved, and one miss.
    const reads = [
      ...districts.map((d, i) => ({ id: d.id, shape: i % 3 === 0 ? "labelled" : "byName" })),
      { id: missing, shape: "byName" },
      { id: districts[0]?.id as string, shape: "details" },
    ];
    const answers = await Promise.all(
      reads.map((r) =>
        (r.shape === "labelled" ? labelled : r.shape === "details" ? withDetails : byName)(
          db,
          actor,
          r.id,
          entry(r.id, `syfte ${r.shape}`),
        ),
      ),
    );
    // Grouped: fewer statements than reads, and no batch fell back to single reads.
    const counts = auditedReadCounts();
    expect(counts.reads - counted.reads).toBe(reads.length);
    expect(counts.statements - counted.statements).toBeLessThanOrEqual(7);
    expect(counts.retriedAlone).toBe(counted.retriedAlone);
    reads.forEach((r, i) => {
      const district = districts.find((d) => d.id === r.id);
      if (!district) expect(answers[i]).toBeUndefined();
      else if (r.shape === "labelled") expect(answers[i]).toEqual({ kind: "etikett", label: district.name, id: district.id });
      else expect(answers[i]).toEqual({ id: district.id, name: district.name });
    });
    const { rows } = await db.pool.query<{
      record_id: string;
      purpose: string;
      username: string;
      role: string;
      details: unknown;
    }>("select record_id, purpose, username, role, details from audit_log where id > $1 order by id", [before]);
    expect(rows).toHaveLength(reads.length - 1);
    expect(rows.map((r) => `${r.record_id}|${r.purpose}`).sort()).toEqual(
      reads
        .filter((r) => r.id !== missing)
        .map((r) => `${r.id}|syfte ${r.shape}`)
        .sort(),
    );
    expect(rows.every((r) => r.username === "provare" && r.role === "enhetschef")).toBe(true);
    expect(rows.find((r) => r.purpose === "syfte details")?.details).toEqual({ name: districts[0]?.name, note: "anteckning" });
    expect(rows.filter((r) => r.details !== null)).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("fails only the read that is wrong when it shares a statement with good ones", async () => {
    const retriedBefore = auditedReadCounts().retriedAlone;
    const results = await Promise.allSettled([
      byName(db, actor, districts[1]?.id as string, entry("x")),
      byName(db, actor, districts[4]?.id as string, entry("x")),
      byName(db, actor, districts[5]?.id as string, entry("x")),
      byName(db, actor, "inte-ett-uuid", entry("x")),
      byName(db, actor, districts[2]?.id as string, entry("x")),
      byName(db, actor, districts[3]?.id as string, entry("x")),
    ]);
    const retried = auditedReadCounts().retriedAlone - retriedBefore;
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    // The bad read did share a statement with a good one, and both were then read alone.
    expect(retried).toBeGreaterThan(0);
    expect((results[2] as PromiseFulfilledResult<unknown>).value).toEqual({ id: districts[5]?.id, name: districts[5]?.name });
    expect((results[4] as PromiseFulfilledResult<unknown>).value).toEqual({ id: districts[2]?.id, name: districts[2]?.name });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("compiles a read per actor, so one actor's scope never answers for another's", async () => {
    const other: Actor = { ...actor, userId: randomUUID(), username: "annan" };
    const id = districts[6]?.id as string;
    const [mine, theirs, mineAgain] = await Promise.all([
      scoped(db, actor, id, entry(id)),
      scoped(db, other, id, entry(id)),
      scoped(db, actor, id, entry(id)),
    ]);
    expect(mine).toEqual({ id });
    expect(theirs).toBeUndefined();
    expect(mineAgain).toEqual({ id });
  });

  it("keeps the reads of two databases in one process apart", async () => {
    const second = await freshDatabase();
    try {
      const ids = districts.slice(0, 5).map((d) => d.id);
      const [here, there] = await Promise.all([
        Promise.all(ids.map((id) => byName(db, actor, id, entry(id)))),
        Promise.all(ids.map((id) => byName(second, actor, id, entry(id)))),
      ]);
      expect(here.map((row) => row?.id)).toEqual(ids);
      expect(there).toEqual(ids.map(() => undefined));
      expect(Number((await second.pool.query("select count(*) as n from audit_log")).rows[0]?.n)).toBe(0);
    } finally {
      await second.close();
    }
  });
});
