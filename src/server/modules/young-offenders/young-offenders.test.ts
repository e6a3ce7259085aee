import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, auditLog, decisions, lulYttranden, lvuProcesses, lvuSteps } from "../../db/schema/index";
import { shippedInstrument } from "../../testing/assessment-fixtures";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

/** Thursday 20 March 2025, 10:00 in Stockholm; tests move it. */
let nowMs = Date.parse("2025-03-20T10:00:00+01:00");
const clock = () => new Date(nowMs);

let w: World;
let caseId: string;
let investigationId: string;
let otherCaseId: string;
beforeAll(async () => {
  w = await createWorld({ clock });
  ({ caseId, investigationId } = await seedCase(w, "own", "investigating"));
  ({ caseId: otherCaseId } = await seedCase(w, "other", "investigating"));
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  return { status: res.statusCode, body: res.json() };
}
const count = async (table: typeof lulYttranden | typeof lvuSteps | typeof lvuProcesses | typeof decisions) =>
  Number((await w.database.db.select({ n: sql<number>`count(*)` }).from(table))[0]?.n);
const audited = async (action: string) =>
  Number((await w.database.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.action, action)))[0]?.n);

const request = {
  requesterKind: "aklagare",
  requesterReference: "AM-12345-25",
  offenceCategory: "ran",
  askedOn: "2025-03-18",
  dueOn: "2025-04-08",
};

describe("LUL yttrande: request, write, sign under delegation, send", () => {
  let id: string;

  it("registers a request on the case, with its clock", async () => {
    const before = await audited("lul_yttrande.create");
    const r = await call("handlaggare", "POST", `/api/cases/${caseId}/lul-yttranden`, request);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({
      status: "requested",
      legalBasis: "11 § första stycket LUL",
      clock: { state: "due", dueDate: "2025-04-08", daysLeft: 19 },
    });
    expect(await audited("lul_yttrande.create")).toBe(before + 1);
    const list = await call("handlaggare", "GET", `/api/cases/${caseId}/lul-yttranden`);
    expect(list.body.items.map((y: { id: string }) => y.id)).toContain(id);
  });

  it("refuses a due date before the date asked (400), writing nothing", async () => {
    const before = await count(lulYttranden);
    const r = await call("handlaggare", "POST", `/api/cases/${caseId}/lul-yttranden`, { ...request, dueOn: "2025-03-17" });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "due_before_asked", fields: [{ path: "body.dueOn" }] });
    const bad = await call("handlaggare", "POST", `/api/cases/${caseId}/lul-yttranden`, {
      ...request,
      offenceCategory: "fritext om brottet",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_input");
    const future = await call("handlaggare", "POST", `/api/cases/${caseId}/lul-yttranden`, { ...request, askedOn: "2025-03-21" });
    expect(future.body.error.code).toBe("in_future");
    expect(await count(lulYttranden)).toBe(before);
  });

  it("answers 404 for another district's case and writes nothing", async () => {
    const before = await count(lulYttranden);
    expect((await call("handlaggare", "POST", `/api/cases/${otherCaseId}/lul-yttranden`, request)).status).toBe(404);
    expect((await call("handlaggare", "GET", `/api/cases/${otherCaseId}/lul-yttranden`)).status).toBe(404);
    expect((await call("handlaggare.b", "PUT", `/api/lul-yttranden/${id}`, { needAssessment: "x" })).status).toBe(404);
    expect(await count(lulYttranden)).toBe(before);
  });

  it("refuses references to another case's investigation (400)", async () => {
    const other = await seedCase(w, "other", "investigating");
    const r = await call("handlaggare", "PUT", `/api/lul-yttranden/${id}`, { investigationIds: [other.investigationId] });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "unknown_investigation", fields: [{ path: "body.investigationIds.0" }] });
  });

  it("refuses signing an incomplete yttrande (400)", async () => {
    const r = await call("enhetschef", "POST", `/api/lul-yttranden/${id}/sign`, { signedAt: "2025-03-20T09:00:00+01:00" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("yttrande_incomplete");
  });

  it("draws only on the case's signed assessments (400 for a draft)", async () => {
    const gas = await shippedInstrument(w, "gas");
    const values = {
      caseId,
      investigationId,
      personId: w.own.personId,
      districtId: w.own.id,
      instrumentId: gas.id,
      assessedOn: "2025-03-19",
      score: {},
      createdBy: w.userIds.handlaggare as string,
    };
    const [draft] = await w.database.db.insert(assessments).values(values).returning({ id: assessments.id });
    const [signed] = await w.database.db
      .insert(assessments)
      .values({ ...values, signedAt: new Date("2025-03-19T12:00:00Z"), signedBy: w.userIds.handlaggare as string })
      .returning({ id: assessments.id });
    const refused = await call("handlaggare", "PUT", `/api/lul-yttranden/${id}`, { assessmentIds: [signed?.id, draft?.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "unknown_assessment", fields: [{ path: "body.assessmentIds.1" }] });
    const ok = await call("handlaggare", "PUT", `/api/lul-yttranden/${id}`, { assessmentIds: [signed?.id] });
    expect(ok.body.assessmentIds).toEqual([signed?.id]);
  });

  it("writes the sections, the proposed measure and the investigation by reference", async () => {
    const r = await call("handlaggare", "PUT", `/api/lul-yttranden/${id}`, {
      previousMeasures: "Kontaktperson sedan 2024.",
      needAssessment: "Särskilt behov av åtgärder finns.",
      plannedMeasures: "Ungdomskontrakt med MST.",
      proposedMeasure: "ungdomsvard_ungdomskontrakt",
      investigationIds: [investigationId],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ proposedMeasure: "ungdomsvard_ungdomskontrakt", investigationIds: [investigationId] });
  });

  it("refuses sending before signing (409)", async () => {
    const r = await call("handlaggare", "POST", `/api/lul-yttranden/${id}/sent`, { sentOn: "2025-03-20" });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("out_of_order");
  });

  it("refuses a signature by someone without delegation (409) and writes nothing", async () => {
    const before = await count(decisions);
    const r = await call("handlaggare", "POST", `/api/lul-yttranden/${id}/sign`, { signedAt: "2025-03-20T09:00:00+01:00" });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("no_delegation");
    expect(await count(decisions)).toBe(before);
    const [row] = await w.database.db.select().from(lulYttranden).where(eq(lulYttranden.id, id));
    expect(row?.signedAt).toBeNull();
  });

  it("is signed by the enhetschef under the delegation, recorded as a decision", async () => {
    const r = await call("enhetschef", "POST", `/api/lul-yttranden/${id}/sign`, { signedAt: "2025-03-20T09:00:00+01:00" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: "signed", signedByName: "Test enhetschef", signedAsRole: "enhetschef" });
    const [d] = await w.database.db.select().from(decisions).where(eq(decisions.id, r.body.decisionId));
    expect(d).toMatchObject({ type: "lul_yttrande", decidedAsRole: "enhetschef", caseId });
    const change = await call("handlaggare", "PUT", `/api/lul-yttranden/${id}`, { needAssessment: "Ändrad" });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe("yttrande_signed");
  });

  it("is on the deadline overview until sent, then met", async () => {
    const running = await call("enhetschef", "GET", "/api/deadlines?clock=lul_yttrande");
    expect(running.body.items.find((i: { recordId: string }) => i.recordId === id)).toMatchObject({
      state: "due",
      dueDate: "2025-04-08",
      caseId,
    });
    const sent = await call("handlaggare", "POST", `/api/lul-yttranden/${id}/sent`, { sentOn: "2025-03-20" });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sent", sentOn: "2025-03-20", clock: { state: "met" } });
    const again = await call("handlaggare", "POST", `/api/lul-yttranden/${id}/sent`, { sentOn: "2025-03-20" });
    expect(again.status).toBe(409);
    const met = await call("enhetschef", "GET", "/api/deadlines?clock=lul_yttrande&includeMet=true");
    expect(met.body.items.find((i: { recordId: string }) => i.recordId === id)?.state).toBe("met");
    const open = await call("enhetschef", "GET", "/api/deadlines?clock=lul_yttrande");
    expect(open.body.items.find((i: { recordId: string }) => i.recordId === id)).toBeUndefined();
  });
});

describe("LVU: the process step by step", () => {
  let processId: string;
  const step = (username: string, body: object) => call(username, "POST", `/api/lvu/${processId}/steps`, body);
  const chair = { kind: "ordforande", memberName: "Eva Ordförande" };

  it("opens a process for 3 § (criminal activity); a second running one is refused", async () => {
    nowMs = Date.parse("2025-03-11T09:00:00+01:00");
    const bad = await call("handlaggare", "POST", `/api/cases/${caseId}/lvu`, { grounds: ["3"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("behaviour_required");
    const r = await call("handlaggare", "POST", `/api/cases/${caseId}/lvu`, {
      grounds: ["3"],
      behaviours: ["brottslig_verksamhet"],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    processId = r.body.id;
    expect(r.body).toMatchObject({ phase: "inledd", steps: [], allowedNext: ["omedelbart_beslut", "ansokan", "avslutad"] });
    const twice = await call("handlaggare", "POST", `/api/cases/${caseId}/lvu`, { grounds: ["3"], behaviours: ["missbruk"] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("lvu_process_open");
  });

  it("refuses a step out of order (409) and writes nothing", async () => {
    const before = await count(lvuSteps);
    const r = await step("handlaggare", { kind: "verkstallt", on: "2025-03-10" });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("lvu_out_of_order");
    expect(await count(lvuSteps)).toBe(before);
  });

  it("refuses an omedelbart omhändertagande by staff: the law reserves it (409), nothing written", async () => {
    const [steps, made] = [await count(lvuSteps), await count(decisions)];
    const r = await step("enhetschef", {
      kind: "omedelbart_beslut",
      decidedAt: "2025-03-10T20:00:00+01:00",
      maker: { kind: "tjansteman" },
      reason: "Akut",
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: "no_delegation", fields: [{ path: "body.maker.kind" }] });
    expect([await count(lvuSteps), await count(decisions)]).toEqual([steps, made]);
  });

  it("refuses bad input (400) and writes nothing", async () => {
    const before = await count(lvuSteps);
    const unknown = await step("handlaggare", { kind: "okand", on: "2025-03-10" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("invalid_input");
    const noName = await step("handlaggare", {
      kind: "omedelbart_beslut",
      decidedAt: "2025-03-10T20:00:00+01:00",
      maker: { kind: "ordforande" },
      reason: "Akut",
    });
    expect(noName.body.error.code).toBe("member_name_required");
    const future = await step("handlaggare", {
      kind: "omedelbart_beslut",
      decidedAt: "2025-03-12T10:00:00+01:00",
      maker: chair,
      reason: "-",
    });
    expect(future.body.error.code).toBe("in_future");
    expect(await count(lvuSteps)).toBe(before);
  });

  it("answers 404 out of scope and writes nothing", async () => {
    const before = await count(lvuSteps);
    const r = await step("handlaggare.b", {
      kind: "omedelbart_beslut",
      decidedAt: "2025-03-10T20:00:00+01:00",
      maker: chair,
      reason: "-",
    });
    expect(r.status).toBe(404);
    expect((await call("handlaggare.b", "GET", `/api/cases/${caseId}/lvu`)).status).toBe(404);
    expect((await call("handlaggare", "POST", `/api/cases/${otherCaseId}/lvu`, { grounds: ["2"] })).status).toBe(404);
    expect(await count(lvuSteps)).toBe(before);
  });

  it("records the chair's urgent decision as a decision, pending report to the nämnd", async () => {
    const r = await step("handlaggare", {
      kind: "omedelbart_beslut",
      decidedAt: "2025-03-10T20:00:00+01:00",
      maker: chair,
      reason: "Risk för fortsatt grov brottslighet, rättens beslut kan inte avvaktas",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.urgentDecisions).toEqual([
      { seq: 1, kind: "omedelbart_beslut", decidedOn: "2025-03-10", memberName: "Eva Ordförande", reportedOn: null },
    ]);
    const [d] = await w.database.db.select().from(decisions).where(eq(decisions.id, r.body.steps[0].decisionId));
    expect(d).toMatchObject({
      type: "lvu_omedelbart_omhandertagande",
      decidedAsRole: "ordforande",
      decidedBy: w.userIds.handlaggare,
    });
    // 7 §: a week from Monday 10 March is Monday 17 March.
    expect(r.body.clocks).toEqual([
      expect.objectContaining({ kind: "lvu_understallning", dueDate: "2025-03-17", state: "due", moved: false }),
    ]);
  });

  it("carries it out; the 8 § clock starts from that day", async () => {
    const before = await step("handlaggare", { kind: "verkstallt", on: "2025-03-09" });
    expect(before.status).toBe(400);
    expect(before.body.error.code).toBe("before_previous_step");
    const r = await step("handlaggare", { kind: "verkstallt", on: "2025-03-10" });
    expect(r.status).toBe(201);
    expect(r.body.phase).toBe("omhandertagen");
    expect(r.body.clocks.find((c: { kind: string }) => c.kind === "lvu_ansokan")).toMatchObject({
      dueDate: "2025-04-07",
      state: "due",
    });
  });

  it("two concurrent underställningar: one wins, the other is 409", async () => {
    nowMs = Date.parse("2025-03-12T15:00:00+01:00");
    const both = await Promise.all([
      step("handlaggare", { kind: "understalld", on: "2025-03-12" }),
      step("enhetschef", { kind: "understalld", on: "2025-03-12" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body.error.code).toBe("lvu_out_of_order");
    const steps = await w.database.db
      .select()
      .from(lvuSteps)
      .where(and(eq(lvuSteps.processId, processId), eq(lvuSteps.kind, "understalld")));
    expect(steps).toHaveLength(1);
  });

  it("reports the urgent decision to the nämnd at its next meeting", async () => {
    nowMs = Date.parse("2025-03-20T10:00:00+01:00");
    const r = await step("handlaggare", { kind: "anmalt_till_namnd", on: "2025-03-18", decisionSeq: 1, paragraph: "§ 31" });
    expect(r.status).toBe(201);
    expect(r.body.urgentDecisions[0].reportedOn).toBe("2025-03-18");
  });

  it("places the young person: staff need the delegation (409 for the handläggare)", async () => {
    const body = {
      kind: "placering",
      decidedAt: "2025-03-11T10:00:00+01:00",
      maker: { kind: "tjansteman" },
      form: "sis",
      place: "SiS ungdomshem",
      from: "2025-03-11",
    };
    const refused = await step("handlaggare", body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("no_delegation");
    const r = await step("enhetschef", body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [d] = await w.database.db
      .select()
      .from(decisions)
      .where(eq(decisions.id, r.body.steps.at(-1).decisionId));
    expect(d).toMatchObject({ type: "lvu_placering", decidedAsRole: "enhetschef" });
  });

  it("applies for care, decided by the nämnd (an ordförande may not, 409)", async () => {
    const chairRefused = await step("handlaggare", {
      kind: "ansokan",
      decidedAt: "2025-03-19T14:00:00+01:00",
      maker: chair,
      submittedOn: "2025-03-20",
      reason: "-",
    });
    expect(chairRefused.body.error.code).toBe("no_delegation");
    const r = await step("handlaggare", {
      kind: "ansokan",
      decidedAt: "2025-03-19T14:00:00+01:00",
      maker: { kind: "namnd", paragraph: "§ 33" },
      submittedOn: "2025-03-20",
      reason: "Behov av vård enligt 3 § LVU",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const clocks = Object.fromEntries(r.body.clocks.map((c: { kind: string; state: string }) => [c.kind, c.state]));
    expect(clocks).toEqual({ lvu_understallning: "met", lvu_ansokan: "met" });
    expect(r.body.phase).toBe("omhandertagen");
  });

  it("the overview shows each clock of the process", async () => {
    const r = await call("enhetschef", "GET", "/api/deadlines?includeMet=true");
    const mine = r.body.items
      .filter((i: { recordId: string }) => i.recordId === processId)
      .map((i: { clock: string; state: string }) => [i.clock, i.state]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ["lvu_understallning", "met"],
        ["lvu_ansokan", "met"],
      ]),
    );
  });

  it("the court's judgment, care begun and the 13 § prövning clock", async () => {
    nowMs = Date.parse("2025-04-20T10:00:00+02:00");
    expect(
      (await step("handlaggare", { kind: "dom", on: "2025-04-09", outcome: "bifall", grounds: ["2"] })).body.error.code,
    ).toBe("ground_not_applied_for");
    expect((await step("handlaggare", { kind: "dom", on: "2025-04-09", outcome: "bifall", grounds: ["3"] })).status).toBe(201);
    const r = await step("handlaggare", { kind: "vard_paborjad", on: "2025-04-09" });
    expect(r.status).toBe(201);
    expect(r.body.phase).toBe("vard");
    expect(r.body.clocks.find((c: { kind: string }) => c.kind === "lvu_provning")).toMatchObject({
      dueDate: "2025-10-09",
      section: "13 § andra stycket LVU",
    });
    expect(r.body.omhandertagande).toMatchObject({ endedOn: "2025-04-09", reason: "dom", lapses: [] });
  });
});

describe("LVU: a late underställning", () => {
  it("is recorded, met late, and the lapse is stated", async () => {
    nowMs = Date.parse("2025-05-20T10:00:00+02:00");
    const fresh = await seedCase(w, "own", "investigating");
    const open = await call("handlaggare", "POST", `/api/cases/${fresh.caseId}/lvu`, { grounds: ["2"] });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    const url = `/api/lvu/${open.body.id}/steps`;
    await call("handlaggare", "POST", url, {
      kind: "omedelbart_beslut",
      decidedAt: "2025-05-02T16:00:00+02:00",
      maker: { kind: "namnd" },
      reason: "Brister i omsorgen",
    });
    // A week from Friday 2 May is Friday 9 May; underställd on Monday 12 May.
    const r = await call("handlaggare", "POST", url, { kind: "understalld", on: "2025-05-12" });
    expect(r.status).toBe(201);
    expect(r.body.clocks[0]).toMatchObject({ kind: "lvu_understallning", state: "met_late", dueDate: "2025-05-09" });
    expect(r.body.clocks[0].lapse).toMatch(/7 § LVU/);
    expect(r.body.omhandertagande).toMatchObject({ reason: "lapsed_7", endedOn: "2025-05-10" });
    // It cannot be carried out after it lapsed.
    const late = await call("handlaggare", "POST", url, { kind: "verkstallt", on: "2025-05-12" });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("lvu_omhandertagande_ended");
  });
});

describe("the nämnd's figures", () => {
  it("answers with disclosure-controlled figures, calendar periods only for the analytiker", async () => {
    const r = await call("enhetschef", "GET", "/api/reports/young-offenders?from=2025-03-01&to=2025-05-31");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.disclosure).toMatchObject({ method: "cell-key", granularity: "day" });
    // A handful of records: protected as a whole, every figure hidden rather than shown small.
    expect(r.body.disclosure.protectedWhole).toBe(true);
    expect(r.body.yttranden.requested.all).toBeNull();
    const analyst = await call("analytiker", "GET", "/api/reports/young-offenders?from=2025-03-03&to=2025-05-31");
    expect(analyst.status).toBe(400);
    expect(analyst.body.error.code).toBe("period_too_fine");
    expect((await call("analytiker", "GET", "/api/reports/young-offenders?from=2025-03-01&to=2025-05-31")).status).toBe(400);
    expect((await call("analytiker", "GET", "/api/reports/young-offenders?from=2025-01-01&to=2025-06-30")).status).toBe(200);
    expect((await call("handlaggare", "GET", "/api/reports/young-offenders?from=2025-03-01&to=2025-05-31")).status).toBe(404);
  });
});
