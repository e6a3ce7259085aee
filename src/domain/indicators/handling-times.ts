/**
 * The handling-time report's figures: each indicator as defined in this folder (definitions.ts in
 * words), every figure through the disclosure module (domain/disclosure/publish.ts), then secondary
 * suppression over the report's sums. Pure, so the disclosure tests can run the very function the
 * server runs.
 */
import { type Deadline, daysBetween, forhandsbedomningDeadline, median, percentile, skyddsbedomningDeadline } from "../clocks";
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import { stockholmDate } from "../time";
import { type ClockOutcome, clockOutcome } from "./clock-outcome";
import { dueInPeriod, type InvestigationTimes, investigationOutcome } from "./investigation-time";

export type Gender = "pojke" | "flicka" | "other";
const GENDERS = ["pojke", "flicka", "other"] as const;

/** One report received in the period, with what its clocks are computed from. */
export interface HandlingTimeReport {
  /** The report's cell key (record-keys.ts). */
  key: number;
  gender: Gender;
  receivedAt: Date;
  protectionAt: Date | null;
  preAssessmentAt: Date | null;
  /** The pre-assessment linked the report to an ongoing investigation ("koppla"). */
  linked: boolean;
  isReReferral: boolean;
}

/** One investigation, with its förlängning decisions. */
export interface HandlingTimeInvestigation extends InvestigationTimes {
  /** The investigation's cell key (record-keys.ts). */
  key: number;
  gender: Gender;
}

export interface OutcomeFigures {
  /** Within + late + overdue: the share's denominator. */
  settled: number | null;
  within: number | null;
  /** Done after the deadline. */
  late: number | null;
  /** Not done, and the deadline has run out: in the denominator as not within. */
  overdue: number | null;
  /** Not done, and the deadline still running: shown apart, not in the share. */
  pending: number | null;
  share: number | null;
}

export interface DaysFigures {
  medianDays: number | null;
  meanDays: number | null;
  p90Days: number | null;
}

export type ClockFigures = OutcomeFigures & DaysFigures;

export interface InvestigationFigures extends DaysFigures {
  /** The population: investigations whose statutory last day is in the period. */
  investigations: number | null;
  within4Months: OutcomeFigures;
  within4MonthsOrExtended: OutcomeFigures;
  /** Investigations with a förlängning decided after their time had run out. */
  lateExtensions: number | null;
}

export interface ByGender<T> {
  all: T;
  pojke: T;
  flicka: T;
  other: T;
}

export interface HandlingTimeFigures {
  reports: ByGender<number | null>;
  skyddsbedomning: ByGender<ClockFigures>;
  forhandsbedomning: ByGender<ClockFigures>;
  utredning: ByGender<InvestigationFigures>;
  linkedToOngoingInvestigation: number | null;
  reReferrals: number | null;
  reReferralShare: number | null;
}

// ── True values ──────────────────────────────────────────────────────────────────────────────────

interface RawOutcome {
  settled: Tally;
  within: Tally;
  late: Tally;
  overdue: Tally;
  pending: Tally;
}

interface RawDays {
  values: number[];
  cell: Tally;
}

interface RawGroup {
  reports: Tally;
  skydd: RawOutcome;
  skyddDays: RawDays;
  forhands: RawOutcome;
  forhandsDays: RawDays;
  investigations: Tally;
  within4Months: RawOutcome;
  orExtended: RawOutcome;
  lateExtensions: Tally;
  utredningDays: RawDays;
}

const rawOutcome = (): RawOutcome => ({
  settled: new Tally(),
  within: new Tally(),
  late: new Tally(),
  overdue: new Tally(),
  pending: new Tally(),
});
const rawDays = (): RawDays => ({ values: [], cell: new Tally() });

function rawGroup(): RawGroup {
  return {
    reports: new Tally(),
    skydd: rawOutcome(),
    skyddDays: rawDays(),
    forhands: rawOutcome(),
    forhandsDays: rawDays(),
    investigations: new Tally(),
    within4Months: rawOutcome(),
    orExtended: rawOutcome(),
    lateExtensions: new Tally(),
    utredningDays: rawDays(),
  };
}

function count(o: RawOutcome, outcome: ClockOutcome, key: number) {
  o[outcome].add(key);
  if (outcome !== "pending") o.settled.add(key);
}

function addDays(d: RawDays, days: number | null, key: number) {
  if (days === null) return;
  d.values.push(days);
  d.cell.add(key);
}

const DAY_MS = 86_400_000;
/** Hours to a skyddsbedömning, as days to a tenth. */
const tenthsOfDay = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;

// ── Published values ─────────────────────────────────────────────────────────────────────────────

/** A published count in a box of its own, so SumTable can tie counts of differently named fields. */
type Box = { v: number | null };
const boxer =
  (p: Publisher) =>
  (t: Tally): Box => ({ v: p.count(t) });

interface BoxedOutcome {
  settled: Box;
  within: Box;
  late: Box;
  overdue: Box;
  pending: Box;
  share: number | null;
}
const COUNT_KEYS = ["settled", "within", "late", "overdue", "pending"] as const;

function publishOutcome(o: RawOutcome, p: Publisher): BoxedOutcome {
  const box = boxer(p);
  return {
    settled: box(o.settled),
    within: box(o.within),
    late: box(o.late),
    overdue: box(o.overdue),
    pending: box(o.pending),
    share: p.share(o.within, o.settled),
  };
}

const spread = (values: readonly number[]) => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return values.length ? hi - lo : 0;
};

/** Median, mean and p90 of a group's days; `margins` are the n of the totals it is shown beside. */
function publishDays(d: RawDays, margins: readonly number[], p: Publisher): DaysFigures {
  const n = d.values.length;
  // Sorted once: percentile's own sort then finds the values in order (city scale: tens of thousands).
  const sorted = n ? [...d.values].sort((a, b) => a - b) : d.values;
  return {
    medianDays: p.statistic(median(sorted), n, { decimals: 1, margins }),
    meanDays: p.mean(sorted, d.cell, { range: spread(sorted), decimals: 1, margins }),
    p90Days: p.statistic(percentile(sorted, 90), n, { decimals: 1, margins }),
  };
}

interface BoxedGroup {
  reports: Box;
  skydd: BoxedOutcome;
  skyddDays: DaysFigures;
  forhands: BoxedOutcome;
  forhandsDays: DaysFigures;
  investigations: Box;
  within4Months: BoxedOutcome;
  orExtended: BoxedOutcome;
  lateExtensions: Box;
  utredningDays: DaysFigures;
}

function publishGroup(r: RawGroup, all: RawGroup | null, p: Publisher): BoxedGroup {
  const box = boxer(p);
  const days = (pick: (g: RawGroup) => RawDays) => publishDays(pick(r), all ? [pick(all).values.length] : [], p);
  return {
    reports: box(r.reports),
    skydd: publishOutcome(r.skydd, p),
    skyddDays: days((g) => g.skyddDays),
    forhands: publishOutcome(r.forhands, p),
    forhandsDays: days((g) => g.forhandsDays),
    investigations: box(r.investigations),
    within4Months: publishOutcome(r.within4Months, p),
    orExtended: publishOutcome(r.orExtended, p),
    lateExtensions: box(r.lateExtensions),
    utredningDays: days((g) => g.utredningDays),
  };
}

/**
 * Secondary suppression over every sum a reader can form: within + late + overdue = settled,
 * settled + pending = the population (reports, or investigations), and boys + girls + other = all
 * for every count.
 */
function protectCounts(groups: ByGender<BoxedGroup>): void {
  const table = new SumTable();
  const outcomes = (g: BoxedGroup) =>
    [
      [g.skydd, g.reports],
      [g.forhands, g.reports],
      [g.within4Months, g.investigations],
      [g.orExtended, g.investigations],
    ] as const;
  for (const g of Object.values(groups) as BoxedGroup[]) {
    for (const [o, population] of outcomes(g)) {
      table.sum("v", o.settled, [o.within, o.late, o.overdue]);
      table.sum("v", population, [o.settled, o.pending]);
    }
  }
  const parts = GENDERS.map((k) => groups[k]);
  const byGender = (pick: (g: BoxedGroup) => Box) =>
    table.sum(
      "v",
      pick(groups.all),
      parts.map((p) => pick(p)),
    );
  byGender((g) => g.reports);
  byGender((g) => g.investigations);
  byGender((g) => g.lateExtensions);
  for (const outcome of ["skydd", "forhands", "within4Months", "orExtended"] as const) {
    for (const key of COUNT_KEYS) byGender((g) => g[outcome][key]);
  }
  table.protect();
}

const unboxOutcome = (o: BoxedOutcome): OutcomeFigures => ({
  settled: o.settled.v,
  within: o.within.v,
  late: o.late.v,
  overdue: o.overdue.v,
  pending: o.pending.v,
  share: o.share,
});

function byGender<T>(groups: ByGender<BoxedGroup>, pick: (g: BoxedGroup) => T): ByGender<T> {
  return { all: pick(groups.all), pojke: pick(groups.pojke), flicka: pick(groups.flicka), other: pick(groups.other) };
}

const HIDDEN_OUTCOME: OutcomeFigures = { settled: null, within: null, late: null, overdue: null, pending: null, share: null };
const HIDDEN_DAYS: DaysFigures = { medianDays: null, meanDays: null, p90Days: null };

function hidden(): HandlingTimeFigures {
  const each = <T>(make: () => T): ByGender<T> => ({ all: make(), pojke: make(), flicka: make(), other: make() });
  return {
    reports: each(() => null),
    skyddsbedomning: each(() => ({ ...HIDDEN_OUTCOME, ...HIDDEN_DAYS })),
    forhandsbedomning: each(() => ({ ...HIDDEN_OUTCOME, ...HIDDEN_DAYS })),
    utredning: each(() => ({
      investigations: null,
      within4Months: { ...HIDDEN_OUTCOME },
      within4MonthsOrExtended: { ...HIDDEN_OUTCOME },
      lateExtensions: null,
      ...HIDDEN_DAYS,
    })),
    linkedToOngoingInvestigation: null,
    reReferrals: null,
    reReferralShare: null,
  };
}

/**
 * The figures for [from, to] (Stockholm days), every clock evaluated as of `asOf` (the moment the
 * report is made):
 * - reports: those received in the period; their skyddsbedömning (24 h) and förhandsbedömning
 *   (14 days) clocks by clockOutcome. `asOf` is now, not the end of the period: the clocks of
 *   reports received late in the period run on past it, and at the period's end they would be
 *   pending for ever (and a förhandsbedömning done in time after the period's end would be missing),
 *   while as of now every clock whose deadline has passed is decided and stays as it is;
 * - investigations: those whose statutory last day is in the period, by investigationOutcome;
 * - days: of the items done by `asOf` — median, mean (range: the observed spread) and p90, each
 *   only where the group and its complement in "all" are large enough (a gender group's margin is
 *   "all");
 * - linked and re-referrals: counted over the period's reports, re-referral share of all of them.
 * A population (reports + investigations) below MIN_POPULATION hides everything (`protectedWhole`).
 * Only the benchmark passes another publisher, to measure what protection costs.
 */
export function handlingTimeFigures(
  reports: readonly HandlingTimeReport[],
  investigations: readonly HandlingTimeInvestigation[],
  period: { from: string; to: string; asOf: Date },
  publisher: Publisher = disclosure,
): { figures: HandlingTimeFigures; protectedWhole: boolean } {
  const { from, to, asOf } = period;
  const inPeriod = reports.filter((r) => {
    const day = stockholmDate(r.receivedAt);
    return day >= from && day <= to;
  });
  const cohort = investigations
    .map((i) => ({ i, o: investigationOutcome(i, asOf) }))
    .filter(({ o }) => dueInPeriod(o.statutoryDueDate, from, to));
  if (publisher.populationTooSmall(inPeriod.length + cohort.length)) return { figures: hidden(), protectedWhole: true };

  const raw: ByGender<RawGroup> = { all: rawGroup(), pojke: rawGroup(), flicka: rawGroup(), other: rawGroup() };
  const linked = new Tally();
  const reReferrals = new Tally();
  // The 14-day deadline and the day numbers depend on Stockholm days only: one per day, not per report.
  const forhandsDeadlines = new Map<string, Deadline>();
  const dayNumbers = new Map<string, number>();
  const dayNumber = (day: string) => {
    let n = dayNumbers.get(day);
    if (n === undefined) {
      n = daysBetween("1970-01-01", day);
      dayNumbers.set(day, n);
    }
    return n;
  };
  for (const r of inPeriod) {
    const receivedOn = stockholmDate(r.receivedAt);
    let forhandsDeadline = forhandsDeadlines.get(receivedOn);
    if (!forhandsDeadline) {
      forhandsDeadline = forhandsbedomningDeadline(r.receivedAt);
      forhandsDeadlines.set(receivedOn, forhandsDeadline);
    }
    const skydd = clockOutcome(skyddsbedomningDeadline(r.receivedAt), r.protectionAt, asOf);
    const forhands = clockOutcome(forhandsDeadline, r.preAssessmentAt, asOf);
    const skyddDays = skydd === "within" || skydd === "late" ? tenthsOfDay(r.receivedAt, r.protectionAt as Date) : null;
    const forhandsDays =
      forhands === "within" || forhands === "late"
        ? dayNumber(stockholmDate(r.preAssessmentAt as Date)) - dayNumber(receivedOn)
        : null;
    for (const g of [raw.all, raw[r.gender]]) {
      g.reports.add(r.key);
      count(g.skydd, skydd, r.key);
      addDays(g.skyddDays, skyddDays, r.key);
      count(g.forhands, forhands, r.key);
      addDays(g.forhandsDays, forhandsDays, r.key);
    }
    if (r.linked && r.preAssessmentAt !== null && r.preAssessmentAt.getTime() <= asOf.getTime()) linked.add(r.key);
    if (r.isReReferral) reReferrals.add(r.key);
  }
  for (const { i, o } of cohort) {
    for (const g of [raw.all, raw[i.gender]]) {
      g.investigations.add(i.key);
      count(g.within4Months, o.within4Months, i.key);
      count(g.orExtended, o.within4MonthsOrExtended, i.key);
      if (o.lateExtension) g.lateExtensions.add(i.key);
      addDays(g.utredningDays, o.days, i.key);
    }
  }

  const groups: ByGender<BoxedGroup> = {
    all: publishGroup(raw.all, null, publisher),
    pojke: publishGroup(raw.pojke, raw.all, publisher),
    flicka: publishGroup(raw.flicka, raw.all, publisher),
    other: publishGroup(raw.other, raw.all, publisher),
  };
  if (publisher.protects) protectCounts(groups);
  return {
    figures: {
      reports: byGender(groups, (g) => g.reports.v),
      skyddsbedomning: byGender(groups, (g) => ({ ...unboxOutcome(g.skydd), ...g.skyddDays })),
      forhandsbedomning: byGender(groups, (g) => ({ ...unboxOutcome(g.forhands), ...g.forhandsDays })),
      utredning: byGender(groups, (g) => ({
        investigations: g.investigations.v,
        within4Months: unboxOutcome(g.within4Months),
        within4MonthsOrExtended: unboxOutcome(g.orExtended),
        lateExtensions: g.lateExtensions.v,
        ...g.utredningDays,
      })),
      linkedToOngoingInvestigation: publisher.count(linked),
      reReferrals: publisher.count(reReferrals),
      reReferralShare: publisher.share(reReferrals, raw.all.reports),
    },
    protectedWhole: false,
  };
}
