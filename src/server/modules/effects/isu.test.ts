import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../../../domain/clocks";
import { assessments, insatser, isuScales, isuSelfReportLinks } from "../../db/schema/index";
import { shippedInstrument } from "../../testing/assessment-fixtures";
import { catalogueEntry, seedInsats } from "../../testing/insats-fixtures";
import { createWorld, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const today = () => new Date().toISOString().slice(0, 10);
async function call(username: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const publicPost = (url: string, payload: object) => w.app.inject({ method: "POST", url, payload });
const paths = (res: { json: () => { error: { fields: { path: string }[] } } }) => res.json().error.fields.map((f) => f.path);
const count = async (table: string) =>
  Number((await w.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]?.n);
async function scaleId(key: string) {
  const [s] = await w.database.db.select().from(isuScales).where(eq(isuScales.key, key));
  if (!s) throw new Error(`no scale ${key}`);
  return s.id;
}
const endInsats = (id: string, endedOn: string) =>
  w.database.db.update(insatser).set({ endedOn, endReason: "mal_uppnatt", endOutcome: "Klart" }).where(eq(insatser.id, id));

describe("ISU settings", () => {
  it("ship the starter scales, survey and a measurement plan for every insats type", async () => {
    const res = await call("handlaggare", "GET", "/api/isu/settings");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scales.map((s: { key: string }) => s.key).sort()).toEqual(["brott", "familj", "kamrater", "skola"]);
    expect(body.questions.map((q: { key: string }) => q.key)).toEqual(["hjalp", "lyssnad", "battre", "rekommendera"]);
    const fft = await catalogueEntry(w, "FFT");
    const plan = body.plans.filter((p: { catalogueId: string }) => p.catalogueId === fft.id);
    expect(plan).toHaveLength(4);
    expect(plan[0]).toMatchObject({
      points: ["start", "interim", "end", "after_6"],
      intervalMonths: 6,
      respondents: ["ungdom", "utforare"],
    });
  });

  it("let the administrator add scales, edit the survey and set plans, refusing bad input with the field named", async () => {
    const base = { key: "mående", name: "Mående", kind: "rating", min: 1, max: 10, higherIsBetter: true };
    const badKey = await call("systemadministrator", "POST", "/api/admin/isu/scales", base);
    expect(badKey.statusCode).toBe(400);
    expect(paths(badKey)).toEqual(["body.key"]);
    const badRange = await call("systemadministrator", "POST", "/api/admin/isu/scales", {
      ...base,
      key: "maende",
      min: 5,
      max: 5,
    });
    expect(paths(badRange)).toEqual(["body.max"]);
    const badInstrument = await call("systemadministrator", "POST", "/api/admin/isu/scales", {
      ...base,
      key: "risk",
      kind: "instrument",
      instrumentKey: "finns-inte",
      higherIsBetter: false,
    });
    expect(badInstrument.statusCode).toBe(400);
    expect(paths(badInstrument)).toEqual(["body.instrumentKey"]);
    const ok = await call("systemadministrator", "POST", "/api/admin/isu/scales", {
      ...base,
      key: "maende",
      reliability: 0.85,
      referenceSd: 2.2,
    });
    expect(ok.statusCode).toBe(201);
    const again = await call("systemadministrator", "POST", "/api/admin/isu/scales", { ...base, key: "maende" });
    expect(again.statusCode).toBe(409);

    const fft = await catalogueEntry(w, "FFT");
    const planUrl = `/api/admin/isu/measurement-plans/${fft.id}`;
    const noInterval = await call("systemadministrator", "PUT", planUrl, {
      rows: [{ scaleId: ok.json().id, points: ["start", "interim"], respondents: ["ungdom"] }],
    });
    expect(paths(noInterval)).toEqual(["body.rows.0.intervalMonths"]);
    const unknown = await call("systemadministrator", "PUT", planUrl, {
      rows: [{ scaleId: "00000000-0000-4000-8000-000000000000", points: ["start"], respondents: ["ungdom"] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(["body.rows.0.scaleId"]);

    const questions = await call("systemadministrator", "PUT", "/api/admin/isu/survey-questions", {
      questions: [
        { key: "hjalp", textSv: "Fick du den hjälp du behövde?", textEn: "Did you get the help you needed?" },
        { key: "battre", textSv: "Har det blivit bättre?", textEn: "Better?" },
      ],
    });
    expect(questions.statusCode).toBe(200);
    const after = (await call("handlaggare", "GET", "/api/isu/settings")).json();
    const active = after.questions.filter((q: { active: boolean }) => q.active).map((q: { key: string }) => q.key);
    expect(active).toEqual(["hjalp", "battre"]);
    expect(after.questions.find((q: { key: string }) => q.key === "lyssnad").active).toBe(false);
    // Restore the starter survey for the tests below.
    await call("systemadministrator", "PUT", "/api/admin/isu/survey-questions", {
      questions: after.questions
        .sort(
          (a: { key: string }, b: { key: string }) =>
            ["hjalp", "lyssnad", "battre", "rekommendera"].indexOf(a.key) -
            ["hjalp", "lyssnad", "battre", "rekommendera"].indexOf(b.key),
        )
        .map((q: { key: string; textSv: string; textEn: string }) => ({ key: q.key, textSv: q.textSv, textEn: q.textEn })),
    });
  });
});

describe("recording a rating", () => {
  it("refuses a rating outside the scale, off the plan, or before the insats has started, and writes nothing", async () => {
    const notStarted = await seedInsats(w, "own", "decided");
    const skola = await scaleId("skola");
    const before = await count("isu_measurements");
    const url = (id: string) => `/api/insatser/${id}/measurements`;
    const rating = { scaleId: skola, point: "start", respondent: "utforare", measuredOn: today(), value: 4 };
    const early = await call("insatsutforare", "POST", url(notStarted.insatsId), rating);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("insats_not_started");

    const s = await seedInsats(w, "own", "started");
    const outside = await call("insatsutforare", "POST", url(s.insatsId), { ...rating, value: 11 });
    expect(outside.statusCode).toBe(400);
    expect(paths(outside)).toEqual(["body.value"]);
    const fraction = await call("insatsutforare", "POST", url(s.insatsId), { ...rating, value: 4.5 });
    expect(paths(fraction)).toEqual(["body.value"]);
    const beforeStart = await call("insatsutforare", "POST", url(s.insatsId), {
      ...rating,
      measuredOn: addCalendarDays(s.startedOn, -1),
    });
    expect(paths(beforeStart)).toEqual(["body.measuredOn"]);
    const future = await call("insatsutforare", "POST", url(s.insatsId), { ...rating, measuredOn: addCalendarDays(today(), 1) });
    expect(paths(future)).toEqual(["body.measuredOn"]);
    const offPlan = await call("insatsutforare", "POST", url(s.insatsId), { ...rating, respondent: "handlaggare" });
    expect(paths(offPlan)).toEqual(["body.respondent"]);
    const afterEnd = await call("insatsutforare", "POST", url(s.insatsId), { ...rating, point: "after_6" });
    expect(afterEnd.statusCode).toBe(409);
    expect(afterEnd.json().error.code).toBe("insats_not_ended");
    const otherDistrict = await call("insatsutforare.b", "POST", url(s.insatsId), rating);
    expect(otherDistrict.statusCode).toBe(404);
    expect(await count("isu_measurements")).toBe(before);

    const ok = await call("insatsutforare", "POST", url(s.insatsId), rating);
    expect(ok.statusCode).toBe(201);
    const twice = await call("insatsutforare", "POST", url(s.insatsId), { ...rating, value: 6 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("measurement_exists");
    expect(await count("isu_measurements")).toBe(before + 1);
  });
});

describe("a self-report link", () => {
  it("lives from creation through one use to 410, and a tampered token reveals nothing", async () => {
    const s = await seedInsats(w, "own", "started");
    const created = await call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/self-report-links`, {
      respondent: "ungdom",
      point: "start",
    });
    expect(created.statusCode).toBe(201);
    const { token, path, id } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/svar#${token}`);
    const [stored] = await w.database.db.select().from(isuSelfReportLinks).where(eq(isuSelfReportLinks.id, id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const form = await publicPost("/api/self-report/form", { token });
    expect(form.statusCode).toBe(200);
    const body = form.json();
    expect(body.scales).toHaveLength(4);
    expect(body.survey).toEqual([]);
    // Nothing about the person or the case.
    expect(form.body).not.toMatch(/personId|caseId|firstName|lastName|Testsson/i);

    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const wrong = await publicPost("/api/self-report/form", { token: tampered });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe("not_found");
    expect((await publicPost("/api/self-report/form", { token: "kort" })).statusCode).toBe(400);

    const measurementsBefore = await count("isu_measurements");
    const skola = body.scales[0].id;
    const outside = await publicPost("/api/self-report/answers", { token, ratings: [{ scaleId: skola, value: 0 }] });
    expect(outside.statusCode).toBe(400);
    expect(paths(outside)).toEqual(["body.ratings.0.value"]);
    const empty = await publicPost("/api/self-report/answers", { token, ratings: [], survey: [] });
    expect(empty.statusCode).toBe(400);
    const surveyNotAsked = await publicPost("/api/self-report/answers", { token, survey: [{ key: "hjalp", value: 5 }] });
    expect(paths(surveyNotAsked)).toEqual(["body.survey.0.key"]);
    expect(await count("isu_measurements")).toBe(measurementsBefore);

    const answered = await publicPost("/api/self-report/answers", {
      token,
      ratings: body.scales.map((sc: { id: string }, i: number) => ({ scaleId: sc.id, value: 3 + i })),
    });
    expect(answered.statusCode).toBe(200);
    expect(await count("isu_measurements")).toBe(measurementsBefore + 4);
    const again = await publicPost("/api/self-report/answers", { token, ratings: [{ scaleId: skola, value: 5 }] });
    expect(again.statusCode).toBe(410);
    expect((await publicPost("/api/self-report/form", { token })).statusCode).toBe(410);
    expect(await count("isu_measurements")).toBe(measurementsBefore + 4);

    // The answer is audited without a user, under the respondent, with the person it concerns.
    const audited = await w.database.db.execute(
      sql`select user_id, role, person_id from audit_log where action = 'isu.self_report.answer' order by id desc limit 1`,
    );
    expect(audited.rows[0]).toMatchObject({ user_id: null, role: "ungdom", person_id: w.own.personId });
  });

  it("expires, and at the end asks the satisfaction survey once", async () => {
    const s = await seedInsats(w, "own", "started");
    const make = (body: object) => call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/self-report-links`, body);
    const endEarly = await make({ respondent: "ungdom", point: "after_6" });
    expect(endEarly.statusCode).toBe(409);
    const expiring = await make({ respondent: "vardnadshavare", point: "interim", includeSurvey: true });
    // The starter plan has no guardian ratings, but the survey was asked for.
    expect(expiring.statusCode).toBe(201);
    await w.database.db
      .update(isuSelfReportLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(isuSelfReportLinks.id, expiring.json().id));
    expect((await publicPost("/api/self-report/form", { token: expiring.json().token })).statusCode).toBe(410);
    const nothing = await make({ respondent: "vardnadshavare", point: "start" });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.code).toBe("nothing_to_ask");

    const end = await make({ respondent: "ungdom", point: "end" });
    expect(end.statusCode).toBe(201);
    const form = (await publicPost("/api/self-report/form", { token: end.json().token })).json();
    expect(form.survey.map((q: { key: string }) => q.key)).toEqual(["hjalp", "lyssnad", "battre", "rekommendera"]);
    const answers = {
      token: end.json().token,
      survey: [
        { key: "hjalp", value: 5 },
        { key: "battre", value: 4 },
      ],
    };
    const responsesBefore = await count("isu_survey_responses");
    const dup = await publicPost("/api/self-report/answers", {
      ...answers,
      survey: [
        { key: "hjalp", value: 5 },
        { key: "hjalp", value: 4 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    const both = await Promise.all([
      publicPost("/api/self-report/answers", answers),
      publicPost("/api/self-report/answers", answers),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect(await count("isu_survey_responses")).toBe(responsesBefore + 1);
  });
});

describe("the insats's before and after", () => {
  it("pairs start and end ratings, classifies them by the RCI, and shows survey, goals and links", async () => {
    const s = await seedInsats(w, "own", "started");
    const skola = await scaleId("skola");
    const familj = await scaleId("familj");
    const rate = (scale: string, point: string, value: number, measuredOn: string) =>
      call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/measurements`, {
        scaleId: scale,
        point,
        respondent: "utforare",
        measuredOn,
        value,
      });
    expect((await rate(skola, "start", 3, s.startedOn)).statusCode).toBe(201);
    expect((await rate(familj, "start", 6, s.startedOn)).statusCode).toBe(201);
    await endInsats(s.insatsId, today());
    expect((await rate(skola, "end", 7, today())).statusCode).toBe(201);
    expect((await rate(familj, "end", 5, today())).statusCode).toBe(201);

    const res = await call("handlaggare", "GET", `/api/insatser/${s.insatsId}/isu`);
    expect(res.statusCode).toBe(200);
    const isu = res.json();
    const bySkala = Object.fromEntries(isu.changes.map((c: { scaleName: string }) => [c.scaleName, c]));
    // Starter norms: Sdiff = 2·√(2·0.2) = 1.2649; 3 → 7 gives RCI 3.16 (improved, and crosses the cut-off 5).
    expect(bySkala.Skola).toMatchObject({
      before: 3,
      after: 7,
      change: 4,
      changeClass: "improved",
      clinicallySignificant: true,
      afterPoint: "end",
    });
    expect(bySkala.Skola.rci).toBeCloseTo(4 / (2 * Math.sqrt(0.4)), 6);
    // 6 → 5: RCI −0.79, unchanged.
    expect(bySkala.Familj).toMatchObject({ change: -1, changeClass: "unchanged", clinicallySignificant: false });
    const startDue = isu.due.filter(
      (d: { point: string; respondent: string }) => d.point === "start" && d.respondent === "utforare",
    );
    expect(startDue).toHaveLength(4);
    expect(startDue.filter((d: { done: boolean }) => d.done)).toHaveLength(2);
    expect(isu.can.record).toBe(true);
    expect((await call("samordnare", "GET", `/api/insatser/${s.insatsId}/isu`)).json().can.record).toBe(false);
    expect((await call("handlaggare.b", "GET", `/api/insatser/${s.insatsId}/isu`)).statusCode).toBe(404);
    expect((await call("analytiker", "GET", `/api/insatser/${s.insatsId}/isu`)).statusCode).toBe(404);
    const audited = await w.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'isu.read' and record_id = ${s.insatsId}`,
    );
    expect(audited.rows[0]?.n).toBe(2);
  });
});

describe("the unit's results per young person", () => {
  it("lists the unit's insatser with their change, audits every row shown, and is closed to the analytiker", async () => {
    const s = await seedInsats(w, "own", "started");
    const other = await seedInsats(w, "other", "started");
    await call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/measurements`, {
      scaleId: await scaleId("brott"),
      point: "start",
      respondent: "utforare",
      measuredOn: s.startedOn,
      value: 2,
    });
    await endInsats(s.insatsId, today());
    const q = `/api/isu/unit-results?from=${addCalendarDays(today(), -365)}&to=${today()}`;
    const res = await call("insatsutforare", "GET", q);
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { insatsId: string; missingEnd: boolean; personName: string }[];
    const mine = rows.find((r) => r.insatsId === s.insatsId);
    expect(mine?.missingEnd).toBe(true);
    expect(rows.some((r) => r.insatsId === other.insatsId)).toBe(false);
    const audited = await w.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'isu.unit_results' and user_id = ${w.userIds.insatsutforare}`,
    );
    expect(audited.rows[0]?.n).toBe(rows.length);
    expect((await call("analytiker", "GET", q)).statusCode).toBe(404);
    expect((await w.app.inject({ method: "GET", url: q })).statusCode).toBe(401);
    const backwards = await call(
      "insatsutforare",
      "GET",
      `/api/isu/unit-results?from=${today()}&to=${addCalendarDays(today(), -1)}`,
    );
    expect(backwards.statusCode).toBe(400);
  });
});

describe("the self-report form's rate limits", () => {
  // One bucket per client address used to cover every link: a school network's young people
  // locked each other out. Now each link has its limit, and the address a higher one.
  const from = (ip: string, token: string) =>
    w.app.inject({ method: "POST", url: "/api/self-report/form", payload: { token }, remoteAddress: ip });

  it("answers 429 to a client that keeps trying one link, and lets the next link through", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await from("10.9.0.1", `${"x".repeat(42)}A`)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await from("10.9.0.1", `${"x".repeat(42)}B`)).statusCode).toBe(404);
    const { rows } = await w.database.pool.query(
      "select client_ip, details from audit_log where action = 'security.rate_limited' order by id desc limit 1",
    );
    expect(rows[0]).toMatchObject({ client_ip: "10.9.0.1", details: { limit: "link" } });
  });

  it("answers 429 to one address going through many links, past the higher per-address limit", async () => {
    const { buildApp } = await import("../../app");
    const { testConfig } = await import("../../platform/config");
    const strict = await buildApp({ config: testConfig({ selfReportIpMax: 12 }), database: w.database });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++) {
        const res = await strict.inject({
          method: "POST",
          url: "/api/self-report/form",
          payload: { token: `${"y".repeat(41)}${String(i).padStart(2, "0")}` },
          remoteAddress: "10.9.0.2",
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, 12).every((s) => s === 404)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // Another address is not held back.
      expect((await from("10.9.0.3", `${"y".repeat(41)}00`)).statusCode).toBe(404);
    } finally {
      await strict.close();
    }
  });
});

describe("an instrument scale", () => {
  it("takes the risk total of a signed assessment of the case, offered to case staff only", async () => {
    const created = await call("systemadministrator", "POST", "/api/admin/isu/scales", {
      key: "savry-risk",
      name: "SAVRY risk",
      kind: "instrument",
      instrumentKey: "savry",
      min: 0,
      max: 48,
      higherIsBetter: false,
      reliability: 0.8,
      referenceSd: 6,
    });
    expect(created.statusCode).toBe(201);
    const mst = await catalogueEntry(w, "MST");
    const plan = await call("systemadministrator", "PUT", `/api/admin/isu/measurement-plans/${mst.id}`, {
      rows: [{ scaleId: created.json().id, points: ["start", "end"], respondents: ["handlaggare"] }],
    });
    expect(plan.statusCode).toBe(200);
    // A self-report respondent cannot rate an instrument.
    const selfRated = await call("systemadministrator", "PUT", `/api/admin/isu/measurement-plans/${mst.id}`, {
      rows: [{ scaleId: created.json().id, points: ["start"], respondents: ["ungdom"] }],
    });
    expect(paths(selfRated)).toEqual(["body.rows.0.respondents"]);

    const s = await seedInsats(w, "own", "started", "MST");
    const savry = await shippedInstrument(w, "savry");
    const [signed] = await w.database.db
      .insert(assessments)
      .values({
        caseId: s.caseId,
        personId: w.own.personId,
        districtId: w.own.id,
        instrumentId: savry.id,
        assessedOn: s.startedOn,
        score: {
          domains: [],
          riskTotal: 21,
          protectiveTotal: 4,
          answered: 30,
          items: 30,
          band: null,
          critical: [],
          tScore: null,
        },
        createdBy: w.userIds.handlaggare as string,
        signedBy: w.userIds.handlaggare as string,
        signedAt: new Date(),
      })
      .returning();
    const view = (await call("handlaggare", "GET", `/api/insatser/${s.insatsId}/isu`)).json();
    expect(view.assessments).toEqual([{ id: signed?.id, instrumentKey: "savry", assessedOn: s.startedOn, riskTotal: 21 }]);
    expect((await call("insatsutforare", "GET", `/api/insatser/${s.insatsId}/isu`)).json().assessments).toEqual([]);

    const body = { scaleId: created.json().id, point: "start", respondent: "handlaggare", measuredOn: s.startedOn };
    const typed = await call("handlaggare", "POST", `/api/insatser/${s.insatsId}/measurements`, { ...body, value: 21 });
    expect(paths(typed)).toEqual(["body.value"]);
    const byProvider = await call("insatsutforare", "POST", `/api/insatser/${s.insatsId}/measurements`, {
      ...body,
      assessmentId: signed?.id,
    });
    expect(byProvider.statusCode).toBe(404);
    const ok = await call("handlaggare", "POST", `/api/insatser/${s.insatsId}/measurements`, {
      ...body,
      assessmentId: signed?.id,
    });
    expect(ok.statusCode).toBe(201);
    const after = (await call("handlaggare", "GET", `/api/insatser/${s.insatsId}/isu`)).json();
    expect(after.measurements).toMatchObject([{ scaleId: created.json().id, value: 21, point: "start" }]);
  });
});
