import { describe, expect, it } from "vitest";
import { addCalendarDays, addCalendarMonths } from "../clocks";
import { MAX_NOISE } from "../disclosure/publish";
import { startOfStockholmDay } from "../time";
import { type Gender, type HandlingTimeInvestigation, type HandlingTimeReport, handlingTimeFigures } from "./handling-times";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/**
 * Spread-out 32-bit record keys (Knuth's multiplicative hash), a different set for each seed: the
 * figures are checked under many perturbations, since the server's keys come from a random secret.
 */
const keyOf = (i: number, seed: number) => Math.imul((i + 1) ^ Math.imul(seed, 0x9e3779b9), 2654435761) >>> 0;
const SEEDS = Array.from({ length: 40 }, (_, i) => i);

/**
 * What the disclosure rules promise of a count: 0 shown as 0, 1–4 never shown, and any other shown
 * as the true one ± MAX_NOISE — or hidden by secondary suppression, which depends on the noise.
 */
function expectCount(value: number | null, truth: number) {
  if (truth === 0) expect(value).toBe(0);
  else if (truth < 5) expect(value).toBeNull();
  else if (value !== null) expect(Math.abs(value - truth)).toBeLessThanOrEqual(MAX_NOISE);
}
/** A shown share lies between the extremes its perturbed numerator and denominator allow. */
function expectShare(value: number | null, numerator: number, denominator: number) {
  expect(value).not.toBeNull();
  expect(value as number).toBeGreaterThanOrEqual((numerator - MAX_NOISE) / (denominator + MAX_NOISE) - 0.001);
  expect(value as number).toBeLessThanOrEqual((numerator + MAX_NOISE) / (denominator - MAX_NOISE) + 0.001);
}

const period = { from: "2026-03-01", to: "2026-03-31", asOf: new Date("2026-04-05T12:00:00+02:00") };

/**
 * 30 reports received 1–30 March at 08:00, report i: girls i = 0–14, boys 15–29. Evaluated 5 April
 * at noon.
 * - skyddsbedömning: i % 5 = 0 none (every 24 h clock has run out: overdue), i % 5 = 1 after 30 h
 *   (late), else after 2 h → 18 within, 6 late, 6 overdue, 0 pending; share 18/30 (not 18/24).
 *   Days of the done: 18 × 0.1 and 6 × 1.3 (a tenth of a day) → median 0.1, p90 1.3; girls and
 *   boys 12 each.
 * - förhandsbedömning (last day 14 days after receipt, 15 March – 13 April): i % 4 = 0 none →
 *   overdue for i ≤ 20 (0, 4, 8, 12, 16, 20), pending for 24 and 28; i % 4 = 1 after 16 days → late
 *   for 1, 5, 9, 13, 17, while 21, 25 and 29 are recorded after the evaluation and so still pending;
 *   else after 10 days → within for i ≤ 23 (12), 26 and 27 recorded after the evaluation: pending.
 *   So 12 within, 5 late, 6 overdue, 7 pending; share 12/23. Days of the done: 12 × 10 and 5 × 16
 *   → median 10, p90 16, mean 200/17 = 11.76; girls 11 done, boys 6.
 * - re-referrals: i % 3 = 0 → 10 of 30.
 */
function report(i: number, gender: Gender, seed: number): HandlingTimeReport {
  const receivedAt = new Date(startOfStockholmDay(`2026-03-${String(1 + i).padStart(2, "0")}`).getTime() + 8 * HOUR);
  const skyddH = i % 5 === 0 ? null : i % 5 === 1 ? 30 : 2;
  const preD = i % 4 === 0 ? null : i % 4 === 1 ? 16 : 10;
  return {
    key: keyOf(i, seed),
    gender,
    receivedAt,
    protectionAt: skyddH === null ? null : new Date(receivedAt.getTime() + skyddH * HOUR),
    preAssessmentAt: preD === null ? null : new Date(receivedAt.getTime() + preD * DAY),
    linked: false,
    isReReferral: i % 3 === 0,
  };
}
const reports = (seed: number) => Array.from({ length: 30 }, (_, i) => report(i, i < 15 ? "flicka" : "pojke", seed));

/**
 * 28 girls' investigations opened 1–28 November 2025, so their statutory last days are 1–28 March:
 * - j 0–11 completed after 100 days (in time);
 * - j 12–16 completed 10 days after the last day with a förlängning decided 5 days before it (to the
 *   last day + 30): late for "4 months", within for "or extended";
 * - j 17–21 completed 10 days after the last day, the förlängning decided the day after it: late for
 *   both, five late förlängningar;
 * - j 22–26 still open: overdue for both;
 * - j 27 still open with a förlängning in time to 31 May: overdue for "4 months", pending for "or extended".
 * 4 months: 12 within, 10 late, 6 overdue → 12/28. Or extended: 17 within, 5 late, 5 overdue, 1 pending → 17/27.
 */
function investigations(seed: number): HandlingTimeInvestigation[] {
  return Array.from({ length: 28 }, (_, j) => {
    const openedOn = `2025-11-${String(1 + j).padStart(2, "0")}`;
    const due = addCalendarMonths(openedOn, 4);
    const at = (day: string) => new Date(startOfStockholmDay(day).getTime() + 10 * HOUR);
    const base = { key: keyOf(100 + j, seed), gender: "flicka" as const, openedOn };
    if (j < 12) return { ...base, completedOn: addCalendarDays(openedOn, 100), extensions: [] };
    if (j < 17) {
      const extensions = [{ decidedAt: at(addCalendarDays(due, -5)), newEndDate: addCalendarDays(due, 30) }];
      return { ...base, completedOn: addCalendarDays(due, 10), extensions };
    }
    if (j < 22) {
      const extensions = [{ decidedAt: at(addCalendarDays(due, 1)), newEndDate: addCalendarDays(due, 30) }];
      return { ...base, completedOn: addCalendarDays(due, 10), extensions };
    }
    if (j < 27) return { ...base, completedOn: null, extensions: [] };
    return { ...base, completedOn: null, extensions: [{ decidedAt: at(addCalendarDays(due, -3)), newEndDate: "2026-05-31" }] };
  });
}

describe.each(SEEDS)("handling-time figures (record keys %i)", (seed) => {
  const { figures: f, protectedWhole } = handlingTimeFigures(reports(seed), investigations(seed), period);

  it("counts overdue unfinished items in the denominator and keeps pending ones apart", () => {
    expect(protectedWhole).toBe(false);
    const s = f.skyddsbedomning.all;
    expectCount(s.within, 18);
    expectCount(s.late, 6);
    expectCount(s.overdue, 6);
    expect(s.pending).toBe(0);
    // 18 of 30, not 18 of the 24 done: 0.75 lies outside what the perturbation allows.
    expectShare(s.share, 18, 30);
    expect(s.share as number).toBeLessThan(0.75);

    const p = f.forhandsbedomning.all;
    expectCount(p.within, 12);
    expectCount(p.late, 5);
    expectCount(p.overdue, 6);
    expectCount(p.pending, 7);
    expectCount(p.settled, 23);
    expectShare(p.share, 12, 23);
    expect(p.share as number).toBeLessThan(12 / 17); // not of the done only
  });

  it("shows the mean beside the median and the 90th percentile of the days done", () => {
    const p = f.forhandsbedomning.all;
    expect(p.medianDays).toBe(10);
    expect(p.p90Days).toBe(16);
    // 200/17 = 11.76, perturbed by at most half of one person's weight: spread 6 / (2 · 17).
    expect(Math.abs((p.meanDays as number) - 200 / 17)).toBeLessThanOrEqual(6 / 34 + 0.05);
    const s = f.skyddsbedomning.all;
    expect(s).toMatchObject({ medianDays: 0.1, p90Days: 1.3 });
    // (18 · 0.1 + 6 · 1.3) / 24 = 0.4, spread 1.2 / (2 · 24).
    expect(Math.abs((s.meanDays as number) - 0.4)).toBeLessThanOrEqual(1.2 / 48 + 0.05);
  });

  it("shows a gender group's statistics only when it and its complement in 'all' are large enough", () => {
    // Skydd: 12 girls and 12 boys done → both shown.
    expect(f.skyddsbedomning.flicka).toMatchObject({ medianDays: 0.1, p90Days: 1.3 });
    expect(f.skyddsbedomning.pojke).toMatchObject({ medianDays: 0.1, p90Days: 1.3 });
    // Förhands: 11 girls done, but "all" minus the girls would be the 6 boys' → both hidden.
    expect(f.forhandsbedomning.flicka).toMatchObject({ medianDays: null, meanDays: null, p90Days: null });
    expect(f.forhandsbedomning.pojke).toMatchObject({ medianDays: null, meanDays: null, p90Days: null });
  });

  it("hides everything about a group of one, its median days included", () => {
    // One report about a young person of other gender, assessed after 2 hours: a "median" of one.
    const r = report(30, "other", seed);
    const lone = { ...r, protectionAt: new Date(r.receivedAt.getTime() + 2 * HOUR) };
    const g = handlingTimeFigures([...reports(seed), lone], investigations(seed), period).figures;
    expect(g.reports.other).toBeNull();
    expect(g.skyddsbedomning.other).toEqual({
      settled: null,
      within: null,
      late: 0,
      overdue: 0,
      pending: 0,
      share: null,
      medianDays: null,
      meanDays: null,
      p90Days: null,
    });
    expect(g.forhandsbedomning.other).toMatchObject({ within: 0, pending: null, medianDays: null });
  });

  it("measures investigations within 4 months and within 4 months or a förlängning decided in time", () => {
    const u = f.utredning.all;
    expectCount(u.investigations, 28);
    expectCount(u.within4Months.within, 12);
    expectCount(u.within4Months.late, 10);
    expectCount(u.within4Months.overdue, 6);
    expect(u.within4Months.pending).toBe(0);
    expectShare(u.within4Months.share, 12, 28);
    // The late förlängningar do not count: 17 of 27 within, not 22.
    expectShare(u.within4MonthsOrExtended.share, 17, 27);
    expectCount(u.within4MonthsOrExtended.within, 17);
    // Counted in time they would leave no late one, and 0 is the one count shown exactly.
    expect(u.within4MonthsOrExtended.late).not.toBe(0);
    expect(u.within4MonthsOrExtended.pending).toBeNull();
    expectCount(u.lateExtensions, 5);
    // Days of the 22 completed: 12 × 100 and ten longer ones → median 100.
    expect(u.medianDays).toBe(100);
    expect(f.utredning.pojke.investigations).toBe(0);
  });

  it("keeps re-referrals as reports flagged among the period's reports", () => {
    expectCount(f.reReferrals, 10);
    expectShare(f.reReferralShare, 10, 30);
    expect(f.linkedToOngoingInvestigation).toBe(0);
  });

  it("gives the same figures for the same records every time (cell key)", () => {
    const again = handlingTimeFigures([...reports(seed)].reverse(), investigations(seed), period).figures;
    expect(again).toEqual(f);
  });

  it("protects the whole report when the filter leaves fewer than 10 records", () => {
    const few = handlingTimeFigures(reports(seed).slice(0, 6), investigations(seed).slice(0, 3), period);
    expect(few.protectedWhole).toBe(true);
    expect(few.figures.reports.all).toBeNull();
    expect(few.figures.skyddsbedomning.all.share).toBeNull();
    expect(few.figures.utredning.all.medianDays).toBeNull();
    expect(few.figures.reReferralShare).toBeNull();
  });

  it("leaves out reports received outside the period and investigations due outside it", () => {
    const outside: HandlingTimeReport = {
      ...reports(seed)[3]!,
      key: keyOf(999, seed),
      receivedAt: new Date("2026-04-01T08:00:00+02:00"),
    };
    const late: HandlingTimeInvestigation = { ...investigations(seed)[0]!, key: keyOf(998, seed), openedOn: "2025-12-01" };
    expect(handlingTimeFigures([...reports(seed), outside], [...investigations(seed), late], period).figures).toEqual(f);
  });
});
