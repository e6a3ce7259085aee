import type { InstrumentDefinition } from "./definition";
import type { Answers, Score } from "./scoring";

export interface Change {
  before: number;
  after: number;
  change: number;
}

export interface OptionalChange {
  before: number | null;
  after: number | null;
  change: number | null;
}

export interface Comparison {
  items: ({ id: string } & OptionalChange)[];
  domains: ({ id: string } & Change)[];
  riskTotal: Change;
  protectiveTotal: Change;
  tScore: OptionalChange | null;
}

// T-scores carry one decimal; rounding keeps 55.3 − 50.1 from showing as 5.199999.
const round1 = (x: number) => Math.round(x * 10) / 10;

function optional(before: number | null, after: number | null): OptionalChange {
  return { before, after, change: before === null || after === null ? null : round1(after - before) };
}

function valueOf(answers: Answers, id: string): number | null {
  if (!Object.hasOwn(answers, id)) return null;
  return answers[id] ?? null;
}

/**
 * Follow-up view: what moved between two assessments with the same definition.
 * A domain's figure is risk + protective (instruments keep one direction per domain, so this is
 * simply the domain sum); the direction-aware figures are the two totals.
 */
export function compareScores(
  def: InstrumentDefinition,
  previous: { answers: Answers; score: Score },
  current: { answers: Answers; score: Score },
): Comparison {
  // GAS goals belong to the case, so take them from the answers, earlier goals first.
  const ids =
    def.kind === "gas"
      ? [...new Set([...Object.keys(previous.answers), ...Object.keys(current.answers)])]
      : def.items.map((item) => item.id);
  const items = ids.map((id) => ({ id, ...optional(valueOf(previous.answers, id), valueOf(current.answers, id)) }));

  const domains = def.domains.map((d) => {
    const total = (s: Score) => {
      const found = s.domains.find((x) => x.id === d.id);
      return found ? found.risk + found.protective : 0;
    };
    const before = total(previous.score);
    const after = total(current.score);
    return { id: d.id, before, after, change: after - before };
  });

  const change = (f: (s: Score) => number): Change => {
    const before = f(previous.score);
    const after = f(current.score);
    return { before, after, change: after - before };
  };

  return {
    items,
    domains,
    riskTotal: change((s) => s.riskTotal),
    protectiveTotal: change((s) => s.protectiveTotal),
    tScore: def.kind === "gas" ? optional(previous.score.tScore, current.score.tScore) : null,
  };
}
