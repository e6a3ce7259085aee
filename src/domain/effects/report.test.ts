import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NOISE, MIN_POPULATION, publishMean, Tally } from "../disclosure/publish";
import { AGE_GROUPS, type AgeGroup } from "../interventions/rules";
import type { Gender } from "../interventions/samlad-bild";
import { type EffectItem, type EffectPair, effectReportFigures, type OutcomeFigures } from "./report";

const SKOLA: EffectPair = { scaleId: "skola", scaleName: "Skola", respondent: "ungdom", higherIsBetter: true, range: 9 };

let nextKey = 1;
const freshKey = () => Math.imul(nextKey++, 0x9e3779b1) >>> 0;

/** An ended insats of catalogue entry "a" with a school rating start → end (end null: none). */
function item(over: Partial<EffectItem> & { skola?: [number, number | null] | null } = {}): EffectItem {
  const { skola = [4, 6], ...rest } = over;
  return {
    key: freshKey(),
    catalogueId: "a",
    gender: "pojke",
    ageGroup: "15-17",
    endedOn: "2024-05-15",
    changes: skola ? [{ pair: 0, before: skola[0], after: skola[1], change: skola[1] === null ? null : "improved" }] : [],
    hasEndRating: skola !== null && skola[1] !== null,
    goalsAssessed: 0,
    goalsReached: 0,
    gasTScore: null,
    surveySent: 0,
    surveyAnswered: 0,
    surveyAnswers: [],
    firstReportDay: null,
    ...rest,
  };
}
const many = (n: number, over: Parameters<typeof item>[0] = {}) => Array.from({ length: n }, () => item(over));

const YEAR_2024 = { from: "2024-01-01", to: "2024-12-31", today: "2025-06-15", years: [2020, 2021, 2022, 2023, 2024] };

describe("effectReportFigures", () => {
  it("protects the whole report when the period holds fewer than MIN_POPULATION insatser", () => {
    const items = [...many(MIN_POPULATION - 1), ...many(30, { endedOn: "2023-05-15" })];
    const r = effectReportFigures(items, [SKOLA], ["a"], YEAR_2024);
    expect(r.protectedWhole).toBe(true);
    for (const g of [r.total.all, r.total.pojke, r.byInsats[0]?.all, ...r.trend]) {
      expect(Object.values(g?.outcomes as OutcomeFigures).every((v) => v === null)).toBe(true);
      expect(g?.scales[0]).toMatchObject({ n: null, missingEnd: null, meanBefore: null, g: null, gAv: null });
    }
    // The trend years keep their place, hidden.
    expect(r.trend.map((t) => t.year)).toEqual(YEAR_2024.years);
    // Exactly MIN_POPULATION is enough.
    expect(effectReportFigures(many(MIN_POPULATION), [SKOLA], ["a"], YEAR_2024).protectedWhole).toBe(false);
  });

  it("counts a recent year's ends with open windows as pending, not as 100 % re-referred", () => {
    // 2025, today 2025-06-15: every window is open. Six already have a new report, six do not.
    const today = "2025-06-15";
    const period = { from: "2025-01-01", to: "2025-05-31", today, years: [2021, 2022, 2023, 2024, 2025] };
    const items = [...many(6, { endedOn: "2025-02-10", firstReportDay: "2025-04-01" }), ...many(6, { endedOn: "2025-03-10" })];
    const r = effectReportFigures(items, [SKOLA], ["a"], period);
    // No window has closed: nothing to take a share of (not 6/6 = 100 %).
    expect(r.total.all.outcomes.reReferralShare).toBeNull();
    const pending = r.total.all.outcomes.reReferralPending;
    expect(pending).not.toBeNull();
    expect(Math.abs((pending as number) - 12)).toBeLessThanOrEqual(MAX_NOISE);
  });

  it("takes re-referral shares only over closed windows: a yes, a no, and a report after the window", () => {
    // 2023 ends, today 2025-06-15: every window has closed.
    const period = { from: "2023-01-01", to: "2023-12-31", today: "2025-06-15", years: [2019, 2020, 2021, 2022, 2023] };
    const yes = many(10, { endedOn: "2023-03-10", firstReportDay: "2024-03-10" }); // last day of the window
    const lateReport = many(5, { endedOn: "2023-03-10", firstReportDay: "2024-03-11" }); // a day after: no
    const none = many(5, { endedOn: "2023-03-10" });
    const r = effectReportFigures([...yes, ...lateReport, ...none], [SKOLA], ["a"], period);
    expect(r.total.all.outcomes.reReferralPending).toBe(0);
    const share = r.total.all.outcomes.reReferralShare as number;
    // 10 of 20, from perturbed counts: within (10 ± 2) / (20 ∓ 2).
    expect(share).toBeGreaterThanOrEqual(8 / 22 - 0.001);
    expect(share).toBeLessThanOrEqual(12 / 18 + 0.001);
  });

  it("never shows a count of 1–4: hidden, and kept hidden by the sums (secondary suppression)", () => {
    // 12 boys and 2 girls: the girls' 2 is hidden, and so is the boys' count (all − boys = girls).
    const items = [...many(12), ...many(2, { gender: "flicka" })];
    const r = effectReportFigures(items, [SKOLA], ["a"], YEAR_2024);
    expect(r.total.flicka.outcomes.ended).toBeNull();
    expect(r.total.flicka.scales[0]?.n).toBeNull();
    const shownBoth = r.total.all.outcomes.ended !== null && r.total.pojke.outcomes.ended !== null;
    expect(shownBoth).toBe(false);
    expect(r.total.other.outcomes.ended).toBe(0);
  });

  it("hides a mean when its complement within a margin is 1–9, and shows it when it is 0 or ≥ 10", () => {
    // 12 boys, 5 girls: boys' complement in "all" is 5 → their means and effect sizes are hidden,
    // although 12 ≥ MIN_STATISTIC_N. "all" (17, no margin) shows them.
    const boys = many(12, { skola: [3, 7] });
    const girls = many(5, { gender: "flicka", skola: [5, 6] });
    const r = effectReportFigures([...boys, ...girls], [SKOLA], ["a"], YEAR_2024);
    expect(r.total.pojke.scales[0]).toMatchObject({ meanBefore: null, meanAfter: null, g: null, gAv: null });
    expect(r.total.all.scales[0]?.meanBefore).not.toBeNull();
    // The insats "a" holds everyone: its complement in the total is 0, so its means are shown, and
    // are the total's (the same records, the same cell key, the same perturbation).
    expect(r.byInsats[0]?.all.scales[0]?.meanBefore).toBe(r.total.all.scales[0]?.meanBefore);
    // With 10 girls the boys' complement is 10: shown.
    const even = effectReportFigures([...boys, ...many(10, { gender: "flicka" })], [SKOLA], ["a"], YEAR_2024);
    expect(even.total.pojke.scales[0]?.meanBefore).not.toBeNull();
  });

  it("hides the GAS and satisfaction means of one insats whose complement in the total is 1–9", () => {
    const a = many(12, { gasTScore: 50, surveySent: 1, surveyAnswered: 1, surveyAnswers: [4, 5] });
    const b = many(3, { catalogueId: "b", gasTScore: 60, surveySent: 1, surveyAnswered: 1, surveyAnswers: [2, 2] });
    const r = effectReportFigures([...a, ...b], [SKOLA], ["a", "b"], YEAR_2024);
    expect(r.total.all.outcomes.meanGasTScore).not.toBeNull();
    expect(r.byInsats[0]?.all.outcomes.meanGasTScore).toBeNull();
    expect(r.byInsats[0]?.all.outcomes.satisfactionMean).toBeNull();
    // The total's: every answering insats weighs the same (12 · 4.5 + 3 · 2) / 15 = 4, perturbed
    // by at most half of one insats's weight (4 / 30).
    expect(Math.abs((r.total.all.outcomes.satisfactionMean as number) - 4)).toBeLessThanOrEqual(4 / 30 + 0.005);
    expect(Math.abs((r.total.all.outcomes.meanGasTScore as number) - 52)).toBeLessThanOrEqual(60 / 30 + 0.05);
  });

  it("publishes a trend year that holds the period's very insatser exactly as the period's total", () => {
    const items = [...many(12), ...many(2, { gender: "flicka" }), ...many(7, { endedOn: "2023-03-01" })];
    const r = effectReportFigures(items, [SKOLA], ["a"], YEAR_2024);
    expect(r.trend[4]?.outcomes).toEqual(r.total.all.outcomes);
    expect(r.trend[4]?.scales).toEqual(r.total.all.scales);
    // 2023: a different record set of 7, on its own.
    const y2023 = r.trend[3]?.outcomes.ended as number;
    expect(Math.abs(y2023 - 7)).toBeLessThanOrEqual(MAX_NOISE);
  });

  it("gives the same published figures for the same record set in any report (the cell key)", () => {
    const items = many(15, { skola: [2, 8] });
    const alone = effectReportFigures(items, [SKOLA], ["a"], YEAR_2024);
    const withOthers = effectReportFigures([...items, ...many(20, { catalogueId: "b" })], [SKOLA], ["a", "b"], YEAR_2024);
    expect(withOthers.byInsats[0]?.all.outcomes.ended).toBe(alone.total.all.outcomes.ended);
    const cell = Tally.of(items.map((i) => i.key));
    expect(alone.total.all.scales[0]?.meanBefore).toBe(publishMean(Array(15).fill(2), cell, { range: 9, decimals: 2 }));
  });

  const genders: Gender[] = ["pojke", "flicka", "other"];
  const arbItem = fc.record({
    gender: fc.constantFrom(...genders),
    ageGroup: fc.constantFrom(...AGE_GROUPS),
    catalogueId: fc.constantFrom("a", "b", "c"),
    before: fc.integer({ min: 1, max: 10 }),
    after: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  });

  it("never shows a count of 1–4 nor a mean of fewer than 10, in any group of a random population", () => {
    fc.assert(
      fc.property(fc.array(arbItem, { minLength: 10, maxLength: 60 }), (specs) => {
        const items = specs.map((s) =>
          item({
            key: s.key,
            gender: s.gender,
            ageGroup: s.ageGroup as AgeGroup,
            catalogueId: s.catalogueId,
            skola: [s.before, s.after],
          }),
        );
        const r = effectReportFigures(items, [SKOLA], ["a", "b", "c"], YEAR_2024);
        const groups = [r.total, ...r.byInsats].flatMap((b) => [b.all, b.pojke, b.flicka, b.other, ...b.byAgeGroup]);
        for (const g of [...groups, ...r.trend]) {
          for (const v of [g.outcomes.ended, g.outcomes.withoutEndRating, g.scales[0]?.n, g.scales[0]?.missingEnd]) {
            if (v !== null && v !== undefined) expect(v === 0 || v >= 5).toBe(true);
          }
        }
        // A group's true pairs are below 10 → its means and effect sizes are hidden.
        const pairsOf = (pred: (i: EffectItem) => boolean) => items.filter((i) => pred(i) && i.changes[0]?.after !== null).length;
        for (const gender of genders) {
          if (pairsOf((i) => i.gender === gender) < 10) {
            expect(r.total[gender].scales[0]).toMatchObject({ meanBefore: null, meanAfter: null, g: null, gAv: null });
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
