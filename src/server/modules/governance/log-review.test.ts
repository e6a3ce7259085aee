import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles";
import { stockholmDate } from "../../../domain/time";
import { caseCoHandlers, cases, persons } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

let w: World;
const month = () => stockholmDate(new Date()).slice(0, 7);
let reviewId: string;
const many: string[] = [];
let coHandledPersonId: string;

beforeAll(async () => {
  w = await createWorld();
  const { db } = w.database;
  // The handläggare has a case on the first young person; nobody has one on the protected person.
  await db.insert(cases).values({
    personId: w.own.personId,
    districtId: w.own.id,
    unitId: w.own.unitId,
    assignedTo: w.userIds.handlaggare,
    openedAt: new Date(),
  });
  for (let i = 0; i < 52; i++) {
    const [p] = await db
      .insert(persons)
      .values({
        personnummer: nextPersonnummer(),
        kind: "ung",
        firstName: "Test",
        lastName: `Person${i}`,
        gender: "pojke",
        birthDate: "2011-01-01",
        districtId: w.own.id,
      })
      .returning({ id: persons.id });
    many.push(p?.id as string);
  }
  // A case with no unit whose only relation to a colleague is that they work it as medhandläggare.
  const [co] = await db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: "Test",
      lastName: "Medhandlagd",
      gender: "flicka",
      birthDate: "2011-01-01",
      districtId: w.own.id,
    })
    .returning({ id: persons.id });
  coHandledPersonId = co?.id as string;
  const [coCase] = await db
    .insert(cases)
    .values({ personId: coHandledPersonId, districtId: w.own.id, openedAt: new Date() })
    .returning({ id: cases.id });
  await db.insert(caseCoHandlers).values({
    caseId: coCase?.id as string,
    userId: w.userIds.kollega as string,
    addedBy: w.userIds.enhetschef as string,
  });
  await audit(db, actorFor("kollega", "handlaggare", { ...w.own, unitId: w.own.providerUnitId }), {
    action: "person.read",
    permission: "person:read",
    personId: coHandledPersonId,
    recordType: "person",
    recordId: coHandledPersonId,
  });
  // Reads as the pages make them: the case's handläggare opens the person (no flag from the case rule).
  expect((await call("handlaggare", "GET", `/api/persons/${w.own.personId}`)).statusCode).toBe(200);
  // The enhetschef opens the protected person, with no case on them.
  expect((await call("enhetschef", "GET", `/api/persons/${w.own.protectedPersonId}`)).statusCode).toBe(200);
  // Another district's handläggare reads this district's person (written straight, as if shared and then revoked).
  await audit(db, actorFor("handlaggare.b", "handlaggare", w.other), {
    action: "person.read",
    permission: "person:read",
    personId: w.own.personId,
    recordType: "person",
    recordId: w.own.personId,
  });
  // The samordnare opens 52 persons in a minute.
  await audit(
    db,
    actorFor("samordnare", "samordnare", w.own),
    many.map((id) => ({
      action: "person.read",
      permission: "person:read" as const,
      personId: id,
      recordType: "person",
      recordId: id,
    })),
  );
});
afterAll(async () => w?.close());

function actorFor(username: string, role: Role, d: World["own"]): Actor {
  return {
    userId: w.userIds[username] as string,
    username,
    displayName: username,
    protectedIdentityAccess: false,
    assignments: [{ role, unitId: d.unitId, unitName: "Utredning", districtId: d.id, districtName: "D" }],
    requestId: "test",
    clientIp: "127.0.0.1",
  };
}
async function call(username: string, method: "GET" | "POST", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const paths = (res: { json: () => { error: { fields: { path: string }[] } } }) => res.json().error.fields.map((f) => f.path);
interface Item {
  id: string;
  kind: string;
  auditId: number | null;
  userId: string | null;
  personId: string | null;
  flags: string[];
  drawnByRule: boolean;
  drawnAtRandom: boolean;
  verdict: string | null;
  deviationId: string | null;
  details: Record<string, unknown> | null;
}
const entries = async () => (await call("kvalitet", "GET", `/api/log-reviews/${reviewId}`)).json().entries as Item[];

describe("log review (loggkontroll)", () => {
  it("draws the month's review: flagged rows, a random sample and readers, with seed and method stored", async () => {
    const res = await call("kvalitet", "POST", "/api/log-reviews", {
      districtId: w.own.id,
      month: month(),
      seed: "vx-test",
      rowSample: 5,
      userSample: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    reviewId = res.json().id;
    // Drawn again from the stored seed over the same rows, it is the same review.
    const verify = await call("kvalitet", "GET", `/api/log-reviews/${reviewId}/verify`);
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ matches: true, onlyStored: [], onlyRedrawn: [], usersMatch: true });

    const detail = (await call("kvalitet", "GET", `/api/log-reviews/${reviewId}`)).json();
    expect(detail.seed).toBe("vx-test");
    expect(detail.method).toContain("cyrb53");
    expect(detail.method).toContain("HSLF-FS 2016:40");
    expect(detail.frame.monthComplete).toBe(false);
    expect(detail.frame.rows).toBeGreaterThanOrEqual(55);
    const items = detail.entries as Item[];
    const flagsFor = (pred: (i: Item) => boolean) => items.filter(pred).map((i) => i.flags);
    // The case's handläggare: no rule on the case relation.
    for (const f of flagsFor((i) => i.userId === w.userIds.handlaggare && i.personId === w.own.personId))
      expect(f).not.toContain("no_case_relation");
    // A medhandläggare is related to the case's person as the responsible one is.
    for (const f of flagsFor((i) => i.userId === w.userIds.kollega && i.personId === coHandledPersonId))
      expect(f).not.toContain("no_case_relation");
    expect(flagsFor((i) => i.personId === w.own.protectedPersonId)[0]).toEqual(
      expect.arrayContaining(["protected_identity", "no_case_relation"]),
    );
    expect(flagsFor((i) => i.userId === w.userIds["handlaggare.b"])[0]).toEqual(
      expect.arrayContaining(["other_district", "no_case_relation"]),
    );
    const burst = items.find((i) => i.flags.includes("many_persons"));
    expect(burst?.userId).toBe(w.userIds.samordnare);
    expect(burst?.details?.persons).toBe(51);
    // Whether the rest is large enough for five depends on the hour the test runs (outside working
    // hours every row is flagged, and flagged rows are all in the review already).
    const keptFlagged = detail.frame.flagged - detail.frame.flaggedLeftOut;
    expect(items.filter((i) => i.drawnByRule)).toHaveLength(keptFlagged);
    expect(items.filter((i) => i.drawnAtRandom && i.kind === "row")).toHaveLength(Math.min(5, detail.frame.rows - keptFlagged));
    expect(items.filter((i) => i.kind === "user")).toHaveLength(2);
    expect(items.filter((i) => i.drawnByRule).every((i) => i.flags.length > 0)).toBe(true);
  });

  it("audits the reading of the review: one row per person shown, with the purpose", async () => {
    const before = Number(
      (await w.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'logreview.read'`)).rows[0]?.n,
    );
    const items = await entries();
    const persons = new Set(items.flatMap((i) => (i.personId ? [i.personId] : [])));
    const after = Number(
      (
        await w.database.db.execute(
          sql`select count(*)::int as n from audit_log where action = 'logreview.read' and purpose = 'loggkontroll'`,
        )
      ).rows[0]?.n,
    );
    expect(after - before).toBe(persons.size);
  });

  it("refuses a second draw of the month, a future month and another district", async () => {
    const again = await call("kvalitet", "POST", "/api/log-reviews", { districtId: w.own.id, month: month() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("review_exists");
    const future = await call("kvalitet", "POST", "/api/log-reviews", { districtId: w.own.id, month: "2999-01" });
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toEqual(["body.month"]);
    const other = await call("kvalitet", "POST", "/api/log-reviews", { districtId: w.other.id, month: month() });
    expect(other.statusCode).toBe(400);
    expect((await call("kvalitet.b", "GET", `/api/log-reviews/${reviewId}`)).statusCode).toBe(404);
    expect((await call("enhetschef", "GET", `/api/log-reviews/${reviewId}`)).statusCode).toBe(404);
  });

  it("confirms an item, and flags another with a note, which becomes an avvikelse", async () => {
    const items = await entries();
    const [first, second] = items.filter((i) => i.kind === "row");
    const ok = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${first?.id}/verdict`, { verdict: "ok" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().deviationId).toBeNull();
    const noNote = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${second?.id}/verdict`, {
      verdict: "flagged",
    });
    expect(noNote.statusCode).toBe(400);
    expect(paths(noNote)).toEqual(["body.note"]);
    const flagged = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${second?.id}/verdict`, {
      verdict: "flagged",
      note: "Läste skyddad person utan ärende; utreds med enhetschefen.",
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    const deviationId = flagged.json().deviationId as string;
    expect(deviationId).toMatch(/^[0-9a-f-]{36}$/);
    const [dev] = (await w.database.db.execute(sql`select source, kind, source_ref from deviations where id = ${deviationId}`))
      .rows as { source: string; kind: string; source_ref: { reviewId: string; itemId: string } }[];
    expect(dev).toMatchObject({ source: "log_review", kind: "sekretess" });
    expect(dev?.source_ref).toMatchObject({ reviewId, itemId: second?.id });
    const after = await entries();
    expect(after.find((i) => i.id === second?.id)).toMatchObject({ verdict: "flagged", deviationId });
    // A verdict is given once.
    const again = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${first?.id}/verdict`, {
      verdict: "flagged",
      note: "Ändrat",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_judged");
  });

  it("lets only one of two reviewers judging the same item at once win", async () => {
    const item = (await entries()).find((i) => i.verdict === null) as Item;
    const [a, b] = await Promise.all([
      call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${item.id}/verdict`, { verdict: "ok" }),
      call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${item.id}/verdict`, {
        verdict: "flagged",
        note: "Avvikande",
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it("completes only when every item is judged, and takes no verdict after", async () => {
    const early = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/complete`, { summary: "Klart" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("items_unjudged");
    for (const i of (await entries()).filter((x) => x.verdict === null)) {
      const r = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${i.id}/verdict`, { verdict: "ok" });
      expect(r.statusCode, r.body).toBe(200);
    }
    const done = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/complete`, {
      summary: "En avvikelse rapporterad.",
    });
    expect(done.statusCode, done.body).toBe(200);
    const list = (await call("kvalitet", "GET", "/api/log-reviews")).json().items;
    expect(list[0]).toMatchObject({ id: reviewId, completedAt: expect.any(String), flagged: expect.any(Number) });
    const item = (await entries())[0] as Item;
    const late = await call("kvalitet", "POST", `/api/log-reviews/${reviewId}/items/${item.id}/verdict`, { verdict: "ok" });
    expect(late.statusCode).toBe(409);
    const [{ n } = { n: 0 }] = (
      await w.database.db.execute(
        sql`select count(*)::int as n from audit_log where action like 'logreview.%' and record_type in ('log_review', 'log_review_item')`,
      )
    ).rows as { n: number }[];
    expect(n).toBeGreaterThan(5);
  });

  it("never touches the audit table's rows", async () => {
    const verify = await call("kvalitet", "GET", "/api/audit/verify");
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ intact: true, firstBrokenId: null });
  });
});
