/**
 * The nämnd's figures for young offenders and compulsory care: LUL yttranden (how many were asked
 * for, by boys/girls, age and requester, and how many were sent by the day asked) and LVU (how many
 * omedelbara omhändertaganden, whether the 7 § and 8 § clocks were kept, how many lapsed). Every
 * figure passes the disclosure module (domain/disclosure/publish.ts), then secondary suppression
 * over the sums a reader can form. Pure, so tests run the very function the server runs.
 *
 * Definitions:
 * - requested: yttranden whose request day (askedOn) is in the period; age is the age on that day.
 * - timeliness: yttranden whose due day is in the period, each "within" (sent by the due day),
 *   "late", "overdue" (not sent and the day has passed) or "pending" (not sent, still running), as
 *   of the report's day (indicators/clock-outcome.ts); the share is within / (within+late+overdue).
 * - omedelbara: omedelbara omhändertaganden decided in the period.
 * - understallning / ansokan: the 7 § and 8 § clocks whose last day is in the period, outcome as
 *   above; a clock stopped because the omhändertagande ended first (upphävt, lapsed under 7 §) is
 *   not counted.
 * - lapsed: omhändertaganden that lapsed (7 § or 9 §) on a day in the period.
 */
import type { Deadline } from "../clocks";
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import { type ClockOutcome, clockOutcome } from "../indicators/clock-outcome";
import { AGE_GROUPS, type AgeGroup } from "../interventions/rules";
import { YTTRANDE_REQUESTERS, type YttrandeRequester, yttrandeCompletedAt, yttrandeDeadline } from "../lul/yttrande";
import { foldSteps, lvuClocks, omhandertagandeStatus, type ProcessFacts, type RecordedStep } from "../lvu/process";
import { stockholmDate } from "../time";

export type Gender = "pojke" | "flicka" | "other";
const GENDERS = ["pojke", "flicka", "other"] as const;

export interface YttrandeItem {
  /** The yttrande's cell key (record-keys.ts). */
  key: number;
  gender: Gender;
  ageGroup: AgeGroup;
  requester: YttrandeRequester;
  askedOn: string;
  dueOn: string;
  sentOn: string | null;
}

export interface LvuItem {
  /** The process's cell key. */
  key: number;
  gender: Gender;
  facts: ProcessFacts;
  steps: RecordedStep[];
}

export interface Outcome {
  settled: number | null;
  within: number | null;
  late: number | null;
  overdue: number | null;
  pending: number | null;
  share: number | null;
}
export interface ByGender<T> {
  all: T;
  pojke: T;
  flicka: T;
  other: T;
}

export interface YoungOffenderFigures {
  yttranden: {
    requested: ByGender<number | null>;
    byAgeGroup: { ageGroup: AgeGroup; count: number | null }[];
    byRequester: { requester: YttrandeRequester; count: number | null }[];
    /** Yttranden due in the period. */
    due: ByGender<number | null>;
    timeliness: ByGender<Outcome>;
  };
  lvu: {
    omedelbara: ByGender<number | null>;
    understallning: ByGender<Outcome>;
    ansokan: ByGender<Outcome>;
    lapsed: ByGender<number | null>;
  };
  /** The filter left too few records: every figure is hidden. */
  protectedWhole: boolean;
}

// ── True values ──────────────────────────────────────────────────────────────────────────────────

interface RawOutcome {
  settled: Tally;
  within: Tally;
  late: Tally;
  overdue: Tally;
  pending: Tally;
}
const rawOutcome = (): RawOutcome => ({
  settled: new Tally(),
  within: new Tally(),
  late: new Tally(),
  overdue: new Tally(),
  pending: new Tally(),
});
function countOutcome(o: RawOutcome, outcome: ClockOutcome, key: number) {
  o[outcome].add(key);
  if (outcome !== "pending") o.settled.add(key);
}
const byGender = <T>(make: () => T): ByGender<T> => ({ all: make(), pojke: make(), flicka: make(), other: make() });
/** The group "all" and the person's own gender group. */
const groupsOf = <T>(g: ByGender<T>, gender: Gender): T[] => [g.all, g[gender]];

// ── Published values (boxed so SumTable can tie them) ────────────────────────────────────────────

type Box = { v: number | null };
type BoxedOutcome = Record<"settled" | "within" | "late" | "overdue" | "pending", Box> & { share: number | null };

function publishOutcome(o: RawOutcome, p: Publisher): BoxedOutcome {
  return {
    settled: { v: p.count(o.settled) },
    within: { v: p.count(o.within) },
    late: { v: p.count(o.late) },
    overdue: { v: p.count(o.overdue) },
    pending: { v: p.count(o.pending) },
    share: p.share(o.within, o.settled),
  };
}
const unboxOutcome = (o: BoxedOutcome): Outcome => ({
  settled: o.settled.v,
  within: o.within.v,
  late: o.late.v,
  overdue: o.overdue.v,
  pending: o.pending.v,
  share: o.share,
});
function mapGender<T, U>(g: ByGender<T>, f: (t: T) => U): ByGender<U> {
  return { all: f(g.all), pojke: f(g.pojke), flicka: f(g.flicka), other: f(g.other) };
}

const inPeriod = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;

/**
 * The figures for [from, to] ('YYYY-MM-DD') as of `asOf` (the report's instant: the clocks are
 * judged then, and nothing recorded after it counts as done).
 */
export function youngOffenderFigures(
  yttranden: readonly YttrandeItem[],
  processes: readonly LvuItem[],
  period: { from: string; to: string; asOf: Date },
  publisher: Publisher = disclosure,
): YoungOffenderFigures {
  const { from, to, asOf } = period;
  const today = stockholmDate(asOf);

  const requested = byGender(() => new Tally());
  const byAge = new Map<AgeGroup, Tally>(AGE_GROUPS.map((a) => [a, new Tally()]));
  const byRequester = new Map<YttrandeRequester, Tally>(YTTRANDE_REQUESTERS.map((r) => [r, new Tally()]));
  const due = byGender(() => new Tally());
  const timeliness = byGender(rawOutcome);
  for (const y of yttranden) {
    if (inPeriod(y.askedOn, from, to)) {
      for (const t of groupsOf(requested, y.gender)) t.add(y.key);
      byAge.get(y.ageGroup)?.add(y.key);
      byRequester.get(y.requester)?.add(y.key);
    }
    if (inPeriod(y.dueOn, from, to)) {
      const outcome = clockOutcome(yttrandeDeadline(y.dueOn), yttrandeCompletedAt(y.sentOn), asOf);
      for (const t of groupsOf(due, y.gender)) t.add(y.key);
      for (const o of groupsOf(timeliness, y.gender)) countOutcome(o, outcome, y.key);
    }
  }

  const omedelbara = byGender(() => new Tally());
  const understallning = byGender(rawOutcome);
  const ansokan = byGender(rawOutcome);
  const lapsed = byGender(() => new Tally());
  for (const p of processes) {
    // Only what was recorded by the report's day counts.
    const state = foldSteps(p.steps.filter((s) => stepRecordedBy(s, today)));
    const o = state.omedelbart;
    if (!o) continue;
    if (inPeriod(o.decidedOn, from, to)) for (const t of groupsOf(omedelbara, p.gender)) t.add(p.key);
    for (const clock of lvuClocks(p.facts, state, today)) {
      if (clock.stoppedBecause !== null || !inPeriod(clock.deadline.dueDate, from, to)) continue;
      const target = clock.kind === "lvu_understallning" ? understallning : clock.kind === "lvu_ansokan" ? ansokan : null;
      if (!target) continue;
      const outcome = clockOutcome(clock.deadline as Deadline, clock.completedAt, asOf);
      for (const g of groupsOf(target, p.gender)) countOutcome(g, outcome, p.key);
    }
    const lapse = omhandertagandeStatus(state, today).lapses[0];
    if (lapse && inPeriod(lapse.from, from, to)) for (const t of groupsOf(lapsed, p.gender)) t.add(p.key);
  }

  const records = requested.all.n + due.all.n + omedelbara.all.n + understallning.all.settled.n + ansokan.all.settled.n;
  const protectedWhole = publisher.populationTooSmall(records);
  const count = (t: Tally): Box => ({ v: protectedWhole ? null : publisher.count(t) });
  const outcome = (o: RawOutcome): BoxedOutcome => {
    const b = publishOutcome(o, publisher);
    if (!protectedWhole) return b;
    return {
      settled: { v: null },
      within: { v: null },
      late: { v: null },
      overdue: { v: null },
      pending: { v: null },
      share: null,
    };
  };

  const boxed = {
    requested: mapGender(requested, count),
    byAge: AGE_GROUPS.map((a) => ({ ageGroup: a, box: count(byAge.get(a) as Tally) })),
    byRequester: YTTRANDE_REQUESTERS.map((r) => ({ requester: r, box: count(byRequester.get(r) as Tally) })),
    due: mapGender(due, count),
    timeliness: mapGender(timeliness, outcome),
    omedelbara: mapGender(omedelbara, count),
    understallning: mapGender(understallning, outcome),
    ansokan: mapGender(ansokan, outcome),
    lapsed: mapGender(lapsed, count),
  };

  // Secondary suppression over every sum a reader can form.
  const table = new SumTable();
  const genders = <T extends object>(g: ByGender<T>, pick: (t: T) => Box) =>
    table.sum(
      "v",
      pick(g.all),
      GENDERS.map((k) => pick(g[k])),
    );
  for (const g of [boxed.requested, boxed.due, boxed.omedelbara, boxed.lapsed]) genders(g, (b) => b);
  table.sum(
    "v",
    boxed.requested.all,
    boxed.byAge.map((a) => a.box),
  );
  table.sum(
    "v",
    boxed.requested.all,
    boxed.byRequester.map((r) => r.box),
  );
  const outcomes: [ByGender<BoxedOutcome>, ByGender<Box> | null][] = [
    [boxed.timeliness, boxed.due],
    [boxed.understallning, null],
    [boxed.ansokan, null],
  ];
  for (const [o, population] of outcomes) {
    for (const k of ["all", ...GENDERS] as const) {
      table.sum("v", o[k].settled, [o[k].within, o[k].late, o[k].overdue]);
      if (population) table.sum("v", population[k], [o[k].settled, o[k].pending]);
    }
    for (const key of ["settled", "within", "late", "overdue", "pending"] as const) genders(o, (x) => x[key]);
  }
  table.protect();
  // A share whose numerator or denominator had to be hidden is hidden with it.
  for (const [o] of outcomes) {
    for (const k of ["all", ...GENDERS] as const) if (o[k].within.v === null || o[k].settled.v === null) o[k].share = null;
  }

  const unbox = (g: ByGender<Box>) => mapGender(g, (b) => b.v);
  return {
    yttranden: {
      requested: unbox(boxed.requested),
      byAgeGroup: boxed.byAge.map((a) => ({ ageGroup: a.ageGroup, count: a.box.v })),
      byRequester: boxed.byRequester.map((r) => ({ requester: r.requester, count: r.box.v })),
      due: unbox(boxed.due),
      timeliness: mapGender(boxed.timeliness, unboxOutcome),
    },
    lvu: {
      omedelbara: unbox(boxed.omedelbara),
      understallning: mapGender(boxed.understallning, unboxOutcome),
      ansokan: mapGender(boxed.ansokan, unboxOutcome),
      lapsed: unbox(boxed.lapsed),
    },
    protectedWhole,
  };
}

/** A step counts as of a day when it happened by then (its own day, or for an application the day it reached the court). */
function stepRecordedBy(step: RecordedStep, today: string): boolean {
  const day = step.kind === "ansokan" ? step.submittedOn : "on" in step ? step.on : stockholmDate(step.decidedAt);
  return day <= today;
}
