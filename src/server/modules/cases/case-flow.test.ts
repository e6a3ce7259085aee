import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, decisions, investigations, reports } from "../../db/schema/index";
import { createWorld, type World } from "../../testing/world";

/** Tests move this clock; everything else reads it through the app. */
let nowMs = Date.parse("2026-03-02T09:00:00+01:00");
const clock = () => new Date(nowMs);
const at = (iso: string) => new Date(iso).toISOString();

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock });
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  return { status: res.statusCode, body: res.json() };
}

async function newReport(personId = w.own.personId, receivedAt = "2026-03-02T08:00:00+01:00") {
  const r = await call("handlaggare", "POST", "/api/reports", {
    personId,
    districtId: w.own.id,
    receivedAt,
    reporterCategory: "fritid_civilsamhalle",
    reporterOrganisation: "Fritidsgården Exempel",
    concerns: ["brott", "skolfranvaro"],
    text: "Oro för att den unge rekryteras in i kriminalitet.",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; caseId: string; isReReferral: boolean };
}

describe("case flow from report to closing", () => {
  let reportId: string;
  let caseId: string;
  let investigationId: string;

  it("registers a report from fritid/civilsamhälle and opens a case", async () => {
    const r = await newReport();
    reportId = r.id;
    caseId = r.caseId;
    expect(r.isReReferral).toBe(false);
    // The handläggare who opened the case holds it until the enhetschef assigns it on.
    const file = await call("handlaggare", "GET", `/api/cases/${caseId}`);
    expect(file.body.assignedTo).toBe(w.userIds.handlaggare);
    expect(file.body.unitId).toBe(w.own.unitId);
    const overview = await call("handlaggare", "GET", `/api/deadlines?assignedTo=${w.userIds.handlaggare}`);
    const clocks = overview.body.items
      .filter((i: { recordId: string }) => i.recordId === reportId)
      .map((i: { clock: string; state: string }) => [i.clock, i.state]);
    expect(clocks).toEqual(
      expect.arrayContaining([
        ["skyddsbedomning", "due_soon"],
        ["forhandsbedomning", "due"],
      ]),
    );
  });

  it("refuses a förhandsbedömning before the skyddsbedömning (409, nothing written)", async () => {
    const r = await call("handlaggare", "POST", `/api/reports/${reportId}/pre-assessment`, {
      decidedAt: at("2026-03-02T09:00:00+01:00"),
      outcome: "inleda",
      reason: "Allvarlig oro",
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("out_of_order");
    expect(await w.database.db.$count(investigations, eq(investigations.caseId, caseId))).toBe(0);
  });

  it("refuses a skyddsbedömning dated before the report or in the future", async () => {
    const before = await call("handlaggare", "POST", `/api/reports/${reportId}/protection-assessment`, {
      assessedAt: at("2026-03-01T09:00:00+01:00"),
      immediateProtectionNeeded: false,
      notes: "x",
    });
    expect(before.status).toBe(400);
    expect(before.body.error.code).toBe("before_previous_step");
    const future = await call("handlaggare", "POST", `/api/reports/${reportId}/protection-assessment`, {
      assessedAt: at("2026-03-05T09:00:00+01:00"),
      immediateProtectionNeeded: false,
      notes: "x",
    });
    expect(future.body.error.code).toBe("in_future");
  });

  it("records the skyddsbedömning; the clock is met", async () => {
    const r = await call("handlaggare", "POST", `/api/reports/${reportId}/protection-assessment`, {
      assessedAt: at("2026-03-02T08:45:00+01:00"),
      immediateProtectionNeeded: false,
      notes: "Inget akut skyddsbehov.",
    });
    expect(r.status).toBe(201);
    const overview = await call("handlaggare", "GET", "/api/deadlines?includeMet=true&clock=skyddsbedomning");
    expect(overview.body.items.find((i: { recordId: string }) => i.recordId === reportId)?.state).toBe("met");
  });

  it("opens an investigation by a documented decision on the förhandsbedömning", async () => {
    nowMs = Date.parse("2026-03-10T10:00:00+01:00");
    const r = await call("handlaggare", "POST", `/api/reports/${reportId}/pre-assessment`, {
      decidedAt: at("2026-03-10T09:30:00+01:00"),
      outcome: "inleda",
      reason: "Oron är allvarlig och behöver utredas.",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    investigationId = r.body.investigationId;
    const [decision] = await w.database.db.select().from(decisions).where(eq(decisions.caseId, caseId));
    expect(decision).toMatchObject({ type: "inleda_utredning", decidedAsRole: "handlaggare" });
    const [inv] = await w.database.db.select().from(investigations).where(eq(investigations.id, investigationId));
    expect(inv).toMatchObject({ openedOn: "2026-03-10", openingDecisionId: decision?.id });
  });

  it("links a new report to the open investigation, and refuses a link to another person's", async () => {
    nowMs = Date.parse("2026-03-12T16:00:00+01:00");
    const second = await newReport(w.own.personId, "2026-03-12T14:00:00+01:00");
    expect(second.caseId).toBe(caseId);
    await call("handlaggare", "POST", `/api/reports/${second.id}/protection-assessment`, {
      assessedAt: at("2026-03-12T15:00:00+01:00"),
      immediateProtectionNeeded: false,
      notes: "Ingen akut fara.",
    });
    const missing = await call("handlaggare", "POST", `/api/reports/${second.id}/pre-assessment`, {
      decidedAt: at("2026-03-12T15:30:00+01:00"),
      outcome: "koppla",
      reason: "Utredning pågår",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe("body.linkedInvestigationId");
    // An investigation of someone else: the protected person's.
    const other = await newReport(w.own.protectedPersonId, "2026-03-12T10:00:00+01:00");
    await call("handlaggare", "POST", `/api/reports/${other.id}/protection-assessment`, {
      assessedAt: at("2026-03-12T10:30:00+01:00"),
      immediateProtectionNeeded: true,
      notes: "Skydd ordnat.",
    });
    const opened = await call("handlaggare", "POST", `/api/reports/${other.id}/pre-assessment`, {
      decidedAt: at("2026-03-12T11:00:00+01:00"),
      outcome: "inleda",
      reason: "Akut",
    });
    const wrong = await call("handlaggare", "POST", `/api/reports/${second.id}/pre-assessment`, {
      decidedAt: at("2026-03-12T15:30:00+01:00"),
      outcome: "koppla",
      reason: "Utredning pågår",
      linkedInvestigationId: opened.body.investigationId,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("invalid_link");
    const ok = await call("handlaggare", "POST", `/api/reports/${second.id}/pre-assessment`, {
      decidedAt: at("2026-03-12T15:30:00+01:00"),
      outcome: "koppla",
      reason: "Ny uppgift läggs in i pågående utredning.",
      linkedInvestigationId: investigationId,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.linkedInvestigationId).toBe(investigationId);
  });

  it("shows the investigation overdue after 4 months, and a handläggare cannot extend it without delegation", async () => {
    nowMs = Date.parse("2026-07-11T09:00:00+02:00");
    const overview = await call("enhetschef", "GET", `/api/deadlines?clock=utredning`);
    const row = overview.body.items.find((i: { recordId: string }) => i.recordId === investigationId);
    expect(row).toMatchObject({ state: "overdue", dueDate: "2026-07-10" });
    const refused = await call("handlaggare", "POST", `/api/investigations/${investigationId}/extensions`, {
      decidedAt: at("2026-07-01T09:00:00+02:00"),
      reason: "Inväntar BUP-utlåtande",
      newEndDate: "2026-08-31",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("no_delegation");
  });

  it("refuses a förlängning without a later end date, and accepts a documented one from the enhetschef", async () => {
    const same = await call("enhetschef", "POST", `/api/investigations/${investigationId}/extensions`, {
      decidedAt: at("2026-07-01T09:00:00+02:00"),
      reason: "Inväntar BUP-utlåtande",
      newEndDate: "2026-07-10",
    });
    expect(same.status).toBe(400);
    expect(same.body.error.fields[0].path).toBe("body.newEndDate");
    const noDate = await call("enhetschef", "POST", `/api/investigations/${investigationId}/extensions`, {
      decidedAt: at("2026-07-01T09:00:00+02:00"),
      reason: "Inväntar BUP-utlåtande",
    });
    expect(noDate.status).toBe(400);
    const ok = await call("enhetschef", "POST", `/api/investigations/${investigationId}/extensions`, {
      decidedAt: at("2026-07-01T09:00:00+02:00"),
      reason: "Inväntar BUP-utlåtande",
      newEndDate: "2026-08-31",
    });
    expect(ok.status).toBe(201);
    const overview = await call("enhetschef", "GET", `/api/deadlines?clock=utredning`);
    expect(overview.body.items.find((i: { recordId: string }) => i.recordId === investigationId)).toMatchObject({
      state: "due",
      dueDate: "2026-08-31",
      extended: true,
    });
  });

  it("refuses a decision before the investigation is completed, then decides after completion", async () => {
    const early = await call("enhetschef", "POST", `/api/cases/${caseId}/decisions`, {
      type: "bistand",
      decidedAt: at("2026-07-10T09:00:00+02:00"),
      reason: "MST",
    });
    expect(early.status).toBe(409);
    const missingReason = await call("enhetschef", "POST", `/api/cases/${caseId}/decisions`, {
      type: "bistand",
      decidedAt: at("2026-07-10T09:00:00+02:00"),
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.fields[0].path).toBe("body.reason");
    const done = await call("handlaggare", "POST", `/api/investigations/${investigationId}/complete`, {
      completedOn: "2026-07-10",
      guardiansDeclined: false,
      // The case concerns crime: without a signed structured assessment the reason must be documented.
      noAssessmentReason: "ingen_utbildad_personal",
      noAssessmentNote: "Ingen utbildad bedömare under perioden",
      childView: "Vill ha hjälp att komma tillbaka till skolan.",
    });
    expect(done.status).toBe(200);
    const byHandlaggare = await call("handlaggare", "POST", `/api/cases/${caseId}/decisions`, {
      type: "bistand",
      decidedAt: at("2026-07-10T10:00:00+02:00"),
      reason: "MST beviljas",
    });
    expect(byHandlaggare.status).toBe(409);
    const decided = await call("enhetschef", "POST", `/api/cases/${caseId}/decisions`, {
      type: "bistand",
      decidedAt: at("2026-07-10T10:00:00+02:00"),
      reason: "MST beviljas enligt utredningen.",
      insats: "MST",
    });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ type: "bistand", decidedAsRole: "enhetschef" });
  });

  it("keeps signed journal entries unchanged; corrections are new entries", async () => {
    const entry = await call("handlaggare", "POST", `/api/cases/${caseId}/journal`, {
      step: "utredning",
      text: "Samtal med den unge.",
      sign: true,
    });
    expect(entry.status).toBe(201);
    const edit = await call("handlaggare", "PATCH", `/api/journal/${entry.body.id}`, { text: "Ändrad text" });
    expect(edit.status).toBe(409);
    const correction = await call("handlaggare", "POST", `/api/cases/${caseId}/journal`, {
      step: "utredning",
      text: "Rättelse: samtalet hölls med vårdnadshavare.",
      sign: true,
      correctsId: entry.body.id,
    });
    expect(correction.status).toBe(201);
    const file = await call("handlaggare", "GET", `/api/cases/${caseId}`);
    const journal = file.body.journal;
    expect(journal.find((j: { id: string }) => j.id === entry.body.id).text).toBe("Samtal med den unge.");
    expect(journal.find((j: { id: string }) => j.id === correction.body.id).correctsId).toBe(entry.body.id);
  });

  it("assigns the case to a handläggare and shows it in the caseload", async () => {
    const openOf = async (userId: string | undefined) =>
      (await call("enhetschef", "GET", "/api/caseload")).body.items.find((i: { userId: string }) => i.userId === userId)?.open ??
      0;
    const before = await openOf(w.userIds.handlaggare);
    const r = await call("enhetschef", "PUT", `/api/cases/${caseId}/assignment`, { userId: w.userIds.kollega });
    expect(r.status).toBe(200);
    expect(await openOf(w.userIds.kollega)).toBe(1);
    expect(await openOf(w.userIds.handlaggare)).toBe(before - 1);
    const notWorker = await call("enhetschef", "PUT", `/api/cases/${caseId}/assignment`, { userId: w.userIds.kvalitet });
    expect(notWorker.status).toBe(400);
    let mine = await call("handlaggare", "GET", "/api/cases?assignedTo=me");
    expect(mine.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect((await call("enhetschef", "PUT", `/api/cases/${caseId}/assignment`, { userId: w.userIds.handlaggare })).status).toBe(
      200,
    );
    mine = await call("handlaggare", "GET", "/api/cases?assignedTo=me");
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it("closes with an orsakskod; a new report within 12 months is flagged as re-referral", async () => {
    const bad = await call("handlaggare", "POST", `/api/cases/${caseId}/close`, {
      closedAt: at("2026-07-11T08:00:00+02:00"),
      reason: "påhittad",
      outcome: "x",
    });
    expect(bad.status).toBe(400);
    const closed = await call("handlaggare", "POST", `/api/cases/${caseId}/close`, {
      closedAt: at("2026-07-11T08:00:00+02:00"),
      reason: "insats_avslutad",
      outcome: "Insats beviljad och startad.",
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    nowMs = Date.parse("2026-12-01T09:00:00+01:00");
    const again = await newReport(w.own.personId, "2026-12-01T08:00:00+01:00");
    expect(again.isReReferral).toBe(true);
    expect(again.caseId).not.toBe(caseId);
    const [c] = await w.database.db.select().from(cases).where(eq(cases.id, again.caseId));
    expect(c?.closedAt).toBeNull();
  });

  it("takes no new work on the closed case (409 case_closed, nothing written) but a journal correction", async () => {
    const before = await call("handlaggare", "GET", `/api/cases/${caseId}`);
    const journalBefore = before.body.journal.length;
    const someId = "00000000-0000-4000-8000-000000000001";
    const refusals = await Promise.all([
      call("handlaggare", "POST", `/api/cases/${caseId}/decisions`, {
        type: "bistand",
        investigationId,
        decidedAt: at("2026-11-30T10:00:00+01:00"),
        reason: "Nytt bistånd i ett avslutat ärende",
        insats: "Kontaktperson",
      }),
      call("handlaggare", "POST", `/api/cases/${caseId}/journal`, { step: "ovrigt", text: "Ny anteckning" }),
      call("handlaggare", "POST", `/api/cases/${caseId}/insatser`, { catalogueId: someId, providerUnitId: someId }),
      call("handlaggare", "POST", `/api/cases/${caseId}/assessments`, { instrumentId: someId, assessedOn: "2026-11-30" }),
      call("enhetschef", "PUT", `/api/cases/${caseId}/assignment`, { userId: w.userIds.handlaggare }),
    ]);
    for (const r of refusals) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.code).toBe("case_closed");
    }
    const after = await call("handlaggare", "GET", `/api/cases/${caseId}`);
    expect(after.body.journal).toHaveLength(journalBefore);
    expect(after.body.decisions).toHaveLength(before.body.decisions.length);
    // A wrong entry is corrected, never erased: that stays possible after the end.
    const signed = before.body.journal.find((j: { signedAt: string | null }) => j.signedAt);
    const correction = await call("handlaggare", "POST", `/api/cases/${caseId}/journal`, {
      step: "ovrigt",
      text: "Rättelse: fel datum i anteckningen",
      correctsId: signed.id,
      sign: true,
    });
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);
  });
});

describe("2-month uppföljning when guardians decline", () => {
  it("runs a clock from the investigation's completion that a follow-up decision meets", async () => {
    nowMs = Date.parse("2026-04-01T10:00:00+02:00");
    const r = await call("handlaggare", "POST", "/api/reports", {
      personId: w.own.protectedPersonId,
      districtId: w.own.id,
      receivedAt: at("2026-04-01T08:00:00+02:00"),
      reporterCategory: "skola",
      concerns: ["vald"],
      text: "Våld i skolan.",
    });
    const caseId = r.body.caseId;
    const file = await call("handlaggare", "GET", `/api/cases/${caseId}`);
    const inv = file.body.investigations.find((i: { completedOn: string | null }) => !i.completedOn);
    expect(inv).toBeTruthy();
    await call("handlaggare", "POST", `/api/investigations/${inv.id}/complete`, {
      completedOn: "2026-03-31",
      guardiansDeclined: true,
      noAssessmentReason: "vardnadshavare_den_unge_avbojt",
      noAssessmentNote: "Vårdnadshavarna avböjde",
      childNotHeardReason: "barnet_avstod",
      childNotHeardNote: "Inställningen klarlagd genom skolkuratorn.",
    });
    nowMs = Date.parse("2026-06-01T10:00:00+02:00");
    let overview = await call("handlaggare", "GET", "/api/deadlines?clock=uppfoljning");
    expect(overview.body.items.find((i: { recordId: string }) => i.recordId === inv.id)).toMatchObject({
      state: "overdue",
      dueDate: "2026-05-31",
    });
    const d = await call("handlaggare", "POST", `/api/cases/${caseId}/decisions`, {
      type: "uppfoljning",
      investigationId: inv.id,
      decidedAt: at("2026-05-20T10:00:00+02:00"),
      reason: "Uppföljning enligt 11 kap. 4 a § SoL",
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    overview = await call("handlaggare", "GET", "/api/deadlines?clock=uppfoljning&includeMet=true");
    expect(overview.body.items.find((i: { recordId: string }) => i.recordId === inv.id)?.state).toBe("met");
  });
});

describe("a person's cases", () => {
  it("lists only that person's cases with personId, and marks protected identity on the case file", async () => {
    const list = await call("handlaggare", "GET", `/api/cases?status=all&personId=${w.own.protectedPersonId}`);
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((c: { personId: string }) => c.personId === w.own.protectedPersonId)).toBe(true);
    // The list carries names and each case's running clocks: the report above still awaits its skyddsbedömning.
    const open = list.body.items.find((c: { closedAt: string | null }) => !c.closedAt);
    expect(open.districtName).toBe("Distrikt A");
    expect(open.clocks.map((k: { clock: string }) => k.clock)).toContain("skyddsbedomning");
    expect(open.clocks.find((k: { clock: string }) => k.clock === "skyddsbedomning").state).toBe("overdue");
    const file = await call("handlaggare", "GET", `/api/cases/${list.body.items[0].id}`);
    expect(file.body.protectedIdentity).toBe(true);
    const other = await call("handlaggare", "GET", `/api/cases?status=all&personId=${w.own.personId}`);
    expect(other.body.items.every((c: { personId: string }) => c.personId === w.own.personId)).toBe(true);
    const elsewhere = await call("handlaggare.b", "GET", `/api/cases?status=all&personId=${w.own.protectedPersonId}`);
    expect(elsewhere.body.items).toEqual([]);
  });
});

describe("scope", () => {
  it("hides another district's cases and clocks", async () => {
    const mine = await call("handlaggare.b", "GET", "/api/deadlines");
    expect(mine.body.items.every((i: { personId: string }) => i.personId !== w.own.personId)).toBe(true);
    const [c] = await w.database.db.select().from(reports).limit(1);
    expect((await call("handlaggare.b", "GET", `/api/cases/${c?.caseId}`)).status).toBe(404);
  });
});
