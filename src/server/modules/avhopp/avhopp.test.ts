import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPersonnummer } from "../../../domain/personnummer";
import { auditLog, avhoppFollowUps, avhoppProcesses, avhoppSteps, cases, persons, reports } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

/** Friday 20 March 2026, 10:00 in Stockholm. */
const nowMs = Date.parse("2026-03-20T10:00:00+01:00");
const clock = () => new Date(nowMs);

let w: World;
let minorCaseId: string;
let otherCaseId: string;
let birthNumber = 900;

/** A person of the own district born on `birthDate` (personnummer built from it) with an open case begun by an ansökan. */
async function caseFor(birthDate: string): Promise<string> {
  const { db } = w.database;
  const [p] = await db
    .insert(persons)
    .values({
      personnummer: buildPersonnummer(birthDate, birthNumber++),
      kind: "ung",
      firstName: "Test",
      lastName: `Avhopp${birthNumber}`,
      gender: "pojke",
      birthDate,
      districtId: w.own.id,
    })
    .returning({ id: persons.id });
  const [c] = await db
    .insert(cases)
    .values({ personId: p?.id as string, districtId: w.own.id, openedAt: new Date(nowMs - 86_400_000) })
    .returning({ id: cases.id });
  await db.insert(reports).values({
    caseId: c?.id as string,
    personId: p?.id as string,
    districtId: w.own.id,
    kind: "ansokan",
    receivedAt: new Date(nowMs - 86_400_000),
    reporterCategory: "annan",
    text: "Vill lämna ett kriminellt nätverk",
  });
  return c?.id as string;
}

beforeAll(async () => {
  w = await createWorld({ clock });
  ({ caseId: minorCaseId } = await seedCase(w, "own", "reported"));
  ({ caseId: otherCaseId } = await seedCase(w, "other", "reported"));
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  return { status: res.statusCode, body: res.json() };
}
const count = async (table: typeof avhoppProcesses | typeof avhoppSteps | typeof avhoppFollowUps) =>
  Number((await w.database.db.select({ n: sql<number>`count(*)` }).from(table))[0]?.n);
const audited = async (action: string) =>
  Number((await w.database.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.action, action)))[0]?.n);

const opening = { contactOn: "2026-03-18", channel: "kriminalvard", custody: "anstalt", background: "Vill lämna gänget" };

describe("avhopp process: förfrågan to avslut", () => {
  let id: string;
  let followUpId: string;

  it("opens a process for a 15-year-old in custody (anstalt), audited", async () => {
    const before = await audited("avhopp.open");
    const r = await call("handlaggare", "POST", `/api/cases/${minorCaseId}/avhopp`, opening);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({ phase: "forfragan", custody: "anstalt", ageAtStart: 15, adult: false });
    expect(r.body.allowedNext).toEqual(["kartlaggning", "vistelse", "avslut"]);
    expect(await audited("avhopp.open")).toBe(before + 1);
  });

  it("refuses a second running process on the case (409)", async () => {
    const r = await call("handlaggare", "POST", `/api/cases/${minorCaseId}/avhopp`, opening);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("avhopp_process_open");
  });

  it("runs kartläggning, överenskommelse (guardians for a minor), insatser, a planned follow-up and its uppföljning", async () => {
    const steps = `/api/avhopp/${id}/steps`;
    expect((await call("handlaggare", "POST", steps, { kind: "insats", on: "2026-03-19", insats: "stodsamtal" })).status).toBe(
      409,
    );
    const mapped = await call("handlaggare", "POST", steps, {
      kind: "kartlaggning",
      on: "2026-03-19",
      riskLevel: "hog",
      summary: "Hot från tidigare nätverk",
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(201);
    expect(mapped.body).toMatchObject({ phase: "kartlagd", riskLevel: "hog" });
    const noGuardians = await call("handlaggare", "POST", steps, {
      kind: "overenskommelse",
      on: "2026-03-19",
      goals: "Lämna nätverket",
      guardiansAgreed: false,
    });
    expect(noGuardians.status).toBe(400);
    expect(noGuardians.body.error).toMatchObject({
      code: "avhopp_guardians_required",
      fields: [{ path: "body.guardiansAgreed" }],
    });
    const agreed = await call("handlaggare", "POST", steps, {
      kind: "overenskommelse",
      on: "2026-03-19",
      goals: "Lämna nätverket",
      guardiansAgreed: true,
    });
    expect(agreed.status).toBe(201);
    const insats = await call("handlaggare", "POST", steps, {
      kind: "insats",
      on: "2026-03-20",
      insats: "skyddat_boende",
      description: "Annan ort",
    });
    expect(insats.body).toMatchObject({ phase: "insatser", insatser: ["skyddat_boende"] });
    const planned = await call("handlaggare", "POST", `/api/avhopp/${id}/follow-ups`, {
      dueOn: "2026-04-20",
      purpose: "Första uppföljningen",
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    followUpId = planned.body.followUps[0].id;
    expect(planned.body.followUps[0]).toMatchObject({ dueOn: "2026-04-20", doneOn: null, state: "due" });
    expect(planned.body.allowedNext).toContain("uppfoljning");
  });

  it("puts the planned follow-up on the deadline overview", async () => {
    const r = await call("handlaggare", "GET", "/api/deadlines?clock=avhopp_uppfoljning");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const row = r.body.items.find((i: { recordId: string }) => i.recordId === id);
    expect(row).toMatchObject({ clock: "avhopp_uppfoljning", dueDate: "2026-04-20", state: "due", caseId: minorCaseId });
  });

  it("records the uppföljning, a release from custody and the avslut with its reason", async () => {
    const steps = `/api/avhopp/${id}/steps`;
    const done = await call("handlaggare", "POST", steps, {
      kind: "uppfoljning",
      on: "2026-03-20",
      followUpId,
      progress: "battre",
      summary: "Går bra",
    });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.followUps[0]).toMatchObject({ doneOn: "2026-03-20", state: "met" });
    const again = await call("handlaggare", "POST", steps, {
      kind: "uppfoljning",
      on: "2026-03-20",
      followUpId,
      progress: "battre",
      summary: "x",
    });
    expect(again.body.error.code).toBe("avhopp_follow_up_unknown");
    const released = await call("handlaggare", "POST", steps, { kind: "vistelse", on: "2026-03-20", custody: "ingen" });
    expect(released.body.custody).toBe("ingen");
    const end = await call("enhetschef", "POST", steps, {
      kind: "avslut",
      on: "2026-03-20",
      reason: "genomfort",
      summary: "Klart",
    });
    expect(end.status).toBe(201);
    expect(end.body).toMatchObject({ phase: "avslutad", endedOn: "2026-03-20", endReason: "genomfort", allowedNext: [] });
    const [row] = await w.database.db.select().from(avhoppProcesses).where(eq(avhoppProcesses.id, id));
    expect(row).toMatchObject({ endedOn: "2026-03-20", phase: "avslutad", custody: "ingen" });
    const read = await call("samordnare", "GET", `/api/avhopp/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.steps.map((s: { kind: string }) => s.kind)).toEqual([
      "kartlaggning",
      "overenskommelse",
      "insats",
      "uppfoljning",
      "vistelse",
      "avslut",
    ]);
  });
});

describe("ages and adults", () => {
  it("refuses a person aged 14 or 27 at the request with a clear reason (400), writing nothing", async () => {
    const before = await count(avhoppProcesses);
    for (const [birth, age] of [
      ["2012-01-01", 14],
      ["1999-01-01", 27],
    ] as const) {
      const r = await call("handlaggare", "POST", `/api/cases/${await caseFor(birth)}/avhopp`, opening);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("avhopp_age_out_of_range");
      expect(r.body.error.message).toContain(`${age}`);
      expect(r.body.error.fields[0].path).toBe("body.contactOn");
    }
    expect(await count(avhoppProcesses)).toBe(before);
  });

  it("takes an adult (22, in häkte) whose own agreement suffices", async () => {
    const caseId = await caseFor("2003-05-05");
    const r = await call("handlaggare", "POST", `/api/cases/${caseId}/avhopp`, { ...opening, custody: "hakte" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ageAtStart: 22, adult: true, custody: "hakte" });
    const steps = `/api/avhopp/${r.body.id}/steps`;
    await call("handlaggare", "POST", steps, { kind: "kartlaggning", on: "2026-03-19", riskLevel: "medel", summary: "Bedömd" });
    const agreed = await call("handlaggare", "POST", steps, {
      kind: "overenskommelse",
      on: "2026-03-19",
      goals: "Bostad och arbete",
      guardiansAgreed: false,
    });
    expect(agreed.status).toBe(201);
  });
});

describe("bad input, scope, concurrency and the list", () => {
  let id: string;
  beforeAll(async () => {
    const r = await call("handlaggare", "POST", `/api/cases/${await caseFor("2006-06-06")}/avhopp`, opening);
    id = r.body.id;
  });

  it("answers 400 for bad input and writes nothing", async () => {
    const before = await count(avhoppSteps);
    const cases400 = [
      { kind: "kartlaggning", on: "2026-03-19", riskLevel: "extrem", summary: "x" },
      { kind: "okänd", on: "2026-03-19" },
      { kind: "kartlaggning", on: "2026-03-21", riskLevel: "lag", summary: "framtid" },
      { kind: "kartlaggning", on: "2026-03-17", riskLevel: "lag", summary: "före förfrågan" },
      { kind: "kartlaggning", on: "2026-03-19", riskLevel: "lag", summary: "x", extra: 1 },
    ];
    for (const body of cases400) {
      const r = await call("handlaggare", "POST", `/api/avhopp/${id}/steps`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBeTruthy();
    }
    const badOpen = await call("handlaggare", "POST", `/api/cases/${minorCaseId}/avhopp`, { ...opening, custody: "frihet" });
    expect(badOpen.status).toBe(400);
    const future = await call("handlaggare", "POST", `/api/cases/${await caseFor("2006-07-07")}/avhopp`, {
      ...opening,
      contactOn: "2026-03-21",
    });
    expect(future.body.error.code).toBe("avhopp_future_date");
    const earlyFollowUp = await call("handlaggare", "POST", `/api/avhopp/${id}/follow-ups`, {
      dueOn: "2026-04-01",
      purpose: "x",
    });
    expect(earlyFollowUp.status).toBe(409);
    expect(await count(avhoppSteps)).toBe(before);
  });

  it("answers 404 outside the scope, and to roles that may not write, writing nothing", async () => {
    const before = await count(avhoppSteps);
    const processes = await count(avhoppProcesses);
    const step = { kind: "kartlaggning", on: "2026-03-19", riskLevel: "lag", summary: "x" };
    expect((await call("handlaggare.b", "POST", `/api/avhopp/${id}/steps`, step)).status).toBe(404);
    expect((await call("handlaggare.b", "GET", `/api/avhopp/${id}`)).status).toBe(404);
    expect((await call("samordnare", "POST", `/api/avhopp/${id}/steps`, step)).status).toBe(404);
    expect((await call("handlaggare", "POST", `/api/cases/${otherCaseId}/avhopp`, opening)).status).toBe(404);
    expect((await call("handlaggare", "GET", `/api/cases/${otherCaseId}/avhopp`)).status).toBe(404);
    expect((await call("handlaggare", "POST", "/api/avhopp/00000000-0000-4000-8000-000000000000/steps", step)).status).toBe(404);
    expect(await count(avhoppSteps)).toBe(before);
    expect(await count(avhoppProcesses)).toBe(processes);
  });

  it("lets one of two simultaneous steps win; the other gets 409, never a 5xx", async () => {
    const step = { kind: "kartlaggning", on: "2026-03-19", riskLevel: "lag", summary: "Samtidigt" };
    const results = await Promise.all([
      call("handlaggare", "POST", `/api/avhopp/${id}/steps`, step),
      call("enhetschef", "POST", `/api/avhopp/${id}/steps`, step),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await w.database.db.select().from(avhoppSteps).where(eq(avhoppSteps.processId, id));
    expect(rows).toHaveLength(1);
  });

  it("lists the district's processes for samordnare with filters, paged, and none of another district's", async () => {
    const all = await call("samordnare", "GET", "/api/avhopp?status=all&limit=2");
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextCursor).toBeTruthy();
    const next = await call("samordnare", "GET", `/api/avhopp?status=all&limit=2&cursor=${all.body.nextCursor}`);
    expect(next.body.items.map((i: { id: string }) => i.id)).not.toContain(all.body.items[0].id);
    const ended = await call("enhetschef", "GET", "/api/avhopp?status=ended");
    expect(ended.body.items.every((i: { endedOn: string | null }) => i.endedOn !== null)).toBe(true);
    const inHakte = await call("enhetschef", "GET", "/api/avhopp?custody=hakte");
    expect(inHakte.body.items.length).toBeGreaterThan(0);
    expect(inHakte.body.items.every((i: { custody: string }) => i.custody === "hakte")).toBe(true);
    const other = await call("samordnare.b", "GET", "/api/avhopp?status=all");
    expect(other.body.items).toHaveLength(0);
    expect((await call("samordnare", "GET", "/api/avhopp?cursor=%%%")).status).toBe(400);
    expect((await call("samordnare", "GET", "/api/avhopp?phase=okand")).status).toBe(400);
    expect((await call("analytiker", "GET", "/api/avhopp")).status).toBe(404);
  });
});
