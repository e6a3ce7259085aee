/**
 * The nämnd's figures on the youth sanctions the social services carry out or take part in:
 * ungdomstjänst (BrB 32 kap. 2 §) and ungdomsövervakning (BrB 32 kap. 3 a §), split by boys/girls.
 * Every figure passes the disclosure module (domain/disclosure/publish.ts), then secondary
 * suppression over the gender sums. Pure, so tests run the very function the server runs.
 *
 * Definitions (a day in [from, to], each judgment counted once per figure):
 * - ungdomstjanst.judged: judgments given in the period;
 * - ungdomstjanst.completed: judgments completed (every judged hour done) in the period;
 * - ungdomstjanst.misconduct: judgments with at least one report of misconduct to the prosecutor
 *   made in the period;
 * - ungdomsovervakning.judged: judgments given in the period;
 * - ungdomsovervakning.followedUp: judgments with a part of the social services' plan followed up
 *   in the period.
 */
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import type { ByGender, Gender } from "./figures";

export interface UngdomstjanstItem {
  /** The judgment's cell key (record-keys.ts). */
  key: number;
  gender: Gender;
  judgmentOn: string;
  completedOn: string | null;
  misconductReportedOn: readonly string[];
}

export interface UngdomsovervakningItem {
  key: number;
  gender: Gender;
  judgmentOn: string;
  followedUpOn: readonly string[];
}

export interface SanctionFigures {
  ungdomstjanst: {
    judged: ByGender<number | null>;
    completed: ByGender<number | null>;
    misconduct: ByGender<number | null>;
  };
  ungdomsovervakning: { judged: ByGender<number | null>; followedUp: ByGender<number | null> };
  /** The filter left too few records: every figure is hidden. */
  protectedWhole: boolean;
}

const GENDERS = ["pojke", "flicka", "other"] as const;
type Box = { v: number | null };
const tallies = (): ByGender<Tally> => ({ all: new Tally(), pojke: new Tally(), flicka: new Tally(), other: new Tally() });
const inPeriod = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;

function add(g: ByGender<Tally>, gender: Gender, key: number) {
  g.all.add(key);
  g[gender].add(key);
}

export function sanctionFigures(
  ungdomstjanst: readonly UngdomstjanstItem[],
  ungdomsovervakning: readonly UngdomsovervakningItem[],
  period: { from: string; to: string },
  publisher: Publisher = disclosure,
): SanctionFigures {
  const { from, to } = period;
  const raw = {
    utJudged: tallies(),
    utCompleted: tallies(),
    utMisconduct: tallies(),
    uoJudged: tallies(),
    uoFollowedUp: tallies(),
  };
  for (const u of ungdomstjanst) {
    if (inPeriod(u.judgmentOn, from, to)) add(raw.utJudged, u.gender, u.key);
    if (inPeriod(u.completedOn, from, to)) add(raw.utCompleted, u.gender, u.key);
    if (u.misconductReportedOn.some((d) => inPeriod(d, from, to))) add(raw.utMisconduct, u.gender, u.key);
  }
  for (const o of ungdomsovervakning) {
    if (inPeriod(o.judgmentOn, from, to)) add(raw.uoJudged, o.gender, o.key);
    if (o.followedUpOn.some((d) => inPeriod(d, from, to))) add(raw.uoFollowedUp, o.gender, o.key);
  }

  const records = raw.utJudged.all.n + raw.utCompleted.all.n + raw.utMisconduct.all.n + raw.uoJudged.all.n;
  const protectedWhole = publisher.populationTooSmall(records);
  const publish = (g: ByGender<Tally>): ByGender<Box> => ({
    all: { v: protectedWhole ? null : publisher.count(g.all) },
    pojke: { v: protectedWhole ? null : publisher.count(g.pojke) },
    flicka: { v: protectedWhole ? null : publisher.count(g.flicka) },
    other: { v: protectedWhole ? null : publisher.count(g.other) },
  });
  const boxed = {
    utJudged: publish(raw.utJudged),
    utCompleted: publish(raw.utCompleted),
    utMisconduct: publish(raw.utMisconduct),
    uoJudged: publish(raw.uoJudged),
    uoFollowedUp: publish(raw.uoFollowedUp),
  };
  // Secondary suppression: boys + girls + other = all, in every figure.
  const table = new SumTable();
  for (const g of Object.values(boxed)) {
    table.sum(
      "v",
      g.all,
      GENDERS.map((k) => g[k]),
    );
  }
  table.protect();
  const unbox = (g: ByGender<Box>): ByGender<number | null> => ({
    all: g.all.v,
    pojke: g.pojke.v,
    flicka: g.flicka.v,
    other: g.other.v,
  });
  return {
    ungdomstjanst: {
      judged: unbox(boxed.utJudged),
      completed: unbox(boxed.utCompleted),
      misconduct: unbox(boxed.utMisconduct),
    },
    ungdomsovervakning: { judged: unbox(boxed.uoJudged), followedUp: unbox(boxed.uoFollowedUp) },
    protectedWhole,
  };
}
