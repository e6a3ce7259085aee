import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  ungdomsovervakningItems,
  ungdomsovervakningPlans,
  ungdomstjanstJudgments,
  ungdomstjanstMisconduct,
  ungdomstjanstSessions,
} from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

/** Thursday 20 March 2025, 10:00 in Stockholm; tests move it. */
let nowMs = Date.parse("2025-03-20T10:00:00+01:00");
const clock = () => new Date(nowMs);

let w: World;
let caseId: string;
let otherCaseId: string;
beforeAll(async () => {
  w = await createWorld({ clock });
  ({ caseId } = await seedCase(w, "own", "investigating"));
  ({ caseId: otherCaseId } = await seedCase(w, "other", "investigating"));
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  return { status: res.statusCode, body: res.json() };
}
type Table =
  | typeof ungdomstjanstJudgments
  | typeof ungdomstjanstSessions
  | typeof ungdomstjanstMisconduct
  | typeof ungdomsovervakningPlans
  | typeof ungdomsovervakningItems;
const count = async (table: Table) => Number((await w.database.db.select({ n: sql<number>`count(*)` }).from(table))[0]?.n);
const audited = async (action: string) =>
  Number((await w.database.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.action, action)))[0]?.n);

/** Judged on Wednesday 5 March 2025 to 40 hours; the plan: start by 21 March, finish by 30 May. */
const judgment = {
  court: "Solna tingsrätt",
  caseNumber: "B 1234-25",
  judgmentOn: "2025-03-05",
  hours: 40,
  programmeHours: 10,
  startBy: "2025-03-21",
  completeBy: "2025-05-30",
};

describe("ungdomstjänst: judgment, placement, sessions, misconduct, completion", () => {
  let id: string;
  const sessions = () => `/api/ungdomstjanst/${id}/sessions`;

  it("registers the judgment with its clocks; hours outside 20–150 are refused with the field (400)", async () => {
    const before = await count(ungdomstjanstJudgments);
    const tooMany = await call("handlaggare", "POST", `/api/cases/${caseId}/ungdomstjanst`, { ...judgment, hours: 151 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: "hours_out_of_range", fields: [{ path: "body.hours" }] });
    const badPlan = await call("handlaggare", "POST", `/api/cases/${caseId}/ungdomstjanst`, {
      ...judgment,
      startBy: "2025-03-01",
    });
    expect(badPlan.body.error).toMatchObject({ code: "before_judgment", fields: [{ path: "body.startBy" }] });
    expect(await count(ungdomstjanstJudgments)).toBe(before);

    const r = await call("handlaggare", "POST", `/api/cases/${caseId}/ungdomstjanst`, judgment);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({
      legalBasis: "32 kap. 2 § brottsbalken",
      status: "domd",
      progress: { hours: 40, done: 0, left: 40 },
      clocks: [
        { kind: "ungdomstjanst_start", dueDate: "2025-03-21", state: "due_soon", daysLeft: 1 },
        { kind: "ungdomstjanst_slut", dueDate: "2025-05-30", state: "due" },
      ],
    });
    expect(await audited("ungdomstjanst.create")).toBe(1);
  });

  it("answers 404 out of scope and writes nothing", async () => {
    const before = [await count(ungdomstjanstJudgments), await count(ungdomstjanstSessions)];
    expect((await call("handlaggare", "POST", `/api/cases/${otherCaseId}/ungdomstjanst`, judgment)).status).toBe(404);
    expect((await call("handlaggare.b", "GET", `/api/cases/${caseId}/ungdomstjanst`)).status).toBe(404);
    const s = await call("handlaggare.b", "POST", sessions(), {
      on: "2025-03-10",
      kind: "arbete",
      hours: 2,
      attendance: "fullgjord",
    });
    expect(s.status).toBe(404);
    expect([await count(ungdomstjanstJudgments), await count(ungdomstjanstSessions)]).toEqual(before);
  });

  it("places the young person at a workplace with a supervisor; not before the judgment (400)", async () => {
    const early = await call("handlaggare", "PUT", `/api/ungdomstjanst/${id}/placement`, {
      workplace: "Kyrkans second hand",
      supervisorName: "Anna Handledare",
      placedOn: "2025-03-04",
    });
    expect(early.body.error).toMatchObject({ code: "before_previous_step", fields: [{ path: "body.placedOn" }] });
    const r = await call("handlaggare", "PUT", `/api/ungdomstjanst/${id}/placement`, {
      workplace: "Kyrkans second hand",
      supervisorName: "Anna Handledare",
      placedOn: "2025-03-10",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: "placerad", workplace: "Kyrkans second hand", supervisorName: "Anna Handledare" });
  });

  it("refuses attendance before the judgment (400, body.on) and bad input, writing nothing", async () => {
    const before = await count(ungdomstjanstSessions);
    const early = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-04",
      kind: "arbete",
      hours: 3,
      attendance: "fullgjord",
    });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: "before_judgment", fields: [{ path: "body.on" }] });
    const odd = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-12",
      kind: "arbete",
      hours: 2.2,
      attendance: "fullgjord",
    });
    expect(odd.body.error.code).toBe("invalid_input");
    const ahead = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-21",
      kind: "arbete",
      hours: 2,
      attendance: "fullgjord",
    });
    expect(ahead.body.error).toMatchObject({ code: "in_future", fields: [{ path: "body.on" }] });
    expect(await count(ungdomstjanstSessions)).toBe(before);
  });

  it("records the schedule and each session's attendance; hours done and left follow", async () => {
    await call("handlaggare", "POST", sessions(), { on: "2025-03-12", kind: "arbete", hours: 4, attendance: "fullgjord" });
    await call("handlaggare", "POST", sessions(), { on: "2025-03-13", kind: "program", hours: 2.5, attendance: "fullgjord" });
    await call("handlaggare", "POST", sessions(), {
      on: "2025-03-15",
      kind: "arbete",
      hours: 4,
      attendance: "uteblev",
      note: "Kom inte, svarade inte i telefon",
    });
    const planned = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-22",
      kind: "arbete",
      hours: 4,
      attendance: "planerad",
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body).toMatchObject({
      status: "pagar",
      progress: { done: 6.5, left: 33.5, programmeDone: 2.5, workDone: 4 },
      // Started on 12 March, before the plan's 21 March.
      clocks: [{ kind: "ungdomstjanst_start", state: "met" }, { kind: "ungdomstjanst_slut" }],
    });
    expect(planned.body.sessions.map((s: { attendance: string }) => s.attendance)).toEqual([
      "fullgjord",
      "fullgjord",
      "uteblev",
      "planerad",
    ]);
  });

  it("refuses hours beyond the judgment (400, body.hours) and writes nothing", async () => {
    const before = await count(ungdomstjanstSessions);
    const r = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-19",
      kind: "arbete",
      hours: 12,
      attendance: "fullgjord",
    });
    expect(r.status).toBe(201);
    const r2 = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-19",
      kind: "arbete",
      hours: 12,
      attendance: "fullgjord",
    });
    expect(r2.status).toBe(201);
    expect(r2.body.progress).toMatchObject({ done: 30.5, left: 9.5 });
    const over = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-20",
      kind: "arbete",
      hours: 10,
      attendance: "fullgjord",
    });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ code: "hours_exceed_judgment", fields: [{ path: "body.hours" }] });
    expect(await count(ungdomstjanstSessions)).toBe(before + 2);
  });

  it("two attendance registrations at once cannot together exceed the judged hours", async () => {
    // 9.5 hours left: each of the two fits alone, both together do not.
    const body = { on: "2025-03-20", kind: "arbete", hours: 6, attendance: "fullgjord" };
    const both = await Promise.all([call("handlaggare", "POST", sessions(), body), call("enhetschef", "POST", sessions(), body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(both.find((r) => r.status === 400)?.body.error.code).toBe("hours_exceed_judgment");
    const list = await call("handlaggare", "GET", `/api/cases/${caseId}/ungdomstjanst`);
    expect(list.body.items[0].progress).toMatchObject({ done: 36.5, left: 3.5 });
  });

  it("reports misconduct to the prosecutor with its date; not before the judgment (400)", async () => {
    const early = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/misconduct`, {
      reportedOn: "2025-03-01",
      prosecutorReference: "AM-77-25",
      note: "Uteblev",
    });
    expect(early.body.error).toMatchObject({ code: "before_judgment", fields: [{ path: "body.reportedOn" }] });
    const r = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/misconduct`, {
      reportedOn: "2025-03-17",
      prosecutorReference: "AM-77-25",
      note: "Uteblev utan giltigt skäl den 15 mars",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.misconduct).toEqual([expect.objectContaining({ reportedOn: "2025-03-17", prosecutorReference: "AM-77-25" })]);
    expect(await audited("ungdomstjanst.misconduct")).toBe(1);
  });

  it("the deadline overview shows the end clock while it runs", async () => {
    const r = await call("enhetschef", "GET", "/api/deadlines?clock=ungdomstjanst_slut");
    expect(r.status).toBe(200);
    expect(r.body.items.find((i: { recordId: string }) => i.recordId === id)).toMatchObject({
      clock: "ungdomstjanst_slut",
      dueDate: "2025-05-30",
      state: "due",
      caseId,
    });
  });

  it("refuses completion with hours left (409), then completes once the planned session is attended", async () => {
    const refused = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/complete`, { completedOn: "2025-03-20" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("hours_left");
    nowMs = Date.parse("2025-03-24T10:00:00+01:00");
    const planned = (await call("handlaggare", "GET", `/api/cases/${caseId}/ungdomstjanst`)).body.items[0].sessions.find(
      (s: { attendance: string }) => s.attendance === "planerad",
    );
    const tooLong = await call("handlaggare", "PUT", `/api/ungdomstjanst-sessions/${planned.id}/attendance`, {
      attendance: "fullgjord",
    });
    expect(tooLong.body.error).toMatchObject({ code: "hours_exceed_judgment", fields: [{ path: "body.hours" }] });
    const attended = await call("handlaggare", "PUT", `/api/ungdomstjanst-sessions/${planned.id}/attendance`, {
      attendance: "fullgjord",
      hours: 3.5,
    });
    expect(attended.status, JSON.stringify(attended.body)).toBe(200);
    expect(attended.body.progress).toMatchObject({ done: 40, left: 0 });
    const done = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/complete`, { completedOn: "2025-03-24" });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: "fullgjord", completedOn: "2025-03-24" });
    expect(done.body.clocks.map((c: { state: string }) => c.state)).toEqual(["met", "met"]);
    const after = await call("handlaggare", "POST", sessions(), {
      on: "2025-03-24",
      kind: "arbete",
      hours: 1,
      attendance: "uteblev",
    });
    expect(after.status).toBe(409);
    const open = await call("enhetschef", "GET", "/api/deadlines?clock=ungdomstjanst_slut");
    expect(open.body.items.find((i: { recordId: string }) => i.recordId === id)).toBeUndefined();
  });
});

describe("ungdomsövervakning: the social services' part of the plan", () => {
  let planId: string;
  it("registers the judgment; 6–12 months (400 otherwise), 404 out of scope", async () => {
    nowMs = Date.parse("2025-03-24T10:00:00+01:00");
    const body = {
      court: "Solna tingsrätt",
      judgmentOn: "2025-03-18",
      months: 9,
      koordinator: "Kim Koordinator, Kriminalvården",
    };
    const bad = await call("handlaggare", "POST", `/api/cases/${caseId}/ungdomsovervakning`, { ...body, months: 13 });
    expect(bad.body.error).toMatchObject({ code: "months_out_of_range", fields: [{ path: "body.months" }] });
    expect((await call("handlaggare", "POST", `/api/cases/${otherCaseId}/ungdomsovervakning`, body)).status).toBe(404);
    expect(await count(ungdomsovervakningPlans)).toBe(0);
    const r = await call("handlaggare", "POST", `/api/cases/${caseId}/ungdomsovervakning`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    planId = r.body.id;
    expect(r.body).toMatchObject({ legalBasis: "32 kap. 3 a § brottsbalken", months: 9, items: [] });
  });

  it("records contacts, insatser and meetings with a follow-up day; the overview shows the follow-up", async () => {
    const bad = await call("handlaggare", "POST", `/api/ungdomsovervakning/${planId}/items`, {
      kind: "mote",
      description: "Verkställighetsplanering med Kriminalvården",
      startsOn: "2025-03-17",
      followUpBy: "2025-04-15",
    });
    expect(bad.body.error).toMatchObject({ code: "before_judgment", fields: [{ path: "body.startsOn" }] });
    expect(await count(ungdomsovervakningItems)).toBe(0);
    const r = await call("handlaggare", "POST", `/api/ungdomsovervakning/${planId}/items`, {
      kind: "insats",
      description: "Samtalsstöd (ART) varje vecka",
      startsOn: "2025-03-20",
      followUpBy: "2025-04-15",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.items[0]).toMatchObject({ kind: "insats", followUpBy: "2025-04-15", clock: { state: "due" } });
    const overview = await call("enhetschef", "GET", "/api/deadlines?clock=ungdomsovervakning_uppfoljning");
    expect(overview.body.items).toEqual([
      expect.objectContaining({ recordId: r.body.items[0].id, dueDate: "2025-04-15", state: "due", caseId }),
    ]);
  });

  it("follows up with the outcome; twice is 409", async () => {
    const plan = (await call("handlaggare", "GET", `/api/cases/${caseId}/ungdomsovervakning`)).body.items[0];
    const itemId = plan.items[0].id;
    const early = await call("handlaggare", "POST", `/api/ungdomsovervakning-items/${itemId}/follow-up`, {
      on: "2025-03-19",
      outcome: "genomford",
    });
    expect(early.body.error).toMatchObject({ code: "before_previous_step", fields: [{ path: "body.on" }] });
    const r = await call("handlaggare", "POST", `/api/ungdomsovervakning-items/${itemId}/follow-up`, {
      on: "2025-03-24",
      outcome: "delvis",
      note: "Två av tre samtal genomförda",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items[0]).toMatchObject({ followedUpOn: "2025-03-24", outcome: "delvis", clock: { state: "met" } });
    const twice = await call("handlaggare", "POST", `/api/ungdomsovervakning-items/${itemId}/follow-up`, {
      on: "2025-03-24",
      outcome: "delvis",
    });
    expect(twice.status).toBe(409);
  });
});

describe("the nämnd's figures", () => {
  it("carries the sanction figures, protected as a whole when there are only a handful", async () => {
    const r = await call("enhetschef", "GET", "/api/reports/young-offenders?from=2025-03-01&to=2025-03-31");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.sanctionsProtectedWhole).toBe(true);
    expect(r.body.ungdomstjanst.judged.all).toBeNull();
    expect(r.body.ungdomsovervakning.followedUp.all).toBeNull();
  });
});

describe("correcting a judgment and ending it without completion", () => {
  let id: string;
  let freshCase: string;
  const row = async () => (await w.database.db.select().from(ungdomstjanstJudgments).where(eq(ungdomstjanstJudgments.id, id)))[0];

  it("corrects the judgment's days: validated field by field, nothing written on a refusal, 404 out of scope", async () => {
    nowMs = Date.parse("2025-03-24T10:00:00+01:00");
    ({ caseId: freshCase } = await seedCase(w, "own", "investigating"));
    const created = await call("handlaggare", "POST", `/api/cases/${freshCase}/ungdomstjanst`, {
      ...judgment,
      caseNumber: "B 555-25",
      hours: 30,
      programmeHours: 5,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.id;
    await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/sessions`, {
      on: "2025-03-12",
      kind: "arbete",
      hours: 4,
      attendance: "fullgjord",
    });
    const before = await row();

    const empty = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, {});
    expect(empty.status).toBe(400);
    const early = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, { completeBy: "2025-03-01" });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: "before_judgment", fields: [{ path: "body.completeBy" }] });
    const afterSession = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, { judgmentOn: "2025-03-13" });
    expect(afterSession.body.error).toMatchObject({ code: "after_recorded_step", fields: [{ path: "body.judgmentOn" }] });
    const belowDone = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, { hours: 20, programmeHours: 0 });
    expect(belowDone.status).toBe(200);
    const tooFew = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, { hours: 3 });
    expect(tooFew.body.error.code).toBe("hours_out_of_range");
    const unknown = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, { judgmentOn: "2025-03-04", colour: "red" });
    expect(unknown.status).toBe(400);
    expect((await call("handlaggare.b", "PATCH", `/api/ungdomstjanst/${id}`, { judgmentOn: "2025-03-04" })).status).toBe(404);
    expect(await row()).toEqual({ ...before, hours: 20, programmeHours: 0 });
  });

  it("recomputes the clocks from the corrected days, on the case and on the deadline overview, and audits the fields", async () => {
    const r = await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, {
      judgmentOn: "2025-03-04",
      startBy: "2025-03-28",
      completeBy: "2025-06-13",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      judgmentOn: "2025-03-04",
      startBy: "2025-03-28",
      completeBy: "2025-06-13",
      clocks: [
        { kind: "ungdomstjanst_start", dueDate: "2025-03-28", state: "met" },
        { kind: "ungdomstjanst_slut", dueDate: "2025-06-13", state: "due" },
      ],
    });
    const overview = await call("enhetschef", "GET", "/api/deadlines?clock=ungdomstjanst_slut");
    expect(overview.body.items.find((i: { recordId: string }) => i.recordId === id)).toMatchObject({
      dueDate: "2025-06-13",
      state: "due",
    });
    const [entry] = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "ungdomstjanst.update"), eq(auditLog.recordId, id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.details).toEqual({ changed: ["completeBy", "judgmentOn", "startBy"] });
  });

  it("ends without completion: misskötsamhet needs a report to the prosecutor first (400, nothing written)", async () => {
    const refused = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/end`, {
      endedOn: "2025-03-24",
      reason: "misskotsamhet",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "misconduct_not_reported", fields: [{ path: "body.reason" }] });
    const noNote = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/end`, { endedOn: "2025-03-24", reason: "annat" });
    expect(noNote.body.error).toMatchObject({ code: "note_required", fields: [{ path: "body.note" }] });
    const badReason = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/end`, {
      endedOn: "2025-03-24",
      reason: "trott",
    });
    expect(badReason.status).toBe(400);
    expect(
      (await call("handlaggare.b", "POST", `/api/ungdomstjanst/${id}/end`, { endedOn: "2025-03-24", reason: "dom_andrad" }))
        .status,
    ).toBe(404);
    expect((await row())?.endedOn).toBeNull();
    expect(await audited("ungdomstjanst.end")).toBe(0);

    await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/misconduct`, {
      reportedOn: "2025-03-20",
      prosecutorReference: "AM-12-25",
      note: "Har inte kommit sedan den 12 mars",
    });
    const ended = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/end`, {
      endedOn: "2025-03-24",
      reason: "misskotsamhet",
      note: "Åklagaren underrättad; den unge har slutat komma",
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({
      status: "avslutad_ej_fullgjord",
      endedOn: "2025-03-24",
      endReason: "misskotsamhet",
      progress: { done: 4, left: 16 },
      // The start clock was met by the first session; the end clock no longer runs.
      clocks: [{ kind: "ungdomstjanst_start", state: "met" }],
    });
    expect(await audited("ungdomstjanst.end")).toBe(1);
  });

  it("an ended judgment leaves the overview and takes nothing more (409)", async () => {
    const overview = await call("enhetschef", "GET", "/api/deadlines?clock=ungdomstjanst_slut");
    expect(overview.body.items.find((i: { recordId: string }) => i.recordId === id)).toBeUndefined();
    const session = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/sessions`, {
      on: "2025-03-24",
      kind: "arbete",
      hours: 2,
      attendance: "uteblev",
    });
    expect(session.status).toBe(409);
    expect(session.body.error.code).toBe("ungdomstjanst_ended");
    expect((await call("handlaggare", "PATCH", `/api/ungdomstjanst/${id}`, { completeBy: "2025-06-20" })).status).toBe(409);
    expect((await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/complete`, { completedOn: "2025-03-24" })).status).toBe(
      409,
    );
    const again = await call("handlaggare", "POST", `/api/ungdomstjanst/${id}/end`, {
      endedOn: "2025-03-24",
      reason: "dom_andrad",
    });
    expect(again.status).toBe(409);
  });

  it("the person page lists the young person's judgments with hours done and left (audited; 404 out of scope)", async () => {
    const r = await call("handlaggare", "GET", `/api/persons/${w.own.personId}/ungdomstjanst`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // In the order judged: the corrected one was judged on 4 March, the first on 5 March.
    expect(r.body.items.map((j: { caseNumber: string }) => j.caseNumber)).toEqual(["B 555-25", "B 1234-25"]);
    expect(r.body.items[0]).toMatchObject({ status: "avslutad_ej_fullgjord", progress: { hours: 20, done: 4, left: 16 } });
    expect(r.body.items[1]).toMatchObject({ status: "fullgjord", progress: { hours: 40, done: 40, left: 0 } });
    expect(await audited("ungdomstjanst.list_person")).toBe(1);
    expect((await call("handlaggare.b", "GET", `/api/persons/${w.own.personId}/ungdomstjanst`)).status).toBe(404);
    expect((await call("handlaggare", "GET", `/api/persons/${w.other.personId}/ungdomstjanst`)).status).toBe(404);
    expect(await audited("ungdomstjanst.list_person")).toBe(1);
  });
});
