import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index";
import { catalogueEntry } from "../../testing/insats-fixtures";
import {
  addFollowUp,
  addGasAssessment,
  addMeasurement,
  addReport,
  addSurvey,
  endedInsats,
  youngPersonWithCase,
} from "../../testing/isu-fixtures";
import { createWorld, type World } from "../../testing/world";

// Today is 2025-06-15 (Stockholm): an insats ended 2024-05-15 has its 12-month window closed
// (2025-05-15), one ended 2024-09-30 has it open until 2025-09-30.
const NOW = new Date("2025-06-15T10:00:00Z");
let w: World;

beforeAll(async () => {
  w = await createWorld({ clock: () => NOW });
});
afterAll(async () => {
  await w?.close();
});

async function get(username: string | null, url: string) {
  const headers = username ? { cookie: await w.login(username) } : {};
  return w.app.inject({ method: "GET", url, headers });
}

/** Every cell of every sheet, as text. */
async function xlsxText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join("\n");
}

const period = "from=2024-01-01&to=2024-12-31";

describe("ISU effect report for the nämnd, 2024", () => {
  /*
   * The fixed data set (own district unless said otherwise; started 2024-01-15).
   * Scale "Skola" (1–10, higher is better, reliability 0.8, SD 2: a change of ≥ 3 steps is
   * reliable), rated by the young person (ungdom) at start → end:
   *
   *   id  code gender born        ended       skola   change class
   *   A1  FFT  pojke  2008-05-01  2024-05-15  3 → 7   +4  improved
   *   A2  FFT  pojke  2008-05-01  2024-05-15  4 → 8   +4  improved
   *   A3  FFT  pojke  2008-05-01  2024-05-15  2 → 6   +4  improved
   *   A4  FFT  pojke  2008-05-01  2024-05-15  5 → 9   +4  improved
   *   A5  FFT  pojke  2008-05-01  2024-05-15  4 → 7   +3  improved
   *   A6  FFT  flicka 2008-05-01  2024-05-15  5 → 6   +1  unchanged
   *   A7  FFT  flicka 2008-05-01  2024-05-15  6 → 6    0  unchanged
   *   A8  FFT  flicka 2008-05-01  2024-05-15  5 → 3   −2  unchanged
   *   B1  MST  pojke  2011-06-01  2024-03-10  6 → 7   +1  unchanged   (age 12 at start)
   *   B2  MST  flicka 2011-06-01  2024-03-10  7 → 5   −2  unchanged   (age 12 at start)
   *   C1–C5 FFT flicka 2008-05-01 2024-09-30  5 → –   start only (no end rating at all)
   *   A1 also: "Familj" by utförare 5 → 6 (a second pair, n = 1).
   * Not in the population: D1 (ended 2023-12-31, in the 2023 trend only), E1 (not ended),
   * F1 (the other district).
   */
  const ids: Record<string, string> = {};
  const persons: Record<string, { personId: string; caseId: string }> = {};

  beforeAll(async () => {
    const make = async (
      id: string,
      target: "own" | "other",
      gender: string,
      birthDate: string,
      code: string,
      endedOn: string | null,
      skola: [number, number | null],
    ) => {
      persons[id] = await youngPersonWithCase(w, target, { gender, birthDate, firstName: id });
      const p = persons[id] as { personId: string; caseId: string };
      ids[id] = await endedInsats(w, target, { ...p, startedOn: "2024-01-15", endedOn, code });
      const insatsId = ids[id] as string;
      await addMeasurement(w, {
        insatsId,
        scaleKey: "skola",
        point: "start",
        respondent: "ungdom",
        value: skola[0],
        measuredOn: "2024-01-20",
      });
      if (skola[1] !== null && endedOn !== null) {
        await addMeasurement(w, {
          insatsId,
          scaleKey: "skola",
          point: "end",
          respondent: "ungdom",
          value: skola[1],
          measuredOn: endedOn,
        });
      }
    };
    const teen = "2008-05-01";
    await make("A1", "own", "pojke", teen, "FFT", "2024-05-15", [3, 7]);
    await make("A2", "own", "pojke", teen, "FFT", "2024-05-15", [4, 8]);
    await make("A3", "own", "pojke", teen, "FFT", "2024-05-15", [2, 6]);
    await make("A4", "own", "pojke", teen, "FFT", "2024-05-15", [5, 9]);
    await make("A5", "own", "pojke", teen, "FFT", "2024-05-15", [4, 7]);
    await make("A6", "own", "flicka", teen, "FFT", "2024-05-15", [5, 6]);
    await make("A7", "own", "flicka", teen, "FFT", "2024-05-15", [6, 6]);
    await make("A8", "own", "flicka", teen, "FFT", "2024-05-15", [5, 3]);
    await make("B1", "own", "pojke", "2011-06-01", "MST", "2024-03-10", [6, 7]);
    await make("B2", "own", "flicka", "2011-06-01", "MST", "2024-03-10", [7, 5]);
    for (const c of ["C1", "C2", "C3", "C4", "C5"]) await make(c, "own", "flicka", teen, "FFT", "2024-09-30", [5, null]);
    await make("D1", "own", "pojke", teen, "FFT", "2023-12-31", [2, 9]);
    await make("E1", "own", "pojke", teen, "FFT", null, [2, null]);
    await make("F1", "other", "pojke", teen, "FFT", "2024-05-15", [2, 9]);
    const A = (k: string) => ids[k] as string;
    await addMeasurement(w, {
      insatsId: A("A1"),
      scaleKey: "familj",
      point: "start",
      respondent: "utforare",
      value: 5,
      measuredOn: "2024-01-20",
    });
    await addMeasurement(w, {
      insatsId: A("A1"),
      scaleKey: "familj",
      point: "end",
      respondent: "utforare",
      value: 6,
      measuredOn: "2024-05-15",
    });
    // An interim rating only: its pair ("Kamrater"/handläggare) is listed, with no start row → n 0.
    await addMeasurement(w, {
      insatsId: A("A2"),
      scaleKey: "kamrater",
      point: "interim",
      respondent: "handlaggare",
      value: 5,
      measuredOn: "2024-03-01",
    });

    // Goals at the LAST follow-up of each insats (reached / assessed, ej_bedomt left out):
    //   A1: earlier [ej_uppnatt, ej_uppnatt] (ignored), last [uppnatt, uppnatt]     2 / 2
    //   A2: [uppnatt, ej_uppnatt, ej_bedomt]                                         1 / 2
    //   A3: [uppnatt, delvis]                                                        1 / 2
    //   A4: same done_on twice; the later created [ej_uppnatt] wins over [uppnatt]   0 / 1
    //   A5: [uppnatt, ej_bedomt]                                                     1 / 1
    //   A6: [ej_uppnatt]                                                             0 / 1
    //   A7: [ej_bedomt]                                                              0 / 0
    //   D1 (outside the period): [uppnatt, uppnatt, uppnatt]                         not counted
    // Sum: 5 reached of 9 assessed → 5/9.
    await addFollowUp(w, { insatsId: A("A1"), doneOn: "2024-03-01", attainments: ["ej_uppnatt", "ej_uppnatt"] });
    await addFollowUp(w, { insatsId: A("A1"), doneOn: "2024-05-01", attainments: ["uppnatt", "uppnatt"] });
    await addFollowUp(w, { insatsId: A("A2"), doneOn: "2024-05-01", attainments: ["uppnatt", "ej_uppnatt", "ej_bedomt"] });
    await addFollowUp(w, { insatsId: A("A3"), doneOn: "2024-05-01", attainments: ["uppnatt", "delvis"] });
    await addFollowUp(w, {
      insatsId: A("A4"),
      doneOn: "2024-05-01",
      attainments: ["uppnatt"],
      createdAt: new Date("2024-05-01T08:00:00Z"),
    });
    await addFollowUp(w, {
      insatsId: A("A4"),
      doneOn: "2024-05-01",
      attainments: ["ej_uppnatt"],
      createdAt: new Date("2024-05-01T09:00:00Z"),
    });
    await addFollowUp(w, { insatsId: A("A5"), doneOn: "2024-05-01", attainments: ["uppnatt", "ej_bedomt"] });
    await addFollowUp(w, { insatsId: A("A6"), doneOn: "2024-05-01", attainments: ["ej_uppnatt"] });
    await addFollowUp(w, { insatsId: A("A7"), doneOn: "2024-05-01", attainments: ["ej_bedomt"] });
    await addFollowUp(w, { insatsId: A("D1"), doneOn: "2023-12-01", attainments: ["uppnatt", "uppnatt", "uppnatt"] });

    // GAS: the latest signed assessment in [start, end] of A1–A5: 40, 45, 50, 55, 62 → 252 / 5 = 50.4.
    // A1's earlier one (30), A2's later unsigned one (80) and A3's after the end (90) do not count.
    await addGasAssessment(w, { insatsId: A("A1"), assessedOn: "2024-01-20", tScore: 30 });
    await addGasAssessment(w, { insatsId: A("A1"), assessedOn: "2024-04-01", tScore: 40 });
    await addGasAssessment(w, { insatsId: A("A2"), assessedOn: "2024-04-01", tScore: 45 });
    await addGasAssessment(w, { insatsId: A("A2"), assessedOn: "2024-05-10", tScore: 80, signed: false });
    await addGasAssessment(w, { insatsId: A("A3"), assessedOn: "2024-04-01", tScore: 50 });
    await addGasAssessment(w, { insatsId: A("A3"), assessedOn: "2024-06-01", tScore: 90 });
    await addGasAssessment(w, { insatsId: A("A4"), assessedOn: "2024-05-15", tScore: 55 });
    await addGasAssessment(w, { insatsId: A("A5"), assessedOn: "2024-01-15", tScore: 62 });

    // Survey: links with the survey for A1–A6 (6 sent), answered for A1–A5 (5): 5/6.
    // Answers: 5+4, 4+4, 3+5, 5+5, 2+4 = 41 over 10 values → 4.1. A7's link has no survey.
    const answers = [
      { hjalp: 5, lyssnad: 4 },
      { hjalp: 4, lyssnad: 4 },
      { hjalp: 3, lyssnad: 5 },
      { hjalp: 5, lyssnad: 5 },
      { hjalp: 2, lyssnad: 4 },
    ];
    for (const [k, a] of answers.entries()) await addSurvey(w, { insatsId: A(`A${k + 1}`), answers: a });
    await addSurvey(w, { insatsId: A("A6") });
    await addSurvey(w, { insatsId: A("A7"), includeSurvey: false, answers: { hjalp: 1 } });

    // Re-referral (new report after the end day, within 12 calendar months, Stockholm days):
    //   A1 2024-09-01 → true; A2 2025-05-15T20:00Z = 22:00 Stockholm on 2025-05-15 → true (last day);
    //   A3 2025-05-15T22:30Z = 00:30 on 2025-05-16 → outside → false; A4 on its end day → false;
    //   A5 2024-12-01 → true; B1 2024-06-01 → true; C1 2024-12-24 → true; C2 2025-01-10 → true.
    //   No report, window closed (→ false): A6, A7, A8, B2. Window open (→ pending): C3, C4, C5.
    // true 6, false 6 → share 6/12 = 0.5; pending 3 → suppressed.
    const report = (k: string, at: string) =>
      addReport(w, { ...(persons[k] as { personId: string; caseId: string }), receivedAt: new Date(at) });
    await report("A1", "2024-09-01T10:00:00Z");
    await report("A2", "2025-05-15T20:00:00Z");
    await report("A3", "2025-05-15T22:30:00Z");
    await report("A4", "2024-05-15T10:00:00Z");
    await report("A5", "2024-12-01T10:00:00Z");
    await report("B1", "2024-06-01T10:00:00Z");
    await report("C1", "2024-12-24T10:00:00Z");
    await report("C2", "2025-01-10T10:00:00Z");
  });

  /*
   * Skola/ungdom, all 15 ended: complete pairs A1–A8, B1, B2 → n = 10; C1–C5 → missingEnd 5.
   *   before 3,4,2,5,4,5,6,5,6,7 = 47 → 4.7; after 7,8,6,9,7,6,6,3,7,5 = 64 → 6.4
   *   changes 4,4,4,4,3,1,0,−2,1,−2: mean 1.7; squared deviations 4·2.3² + 1.3² + 0.7² + 1.7² + 3.7²
   *     + 0.7² + 3.7² = 21.16 + 1.69 + 0.49 + 2.89 + 13.69 + 0.49 + 13.69 = 54.1; sd = √(54.1/9)
   *   d_z = 1.7 / sd; J = 1 − 3/(4·9 − 1) = 32/35; g = J · d_z ≈ 0.6340
   *   SE = √(1/10 + g²/20); CI = g ± 1.96 SE ≈ [−0.045, 1.313]
   *   improved 5, unchanged 5, deteriorated 0 of 10 → 0.5, 0.5, 0
   */
  const sd = Math.sqrt(54.1 / 9);
  const g = (32 / 35) * (1.7 / sd);
  const se = Math.sqrt(1 / 10 + g ** 2 / 20);

  it("computes the figures of the whole population by hand", async () => {
    const res = await get("analytiker", `/api/reports/effects?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      from: "2024-01-01",
      to: "2024-12-31",
      generatedAt: NOW.toISOString(),
      districtIds: [w.own.id],
      unitId: null,
      catalogueId: null,
    });
    const all = r.total.all;
    // Pairs with any measurement: Familj/utförare, Kamrater/handläggare, Skola/ungdom (by scale name).
    expect(all.scales.map((s: { scaleName: string; respondent: string }) => `${s.scaleName}/${s.respondent}`)).toEqual([
      "Familj/utforare",
      "Kamrater/handlaggare",
      "Skola/ungdom",
    ]);
    const skola = all.scales[2];
    expect(skola).toMatchObject({
      higherIsBetter: true,
      n: 10,
      missingEnd: 5,
      shareImproved: 0.5,
      shareUnchanged: 0.5,
      shareDeteriorated: 0,
    });
    expect(skola.meanBefore).toBeCloseTo(4.7, 10);
    expect(skola.meanAfter).toBeCloseTo(6.4, 10);
    expect(skola.g).toBeCloseTo(g, 10);
    expect(g).toBeCloseTo(0.634, 3);
    expect(skola.ciLow).toBeCloseTo(g - 1.96 * se, 10);
    expect(skola.ciHigh).toBeCloseTo(g + 1.96 * se, 10);
    // Familj: one pair (1–4 → hidden); Kamrater: no start rating at all → n 0, nothing to show.
    expect(all.scales[0]).toMatchObject({ n: null, missingEnd: 0, meanBefore: null, g: null, shareImproved: null });
    expect(all.scales[1]).toMatchObject({ n: 0, missingEnd: 0, meanBefore: null, g: null });

    expect(all.outcomes).toEqual({
      ended: 15,
      withoutEndRating: 5,
      goalsReachedShare: 5 / 9,
      meanGasTScore: 50.4,
      surveySent: 6,
      responseRate: 5 / 6,
      satisfactionMean: 4.1,
      reReferralShare: 0.5,
      reReferralPending: null,
    });
  });

  it("splits by gender, age group and insats, hiding groups of 1–4", async () => {
    const r = (await get("analytiker", `/api/reports/effects?${period}`)).json();
    // Pojkar: A1–A5, B1 = 6 pairs, improved 5 and unchanged 1: the 1 is hidden and takes the 5 with
    // it (complementary suppression); the 0 deteriorated may show. The girls' 4 pairs are hidden,
    // so the boys' n is hidden too: 10 − 6 would give the girls away (secondary suppression).
    // before 3,4,2,5,4,6 = 24 → 4; after 7,8,6,9,7,7 = 44 → 7.33…
    const boys = r.total.pojke.scales[2];
    expect(boys).toMatchObject({ n: null, missingEnd: 0, shareImproved: null, shareUnchanged: null, shareDeteriorated: 0 });
    expect(boys.meanBefore).toBeCloseTo(4, 10);
    expect(boys.meanAfter).toBeCloseTo(44 / 6, 10);
    // A1–A5 are all boys: GAS 50.4; goals 5 of 8 assessed (A1 2/2, A2 1/2, A3 1/2, A4 0/1, A5 1/1);
    // survey 5 sent 5 answered — the count hidden all the same, since all 6 − 5 would give the
    // girls' 1 away; re-referred A1, A2, A5, B1 (4) of 6 → 4 hidden → null.
    expect(r.total.pojke.outcomes).toEqual({
      ended: 6,
      withoutEndRating: 0,
      goalsReachedShare: 5 / 8,
      meanGasTScore: 50.4,
      surveySent: null,
      responseRate: 1,
      satisfactionMean: 4.1,
      reReferralShare: null,
      reReferralPending: 0,
    });
    // Flickor: A6–A8, B2, C1–C5 = 9 ended; 4 pairs → hidden; missingEnd 5.
    expect(r.total.flicka.scales[2]).toMatchObject({ n: null, missingEnd: 5, meanBefore: null, g: null });
    expect(r.total.flicka.outcomes).toMatchObject({ ended: 9, withoutEndRating: 5, meanGasTScore: null, surveySent: null });
    expect(r.total.other.outcomes).toMatchObject({ ended: 0, withoutEndRating: 0, goalsReachedShare: null });
    expect(r.total.other.scales[2]).toMatchObject({ n: 0, missingEnd: 0 });
    // Age at start: B1, B2 are 12 (12–14: 2 → hidden), the rest 15 (15–17: 13, hidden as well: 15
    // ended in all, minus 13, would give the two away).
    const age = (a: string) => r.total.byAgeGroup.find((x: { ageGroup: string }) => x.ageGroup === a);
    expect(age("12-14").outcomes.ended).toBeNull();
    expect(age("15-17").outcomes.ended).toBeNull();
    expect(age("0-5").outcomes.ended).toBe(0);
    expect(r.total.byAgeGroup.map((a: { ageGroup: string }) => a.ageGroup)).toEqual([
      "0-5",
      "6-11",
      "12-14",
      "15-17",
      "18-20",
      "21+",
    ]);
    // Per insats, by name: FFT (13 ended; its 8 pairs: improved 5, unchanged 3 → shares hidden), MST (2 → hidden).
    // FFT's 13 ended and 8 pairs are hidden as well: the total's 15 and 10 minus them would give
    // MST's 2 and 2 away (secondary suppression across insatser). Its means are still shown.
    expect(r.byInsats.map((e: { code: string }) => e.code)).toEqual(["FFT", "MST"]);
    expect(r.byInsats[0].all.outcomes.ended).toBeNull();
    expect(r.byInsats[0].all.scales[2]).toMatchObject({ n: null, missingEnd: 5, shareImproved: null });
    expect(r.byInsats[0].all.scales[2].meanBefore).not.toBeNull();
    expect(r.byInsats[1].all.outcomes.ended).toBeNull();
    expect(r.byInsats[1].all.scales[2]).toMatchObject({ n: null, meanBefore: null });
    // Every group lists the same pairs in the same order.
    expect(r.byInsats[1].all.scales.map((s: { scaleName: string }) => s.scaleName)).toEqual(["Familj", "Kamrater", "Skola"]);
  });

  it("leaves out insatser ended outside the period and shows the five-year trend", async () => {
    const r = (await get("analytiker", `/api/reports/effects?${period}`)).json();
    expect(r.trend.map((t: { year: number }) => t.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(r.trend[4].outcomes).toEqual(r.total.all.outcomes);
    expect(r.trend[4].scales).toEqual(r.total.all.scales);
    // 2023: D1 only → 1 → hidden; earlier years: none.
    expect(r.trend[3].outcomes.ended).toBeNull();
    expect(r.trend[0].outcomes.ended).toBe(0);
    // A period of 2023 only holds D1.
    const y2023 = (await get("analytiker", "/api/reports/effects?from=2023-01-01&to=2023-12-31")).json();
    expect(y2023.total.all.outcomes.ended).toBeNull();
    expect(y2023.byInsats.map((e: { code: string }) => e.code)).toEqual(["FFT"]);
    // Half a year: only A1–A8, B1, B2 (C ended in September): 10.
    const half = (await get("analytiker", "/api/reports/effects?from=2024-01-01&to=2024-06-30")).json();
    expect(half.total.all.outcomes.ended).toBe(10);
    expect(half.total.all.scales[2]).toMatchObject({ n: 10, missingEnd: 0 });
  });

  it("filters by catalogue entry and district; another district is refused; the read is audited", async () => {
    const mst = await catalogueEntry(w, "MST");
    const r = (await get("analytiker", `/api/reports/effects?${period}&catalogueId=${mst.id}`)).json();
    expect(r.catalogueId).toBe(mst.id);
    expect(r.total.all.outcomes.ended).toBeNull();
    expect(r.byInsats.map((e: { code: string }) => e.code)).toEqual(["MST"]);
    const own = (
      await get("analytiker", `/api/reports/effects?${period}&districtId=${w.own.id}&unitId=${w.own.providerUnitId}`)
    ).json();
    expect(own.total.all.outcomes.ended).toBe(15);
    const otherUnit = (await get("analytiker", `/api/reports/effects?${period}&unitId=${w.other.providerUnitId}`)).json();
    expect(otherUnit.total.all.outcomes.ended).toBe(0);
    // As samladBild: a district outside the actor's scope is a bad request.
    const foreign = await get("analytiker", `/api/reports/effects?${period}&districtId=${w.other.id}`);
    expect(foreign.statusCode).toBe(400);
    // The other district's analytiker sees only F1.
    const b = (await get("analytiker.b", `/api/reports/effects?${period}`)).json();
    expect(b.total.all.outcomes.ended).toBeNull();
    const rows = await w.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, w.userIds.analytiker as string), eq(auditLog.action, "stats.effects")));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ role: "analytiker", recordType: "insats", personId: null });
  });

  it("refuses without stats:read (404), without a session (401) and bad input (400)", async () => {
    expect((await get("handlaggare", `/api/reports/effects?${period}`)).statusCode).toBe(404);
    expect((await get(null, `/api/reports/effects?${period}`)).statusCode).toBe(401);
    expect((await get("analytiker", "/api/reports/effects?from=januari&to=2024-12-31")).statusCode).toBe(400);
    expect((await get("analytiker", "/api/reports/effects?from=2024-12-31&to=2024-01-01")).statusCode).toBe(400);
    expect((await get("analytiker", `/api/reports/effects/export?${period}&format=doc`)).statusCode).toBe(400);
  });

  it("exports PDF and XLSX with the figures", async () => {
    const pdf = await get("analytiker", `/api/reports/effects/export?${period}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe('attachment; filename="effekter-insatser-2024-01-01-2024-12-31.pdf"');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");

    const xlsx = await get("analytiker", `/api/reports/effects/export?${period}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toBe('attachment; filename="effekter-insatser-2024-01-01-2024-12-31.xlsx"');
    const text = await xlsxText(xlsx.rawPayload);
    expect(text).toContain("Effekter av insatser (ISU) 2024-01-01–2024-12-31");
    expect(text).toContain("– = färre än 5 personer");
    expect(text).toContain("5 avslutade insatser saknar mätning vid avslut");
    expect(text).toContain("Funktionell familjeterapi (FFT)");
    const cells = text.split("\n");
    // Alla: ended 15, goals 55.6 %, GAS 50.4, satisfaction 4.1; Skola: n 10, means 4.7 → 6.4, g 0.63.
    for (const v of ["15", "55.6", "50.4", "4.1", "10", "4.7", "6.4", "0.63", "50", "83.3"]) expect(cells).toContain(v);
    expect(cells).toContain("–");
  });
});
