import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_NOISE, MIN_COUNT, publishCount, publishMean, publishShare, Tally } from "../../../domain/disclosure/publish";
import { complementaryShares } from "../../../domain/effects/aggregate";
import { hedgesGPaired } from "../../../domain/effects/effect-size";
import { auditLog } from "../../db/schema/index";
import { type RecordKey, recordKeys } from "../../platform/record-keys";
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
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * What secondary suppression promises of a sum whose part `hiddenPart` is hidden (SumTable): the
 * total and the other shown parts never leave a difference of 1–4 to be that part. (They may leave
 * 0 — the perturbed counts then tell nothing, as a hidden count is never 0.)
 */
function expectNotDerivable(total: number | null, shownParts: (number | null)[]): void {
  if (total === null || shownParts.some((p) => p === null)) return;
  const rest = total - shownParts.reduce((a: number, p) => a + (p as number), 0);
  expect(rest === 0 || rest >= MIN_COUNT || rest < 0).toBe(true);
}

/** A published count is 0, hidden, or at least MIN_COUNT and within MAX_NOISE of the truth. */
function expectPublishedCount(shown: number | null, truth: number): void {
  if (shown === null) return;
  if (truth === 0) expect(shown).toBe(0);
  else {
    expect(shown).toBeGreaterThanOrEqual(MIN_COUNT);
    expect(Math.abs(shown - truth)).toBeLessThanOrEqual(MAX_NOISE);
  }
}

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

    // Re-referral (one definition, domain/case-flow.ts: a report on a later Stockholm day than the
    // end, at most 12 calendar months after it; counted only once the window has closed by today):
    //   closed windows (ended 2024-03-10 or 2024-05-15, closed by 2025-06-15):
    //     A1 2024-09-01 → yes; A2 2025-05-15T20:00Z = 22:00 Stockholm on 2025-05-15 → yes (last day);
    //     A3 2025-05-15T22:30Z = 00:30 on 2025-05-16 → no; A4 on its end day → no; A5 2024-12-01 → yes;
    //     B1 2024-06-01 → yes; A6, A7, A8, B2 (no report) → no.          4 yes of 10 closed
    //   open windows (ended 2024-09-30, open until 2025-09-30): C1 (report 2024-12-24) and C2
    //     (2025-01-10) as much as C3–C5 without one → pending 5. (Before issue 15 C1 and C2 counted
    //     as "yes" at once while the "no"s waited: 6/12 = 0.5 of a biased denominator.)
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

    /*
     * 2022, a year of its own (only in the 2024 report's trend): G1–G12, FFT, boys born 2008, started
     * 2022-01-15 (age 13), ended 2022-06-15; Skola/ungdom start 3 + (i mod 3) → end + 2 + (i mod 4); GAS T-score 40 + 2i (mean
     * 51); a survey answered 4 and 5 (each insats's mean 4.5); a new report 2022-10-01 for G1–G7
     * (windows closed 2023-06-15: 7 yes of 12). Large enough for means and shares to be shown.
     */
    for (let i = 0; i < 12; i++) {
      const k = `G${i + 1}`;
      persons[k] = await youngPersonWithCase(w, "own", { gender: "pojke", birthDate: teen, firstName: k });
      const p = persons[k] as { personId: string; caseId: string };
      ids[k] = await endedInsats(w, "own", { ...p, startedOn: "2022-01-15", endedOn: "2022-06-15", code: "FFT" });
      const rating = { insatsId: A(k), scaleKey: "skola", respondent: "ungdom" as const };
      await addMeasurement(w, { ...rating, point: "start", value: 3 + (i % 3), measuredOn: "2022-01-20" });
      await addMeasurement(w, { ...rating, point: "end", value: 5 + (i % 3) + (i % 4), measuredOn: "2022-06-15" });
      await addGasAssessment(w, { insatsId: A(k), assessedOn: "2022-05-01", tScore: 40 + 2 * i });
      await addSurvey(w, { insatsId: A(k), answers: { hjalp: 4, lyssnad: 5 } });
      if (i < 7) await report(k, "2022-10-01T10:00:00Z");
    }
    keyOf = await recordKeys(w.database);
  });

  let keyOf: RecordKey;
  /** The cell of these insatser: what the disclosure module perturbs their counts and means by. */
  const cell = (...names: string[]) => Tally.of(names.map((k) => keyOf(ids[k] as string)));
  const range = (prefix: string, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
  const PAIRS = [...range("A", 1, 8), "B1", "B2"];
  const ENDED = [...PAIRS, ...range("C", 1, 5)];
  const C = range("C", 1, 5);
  const G = range("G", 1, 12);

  /*
   * Skola/ungdom, all 15 ended: complete pairs A1–A8, B1, B2 → n = 10; C1–C5 → missingEnd 5.
   *   before 3,4,2,5,4,5,6,5,6,7 = 47 → 4.7; after 7,8,6,9,7,6,6,3,7,5 = 64 → 6.4
   *   changes 4,4,4,4,3,1,0,−2,1,−2: mean 1.7; squared deviations 4·2.3² + 1.3² + 0.7² + 1.7² + 3.7²
   *     + 0.7² + 3.7² = 21.16 + 1.69 + 0.49 + 2.89 + 13.69 + 0.49 + 13.69 = 54.1; sd = √(54.1/9)
   *   d_z = 1.7 / sd; J = 1 − 3/(4·9 − 1) = 32/35; g_z = J · d_z ≈ 0.6340
   *   SE = √(1/10 + g²/20); CI = g ± 1.96 SE ≈ [−0.045, 1.313]
   *   g_av: sd before √(20.1/9) = 1.4944, sd after √(24.4/9) = 1.6465, average 1.5705;
   *     d_av = 1.7 / 1.5705 = 1.0825; g_av = 32/35 · 1.0825 ≈ 0.9897 (here above g_z: the before and
   *     after ratings hardly correlate, so the change scores spread more than the ratings)
   *   improved 5, unchanged 5, deteriorated 0 of 10
   */
  const before = [3, 4, 2, 5, 4, 5, 6, 5, 6, 7];
  const after = [7, 8, 6, 9, 7, 6, 6, 3, 7, 5];
  const sd = Math.sqrt(54.1 / 9);
  const g = (32 / 35) * (1.7 / sd);
  const se = Math.sqrt(1 / 10 + g ** 2 / 20);
  const gAv = (32 / 35) * (1.7 / ((Math.sqrt(20.1 / 9) + Math.sqrt(24.4 / 9)) / 2));

  it("publishes the figures of the whole population as the disclosure rules say, worked by hand", async () => {
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
      disclosure: {
        method: "cell-key",
        minCount: 5,
        maxNoise: 2,
        minStatisticN: 10,
        granularity: "calendar",
        protectedWhole: false,
      },
    });
    const all = r.total.all;
    // Pairs with any measurement: Familj/utförare, Kamrater/handläggare, Skola/ungdom (by scale name).
    expect(all.scales.map((s: { scaleName: string; respondent: string }) => `${s.scaleName}/${s.respondent}`)).toEqual([
      "Familj/utforare",
      "Kamrater/handlaggare",
      "Skola/ungdom",
    ]);
    const skola = all.scales[2];
    // Counts: the cell key's perturbation of exactly these insatser (and so within ±2 of 10 and 5).
    expect(skola.n).toBe(publishCount(cell(...PAIRS)));
    expect(skola.missingEnd).toBe(publishCount(cell(...C)));
    expectPublishedCount(skola.n, 10);
    expectPublishedCount(skola.missingEnd, 5);
    expect(skola.higherIsBetter).toBe(true);
    // Means: 10 pairs and no margin above the total → shown, moved by at most 9 / (2 · 10).
    expect(skola.meanBefore).toBe(publishMean(before, cell(...PAIRS), { range: 9, decimals: 2 }));
    expect(Math.abs(skola.meanBefore - 4.7)).toBeLessThanOrEqual(0.45 + 1e-9);
    expect(Math.abs(skola.meanAfter - 6.4)).toBeLessThanOrEqual(0.45 + 0.005);
    expect(skola.meanAfter).toBe(round2(skola.meanAfter));
    // Effect sizes: rounded to 2 decimals, not perturbed.
    expect(g).toBeCloseTo(0.634, 3);
    expect(hedgesGPaired(before, after).gAv).toBeCloseTo(gAv, 12);
    expect(skola.g).toBe(round2(g));
    expect(skola.ciLow).toBe(round2(g - 1.96 * se));
    expect(skola.ciHigh).toBe(round2(g + 1.96 * se));
    expect(skola.gAv).toBe(round2(gAv));
    expect(skola.gAv).toBe(0.99);
    // Shares of perturbed counts, 5 and 5 of 10 (complements 5: shown); none deteriorated: exactly 0.
    const improved = cell("A1", "A2", "A3", "A4", "A5");
    const unchanged = cell("A6", "A7", "A8", "B1", "B2");
    const shares = complementaryShares([improved, unchanged, new Tally()], cell(...PAIRS));
    expect([skola.shareImproved, skola.shareUnchanged, skola.shareDeteriorated]).toEqual(shares);
    expect(skola.shareImproved).toBe(publishShare(improved, cell(...PAIRS)));
    expect(skola.shareDeteriorated).toBe(0);
    expect(skola.shareImproved).toBeGreaterThanOrEqual(3 / 12 - 0.001);
    expect(skola.shareImproved).toBeLessThanOrEqual(7 / 8 + 0.001);
    // Familj: one pair (1–4 → hidden); Kamrater: no start rating at all → n 0, nothing to show.
    expect(all.scales[0]).toMatchObject({ n: null, missingEnd: 0, meanBefore: null, g: null, gAv: null, shareImproved: null });
    expect(all.scales[1]).toMatchObject({ n: 0, missingEnd: 0, meanBefore: null, g: null, gAv: null });

    expect(all.outcomes).toEqual({
      ended: publishCount(cell(...ENDED)),
      // C1–C5 only have no end rating at all.
      withoutEndRating: publishCount(cell(...C)),
      // 5 reached of 9 assessed: the 4 not reached are too few to show the share.
      goalsReachedShare: null,
      // 5 GAS T-scores and 5 survey responses: fewer than MIN_STATISTIC_N for a mean.
      meanGasTScore: null,
      surveySent: publishCount(cell("A1", "A2", "A3", "A4", "A5", "A6")),
      // 5 answered of 6: the one unanswered would show.
      responseRate: null,
      satisfactionMean: null,
      // 4 re-referred of the 10 closed windows: too few to show.
      reReferralShare: null,
      // C1–C5: their windows are open, C1's and C2's reports notwithstanding.
      reReferralPending: publishCount(cell(...C)),
    });
    expectPublishedCount(all.outcomes.ended, 15);
    expectPublishedCount(all.outcomes.surveySent, 6);
    expectPublishedCount(all.outcomes.reReferralPending, 5);
  });

  it("shows means, shares and re-referral of a year whose windows have all closed", async () => {
    const r = (await get("analytiker", "/api/reports/effects?from=2022-01-01&to=2022-12-31")).json();
    const o = r.total.all.outcomes;
    expect(o.ended).toBe(publishCount(cell(...G)));
    expect(o.reReferralPending).toBe(0);
    // 7 re-referred of 12 closed windows, from perturbed counts.
    expect(o.reReferralShare).toBe(publishShare(cell(...G.slice(0, 7)), cell(...G)));
    expect(o.reReferralShare).toBeGreaterThanOrEqual(5 / 14 - 0.001);
    expect(o.reReferralShare).toBeLessThanOrEqual(9 / 10 + 0.001);
    const gas = G.map((_, i) => 40 + 2 * i);
    expect(o.meanGasTScore).toBe(publishMean(gas, cell(...G), { range: 60, decimals: 1 }));
    expect(Math.abs(o.meanGasTScore - 51)).toBeLessThanOrEqual(60 / 24 + 0.05);
    expect(o.satisfactionMean).toBe(publishMean(Array(12).fill(4.5), cell(...G), { range: 4, decimals: 2 }));
    // Every link answered: exactly 1 (the complement, 0, describes no one).
    expect(o.responseRate).toBe(1);
    // All are boys of 15–17 and FFT: those groups are the same records, so the same figures.
    expect(r.total.pojke.outcomes).toEqual(o);
    expect(r.total.pojke.scales).toEqual(r.total.all.scales);
    expect(r.byInsats[0].all).toEqual(r.total.all);
    expect(r.total.flicka.outcomes.ended).toBe(0);
  });

  it("splits by gender, age group and insats, hiding small groups and whatever would give them away", async () => {
    const r = (await get("analytiker", `/api/reports/effects?${period}`)).json();
    // Pojkar: A1–A5, B1 = 6 pairs: fewer than 10, so no means or effect sizes. The girls' 4 pairs
    // are hidden, so the boys' n is hidden too, unless all − boys comes to 0 (SumTable): all − boys
    // must not give the girls away.
    const boys = r.total.pojke.scales[2];
    expect(boys).toMatchObject({ meanBefore: null, meanAfter: null, g: null, ciLow: null, gAv: null });
    expect(r.total.flicka.scales[2].n).toBeNull();
    expectNotDerivable(r.total.all.scales[2].n, [boys.n]);
    expect(boys.missingEnd).toBe(0);
    // Improved 5 and unchanged 1 of 6: the 1 is hidden and takes the 5 with it; the 0 may show.
    expect([boys.shareImproved, boys.shareUnchanged, boys.shareDeteriorated]).toEqual([null, null, 0]);
    const po = r.total.pojke.outcomes;
    expectPublishedCount(po.ended, 6);
    expect(po.withoutEndRating).toBe(0);
    expect(po.meanGasTScore).toBeNull();
    // Re-referred A1, A2, A5, B1 (4) of 6 closed: hidden; none pending.
    expect(po.reReferralShare).toBeNull();
    expect(po.reReferralPending).toBe(0);
    // Flickor: A6–A8, B2, C1–C5 = 9 ended; 4 pairs → hidden; missingEnd the total's very C1–C5.
    const girls = r.total.flicka.scales[2];
    expect(girls).toMatchObject({ n: null, meanBefore: null, g: null });
    expect(girls.missingEnd).toBe(r.total.all.scales[2].missingEnd);
    expectPublishedCount(r.total.flicka.outcomes.ended, 9);
    expect(r.total.other.outcomes).toMatchObject({ ended: 0, withoutEndRating: 0, goalsReachedShare: null });
    expect(r.total.other.scales[2]).toMatchObject({ n: 0, missingEnd: 0 });
    // Age at start: B1, B2 are 12 (12–14: 2 → hidden), the rest 15 (15–17: 13, hidden as well
    // unless the difference is 0: 15 ended in all, minus 13, would give the two away).
    const age = (a: string) => r.total.byAgeGroup.find((x: { ageGroup: string }) => x.ageGroup === a);
    expect(age("12-14").outcomes.ended).toBeNull();
    expectNotDerivable(r.total.all.outcomes.ended, [age("15-17").outcomes.ended]);
    expect(age("0-5").outcomes.ended).toBe(0);
    expect(r.total.byAgeGroup.map((a: { ageGroup: string }) => a.ageGroup)).toEqual([
      "0-5",
      "6-11",
      "12-14",
      "15-17",
      "18-20",
      "21+",
    ]);
    // Per insats, by name: FFT (13 ended, 8 pairs) and MST (2 → hidden). FFT's counts are hidden as
    // well unless the difference is 0 (the total's minus them would give MST's away), and so are its
    // means: 8 pairs, and a complement of 2 in the total.
    expect(r.byInsats.map((e: { code: string }) => e.code)).toEqual(["FFT", "MST"]);
    expectNotDerivable(r.total.all.outcomes.ended, [r.byInsats[0].all.outcomes.ended]);
    expectNotDerivable(r.total.all.scales[2].n, [r.byInsats[0].all.scales[2].n]);
    expect(r.byInsats[0].all.scales[2]).toMatchObject({ meanBefore: null, g: null, gAv: null, shareImproved: null });
    expect(r.byInsats[0].all.scales[2].missingEnd).toBe(r.total.all.scales[2].missingEnd);
    expect(r.byInsats[1].all.outcomes.ended).toBeNull();
    expect(r.byInsats[1].all.scales[2]).toMatchObject({ n: null, meanBefore: null });
    // Every group lists the same pairs in the same order.
    expect(r.byInsats[1].all.scales.map((s: { scaleName: string }) => s.scaleName)).toEqual(["Familj", "Kamrater", "Skola"]);
    // No count anywhere is 1–4.
    const counts = JSON.stringify(r).matchAll(/"(?:n|missingEnd|ended|withoutEndRating|surveySent|reReferralPending)":(\d+)/g);
    for (const [, v] of counts) expect(Number(v) === 0 || Number(v) >= MIN_COUNT).toBe(true);
  });

  it("leaves out insatser ended outside the period and shows the five-year trend", async () => {
    const r = (await get("analytiker", `/api/reports/effects?${period}`)).json();
    expect(r.trend.map((t: { year: number }) => t.year)).toEqual([2020, 2021, 2022, 2023, 2024]);
    // 2024 holds the very insatser of the period: the same figures (the same cell keys, and the
    // same secondary suppression).
    expect(r.trend[4].outcomes).toEqual(r.total.all.outcomes);
    expect(r.trend[4].scales).toEqual(r.total.all.scales);
    // 2023: D1 only → 1 → hidden; 2022: G1–G12; earlier years: none.
    expect(r.trend[3].outcomes.ended).toBeNull();
    expect(r.trend[2].outcomes.ended).toBe(publishCount(cell(...G)));
    expect(r.trend[0].outcomes.ended).toBe(0);
    // A period of 2023 only holds D1: below MIN_POPULATION, the whole report is protected.
    const y2023 = (await get("analytiker", "/api/reports/effects?from=2023-01-01&to=2023-12-31")).json();
    expect(y2023.disclosure.protectedWhole).toBe(true);
    expect(y2023.total.all.outcomes.ended).toBeNull();
    expect(y2023.trend.every((t: { outcomes: { ended: number | null } }) => t.outcomes.ended === null)).toBe(true);
    expect(y2023.byInsats.map((e: { code: string }) => e.code)).toEqual(["FFT"]);
    // Half a year: only A1–A8, B1, B2 (C ended in September): the same 10 insatser as the pairs,
    // so the same perturbed count.
    const half = (await get("analytiker", "/api/reports/effects?from=2024-01-01&to=2024-06-30")).json();
    expect(half.disclosure.protectedWhole).toBe(false);
    expect(half.total.all.outcomes.ended).toBe(publishCount(cell(...PAIRS)));
    expect(half.total.all.scales[2]).toMatchObject({ n: publishCount(cell(...PAIRS)), missingEnd: 0 });
    expect(half.total.all.scales[2].meanBefore).toBe(r.total.all.scales[2].meanBefore);
  });

  it("filters by catalogue entry and district; another district is refused; the read is audited", async () => {
    const mst = await catalogueEntry(w, "MST");
    const r = (await get("analytiker", `/api/reports/effects?${period}&catalogueId=${mst.id}`)).json();
    expect(r.catalogueId).toBe(mst.id);
    // Two insatser: too few to publish anything from.
    expect(r.disclosure.protectedWhole).toBe(true);
    expect(r.total.all.outcomes.ended).toBeNull();
    expect(r.byInsats.map((e: { code: string }) => e.code)).toEqual(["MST"]);
    const own = (
      await get("analytiker", `/api/reports/effects?${period}&districtId=${w.own.id}&unitId=${w.own.providerUnitId}`)
    ).json();
    expect(own.total.all.outcomes.ended).toBe(publishCount(cell(...ENDED)));
    const otherUnit = (await get("analytiker", `/api/reports/effects?${period}&unitId=${w.other.providerUnitId}`)).json();
    expect(otherUnit.total.all.outcomes.ended).toBe(0);
    // As samladBild: a district outside the actor's scope is a bad request.
    const foreign = await get("analytiker", `/api/reports/effects?${period}&districtId=${w.other.id}`);
    expect(foreign.statusCode).toBe(400);
    // The other district's analytiker sees only F1: protected as a whole.
    const b = (await get("analytiker.b", `/api/reports/effects?${period}`)).json();
    expect(b.disclosure.protectedWhole).toBe(true);
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

  it("asks an aggregate-only reader for calendar periods (400 period_too_fine), not one with personal data", async () => {
    for (const q of [
      "from=2024-01-02&to=2024-12-31",
      "from=2024-01-01&to=2024-12-30",
      "from=2024-03-01&to=2024-03-15",
      "from=2024-02-01&to=2024-05-31", // whole months, but no calendar period
    ]) {
      const res = await get("analytiker", `/api/reports/effects?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe("period_too_fine");
      const exported = await get("analytiker", `/api/reports/effects/export?${q}&format=xlsx`);
      expect(exported.statusCode, q).toBe(400);
    }
    const months = await get("analytiker", "/api/reports/effects?from=2024-05-01&to=2024-08-31"); // tertial 2
    expect(months.statusCode, months.body).toBe(200);
    expect(months.json().disclosure.granularity).toBe("calendar");
    // The enhetschef may read the persons of the district: any days, the same protection otherwise.
    const chief = await get("enhetschef", "/api/reports/effects?from=2024-01-02&to=2024-12-30");
    expect(chief.statusCode, chief.body).toBe(200);
    expect(chief.json().disclosure).toMatchObject({ granularity: "day", protectedWhole: false });
  });

  it("exports PDF and XLSX with the published figures and the notes on disclosure and effect sizes", async () => {
    const json = (await get("analytiker", `/api/reports/effects?${period}`)).json();
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
    expect(text).toContain("– = dolt värde (röjandeskydd), aldrig 0");
    expect(text).toContain("Röjandeskydd (cellnyckelmetoden): visade antal kan avvika med upp till ±2");
    expect(text).toContain("Perioden är en kalendermånad, ett kvartal, ett tertial, ett halvår eller ett kalenderår.");
    expect(text).toContain("g_z är Hedges g för parade mätningar");
    expect(text).toContain("normalapproximation");
    expect(text).toContain("g_av är medelförändringen delad med medelvärdet av standardavvikelserna");
    expect(text).toContain("En insats räknas först när dess 12 månader har gått");
    const missing = json.total.all.outcomes.withoutEndRating;
    expect(text).toContain(`${missing === null ? "–" : missing} avslutade insatser saknar mätning vid avslut`);
    expect(text).toContain("Funktionell familjeterapi (FFT)");
    const cells = text.split("\n");
    // The figures as published: ended and pairs (perturbed), the means, g_z 0.63 and g_av 0.99.
    const skola = json.total.all.scales[2];
    for (const v of [json.total.all.outcomes.ended, skola.n, skola.meanBefore, skola.meanAfter, 0.63, 0.99]) {
      if (v !== null) expect(cells).toContain(String(v));
    }
    expect(cells).toContain("–");
  });
});
