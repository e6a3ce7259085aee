import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMERGENCY_ACCESS_MS } from "../../../domain/emergency-access/rules";
import { auditLog, emergencyAccessGrants, persons } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { auditShownList } from "../../platform/audit";
import { forgetCachedSessions } from "../../platform/sessions";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

let w: World;
let caseB: string;
beforeAll(async () => {
  w = await createWorld();
  caseB = (await seedCase(w, "other", "investigating")).caseId;
});
afterAll(async () => w?.close());

type Method = "GET" | "POST" | "PATCH";
async function as(username: string, method: Method, url: string, payload?: object) {
  return w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
}
async function pnrOf(personId: string): Promise<string> {
  const [p] = await w.database.db.select({ pnr: persons.personnummer }).from(persons).where(eq(persons.id, personId));
  return p?.pnr as string;
}
/** A fresh young person of district B, out of district A's scope. */
async function personInB(protectedIdentity = false): Promise<{ id: string; pnr: string }> {
  const pnr = nextPersonnummer();
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer: pnr,
      kind: "ung",
      firstName: "Nora",
      lastName: "Nödfall",
      gender: "flicka",
      birthDate: "2011-01-01",
      protectedIdentity,
      address: "Skyddad gata 9",
      districtId: w.other.id,
    })
    .returning();
  return { id: p?.id as string, pnr };
}
const REASON = "Polisen ringde i natt: barnet omhändertaget, jouren behöver se tidigare utredning";
const grantsOf = async (personId: string) =>
  w.database.db.$count(emergencyAccessGrants, eq(emergencyAccessGrants.personId, personId));
const rowsOf = async (action: string, personId: string) =>
  w.database.db.$count(auditLog, and(eq(auditLog.action, action), eq(auditLog.personId, personId)));
/** Moves a grant into the past: given five hours ago, so its four hours are over. */
async function expire(grantId: string) {
  const past = new Date(Date.now() - 5 * 3_600_000);
  await w.database.db
    .update(emergencyAccessGrants)
    .set({ grantedAt: past, expiresAt: new Date(past.getTime() + EMERGENCY_ACCESS_MS) })
    .where(eq(emergencyAccessGrants.id, grantId));
}

describe("asking for emergency access", () => {
  it("refuses a request without a reason, or with one too short, with 400 and writes nothing", async () => {
    const pnr = await pnrOf(w.other.personId);
    const before = await rowsOf("emergency_access.grant", w.other.personId);
    const none = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: pnr,
      category: "jourarende",
      reason: "",
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe("reason_required");
    expect(none.json().error.fields[0].path).toBe("body.reason");
    const blank = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: pnr,
      category: "jourarende",
      reason: "   ",
    });
    expect(blank.json().error.code).toBe("reason_required");
    const short = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: pnr,
      category: "jourarende",
      reason: "akut",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe("reason_too_short");
    const missing = await as("handlaggare", "POST", "/api/emergency-access", { personnummer: pnr, category: "jourarende" });
    expect(missing.statusCode).toBe(400);
    const badCategory = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: pnr,
      category: "nyfiken",
      reason: REASON,
    });
    expect(badCategory.statusCode).toBe(400);
    const badNumber = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: "20110101-9999",
      category: "jourarende",
      reason: REASON,
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.code).toBe("invalid_personnummer");
    expect(badNumber.body).not.toContain("9999");
    expect(await grantsOf(w.other.personId)).toBe(0);
    expect(await rowsOf("emergency_access.grant", w.other.personId)).toBe(before);
  });

  it("refuses a person already in scope with 409 already_in_scope and writes nothing", async () => {
    const res = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: await pnrOf(w.own.personId),
      category: "jourarende",
      reason: REASON,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("already_in_scope");
    expect(await grantsOf(w.own.personId)).toBe(0);
  });

  it("answers an unknown number and a protected person alike, and writes the attempt on the protected person's trail", async () => {
    const unknown = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: nextPersonnummer(),
      category: "akut_skyddsbehov",
      reason: REASON,
    });
    const protectedPerson = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: await pnrOf(w.other.protectedPersonId),
      category: "akut_skyddsbehov",
      reason: REASON,
    });
    expect(unknown.statusCode).toBe(404);
    expect(protectedPerson.statusCode).toBe(404);
    expect(protectedPerson.body).toBe(unknown.body);
    expect(await grantsOf(w.other.protectedPersonId)).toBe(0);
    expect(await rowsOf("emergency_access.protected_refused", w.other.protectedPersonId)).toBe(1);
    expect((await as("handlaggare", "GET", `/api/persons/${w.other.protectedPersonId}`)).statusCode).toBe(404);
  });
});

describe("reading under a grant", () => {
  let grantId = "";

  it("is 404 before the grant, and the person and their cases read only after it", async () => {
    expect((await as("handlaggare", "GET", `/api/persons/${w.other.personId}`)).statusCode).toBe(404);
    expect((await as("handlaggare", "GET", `/api/cases/${caseB}`)).statusCode).toBe(404);
    const res = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: await pnrOf(w.other.personId),
      category: "jourarende",
      reason: `  ${REASON}  `,
    });
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json();
    grantId = grant.id;
    expect(grant.personId).toBe(w.other.personId);
    expect(grant.reason).toBe(REASON);
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)).toBe(EMERGENCY_ACCESS_MS);
    expect(await rowsOf("emergency_access.grant", w.other.personId)).toBe(1);

    const person = await as("handlaggare", "GET", `/api/persons/${w.other.personId}`);
    expect(person.statusCode).toBe(200);
    expect(person.json().address).toBe("Exempelgatan 1");
    const list = await as("handlaggare", "GET", `/api/cases?personId=${w.other.personId}&status=all`);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(caseB);
    expect((await as("handlaggare", "GET", `/api/cases/${caseB}`)).statusCode).toBe(200);
  });

  it("audits every read under the grant with its reason", async () => {
    const rows = await w.database.db
      .select({ action: auditLog.action, purpose: auditLog.purpose })
      .from(auditLog)
      .where(and(eq(auditLog.personId, w.other.personId), eq(auditLog.userId, w.userIds.handlaggare as string)));
    const reads = rows.filter((r) => !r.action.startsWith("emergency_access.") && !r.action.startsWith("security."));
    expect(reads.map((r) => r.action)).toContain("person.read");
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const r of reads) expect(r.purpose).toBe(`Nödåtkomst (jourarende): ${REASON}`);
  });

  it("is read only: writing the person or the case still answers 404 and changes nothing", async () => {
    const patch = await as("handlaggare", "PATCH", `/api/persons/${w.other.personId}`, { firstName: "Ändrad" });
    expect(patch.statusCode).toBe(404);
    const journal = await as("handlaggare", "POST", `/api/cases/${caseB}/journal`, { step: "ovrigt", text: "Anteckning" });
    expect(journal.statusCode).toBe(404);
    const [p] = await w.database.db
      .select({ firstName: persons.firstName })
      .from(persons)
      .where(eq(persons.id, w.other.personId));
    expect(p?.firstName).toBe("Alva");
  });

  it("is no search: the person is still not found by search, lists or reports", async () => {
    const search = await as("handlaggare", "POST", "/api/persons/search", { q: await pnrOf(w.other.personId) });
    expect(search.json().items).toEqual([]);
    const byName = await as("handlaggare", "GET", "/api/persons?q=AnderssonB");
    expect(byName.json().items).toEqual([]);
    const deadlines = await as("handlaggare", "GET", "/api/deadlines");
    expect(deadlines.body).not.toContain(caseB);
  });

  it("refuses a second grant to the same person while one is live (409), and lists the live one as the user's", async () => {
    const again = await as("handlaggare", "POST", "/api/emergency-access", {
      personnummer: await pnrOf(w.other.personId),
      category: "jourarende",
      reason: REASON,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("emergency_access_active");
    const mine = await as("handlaggare", "GET", "/api/emergency-access/mine");
    expect(mine.json().items.map((g: { id: string }) => g.id)).toEqual([grantId]);
    expect(mine.json().items[0].personName).toBe("Alva AnderssonB");
    // Nobody else's list, nobody else's grant.
    expect((await as("samordnare", "GET", "/api/emergency-access/mine")).json().items).toEqual([]);
    expect((await as("samordnare", "GET", `/api/persons/${w.other.personId}`)).statusCode).toBe(404);
    expect((await as("samordnare", "POST", `/api/emergency-access/${grantId}/end`)).statusCode).toBe(404);
  });

  it("cannot be reviewed while live (409), and the user can end it: 404 again at once", async () => {
    const early = await as("kvalitet", "POST", `/api/emergency-access/${grantId}/review`, { verdict: "godkand" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("emergency_access_active");
    const end = await as("handlaggare", "POST", `/api/emergency-access/${grantId}/end`);
    expect(end.statusCode).toBe(200);
    expect(end.json().live).toBe(false);
    expect((await as("handlaggare", "GET", `/api/persons/${w.other.personId}`)).statusCode).toBe(404);
    expect((await as("handlaggare", "GET", `/api/cases/${caseB}`)).statusCode).toBe(404);
    expect((await as("handlaggare", "POST", `/api/emergency-access/${grantId}/end`)).statusCode).toBe(409);
  });

  it("puts the grant on the review list of both districts, with what was read; the name only where the reviewer may see the person", async () => {
    const own = await as("kvalitet", "GET", "/api/emergency-access/reviews");
    expect(own.statusCode).toBe(200);
    const item = own.json().items.find((i: { id: string }) => i.id === grantId);
    expect(item.username).toBe("handlaggare");
    expect(item.reason).toBe(REASON);
    expect(item.category).toBe("jourarende");
    expect(item.personId).toBe(w.other.personId);
    expect(item.personName).toBeNull();
    expect(item.review).toBeNull();
    const actions = item.reads.map((r: { action: string }) => r.action);
    expect(actions).toContain("person.read");
    expect(actions.some((a: string) => a.startsWith("emergency_access."))).toBe(false);
    const theirs = await as("kvalitet.b", "GET", "/api/emergency-access/reviews");
    const seen = theirs.json().items.find((i: { id: string }) => i.id === grantId);
    expect(seen.personName).toBe("Alva AnderssonB");
    expect((await as("analytiker", "GET", "/api/emergency-access/reviews")).statusCode).toBe(404);
  });

  it("is reviewed once: questioned needs a note (400), then approved, then 409", async () => {
    const noNote = await as("kvalitet", "POST", `/api/emergency-access/${grantId}/review`, { verdict: "ifragasatt", note: " " });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe("note_required");
    const ok = await as("kvalitet", "POST", `/api/emergency-access/${grantId}/review`, {
      verdict: "godkand",
      note: "Jourärende, rimligt",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().review).toMatchObject({ verdict: "godkand", note: "Jourärende, rimligt", reviewedBy: "Test kvalitet" });
    const again = await as("kvalitet.b", "POST", `/api/emergency-access/${grantId}/review`, {
      verdict: "ifragasatt",
      note: "Nej",
    });
    expect(again.statusCode).toBe(409);
    const unreviewed = await as("kvalitet", "GET", "/api/emergency-access/reviews");
    expect(unreviewed.json().items.map((i: { id: string }) => i.id)).not.toContain(grantId);
    const reviewed = await as("kvalitet", "GET", "/api/emergency-access/reviews?status=reviewed");
    expect(reviewed.json().items.map((i: { id: string }) => i.id)).toContain(grantId);
    expect(await rowsOf("emergency_access.review", w.other.personId)).toBe(1);
  });
});

describe("expiry", () => {
  it("answers 404 again once the four hours are over, whatever the session cache holds", async () => {
    const p = await personInB();
    const res = await as("samordnare", "POST", "/api/emergency-access", {
      personnummer: p.pnr,
      category: "annat",
      reason: REASON,
    });
    expect(res.statusCode).toBe(201);
    expect((await as("samordnare", "GET", `/api/persons/${p.id}`)).statusCode).toBe(200);
    await expire(res.json().id);
    // The cached session still holds the grant as live: the database's clock decides.
    expect((await as("samordnare", "GET", `/api/persons/${p.id}`)).statusCode).toBe(404);
    forgetCachedSessions();
    expect((await as("samordnare", "GET", `/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await as("samordnare", "GET", "/api/emergency-access/mine")).json().items).toEqual([]);
    // An expired grant may be reviewed; a new grant may be asked for.
    const review = await as("kvalitet.b", "POST", `/api/emergency-access/${res.json().id}/review`, {
      verdict: "ifragasatt",
      note: "Inget akut behov framgår av skälet",
    });
    expect(review.statusCode).toBe(200);
    const renewed = await as("samordnare", "POST", "/api/emergency-access", {
      personnummer: p.pnr,
      category: "annat",
      reason: REASON,
    });
    expect(renewed.statusCode).toBe(201);
  });
});

describe("protected identity", () => {
  it("gives a user with protected-identity access a grant that shows only what they may already see", async () => {
    const p = await personInB(true);
    const res = await as("enhetschef", "POST", "/api/emergency-access", {
      personnummer: p.pnr,
      category: "akut_skyddsbehov",
      reason: REASON,
    });
    expect(res.statusCode).toBe(201);
    const person = await as("enhetschef", "GET", `/api/persons/${p.id}`);
    expect(person.json()).toMatchObject({ protectedIdentity: true, contactHidden: false, address: "Skyddad gata 9" });
    // Nobody reviews their own grant: enhetschef holds review:manage too.
    await expire(res.json().id);
    const own = await as("enhetschef", "POST", `/api/emergency-access/${res.json().id}/review`, { verdict: "godkand" });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("self_review_forbidden");
  });

  it("refuses a user without that access, as for an unknown number", async () => {
    const p = await personInB(true);
    const res = await as("kvalitet", "POST", "/api/emergency-access", { personnummer: p.pnr, category: "annat", reason: REASON });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("person_not_found");
    expect(await grantsOf(p.id)).toBe(0);
  });
});

describe("two requests at once", () => {
  it("gives one grant and refuses the other with 409", async () => {
    const p = await personInB();
    const body = { personnummer: p.pnr, category: "jourarende", reason: REASON };
    const results = await Promise.all([
      as("handlaggare", "POST", "/api/emergency-access", body),
      as("handlaggare", "POST", "/api/emergency-access", body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await grantsOf(p.id)).toBe(1);
    expect(await rowsOf("emergency_access.grant", p.id)).toBe(1);
  });

  it("records one review of two at once", async () => {
    const p = await personInB();
    const res = await as("samordnare", "POST", "/api/emergency-access", {
      personnummer: p.pnr,
      category: "annat",
      reason: REASON,
    });
    await expire(res.json().id);
    const [a, b] = await Promise.all([
      as("kvalitet", "POST", `/api/emergency-access/${res.json().id}/review`, { verdict: "godkand" }),
      as("kvalitet.b", "POST", `/api/emergency-access/${res.json().id}/review`, { verdict: "ifragasatt", note: "Varför?" }),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    const rows = await w.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, res.json().id), like(auditLog.action, "emergency_access.review")));
    expect(rows[0]?.n).toBe(1);
  });
});

describe("audit rows of a list shown under a grant", () => {
  it("carry the grant's reason only on the rows about the granted person", async () => {
    const actor: Actor = {
      userId: w.userIds.handlaggare as string,
      username: "handlaggare",
      displayName: "Test handlaggare",
      protectedIdentityAccess: false,
      assignments: [],
      requestId: "req-list",
      clientIp: "127.0.0.1",
      emergencyGrants: [
        {
          id: "00000000-0000-4000-8000-000000000001",
          personId: w.other.personId,
          category: "jourarende",
          reason: REASON,
          expiresAt: Date.now() + 60_000,
        },
      ],
    };
    await auditShownList(w.database, actor, { action: "test.list", permission: "person:read", recordType: "person" }, [
      { personId: w.other.personId, recordId: "r1" },
      { personId: w.own.personId, recordId: "r2" },
    ]);
    const rows = await w.database.db
      .select({ recordId: auditLog.recordId, purpose: auditLog.purpose })
      .from(auditLog)
      .where(eq(auditLog.requestId, "req-list"));
    expect(Object.fromEntries(rows.map((r) => [r.recordId, r.purpose]))).toEqual({
      r1: `Nödåtkomst (jourarende): ${REASON}`,
      r2: null,
    });
  });
});
