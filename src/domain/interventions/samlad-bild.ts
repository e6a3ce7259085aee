/**
 * The samlad bild's figures from its insatser: the report's rules, pure, so the disclosure tests
 * (an integer-programming reader over many filters) run the very function the server runs.
 * Every figure passes the disclosure module (domain/disclosure/publish.ts).
 */
import { daysBetween, median } from "../clocks";
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import { AGE_GROUPS, type AgeGroup, daysDecisionToStart, followUpInTime, planState } from "./rules";
import type { EvidenceStatus, GoalAttainment } from "./vocabulary";

export type Gender = "pojke" | "flicka" | "other";

/** One insats with everything the figures are computed from (dates as Stockholm days). */
export interface SamladBildItem {
  /** The insats's cell key and its young person's (record-keys.ts). */
  key: number;
  personKey: number;
  personId: string;
  gender: Gender;
  ageGroup: AgeGroup;
  catalogueId: string;
  evidenceStatus: EvidenceStatus;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  planDueDays: number;
  firstSignedOn: string | null;
  followUpDates: string[];
  followUps: { dueOn: string | null; doneOn: string; results: { attainment: GoalAttainment }[] }[];
}

export type SamladBildFigures = {
  youngPeople: number | null;
  started: number | null;
  ongoing: number | null;
  ended: number | null;
  medianLengthDays: number | null;
  medianDaysDecisionToStart: number | null;
  meanDaysDecisionToStart: number | null;
  planInTimeShare: number | null;
  followUpInTimeShare: number | null;
  goalsReachedShare: number | null;
  advisedAgainst: number | null;
};

export interface SamladBildBreakdown {
  all: SamladBildFigures;
  pojke: SamladBildFigures;
  flicka: SamladBildFigures;
  other: SamladBildFigures;
  byAgeGroup: (SamladBildFigures & { ageGroup: AgeGroup })[];
}

/** One insats's contribution to every group it is in, computed once (an insats is in about seven groups). */
interface Prepared {
  item: SamladBildItem;
  started: boolean;
  ongoing: boolean;
  ended: boolean;
  /** Of a started insats: its plan state when settled ("not_due" is null). */
  planState: "ok" | "late" | "missing" | null;
  followUpsDue: number;
  followUpsInTime: number;
  goalsAssessed: number;
  goalsReached: number;
  lengthDays: number | null;
  daysDecisionToStart: number | null;
}

function prepare(i: SamladBildItem, from: string, to: string, asOf: string): Prepared {
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= to;
  const started = inPeriod(i.startedOn);
  const ended = inPeriod(i.endedOn);
  const state = started
    ? planState({
        startDate: i.startedOn,
        signedOn: i.firstSignedOn !== null && i.firstSignedOn <= asOf ? i.firstSignedOn : null,
        today: asOf,
        days: i.planDueDays,
      })
    : "not_due";

  let followUpsDue = 0;
  let followUpsInTime = 0;
  const dates = new Set([...i.followUpDates, ...i.followUps.flatMap((f) => (f.dueOn ? [f.dueOn] : []))]);
  for (const due of dates) {
    if (!inPeriod(due)) continue;
    const done = i.followUps
      .filter((f) => f.dueOn === due)
      .map((f) => f.doneOn)
      .sort()[0];
    const inTime = followUpInTime(due, done ?? null, asOf);
    if (inTime === null) continue;
    followUpsDue += 1;
    if (inTime) followUpsInTime += 1;
  }
  let goalsAssessed = 0;
  let goalsReached = 0;
  for (const f of i.followUps) {
    if (!inPeriod(f.doneOn)) continue;
    for (const r of f.results) {
      if (r.attainment === "ej_bedomt") continue;
      goalsAssessed += 1;
      if (r.attainment === "uppnatt") goalsReached += 1;
    }
  }
  return {
    item: i,
    started,
    ongoing: i.startedOn <= to && (i.endedOn === null || i.endedOn > to),
    ended,
    planState: state === "not_due" ? null : state,
    followUpsDue,
    followUpsInTime,
    goalsAssessed,
    goalsReached,
    lengthDays: ended ? daysBetween(i.startedOn, i.endedOn as string) : null,
    daysDecisionToStart: started ? daysDecisionToStart(i.decidedOn, i.startedOn) : null,
  };
}

/** A group's true values, before anything is published. */
interface Raw {
  youngPeople: Tally;
  started: Tally;
  ongoing: Tally;
  ended: Tally;
  advisedAgainst: Tally;
  plansSettled: Tally;
  plansOk: Tally;
  followUpsDue: Tally;
  followUpsInTime: Tally;
  goalsAssessed: Tally;
  goalsReached: Tally;
  lengths: number[];
  toStart: number[];
  toStartCell: Tally;
}

function raw(items: readonly Prepared[]): Raw {
  const r: Raw = {
    youngPeople: new Tally(),
    started: new Tally(),
    ongoing: new Tally(),
    ended: new Tally(),
    advisedAgainst: new Tally(),
    plansSettled: new Tally(),
    plansOk: new Tally(),
    followUpsDue: new Tally(),
    followUpsInTime: new Tally(),
    goalsAssessed: new Tally(),
    goalsReached: new Tally(),
    lengths: [],
    toStart: [],
    toStartCell: new Tally(),
  };
  const people = new Set<string>();
  for (const p of items) {
    const k = p.item.key;
    if (!people.has(p.item.personId)) {
      people.add(p.item.personId);
      r.youngPeople.add(p.item.personKey);
    }
    if (p.started) r.started.add(k);
    if (p.ongoing) r.ongoing.add(k);
    if (p.ended) r.ended.add(k);
    if (p.planState !== null) {
      r.plansSettled.add(k);
      if (p.planState === "ok") r.plansOk.add(k);
    }
    if (p.followUpsDue) r.followUpsDue.add(k, p.followUpsDue);
    if (p.followUpsInTime) r.followUpsInTime.add(k, p.followUpsInTime);
    if (p.goalsAssessed) r.goalsAssessed.add(k, p.goalsAssessed);
    if (p.goalsReached) r.goalsReached.add(k, p.goalsReached);
    if (p.item.evidenceStatus === "avrads") r.advisedAgainst.add(k);
    if (p.lengthDays !== null) r.lengths.push(p.lengthDays);
    if (p.daysDecisionToStart !== null) {
      r.toStart.push(p.daysDecisionToStart);
      r.toStartCell.add(k);
    }
  }
  return r;
}

const spread = (values: readonly number[]) => (values.length ? Math.max(...values) - Math.min(...values) : 0);

/**
 * A group's published figures. `parents` are the groups it is shown beside as a part (its
 * breakdown's "all", the total's same group): a statistic needs a large enough complement in each.
 */
function publish(r: Raw, parents: readonly Raw[], p: Publisher): SamladBildFigures {
  const lengthMargins = parents.map((p) => p.lengths.length);
  const toStartMargins = parents.map((p) => p.toStart.length);
  return {
    youngPeople: p.count(r.youngPeople),
    started: p.count(r.started),
    ongoing: p.count(r.ongoing),
    ended: p.count(r.ended),
    medianLengthDays: p.statistic(median(r.lengths), r.lengths.length, { decimals: 0, margins: lengthMargins }),
    medianDaysDecisionToStart: p.statistic(median(r.toStart), r.toStart.length, { decimals: 0, margins: toStartMargins }),
    meanDaysDecisionToStart: p.mean(r.toStart, r.toStartCell, {
      range: spread(r.toStart),
      decimals: 1,
      margins: toStartMargins,
    }),
    planInTimeShare: p.share(r.plansOk, r.plansSettled),
    followUpInTimeShare: p.share(r.followUpsInTime, r.followUpsDue),
    goalsReachedShare: p.share(r.goalsReached, r.goalsAssessed),
    advisedAgainst: p.count(r.advisedAgainst),
  };
}

interface RawBreakdown {
  all: Raw;
  pojke: Raw;
  flicka: Raw;
  other: Raw;
  byAgeGroup: Raw[];
}

function rawBreakdown(items: readonly Prepared[]): RawBreakdown {
  return {
    all: raw(items),
    pojke: raw(items.filter((p) => p.item.gender === "pojke")),
    flicka: raw(items.filter((p) => p.item.gender === "flicka")),
    other: raw(items.filter((p) => p.item.gender === "other")),
    byAgeGroup: AGE_GROUPS.map((g) => raw(items.filter((p) => p.item.ageGroup === g))),
  };
}

/** Publishes a breakdown; `total` is the report's total when this is one insats's breakdown. */
function publishBreakdown(b: RawBreakdown, total: RawBreakdown | null, p: Publisher): SamladBildBreakdown {
  const up = (r: Raw | undefined) => (total && r ? [r] : []);
  return {
    all: publish(b.all, up(total?.all), p),
    pojke: publish(b.pojke, [b.all, ...up(total?.pojke)], p),
    flicka: publish(b.flicka, [b.all, ...up(total?.flicka)], p),
    other: publish(b.other, [b.all, ...up(total?.other)], p),
    byAgeGroup: AGE_GROUPS.map((ageGroup, i) => ({
      ageGroup,
      ...publish(b.byAgeGroup[i] as Raw, [b.all, ...up(total?.byAgeGroup[i])], p),
    })),
  };
}

const EMPTY: SamladBildFigures = {
  youngPeople: null,
  started: null,
  ongoing: null,
  ended: null,
  medianLengthDays: null,
  medianDaysDecisionToStart: null,
  meanDaysDecisionToStart: null,
  planInTimeShare: null,
  followUpInTimeShare: null,
  goalsReachedShare: null,
  advisedAgainst: null,
};

function hiddenBreakdown(): SamladBildBreakdown {
  return {
    all: { ...EMPTY },
    pojke: { ...EMPTY },
    flicka: { ...EMPTY },
    other: { ...EMPTY },
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, ...EMPTY })),
  };
}

/**
 * Counts that add up over the groups. A person with insatser at two ages is in two age groups, so
 * young people by age add up to at least the total: protecting them as if exact errs towards hiding.
 * Across insatser they do not add up at all (one person, several insatser) and are left out there.
 */
const PART_COUNTS = ["youngPeople", "started", "ongoing", "ended", "advisedAgainst"] as const;
const INSATS_COUNTS = ["started", "ongoing", "ended", "advisedAgainst"] as const;

/** Secondary suppression over every sum of the report: genders, age groups and insatser (SumTable). */
function protectCounts(total: SamladBildBreakdown, entries: SamladBildBreakdown[]): void {
  const table = new SumTable();
  for (const b of [total, ...entries]) {
    for (const key of PART_COUNTS) {
      table.sum(key, b.all, [b.pojke, b.flicka, b.other]);
      table.sum(key, b.all, b.byAgeGroup);
    }
  }
  for (const key of INSATS_COUNTS) {
    for (const group of ["all", "pojke", "flicka", "other"] as const) {
      table.sum(
        key,
        total[group],
        entries.map((e) => e[group]),
      );
    }
    total.byAgeGroup.forEach((age, i) => {
      table.sum(
        key,
        age,
        entries.map((e) => e.byAgeGroup[i] as SamladBildBreakdown["byAgeGroup"][number]),
      );
    });
  }
  table.protect();
}

/**
 * The figures of the insatser for the period [from, to], evaluated as of `asOf` (the period's last
 * day, or today when the period is not yet over):
 * - the population is every insats running at some time in the period (started on or before `to`,
 *   not ended before `from`); youngPeople counts its distinct persons;
 * - started: start in [from, to]; ongoing: started and not ended at `to`; ended: end in [from, to];
 * - medianLengthDays: start → end of the ended; median and mean days decision → start of the started;
 * - planInTimeShare: of the insatser started in the period, those whose plan state (planState with
 *   the district's plan_due_days, the first signature counted only when made by `asOf`) is "ok",
 *   out of those whose state is settled ("ok", "late" or "missing"; "not_due" is left out);
 * - followUpInTimeShare: the follow-ups due in [from, to] — the dates of the plan in force (the
 *   latest signed version) and the due dates answered by recorded follow-ups — counted once per
 *   insats and date; in time when a follow-up answering that date was done on or before it
 *   (followUpInTime); a date still undone and not yet passed at `asOf` is left out;
 * - goalsReachedShare: of the goal results of follow-ups done in [from, to], "uppnått" out of the
 *   assessed ones ("ej_bedomt" left out, as goalAttainmentShare does);
 * - advisedAgainst: insatser of the population whose catalogue entry Socialstyrelsen advises against.
 * Per catalogue entry (`entries`, in the order given) the same breakdown. Every figure through the
 * disclosure module, then secondary suppression over the report's sums; a population below
 * MIN_POPULATION hides everything (`protectedWhole`).
 */
export function samladBildFigures(
  items: readonly SamladBildItem[],
  entries: readonly string[],
  period: { from: string; to: string; asOf: string },
  publisher: Publisher = disclosure,
): { total: SamladBildBreakdown; byInsats: SamladBildBreakdown[]; protectedWhole: boolean } {
  if (publisher.populationTooSmall(items.length)) {
    return { total: hiddenBreakdown(), byInsats: entries.map(hiddenBreakdown), protectedWhole: true };
  }
  const prepared = items.map((i) => prepare(i, period.from, period.to, period.asOf));
  const rawTotal = rawBreakdown(prepared);
  const total = publishBreakdown(rawTotal, null, publisher);
  const byInsats = entries.map((catalogueId) =>
    publishBreakdown(rawBreakdown(prepared.filter((p) => p.item.catalogueId === catalogueId)), rawTotal, publisher),
  );
  if (publisher.protects) protectCounts(total, byInsats);
  return { total, byInsats, protectedWhole: false };
}
