import type { DefinitionIssue, InstrumentDefinition } from "./definition";
import { GAS_MAX, GAS_MIN, gasTScore } from "./gas";

/** Item id (or, for GAS, goal id) → chosen scale value; null/undefined means not (yet) answered. */
export type Answers = Record<string, number | null | undefined>;

export interface Score {
  domains: { id: string; label: string; risk: number; protective: number; answered: number; items: number }[];
  riskTotal: number;
  protectiveTotal: number;
  answered: number;
  items: number;
  band: { id: string; label: string } | null;
  /** Ids of critical items answered above the scale minimum, in definition order. */
  critical: string[];
  /** GAS only. */
  tScore: number | null;
}

type Item = InstrumentDefinition["items"][number];

// Own properties only: an answer keyed "constructor" or "__proto__" must not read the prototype.
function answerOf(answers: Answers, id: string): number | null {
  if (!Object.hasOwn(answers, id)) return null;
  const v = answers[id];
  return v === null || v === undefined ? null : v;
}

function onScale(item: Item, value: number): boolean {
  return item.scale.values.includes(value);
}

function isGasScore(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= GAS_MIN && value <= GAS_MAX;
}

/**
 * Problems with a set of answers, as "answers.<id>" paths. Drafts are saved with requireAll false;
 * completing an assessment uses requireAll true so that no required item is silently left out.
 */
export function answerIssues(
  def: InstrumentDefinition,
  answers: Answers,
  { requireAll }: { requireAll: boolean },
): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  if (def.kind === "gas") {
    const goals = Object.keys(answers);
    for (const id of goals) {
      const v = answers[id];
      if (v === null || v === undefined) {
        if (requireAll) issues.push({ path: `answers.${id}`, message: "goal not scored" });
      } else if (!isGasScore(v)) {
        issues.push({ path: `answers.${id}`, message: `value ${String(v)} is not a GAS score (-2 to +2)` });
      }
    }
    if (requireAll && def.gas) {
      if (goals.length < def.gas.minGoals)
        issues.push({ path: "answers", message: `at least ${def.gas.minGoals} goals are needed` });
      if (goals.length > def.gas.maxGoals)
        issues.push({ path: "answers", message: `at most ${def.gas.maxGoals} goals are allowed` });
    }
    return issues;
  }

  const items = new Map(def.items.map((item) => [item.id, item]));
  for (const id of Object.keys(answers)) {
    if (!items.has(id)) issues.push({ path: `answers.${id}`, message: `unknown item "${id}"` });
  }
  for (const item of def.items) {
    const v = answerOf(answers, item.id);
    if (v === null) {
      if (requireAll && item.required) issues.push({ path: `answers.${item.id}`, message: "required item not answered" });
    } else if (!onScale(item, v)) {
      issues.push({
        path: `answers.${item.id}`,
        message: `value ${String(v)} is not on the scale ${item.scale.values.join(", ")}`,
      });
    }
  }
  return issues;
}

/** The band with the highest threshold at or below the risk total; null below the first band. */
export function bandFor(def: InstrumentDefinition, riskTotal: number): { id: string; label: string } | null {
  let found: { id: string; label: string } | null = null;
  for (const band of def.bands) {
    if (band.min <= riskTotal) found = { id: band.id, label: band.label };
  }
  return found;
}

function scoreGas(def: InstrumentDefinition, answers: Answers): Score {
  // Goals that are unscored or off the −2…+2 scale are left out rather than guessed.
  const goals = Object.keys(answers);
  const scored = goals.map((id) => answerOf(answers, id)).filter(isGasScore);
  const riskTotal = scored.reduce((a, b) => a + b, 0);
  return {
    domains: [],
    riskTotal,
    protectiveTotal: 0,
    answered: scored.length,
    items: goals.length,
    band: bandFor(def, riskTotal),
    critical: [],
    tScore: gasTScore(scored, undefined, def.gas?.rho ?? 0.3),
  };
}

/**
 * Sums answered values per domain, kept apart by direction so protective factors never offset risk.
 * Unanswered, unknown and off-scale answers are ignored: answerIssues is where those are reported.
 */
export function score(def: InstrumentDefinition, answers: Answers): Score {
  if (def.kind === "gas") return scoreGas(def, answers);

  const domains = def.domains.map((d) => ({ id: d.id, label: d.label, risk: 0, protective: 0, answered: 0, items: 0 }));
  const byId = new Map(domains.map((d) => [d.id, d]));
  const critical: string[] = [];
  for (const item of def.items) {
    const domain = byId.get(item.domain);
    if (!domain) continue;
    domain.items += 1;
    const v = answerOf(answers, item.id);
    if (v === null || !onScale(item, v)) continue;
    domain.answered += 1;
    if (item.direction === "protective") domain.protective += v;
    else domain.risk += v;
    if (item.critical && v > (item.scale.values[0] as number)) critical.push(item.id);
  }

  const sum = (f: (d: (typeof domains)[number]) => number) => domains.reduce((a, d) => a + f(d), 0);
  const riskTotal = sum((d) => d.risk);
  return {
    domains,
    riskTotal,
    protectiveTotal: sum((d) => d.protective),
    answered: sum((d) => d.answered),
    items: sum((d) => d.items),
    band: bandFor(def, riskTotal),
    critical,
    tScore: null,
  };
}
