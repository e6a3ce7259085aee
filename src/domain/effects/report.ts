/**
 * The ISU effect report's figures from its ended insatser: the report's rules, pure, so the
 * disclosure tests (an integer-programming reader over many filters) run the very function the
 * server runs. Every figure passes the disclosure module (domain/disclosure/publish.ts): counts by
 * the cell key of the insatser, shares from perturbed counts, means perturbed and shown only for
 * large enough groups and complements, effect sizes under the same group rule; then secondary
 * suppression over every sum the report shows (SumTable).
 */
import { reReferralOutcome } from "../case-flow";
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import { AGE_GROUPS, type AgeGroup } from "../interventions/rules";
import type { Gender } from "../interventions/samlad-bild";
import { type EffectRow, type EffectSummary, type PublishedEffects, publishEffects, summarizeEffects } from "./aggregate";
import type { ChangeClass } from "./rci";
import { meanScore, SURVEY_SCALE } from "./satisfaction";
import type { Respondent } from "./vocabulary";

/** GAS T-scores lie in about 20–80 (five levels, ±2 SD around 50): how far one can lie from another. */
export const GAS_T_RANGE = 60;
/** The satisfaction survey's 1–5 answers. */
export const SATISFACTION_RANGE = SURVEY_SCALE.max - SURVEY_SCALE.min;

/** One (scale, respondent) pair of the report's list. */
export interface EffectPair {
  scaleId: string;
  scaleName: string;
  respondent: Respondent;
  higherIsBetter: boolean;
  /** The scale's max − min: how far one rating can lie from another. */
  range: number;
}

/** One ended insats with everything its figures are computed from (dates as Stockholm days). */
export interface EffectItem {
  /** The insats's cell key (record-keys.ts). */
  key: number;
  catalogueId: string;
  gender: Gender;
  ageGroup: AgeGroup;
  endedOn: string;
  /** Per pair of the report's list (by its index) with a start value: the end value and the RCI class. */
  changes: readonly { pair: number; before: number; after: number | null; change: ChangeClass | null }[];
  /** Any "end" measurement at all (any pair). */
  hasEndRating: boolean;
  /** The goal results of its last follow-up: assessed (not "ej_bedomt") and "uppnatt". */
  goalsAssessed: number;
  goalsReached: number;
  gasTScore: number | null;
  /** Survey links sent (include_survey) and answered. */
  surveySent: number;
  surveyAnswered: number;
  /** Every answer value of its survey responses (1–5). */
  surveyAnswers: readonly number[];
  /** The first Stockholm day after the end day with a report on the person; null when none. */
  firstReportDay: string | null;
}

export type EffectFigures = Omit<EffectPair, "range"> & { missingEnd: number | null } & Omit<PublishedEffects, "missingAfter">;

// Type aliases, not interfaces: SumTable writes into them as records.
export type OutcomeFigures = {
  ended: number | null;
  withoutEndRating: number | null;
  goalsReachedShare: number | null;
  meanGasTScore: number | null;
  surveySent: number | null;
  responseRate: number | null;
  satisfactionMean: number | null;
  reReferralShare: number | null;
  reReferralPending: number | null;
};

export interface EffectGroup {
  outcomes: OutcomeFigures;
  scales: EffectFigures[];
}

export interface EffectBreakdown {
  all: EffectGroup;
  pojke: EffectGroup;
  flicka: EffectGroup;
  other: EffectGroup;
  byAgeGroup: (EffectGroup & { ageGroup: AgeGroup })[];
}

export interface EffectReportFigures {
  total: EffectBreakdown;
  byInsats: EffectBreakdown[];
  trend: (EffectGroup & { year: number })[];
  protectedWhole: boolean;
}

/** One insats's contribution to every group it is in, computed once. */
interface Prepared {
  item: EffectItem;
  reReferral: "yes" | "no" | "pending";
  /** The mean of its survey answers: each insats weighs the same in the satisfaction mean. */
  satisfaction: number | null;
}

function prepare(item: EffectItem, today: string): Prepared {
  return {
    item,
    reReferral: reReferralOutcome(item.endedOn, item.firstReportDay, today),
    satisfaction: item.surveyAnswered > 0 ? meanScore(item.surveyAnswers) : null,
  };
}

/** A group's true values, before anything is published. */
interface Raw {
  ended: Tally;
  withoutEndRating: Tally;
  goalsAssessed: Tally;
  goalsReached: Tally;
  gas: number[];
  gasCell: Tally;
  surveySent: Tally;
  surveyAnswered: Tally;
  satisfaction: number[];
  satisfactionCell: Tally;
  reReferred: Tally;
  reReferralClosed: Tally;
  reReferralPending: Tally;
  /** Per pair of the report's list. */
  scales: EffectSummary[];
}

function raw(items: readonly Prepared[], pairCount: number): Raw {
  const r: Raw = {
    ended: new Tally(),
    withoutEndRating: new Tally(),
    goalsAssessed: new Tally(),
    goalsReached: new Tally(),
    gas: [],
    gasCell: new Tally(),
    surveySent: new Tally(),
    surveyAnswered: new Tally(),
    satisfaction: [],
    satisfactionCell: new Tally(),
    reReferred: new Tally(),
    reReferralClosed: new Tally(),
    reReferralPending: new Tally(),
    scales: [],
  };
  // Arrays by pair index, not maps by key: this runs for some two hundred groups per report.
  const rows: EffectRow[][] = Array.from({ length: pairCount }, () => []);
  for (const p of items) {
    const i = p.item;
    const k = i.key;
    r.ended.add(k);
    if (!i.hasEndRating) r.withoutEndRating.add(k);
    if (i.goalsAssessed) r.goalsAssessed.add(k, i.goalsAssessed);
    if (i.goalsReached) r.goalsReached.add(k, i.goalsReached);
    if (i.gasTScore !== null) {
      r.gas.push(i.gasTScore);
      r.gasCell.add(k);
    }
    if (i.surveySent) r.surveySent.add(k, i.surveySent);
    if (i.surveyAnswered) r.surveyAnswered.add(k, i.surveyAnswered);
    if (p.satisfaction !== null) {
      r.satisfaction.push(p.satisfaction);
      r.satisfactionCell.add(k);
    }
    if (p.reReferral === "pending") r.reReferralPending.add(k);
    else {
      r.reReferralClosed.add(k);
      if (p.reReferral === "yes") r.reReferred.add(k);
    }
    for (const c of i.changes) rows[c.pair]?.push({ key: k, before: c.before, after: c.after, change: c.change });
  }
  r.scales = rows.map(summarizeEffects);
  return r;
}

/**
 * A group's published figures. `parents` are the groups it is shown beside as a part (its
 * breakdown's "all", the total's same group): a mean or an effect size needs a large enough
 * complement in each.
 */
function publish(r: Raw, parents: readonly Raw[], pairs: readonly EffectPair[], p: Publisher): EffectGroup {
  return {
    outcomes: {
      ended: p.count(r.ended),
      withoutEndRating: p.count(r.withoutEndRating),
      goalsReachedShare: p.share(r.goalsReached, r.goalsAssessed),
      meanGasTScore: p.mean(r.gas, r.gasCell, {
        range: GAS_T_RANGE,
        decimals: 1,
        margins: parents.map((up) => up.gas.length),
      }),
      surveySent: p.count(r.surveySent),
      responseRate: p.share(r.surveyAnswered, r.surveySent),
      satisfactionMean: p.mean(r.satisfaction, r.satisfactionCell, {
        range: SATISFACTION_RANGE,
        decimals: 2,
        margins: parents.map((up) => up.satisfaction.length),
      }),
      reReferralShare: p.share(r.reReferred, r.reReferralClosed),
      reReferralPending: p.count(r.reReferralPending),
    },
    scales: pairs.map((pair, j) => {
      const { missingAfter, ...figures } = publishEffects(
        r.scales[j] as EffectSummary,
        { range: pair.range, margins: parents.map((up) => (up.scales[j] as EffectSummary).pairs.n) },
        p,
      );
      return {
        scaleId: pair.scaleId,
        scaleName: pair.scaleName,
        respondent: pair.respondent,
        higherIsBetter: pair.higherIsBetter,
        ...figures,
        missingEnd: missingAfter,
      };
    }),
  };
}

interface RawBreakdown {
  all: Raw;
  pojke: Raw;
  flicka: Raw;
  other: Raw;
  byAgeGroup: Raw[];
}

function rawBreakdown(items: readonly Prepared[], pairCount: number): RawBreakdown {
  return {
    all: raw(items, pairCount),
    pojke: raw(
      items.filter((p) => p.item.gender === "pojke"),
      pairCount,
    ),
    flicka: raw(
      items.filter((p) => p.item.gender === "flicka"),
      pairCount,
    ),
    other: raw(
      items.filter((p) => p.item.gender === "other"),
      pairCount,
    ),
    byAgeGroup: AGE_GROUPS.map((g) =>
      raw(
        items.filter((p) => p.item.ageGroup === g),
        pairCount,
      ),
    ),
  };
}

/** Publishes a breakdown; `total` is the report's total when this is one insats's breakdown. */
function publishBreakdown(
  b: RawBreakdown,
  total: RawBreakdown | null,
  pairs: readonly EffectPair[],
  p: Publisher,
): EffectBreakdown {
  const up = (r: Raw | undefined) => (total && r ? [r] : []);
  return {
    all: publish(b.all, up(total?.all), pairs, p),
    pojke: publish(b.pojke, [b.all, ...up(total?.pojke)], pairs, p),
    flicka: publish(b.flicka, [b.all, ...up(total?.flicka)], pairs, p),
    other: publish(b.other, [b.all, ...up(total?.other)], pairs, p),
    byAgeGroup: AGE_GROUPS.map((ageGroup, i) => ({
      ageGroup,
      ...publish(b.byAgeGroup[i] as Raw, [b.all, ...up(total?.byAgeGroup[i])], pairs, p),
    })),
  };
}

function hiddenGroup(pairs: readonly EffectPair[]): EffectGroup {
  return {
    outcomes: {
      ended: null,
      withoutEndRating: null,
      goalsReachedShare: null,
      meanGasTScore: null,
      surveySent: null,
      responseRate: null,
      satisfactionMean: null,
      reReferralShare: null,
      reReferralPending: null,
    },
    scales: pairs.map((p) => ({
      scaleId: p.scaleId,
      scaleName: p.scaleName,
      respondent: p.respondent,
      higherIsBetter: p.higherIsBetter,
      n: null,
      missingEnd: null,
      meanBefore: null,
      meanAfter: null,
      g: null,
      ciLow: null,
      ciHigh: null,
      gAv: null,
      shareImproved: null,
      shareUnchanged: null,
      shareDeteriorated: null,
    })),
  };
}

function hiddenBreakdown(pairs: readonly EffectPair[]): EffectBreakdown {
  return {
    all: hiddenGroup(pairs),
    pojke: hiddenGroup(pairs),
    flicka: hiddenGroup(pairs),
    other: hiddenGroup(pairs),
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, ...hiddenGroup(pairs) })),
  };
}

const OUTCOME_COUNTS = ["ended", "withoutEndRating", "surveySent", "reReferralPending"] as const;
const SCALE_COUNTS = ["n", "missingEnd"] as const;

/** `key` of `total`'s outcomes and of each of its scales is the sum over `parts`. */
function sumGroups(table: SumTable, total: EffectGroup, parts: readonly EffectGroup[]): void {
  for (const key of OUTCOME_COUNTS) {
    table.sum(
      key,
      total.outcomes,
      parts.map((p) => p.outcomes),
    );
  }
  // Every group lists the same pairs in the same order.
  total.scales.forEach((scale, j) => {
    for (const key of SCALE_COUNTS) {
      table.sum(
        key,
        scale,
        parts.map((p) => p.scales[j] as EffectFigures),
      );
    }
  });
}

/**
 * Secondary suppression over every sum of the report: genders, age groups and insatser, and a trend
 * row that holds the very insatser of the period (the whole period one calendar year) as a sum of
 * one part, so a count hidden in one is hidden in the other (SumTable).
 */
function protectCounts(total: EffectBreakdown, entries: readonly EffectBreakdown[], sameAsTotal: EffectGroup | null): void {
  const table = new SumTable();
  for (const b of [total, ...entries]) {
    sumGroups(table, b.all, [b.pojke, b.flicka, b.other]);
    sumGroups(table, b.all, b.byAgeGroup);
  }
  for (const group of ["all", "pojke", "flicka", "other"] as const) {
    sumGroups(
      table,
      total[group],
      entries.map((e) => e[group]),
    );
  }
  total.byAgeGroup.forEach((age, i) => {
    sumGroups(
      table,
      age,
      entries.map((e) => e.byAgeGroup[i] as EffectBreakdown["byAgeGroup"][number]),
    );
  });
  if (sameAsTotal) sumGroups(table, sameAsTotal, [total.all]);
  table.protect();
}

/**
 * The ISU effect report's figures for the insatser ended in [from, to], as of `today`:
 * - the population is the insatser ended in [from, to] (`items` may hold the trend years' too);
 * - groups: all, by gender (pojke, flicka, other), by age group; in total and per catalogue entry
 *   (`entries`, in the order given); the trend: the "all" group of the insatser ended in each of
 *   `years`;
 * - per (scale, respondent) pair: n complete start/end pairs, missingEnd (a start value but no end
 *   value), the means before and after over the complete pairs, g_z with its 95 % CI (normal
 *   approximation) and g_av (effect-size.ts), the shares improved / unchanged / deteriorated of the
 *   RCI-classified pairs (aggregate.ts);
 * - outcomes: ended; withoutEndRating (no "end" measurement at all); goalsReachedShare ("uppnått" of
 *   the assessed goal results at each insats's last follow-up); meanGasTScore (each insats's GAS
 *   T-score); surveySent and responseRate (links answered of links sent); satisfactionMean (each
 *   answering insats's mean answer, so every insats weighs the same however many answered);
 *   re-referral by reReferralOutcome (case-flow.ts): reReferralShare is re-referred of the insatser
 *   whose 12-month window has closed by `today`, reReferralPending those whose window is still
 *   open — a report already received does not make an open window count.
 * Disclosure: counts by publishCount; shares by publishShare; means by publishMean (scale range,
 * GAS_T_RANGE, SATISFACTION_RANGE) and effect sizes by publishStatistic, both with the margins of
 * the groups they are shown beside (a gender or age group: its breakdown's "all"; a group of one
 * insats: also the total's same group; a trend row: none — a trend year is another record set than
 * the period, so the cell key gives it its own perturbation); then secondary suppression over every
 * sum (protectCounts). A population below MIN_POPULATION hides everything, the trend included
 * (`protectedWhole`). Production passes the disclosure module's rules (the default); the benchmark
 * passes a publisher that protects nothing, to measure what protection costs.
 */
export function effectReportFigures(
  items: readonly EffectItem[],
  pairs: readonly EffectPair[],
  entries: readonly string[],
  period: { from: string; to: string; today: string; years: readonly number[] },
  publisher: Publisher = disclosure,
): EffectReportFigures {
  const inPeriod = items.filter((i) => i.endedOn >= period.from && i.endedOn <= period.to);
  if (publisher.populationTooSmall(inPeriod.length)) {
    return {
      total: hiddenBreakdown(pairs),
      byInsats: entries.map(() => hiddenBreakdown(pairs)),
      trend: period.years.map((year) => ({ year, ...hiddenGroup(pairs) })),
      protectedWhole: true,
    };
  }
  const prepared = new Map(items.map((i) => [i, prepare(i, period.today)]));
  const of = (list: readonly EffectItem[]) => list.map((i) => prepared.get(i) as Prepared);
  const rawTotal = rawBreakdown(of(inPeriod), pairs.length);
  const total = publishBreakdown(rawTotal, null, pairs, publisher);
  const byInsats = entries.map((catalogueId) =>
    publishBreakdown(
      rawBreakdown(of(inPeriod.filter((i) => i.catalogueId === catalogueId)), pairs.length),
      rawTotal,
      pairs,
      publisher,
    ),
  );
  let sameAsTotal: EffectGroup | null = null;
  const trend = period.years.map((year) => {
    const prefix = `${String(year).padStart(4, "0")}-`;
    const ofYear = items.filter((i) => i.endedOn.startsWith(prefix));
    const row = { year, ...publish(raw(of(ofYear), pairs.length), [], pairs, publisher) };
    if (ofYear.length === inPeriod.length && inPeriod.every((i) => i.endedOn.startsWith(prefix))) sameAsTotal = row;
    return row;
  });
  if (publisher.protects) protectCounts(total, byInsats, sameAsTotal);
  return { total, byInsats, trend, protectedWhole: false };
}
