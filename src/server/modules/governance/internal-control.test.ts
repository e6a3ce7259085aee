import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../../../domain/clocks";
import { stockholmDate } from "../../../domain/time";
import { fileReviewItems, fileReviews } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { pdfText } from "../../testing/pdf-text";
import { createWorld, type World } from "../../testing/world";

let w: World;
const today = () => stockholmDate(new Date());
const year = () => Number(today().slice(0, 4));
let planId: string;

beforeAll(async () => {
  w = await createWorld();
  // Twelve reports, each with its skyddsbedömning at once: enough for the report to show a share.
  for (let i = 0; i < 12; i++) await seedCase(w, "own", "protected");
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const paths = (res: { json: () => { error: { fields: { path: string }[] } } }) => res.json().error.fields.map((f) => f.path);
const point = (over: object = {}) => ({
  area: "dokumentation",
  title: "Genomförandeplaner upprättade",
  risk: "Insatser saknar genomförandeplan (Stockholm: 79 % av 384)",
  probability: 3,
  consequence: 4,
  method: "manuell",
  methodDescription: "Stickprov om 20 insatser per tertial",
  frequency: "tertial",
  responsibleId: w.userIds.enhetschef,
  reportTo: "delarsrapport",
  ...over,
});
const plan = async () => (await call("kvalitet", "GET", `/api/internal-control/plans/${planId}`)).json();

describe("internkontrollplan", () => {
  it("creates one plan per district and year, in the actor's districts only", async () => {
    const res = await call("kvalitet", "POST", "/api/internal-control/plans", {
      districtId: w.own.id,
      year: year(),
      summary: "Plan enligt nämndens riskanalys.",
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    const again = await call("enhetschef", "POST", "/api/internal-control/plans", { districtId: w.own.id, year: year() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("plan_exists");
    const other = await call("kvalitet", "POST", "/api/internal-control/plans", { districtId: w.other.id, year: year() });
    expect(other.statusCode).toBe(400);
    expect(paths(other)).toEqual(["body.districtId"]);
    expect((await call("kvalitet.b", "GET", `/api/internal-control/plans/${planId}`)).statusCode).toBe(404);
    expect((await call("handlaggare", "GET", `/api/internal-control/plans/${planId}`)).statusCode).toBe(404);
    const list = (await call("enhetschef", "GET", `/api/internal-control/plans?year=${year()}`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect((await call("enhetschef.b", "GET", "/api/internal-control/plans")).json().items).toEqual([]);
  });

  it("adds control points with their risk, refusing bad ones by field and writing nothing", async () => {
    const ok = await call("kvalitet", "POST", `/api/internal-control/plans/${planId}/points`, point());
    expect(ok.statusCode, ok.body).toBe(201);
    const noMetric = await call(
      "kvalitet",
      "POST",
      `/api/internal-control/plans/${planId}/points`,
      point({ method: "nyckeltal" }),
    );
    expect(noMetric.statusCode).toBe(400);
    expect(paths(noMetric)).toEqual(["body.metric"]);
    const badScale = await call("kvalitet", "POST", `/api/internal-control/plans/${planId}/points`, point({ probability: 5 }));
    expect(badScale.statusCode).toBe(400);
    expect(paths(badScale)).toEqual(["body.probability"]);
    const outsider = await call(
      "kvalitet",
      "POST",
      `/api/internal-control/plans/${planId}/points`,
      point({ responsibleId: w.userIds["enhetschef.b"] }),
    );
    expect(outsider.statusCode).toBe(400);
    expect(paths(outsider)).toEqual(["body.responsibleId"]);
    const unknownReview = await call(
      "kvalitet",
      "POST",
      `/api/internal-control/plans/${planId}/points`,
      point({ method: "aktgranskning", fileReviewId: crypto.randomUUID() }),
    );
    expect(unknownReview.statusCode).toBe(400);
    expect(paths(unknownReview)).toEqual(["body.fileReviewId"]);
    const p = await plan();
    expect(p.controlPoints).toHaveLength(1);
    expect(p.controlPoints[0]).toMatchObject({ riskScore: 12, riskLevel: "hog", responsibleName: "Test enhetschef" });
  });

  it("records results by hand, and refuses a date in the future", async () => {
    const pointId = (await plan()).controlPoints[0].id;
    const res = await call("kvalitet", "POST", `/api/internal-control/points/${pointId}/results`, {
      performedOn: today(),
      periodFrom: `${year()}-01-01`,
      periodTo: today(),
      outcome: "mindre_brister",
      comment: "3 av 20 insatser saknade signerad plan.",
      deviationsFound: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    const future = await call("kvalitet", "POST", `/api/internal-control/points/${pointId}/results`, {
      performedOn: addCalendarDays(today(), 1),
      outcome: "utan_anmarkning",
    });
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toEqual(["body.performedOn"]);
    const system = await call("kvalitet", "POST", `/api/internal-control/points/${pointId}/results/system`, {});
    expect(system.statusCode).toBe(400);
    expect(system.json().error.code).toBe("not_a_system_figure");
    const results = (await plan()).controlPoints[0].results;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ outcome: "mindre_brister", deviationsFound: 3, source: "manuell" });
  });

  it("fills in a figure's result from the handling-time report, through the disclosure module", async () => {
    const created = await call(
      "kvalitet",
      "POST",
      `/api/internal-control/plans/${planId}/points`,
      point({
        area: "handlaggning",
        title: "Skyddsbedömning inom 24 timmar",
        risk: "Barn lämnas utan skyddsbedömning",
        method: "nyckeltal",
        metric: "skyddsbedomning_inom_24_timmar",
        target: { op: ">=", value: 0.95 },
        frequency: "manad",
        reportTo: "tertial_1",
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const before = Number(
      (await w.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'stats.handling_times'`)).rows[0]
        ?.n,
    );
    const res = await call("enhetschef", "POST", `/api/internal-control/points/${created.json().id}/results/system`, {
      periodFrom: addCalendarDays(today(), -30),
      periodTo: today(),
    });
    expect(res.statusCode, res.body).toBe(201);
    // Twelve of twelve within 24 hours: the complement is 0, so the share is shown as it is.
    expect(res.json()).toMatchObject({ value: 1, outcome: "utan_anmarkning" });
    const after = Number(
      (await w.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'stats.handling_times'`)).rows[0]
        ?.n,
    );
    expect(after).toBe(before + 1);
    const result = (await plan()).controlPoints[1].results[0];
    expect(result).toMatchObject({ source: "system", periodTo: today() });
    expect(result.comment).toContain("röjandeskydd");
  });

  it("takes a signed file review's result, once linked and signed", async () => {
    const { db } = w.database;
    const [review] = await db
      .insert(fileReviews)
      .values({
        seriesId: crypto.randomUUID(),
        districtIds: [w.own.id],
        periodFrom: `${year()}-01-01`,
        periodTo: today(),
        kind: "utredningar",
        sampleSize: 2,
        seed: 7,
        populationSize: 2,
        tookAll: true,
        asOf: new Date(),
        createdBy: w.userIds.kvalitet as string,
      })
      .returning({ id: fileReviews.id });
    const c = await seedCase(w, "own", "investigated");
    await db.insert(fileReviewItems).values({
      reviewId: review?.id as string,
      position: 0,
      recordType: "investigation",
      recordId: c.investigationId,
      caseId: c.caseId,
      personId: w.own.personId,
      districtId: w.own.id,
      fileDate: today(),
      verdicts: [
        { code: "skyddsbedomning", verdict: "met" },
        { code: "forhandsbedomning", verdict: "not_met" },
        { code: "barnets_syn_utredning", verdict: "manual" },
      ],
      answers: { barnets_syn_utredning: "met" },
    });
    const linked = await call(
      "kvalitet",
      "POST",
      `/api/internal-control/plans/${planId}/points`,
      point({ method: "aktgranskning", fileReviewId: review?.id, title: "Aktgranskning utredningar" }),
    );
    expect(linked.statusCode, linked.body).toBe(201);
    const unsigned = await call("kvalitet", "POST", `/api/internal-control/points/${linked.json().id}/results/system`, {});
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.code).toBe("file_review_not_signed");
    await db.execute(sql`update file_reviews set signed_at = now(), signed_by = ${w.userIds.kvalitet} where id = ${review?.id}`);
    const res = await call("kvalitet", "POST", `/api/internal-control/points/${linked.json().id}/results/system`, {});
    expect(res.statusCode, res.body).toBe(201);
    // Two of three decided criteria met: a substantial deficiency against "all met"; three verdicts
    // are too few to publish as a share, so the figure is hidden.
    expect(res.json()).toMatchObject({ outcome: "vasentliga_brister", value: null });
    const result = (await plan()).controlPoints.find((p: { id: string }) => p.id === linked.json().id).results[0];
    expect(result).toMatchObject({ deviationsFound: 1, source: "system" });
  });

  it("answers 409 to an edit of a point or plan made on a stale revision", async () => {
    const p = await plan();
    const target = p.controlPoints[0];
    const body = { ...point(), revision: target.revision, title: "Genomförandeplaner signerade i tid" };
    const [a, b] = await Promise.all([
      call("kvalitet", "PUT", `/api/internal-control/points/${target.id}`, body),
      call("enhetschef", "PUT", `/api/internal-control/points/${target.id}`, { ...body, probability: 2 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const adopt = await call("kvalitet", "PATCH", `/api/internal-control/plans/${planId}`, {
      revision: p.revision,
      adoptedOn: `${year()}-02-07`,
    });
    expect(adopt.statusCode, adopt.body).toBe(200);
    const stale = await call("kvalitet", "PATCH", `/api/internal-control/plans/${planId}`, {
      revision: p.revision,
      summary: "x",
    });
    expect(stale.statusCode).toBe(409);
  });

  it("gives the plan and its outcome as a PDF for the nämnd", async () => {
    const res = await call("kvalitet", "GET", `/api/internal-control/plans/${planId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    if (process.env.GOVERNANCE_PDF_OUT) writeFileSync(process.env.GOVERNANCE_PDF_OUT, res.rawPayload);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`Internkontrollplan ${year()}`);
    expect(text).toContain("Genomförandeplaner signerade i tid");
    expect(text).toContain("Mindre brister");
    expect(text).toContain("Skyddsbedömning inom 24 timmar");
    expect(text).toContain("Antagen av nämnden");
    expect(text).toContain("ifyllt av Vägval");
  });
});
