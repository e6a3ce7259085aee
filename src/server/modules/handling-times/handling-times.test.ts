import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { investigations, preAssessments, protectionAssessments, reports } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
  const { db } = w.database;
  const chef = w.userIds.enhetschef as string;
  // Three reports in March 2026 about the own district's girl (Alva), hand-made timings:
  //  1: skydd after 2 h, förhands after 10 days, investigation 2026-03-12 → 2026-07-01 (within 4 months)
  //  2: skydd after 30 h (late), förhands after 20 days (late), re-referral
  //  3: skydd after 23 h, förhands after 14 days (on the last day), linked to the ongoing investigation
  const plan = [
    { received: "2026-03-02T08:00:00+01:00", skyddH: 2, forhandsD: 10, reRef: false, outcome: "inleda" },
    { received: "2026-03-05T08:00:00+01:00", skyddH: 30, forhandsD: 20, reRef: true, outcome: "inte_inleda" },
    { received: "2026-03-20T08:00:00+01:00", skyddH: 23, forhandsD: 14, reRef: false, outcome: "koppla" },
  ];
  for (const p of plan) {
    const c = await seedCase(w, "own", "reported");
    const receivedAt = new Date(p.received);
    await db.update(reports).set({ receivedAt, isReReferral: p.reRef }).where(eq(reports.id, c.reportId));
    await db.insert(protectionAssessments).values({
      reportId: c.reportId,
      assessedAt: new Date(receivedAt.getTime() + p.skyddH * 3600_000),
      assessedBy: chef,
      immediateProtectionNeeded: false,
      notes: "-",
    });
    await db.insert(preAssessments).values({
      reportId: c.reportId,
      decidedAt: new Date(receivedAt.getTime() + p.forhandsD * 86_400_000),
      decidedBy: chef,
      outcome: p.outcome,
      reason: "-",
    });
  }
  const inv = await seedCase(w, "own", "investigated");
  await db
    .update(investigations)
    .set({ openedOn: "2026-03-12", completedOn: "2026-07-01" })
    .where(eq(investigations.id, inv.investigationId));
  // Its own report falls outside March; it only contributes the investigation.
  await db
    .update(reports)
    .set({ receivedAt: new Date("2026-01-10T10:00:00+01:00") })
    .where(eq(reports.id, inv.reportId));
});
afterAll(async () => w?.close());

const get = async (url: string) => w.app.inject({ method: "GET", url, headers: { cookie: await w.login("kvalitet") } });

describe("handling-time report", () => {
  it("matches hand-computed shares, medians and the boys/girls split", async () => {
    const res = await get(`/api/reports/handling-times?from=2026-03-01&to=2026-03-31&districtId=${w.own.id}`);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.reports).toEqual({ all: 3, pojke: 0, flicka: 3, other: 0 });
    expect(h.skyddsbedomningWithin24h.all).toMatchObject({ total: 3, withinLimit: 2 });
    expect(h.skyddsbedomningWithin24h.all.share).toBeCloseTo(2 / 3);
    expect(h.skyddsbedomningWithin24h.pojke.total).toBe(0);
    expect(h.forhandsbedomningWithin14d.all).toMatchObject({ total: 3, withinLimit: 2, medianDays: 14 });
    expect(h.forhandsbedomningWithin14d.all.p90Days).toBeCloseTo(18.8);
    expect(h.linkedToOngoingInvestigation).toBe(1);
    expect(h.reReferrals).toBe(1);
    expect(h.reReferralRate).toBeCloseTo(1 / 3);
  });

  it("counts investigations completed in the period against 4 months", async () => {
    const h = (await get(`/api/reports/handling-times?from=2026-07-01&to=2026-07-31&districtId=${w.own.id}`)).json();
    expect(h.utredningWithin4mOrExtended.all).toMatchObject({ total: 1, withinLimit: 1, medianDays: 111 });
  });

  it("exports the same figures as CSV and XLSX", async () => {
    const csv = await get(`/api/reports/handling-times/export?from=2026-03-01&to=2026-03-31&format=csv&districtId=${w.own.id}`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Skyddsbedömning inom 24 timmar;Alla;3;2;66.7");
    const xlsx = await get(`/api/reports/handling-times/export?from=2026-03-01&to=2026-03-31&format=xlsx&districtId=${w.own.id}`);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a period that ends before it starts", async () => {
    const res = await get("/api/reports/handling-times?from=2026-03-31&to=2026-03-01");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("querystring.to");
  });
});
