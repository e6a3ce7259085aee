import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, childViews, guardianNotices, investigations, personRelations } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { seedGuardian, seedUnlinkedPerson } from "../../testing/guardian-fixtures";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "DELETE", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const today = () => new Date().toISOString().slice(0, 10);
const formatted = (pnr: string) => `${pnr.slice(0, 8)}-${pnr.slice(8)}`;

/** A fresh child of the own district, so each test links to a child of its own. */
async function freshChild() {
  return (await seedUnlinkedPerson(w, "own")).personId;
}
const liveLinks = (childId: string) =>
  w.database.db.$count(personRelations, and(eq(personRelations.childId, childId), isNull(personRelations.removedAt)));

describe("närstående: linking related persons to a child", () => {
  it("links two vårdnadshavare by personnummer and lists them with their relation and custody", async () => {
    const child = await freshChild();
    const mother = await seedUnlinkedPerson(w, "own");
    const father = await seedUnlinkedPerson(w, "own");
    const a = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: formatted(mother.personnummer),
      relation: "forelder",
      custody: true,
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ relation: "forelder", custody: true, hidden: null, personId: mother.personId });
    const b = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: father.personnummer,
      relation: "forelder",
      custody: true,
    });
    expect(b.statusCode, b.body).toBe(201);
    const list = await call("samordnare", "GET", `/api/persons/${child}/relations`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { personId: string }) => i.personId)).toEqual([mother.personId, father.personId]);
    expect(list.json().items[0]).toMatchObject({
      name: "Olle Närstående",
      address: null,
      personnummerMasked: expect.any(String),
    });
    // Both the write and the read are on the child's trail and on each related person's.
    const trail = await w.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.personId, mother.personId));
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(["person.relation_create", "person.relation_read"]));
    expect(
      await w.database.db.$count(auditLog, and(eq(auditLog.personId, child), eq(auditLog.action, "person.relations_read"))),
    ).toBe(1);
  });

  it("refuses the child as its own guardian (400 on personnummer), writing nothing", async () => {
    const child = await seedUnlinkedPerson(w, "own");
    const res = await call("handlaggare", "POST", `/api/persons/${child.personId}/relations`, {
      personnummer: child.personnummer,
      relation: "forelder",
      custody: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "related_is_child", fields: [{ path: "body.personnummer" }] });
    expect(await liveLinks(child.personId)).toBe(0);
  });

  it("refuses the same link twice with 409", async () => {
    const child = await freshChild();
    const sibling = await seedUnlinkedPerson(w, "own");
    const body = { personnummer: sibling.personnummer, relation: "syskon" };
    expect((await call("handlaggare", "POST", `/api/persons/${child}/relations`, body)).statusCode).toBe(201);
    const again = await call("handlaggare", "POST", `/api/persons/${child}/relations`, { ...body, relation: "annan" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "relation_exists", fields: [{ path: "body.personnummer" }] });
    expect(await liveLinks(child)).toBe(1);
  });

  it("answers two identical links sent at once with one 201 and one 409", async () => {
    const child = await freshChild();
    const parent = await seedUnlinkedPerson(w, "own");
    const body = { personnummer: parent.personnummer, relation: "forelder", custody: true };
    await w.login("handlaggare");
    const results = await Promise.all([
      call("handlaggare", "POST", `/api/persons/${child}/relations`, body),
      call("handlaggare", "POST", `/api/persons/${child}/relations`, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await liveLinks(child)).toBe(1);
  });

  it("refuses custody for a sibling, and a third vårdnadshavare", async () => {
    const child = await freshChild();
    const sibling = await seedUnlinkedPerson(w, "own");
    const bad = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: sibling.personnummer,
      relation: "syskon",
      custody: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "custody_not_possible", fields: [{ path: "body.custody" }] });
    await seedGuardian(w, "own", { childId: child });
    await seedGuardian(w, "own", { childId: child });
    const third = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: (await seedUnlinkedPerson(w, "own")).personnummer,
      relation: "sarskilt_forordnad_vardnadshavare",
      custody: true,
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe("too_many_custodians");
  });

  it("answers an unregistered number and another district's person alike, and a bad number with 400", async () => {
    const child = await freshChild();
    const elsewhere = await seedUnlinkedPerson(w, "other");
    const unknown = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: nextPersonnummer(),
      relation: "forelder",
    });
    const outside = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: elsewhere.personnummer,
      relation: "forelder",
    });
    expect(unknown.statusCode).toBe(400);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toEqual(unknown.json());
    const invalid = await call("handlaggare", "POST", `/api/persons/${child}/relations`, {
      personnummer: "20110101-0000",
      relation: "forelder",
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe("invalid_personnummer");
  });

  it("shows a guardian with skyddade personuppgifter only as hidden to a user without protected-identity access", async () => {
    const child = await freshChild();
    const g = await seedGuardian(w, "own", { childId: child, protectedIdentity: true });
    const plain = (await call("handlaggare", "GET", `/api/persons/${child}/relations`)).json().items[0];
    expect(plain).toMatchObject({ relationId: g.relationId, hidden: "protected", personId: null, name: null, address: null });
    expect(plain.personnummerMasked).toBeNull();
    // The enhetschef holds protected-identity access in the test world.
    const cleared = (await call("enhetschef", "GET", `/api/persons/${child}/relations`)).json().items[0];
    expect(cleared).toMatchObject({
      hidden: null,
      personId: g.guardianId,
      name: "Maria Skyddadsson",
      address: "Föräldragatan 3",
    });
  });

  it("removes a link (kept as history) and answers 404 the second time; another district's child is 404", async () => {
    const child = await freshChild();
    const g = await seedGuardian(w, "own", { childId: child, custody: false, relation: "kontaktperson" });
    const removed = await call("handlaggare", "DELETE", `/api/persons/${child}/relations/${g.relationId}`);
    expect(removed.statusCode).toBe(200);
    expect((await call("handlaggare", "GET", `/api/persons/${child}/relations`)).json().items).toEqual([]);
    expect((await call("handlaggare", "DELETE", `/api/persons/${child}/relations/${g.relationId}`)).statusCode).toBe(404);
    const [kept] = await w.database.db.select().from(personRelations).where(eq(personRelations.id, g.relationId));
    expect(kept?.removedAt).not.toBeNull();
    expect((await call("handlaggare.b", "GET", `/api/persons/${child}/relations`)).statusCode).toBe(404);
  });
});

describe("guardians informed of an investigation", () => {
  it("records each custodial guardian informed and lists those not yet informed", async () => {
    const c = await seedCase(w, "own", "investigating");
    await w.database.db.update(personRelations).set({ removedAt: new Date() }).where(eq(personRelations.childId, w.own.personId));
    const mother = await seedGuardian(w, "own");
    const father = await seedGuardian(w, "own", { protectedIdentity: true });
    const sibling = await seedGuardian(w, "own", { custody: false, relation: "syskon" });
    const before = (await call("handlaggare", "GET", `/api/cases/${c.caseId}/participation`)).json();
    const inv = before.investigations.find((i: { investigationId: string }) => i.investigationId === c.investigationId);
    expect(inv.uninformed.map((u: { relationId: string }) => u.relationId)).toEqual([mother.relationId, father.relationId]);
    // The protected guardian is "skyddad" to the handläggare: no name.
    expect(inv.uninformed[1]).toMatchObject({ hidden: "protected", name: null });
    const url = `/api/investigations/${c.investigationId}/guardian-notices`;
    const ok = await call("handlaggare", "POST", url, {
      relationId: mother.relationId,
      informedOn: today(),
      method: "mote",
      position: "samtycker",
      note: "Informerad vid hembesök.",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const after = (await call("handlaggare", "GET", `/api/cases/${c.caseId}/participation`)).json();
    const inv2 = after.investigations.find((i: { investigationId: string }) => i.investigationId === c.investigationId);
    expect(inv2.notices).toMatchObject([
      { relationId: mother.relationId, method: "mote", position: "samtycker", name: "Maria Förälder" },
    ]);
    expect(inv2.uninformed.map((u: { relationId: string }) => u.relationId)).toEqual([father.relationId]);
    const notCustodian = await call("handlaggare", "POST", url, {
      relationId: sibling.relationId,
      informedOn: today(),
      method: "brev",
    });
    expect(notCustodian.statusCode).toBe(400);
    expect(notCustodian.json().error).toMatchObject({ code: "not_a_custodian", fields: [{ path: "body.relationId" }] });
    const again = await call("handlaggare", "POST", url, { relationId: mother.relationId, informedOn: today(), method: "brev" });
    expect(again.statusCode).toBe(409);
    const early = await call("handlaggare", "POST", url, {
      relationId: father.relationId,
      informedOn: "2000-01-01",
      method: "brev",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe("body.informedOn");
    const badMethod = await call("handlaggare", "POST", url, {
      relationId: father.relationId,
      informedOn: today(),
      method: "sms",
    });
    expect(badMethod.statusCode).toBe(400);
    expect(await w.database.db.$count(guardianNotices, eq(guardianNotices.investigationId, c.investigationId))).toBe(1);
    expect(
      await w.database.db.$count(
        auditLog,
        and(eq(auditLog.personId, mother.guardianId), eq(auditLog.action, "investigation.guardian_notice")),
      ),
    ).toBe(1);
  });

  it("answers the same guardian recorded twice at once with one 201 and one 409", async () => {
    const c = await seedCase(w, "own", "investigating");
    const g = await seedGuardian(w, "own");
    const body = { relationId: g.relationId, informedOn: today(), method: "telefon" };
    await w.login("handlaggare");
    const results = await Promise.all([
      call("handlaggare", "POST", `/api/investigations/${c.investigationId}/guardian-notices`, body),
      call("handlaggare", "POST", `/api/investigations/${c.investigationId}/guardian-notices`, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it("is refused on another district's investigation (404)", async () => {
    const c = await seedCase(w, "other", "investigating");
    const g = await seedGuardian(w, "other");
    const res = await call("handlaggare", "POST", `/api/investigations/${c.investigationId}/guardian-notices`, {
      relationId: g.relationId,
      informedOn: today(),
      method: "brev",
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("barnets syn", () => {
  it("is documented at the förhandsbedömning, in the investigation and at a follow-up, citing the law of its day", async () => {
    const c = await seedCase(w, "own", "investigating");
    const url = `/api/cases/${c.caseId}/child-views`;
    const noReport = await call("handlaggare", "POST", url, {
      stage: "forhandsbedomning",
      recordedOn: today(),
      view: "Vill ha hjälp.",
    });
    expect(noReport.statusCode).toBe(400);
    expect(noReport.json().error.fields[0].path).toBe("body.reportId");
    const pre = await call("handlaggare", "POST", url, {
      stage: "forhandsbedomning",
      reportId: c.reportId,
      recordedOn: today(),
      view: "Vill ha hjälp med skolan.",
    });
    expect(pre.statusCode, pre.body).toBe(201);
    const both = await call("handlaggare", "POST", url, {
      stage: "utredning",
      investigationId: c.investigationId,
      recordedOn: today(),
      view: "Sa något",
      notHeardReason: "annat",
      notHeardNote: "x",
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0].path).toBe("body.notHeardReason");
    const noNote = await call("handlaggare", "POST", url, {
      stage: "uppfoljning",
      recordedOn: today(),
      notHeardReason: "barnet_avstod",
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields[0].path).toBe("body.notHeardNote");
    const follow = await call("handlaggare", "POST", url, {
      stage: "uppfoljning",
      recordedOn: today(),
      notHeardReason: "barnet_avstod",
      notHeardNote: "Barnet ville inte; inställningen klarlagd via mamma.",
    });
    expect(follow.statusCode, follow.body).toBe(201);
    const views = (await call("kvalitet", "GET", `/api/cases/${c.caseId}/participation`)).json().childViews;
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ stage: "forhandsbedomning", reportId: c.reportId, view: "Vill ha hjälp med skolan." });
    expect(views[0].citation).toContain("SoL (2025:400)");
    expect(views[1]).toMatchObject({ stage: "uppfoljning", view: null, notHeardReason: "barnet_avstod" });
  });

  it("must be documented before an investigation is completed: 400 on childView, nothing written", async () => {
    const c = await seedCase(w, "own", "investigating");
    const url = `/api/investigations/${c.investigationId}/complete`;
    const bare = await call("handlaggare", "POST", url, { completedOn: today() });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({ code: "child_view_required", fields: [{ path: "body.childView" }] });
    const reasonOnly = await call("handlaggare", "POST", url, { completedOn: today(), childNotHeardReason: "alder_mognad" });
    expect(reasonOnly.statusCode).toBe(400);
    expect(reasonOnly.json().error.fields[0].path).toBe("body.childNotHeardNote");
    const [still] = await w.database.db.select().from(investigations).where(eq(investigations.id, c.investigationId));
    expect(still?.completedOn).toBeNull();
    expect(await w.database.db.$count(childViews, eq(childViews.investigationId, c.investigationId))).toBe(0);
    const done = await call("handlaggare", "POST", url, {
      completedOn: today(),
      childNotHeardReason: "alder_mognad",
      childNotHeardNote: "Barnet är två år; inställningen klarlagd genom observation.",
    });
    expect(done.statusCode, done.body).toBe(200);
    const [view] = await w.database.db.select().from(childViews).where(eq(childViews.investigationId, c.investigationId));
    expect(view).toMatchObject({ stage: "utredning", notHeardReason: "alder_mognad", recordedOn: today() });
  });

  it("completes without fields once the view is documented in the investigation; refuses a view on a closed case", async () => {
    const c = await seedCase(w, "own", "investigating");
    const recorded = await call("handlaggare", "POST", `/api/cases/${c.caseId}/child-views`, {
      stage: "utredning",
      investigationId: c.investigationId,
      recordedOn: today(),
      view: "Vill bo kvar hemma.",
    });
    expect(recorded.statusCode).toBe(201);
    const participation = (await call("handlaggare", "GET", `/api/cases/${c.caseId}/participation`)).json();
    expect(participation.investigations[0].childViewDocumented).toBe(true);
    const done = await call("handlaggare", "POST", `/api/investigations/${c.investigationId}/complete`, { completedOn: today() });
    expect(done.statusCode, done.body).toBe(200);
    const late = await call("handlaggare", "POST", `/api/cases/${c.caseId}/child-views`, {
      stage: "utredning",
      investigationId: c.investigationId,
      recordedOn: today(),
      view: "Något mer.",
    });
    expect(late.statusCode).toBe(409);
    await w.database.db.update(cases).set({ closedAt: new Date(), closeReason: "annat" }).where(eq(cases.id, c.caseId));
    const closed = await call("handlaggare", "POST", `/api/cases/${c.caseId}/child-views`, {
      stage: "forhandsbedomning",
      reportId: c.reportId,
      recordedOn: today(),
      view: "Något mer.",
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("case_closed");
  });
});
