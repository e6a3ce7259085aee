import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPersonnummer } from "../../../domain/personnummer";
import { auditLog, persons } from "../../db/schema/index";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

async function as(username: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
}

describe("person search", () => {
  it("finds persons by name prefix only within the district in scope", async () => {
    const own = await as("handlaggare", "POST", "/api/persons/search", { q: "alva" });
    expect(own.statusCode).toBe(200);
    const names = own.json().items.map((p: { lastName: string }) => p.lastName);
    expect(names).toContain("AnderssonA");
    expect(names).not.toContain("AnderssonB");
  });

  it("finds a person by full personnummer in either form and never returns the full number in lists", async () => {
    const [p] = await w.database.db.select().from(persons).where(eq(persons.id, w.own.personId));
    if (!p) throw new Error("fixture missing");
    const dashed = `${p.personnummer.slice(2, 8)}-${p.personnummer.slice(8)}`;
    const res = await as("handlaggare", "POST", "/api/persons/search", { q: dashed });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([w.own.personId]);
    expect(res.body).not.toContain(p.personnummer);
    expect(res.json().items[0].personnummerMasked).toBe(`${p.personnummer.slice(0, 8)}-XXXX`);
  });

  it("does not find another district's person by personnummer", async () => {
    const [p] = await w.database.db.select().from(persons).where(eq(persons.id, w.other.personId));
    const res = await as("handlaggare", "POST", "/api/persons/search", { q: p?.personnummer ?? "" });
    expect(res.json().items).toEqual([]);
  });

  it("writes one audit row per person shown in a result", async () => {
    const before = await w.database.db.$count(auditLog, eq(auditLog.action, "person.search_result"));
    const res = await as("kvalitet", "POST", "/api/persons/search", { q: "a" });
    const shown = res.json().items.length;
    expect(shown).toBeGreaterThan(0);
    const after = await w.database.db.$count(auditLog, eq(auditLog.action, "person.search_result"));
    expect(after - before).toBe(shown);
  });

  it("rejects an invalid personnummer with 400 and does not echo it", async () => {
    const res = await as("handlaggare", "POST", "/api/persons/search", { q: "20110101-9999" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_personnummer");
    expect(res.body).not.toContain("9999");
  });

  it("pages with a keyset cursor without repeating or skipping", async () => {
    for (let i = 0; i < 5; i++) {
      await as("handlaggare", "POST", "/api/persons", {
        personnummer: nextPersonnummer(),
        firstName: `Sida${i}`,
        lastName: "Sidsson",
        gender: "okant",
        districtId: w.own.id,
      });
    }
    const first = await as("handlaggare", "POST", "/api/persons/search", { q: "sidsson", limit: 3 });
    expect(first.json().items).toHaveLength(3);
    const second = await as("handlaggare", "POST", "/api/persons/search", {
      q: "sidsson",
      limit: 3,
      cursor: first.json().nextCursor,
    });
    expect(second.json().items).toHaveLength(2);
    expect(second.json().nextCursor).toBeNull();
    const all = [...first.json().items, ...second.json().items].map((p: { firstName: string }) => p.firstName);
    expect(new Set(all).size).toBe(5);
  });
});

describe("reading a person", () => {
  it("returns the person and audits the read with the purpose given", async () => {
    const res = await w.app.inject({
      method: "GET",
      url: `/api/persons/${w.own.personId}`,
      headers: { cookie: await w.login("handlaggare"), "x-purpose": "Förhandsbedömning" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().personnummer).toMatch(/^\d{12}$/);
    const rows = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.personId, w.own.personId), eq(auditLog.action, "person.read")));
    const row = rows.at(-1);
    expect(row?.username).toBe("handlaggare");
    expect(row?.role).toBe("handlaggare");
    expect(row?.unitId).toBe(w.own.unitId);
    expect(row?.purpose).toBe("Förhandsbedömning");
    expect(row?.requestId).toBeTruthy();
  });

  it("hides address and phone of a protected person from users without protected-identity access", async () => {
    const res = await as("handlaggare", "GET", `/api/persons/${w.own.protectedPersonId}`);
    expect(res.json()).toMatchObject({ protectedIdentity: true, contactHidden: true, address: null, phone: null });
    expect(res.body).not.toContain("Hemlig väg");
    const [row] = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.personId, w.own.protectedPersonId), eq(auditLog.action, "person.read")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row?.details).toEqual({ contactHidden: true });
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows them to a user granted protected-identity access", async () => {
    const res = await as("enhetschef", "GET", `/api/persons/${w.own.protectedPersonId}`);
    expect(res.json()).toMatchObject({ protectedIdentity: true, contactHidden: false, address: "Hemlig väg 2" });
  });

  it("answers 404 for a person in another district and for an unknown id alike", async () => {
    const other = await as("handlaggare", "GET", `/api/persons/${w.other.personId}`);
    const unknown = await as("handlaggare", "GET", "/api/persons/00000000-0000-4000-8000-000000000000");
    expect(other.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(other.body).toBe(unknown.body);
  });

  it("never lets analytiker read personal data", async () => {
    expect((await as("analytiker", "GET", `/api/persons/${w.own.personId}`)).statusCode).toBe(404);
    expect((await as("analytiker", "POST", "/api/persons/search", { q: "alva" })).statusCode).toBe(404);
  });
});

describe("sharing on purpose", () => {
  it("lets a user of another district read a person once shared, and not after revocation", async () => {
    expect((await as("insatsutforare.b", "GET", `/api/persons/${w.own.personId}`)).statusCode).toBe(404);
    const share = await as("enhetschef", "POST", `/api/persons/${w.own.personId}/shares`, {
      userId: w.userIds["insatsutforare.b"],
      reason: "Uppdrag MST",
    });
    expect(share.statusCode).toBe(201);
    expect((await as("insatsutforare.b", "GET", `/api/persons/${w.own.personId}`)).statusCode).toBe(200);
    const search = await as("insatsutforare.b", "POST", "/api/persons/search", { q: "alva" });
    expect(search.json().items.map((p: { id: string }) => p.id)).toEqual([w.own.personId]);
    // Shared persons are readable, not writable.
    expect((await as("insatsutforare.b", "PATCH", `/api/persons/${w.own.personId}`, { firstName: "X" })).statusCode).toBe(404);
    const revoke = await w.app.inject({
      method: "DELETE",
      url: `/api/persons/${w.own.personId}/shares/${share.json().id}`,
      headers: { cookie: await w.login("enhetschef") },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await as("insatsutforare.b", "GET", `/api/persons/${w.own.personId}`)).statusCode).toBe(404);
  });
});

describe("registering a person", () => {
  it("derives the birth date, stores the number once, and audits the write", async () => {
    const pnr = nextPersonnummer();
    const res = await as("handlaggare", "POST", "/api/persons", {
      personnummer: `${pnr.slice(0, 8)}-${pnr.slice(8)}`,
      firstName: "Nova",
      lastName: "Nilsson",
      gender: "flicka",
      districtId: w.own.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      personnummer: pnr,
      birthDate: `${pnr.slice(0, 4)}-${pnr.slice(4, 6)}-${pnr.slice(6, 8)}`,
    });
    const audited = await w.database.db.$count(
      auditLog,
      and(eq(auditLog.personId, res.json().id), eq(auditLog.action, "person.create")),
    );
    expect(audited).toBe(1);
    const again = await as("handlaggare", "POST", "/api/persons", {
      personnummer: pnr,
      firstName: "Nova",
      lastName: "Nilsson",
      gender: "flicka",
      districtId: w.own.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(pnr);
  });

  it("stores SQL-looking text verbatim", async () => {
    const evil = "Robert'); DROP TABLE persons;--";
    const res = await as("handlaggare", "POST", "/api/persons", {
      personnummer: nextPersonnummer(),
      firstName: evil,
      lastName: "Tables",
      gender: "pojke",
      districtId: w.own.id,
    });
    expect(res.statusCode).toBe(201);
    expect((await as("handlaggare", "GET", `/api/persons/${res.json().id}`)).json().firstName).toBe(evil);
    expect(await w.database.db.$count(persons)).toBeGreaterThan(0);
  });
});

describe("protected identity", () => {
  async function registerProtected(firstName: string) {
    const res = await as("enhetschef", "POST", "/api/persons", {
      personnummer: nextPersonnummer(),
      firstName,
      lastName: "Skyddad",
      gender: "flicka",
      protectedIdentity: true,
      address: "Lönnvägen 7",
      phone: "070-5550107",
      districtId: w.own.id,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }
  const updates = (personId: string) =>
    w.database.db.$count(auditLog, and(eq(auditLog.personId, personId), eq(auditLog.action, "person.update")));

  it("refuses a handläggare without protected-identity access lifting the protection, and writes nothing", async () => {
    const id = await registerProtected("Saga");
    const [before] = await w.database.db.select().from(persons).where(eq(persons.id, id));
    const res = await as("handlaggare", "PATCH", `/api/persons/${id}`, { protectedIdentity: false, firstName: "Sagan" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "protected_identity_lift_not_allowed",
      fields: [expect.objectContaining({ path: "body.protectedIdentity" })],
    });
    expect(res.body).not.toContain("Lönnvägen");
    expect(res.body).not.toContain("070-5550107");
    const [after] = await w.database.db.select().from(persons).where(eq(persons.id, id));
    expect(after).toEqual(before);
    expect(after?.protectedIdentity).toBe(true);
    expect(await updates(id)).toBe(0);
    // Still hidden on the next read.
    expect((await as("handlaggare", "GET", `/api/persons/${id}`)).json()).toMatchObject({ contactHidden: true, address: null });
  });

  it("answers 404, not the refusal, for a protected person the handläggare cannot see", async () => {
    const res = await as("handlaggare", "PATCH", `/api/persons/${w.other.protectedPersonId}`, { protectedIdentity: false });
    expect(res.statusCode).toBe(404);
    const [row] = await w.database.db.select().from(persons).where(eq(persons.id, w.other.protectedPersonId));
    expect(row?.protectedIdentity).toBe(true);
  });

  it("lets a user with protected-identity access lift it, and audits the lifting", async () => {
    const id = await registerProtected("Ebba");
    const res = await as("enhetschef", "PATCH", `/api/persons/${id}`, { protectedIdentity: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ protectedIdentity: false, contactHidden: false, address: "Lönnvägen 7" });
    const [row] = await w.database.db.select().from(persons).where(eq(persons.id, id));
    expect(row?.protectedIdentity).toBe(false);
    const [audited] = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.personId, id), eq(auditLog.action, "person.update")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audited?.username).toBe("enhetschef");
    expect(audited?.details).toEqual({ fields: ["protectedIdentity"], protectedIdentityLifted: true });
  });

  it("lets any user with person:write protect a person, after which the contact details are hidden from them", async () => {
    const created = await as("handlaggare", "POST", "/api/persons", {
      personnummer: nextPersonnummer(),
      firstName: "Vera",
      lastName: "Öppen",
      gender: "flicka",
      address: "Synliga gatan 3",
      districtId: w.own.id,
    });
    const id = created.json().id as string;
    const res = await as("handlaggare", "PATCH", `/api/persons/${id}`, { protectedIdentity: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ protectedIdentity: true, contactHidden: true, address: null });
    expect(res.body).not.toContain("Synliga gatan");
    const [audited] = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.personId, id), eq(auditLog.action, "person.update")));
    expect(audited?.details).toEqual({ fields: ["protectedIdentity"] });
  });
});

describe("personnummer plausibility", () => {
  it("refuses a number whose birth date lies in the future, without echoing it or writing anything", async () => {
    const future = buildPersonnummer("2099-01-01", 983);
    const before = await w.database.db.$count(persons);
    const res = await as("handlaggare", "POST", "/api/persons", {
      personnummer: future,
      firstName: "Framtida",
      lastName: "Fel",
      gender: "okant",
      districtId: w.own.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "personnummer_implausible",
      fields: [expect.objectContaining({ path: "body.personnummer" })],
    });
    expect(res.body).not.toContain(future.slice(8));
    expect(await w.database.db.$count(persons)).toBe(before);
  });
});
