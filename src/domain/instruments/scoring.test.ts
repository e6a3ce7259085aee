import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InstrumentDefinition, instrumentDefinitionSchema } from "./definition";
import { gasTScore } from "./gas";
import { type Answers, answerIssues, bandFor, score } from "./scoring";
import { gasDefinition, rawDefinition, testDefinition } from "./testing";

describe("scoring by hand", () => {
  const def = testDefinition();

  it("sums risk and protective items per domain and picks the band", () => {
    const s = score(def, { H1: 2, H2: 1, H3: null, P1: 1 });
    expect(s.domains).toEqual([
      { id: "H", label: "Historiska", risk: 3, protective: 0, answered: 2, items: 3 },
      { id: "P", label: "Skyddande", risk: 0, protective: 1, answered: 1, items: 1 },
    ]);
    expect(s).toMatchObject({
      riskTotal: 3,
      protectiveTotal: 1,
      answered: 3,
      items: 4,
      band: { id: "mattlig", label: "Måttlig" },
    });
    expect(s.critical).toEqual(["H1"]);
    expect(s.tScore).toBeNull();
  });

  it("does not flag a critical item answered at the scale minimum", () => {
    expect(score(def, { H1: 0 }).critical).toEqual([]);
  });

  it("ignores unknown and off-scale answers", () => {
    const s = score(def, { H1: 7, X9: 2, toString: 1 });
    expect(s).toMatchObject({ riskTotal: 0, answered: 0 });
  });

  it("has no band below the first threshold or without bands", () => {
    expect(bandFor(testDefinition({ bands: [{ id: "a", label: "A", min: 1 }] }), 0)).toBeNull();
    expect(bandFor(testDefinition({ bands: [] }), 10)).toBeNull();
    expect(bandFor(def, 4)).toEqual({ id: "hog", label: "Hög" });
    expect(bandFor(def, 100)).toEqual({ id: "hog", label: "Hög" });
  });

  it("scores GAS goals as a sum and a T-score", () => {
    const s = score(gasDefinition(), { g1: 2, g2: 2, g3: 2 });
    expect(s).toMatchObject({ domains: [], riskTotal: 6, protectiveTotal: 0, answered: 3, items: 3, tScore: 77.4 });
  });
});

describe("answer issues", () => {
  const def = testDefinition();

  it("reports values off the item's scale", () => {
    expect(answerIssues(def, { H1: 5 }, { requireAll: false })).toEqual([
      { path: "answers.H1", message: "value 5 is not on the scale 0, 1, 2" },
    ]);
  });

  it("reports unknown items", () => {
    expect(answerIssues(def, { X1: 0 }, { requireAll: false })).toEqual([{ path: "answers.X1", message: 'unknown item "X1"' }]);
  });

  it("reports unanswered required items only when all are required", () => {
    expect(answerIssues(def, { H1: 0 }, { requireAll: false })).toEqual([]);
    expect(answerIssues(def, { H1: 0, H2: null }, { requireAll: true })).toEqual([
      { path: "answers.H2", message: "required item not answered" },
      { path: "answers.P1", message: "required item not answered" },
    ]);
  });

  it("checks GAS goals against −2…+2 and the goal count", () => {
    const gas = gasDefinition();
    expect(answerIssues(gas, { a: -2, b: 2, c: 3, d: 0.5 }, { requireAll: false }).map((i) => i.path)).toEqual([
      "answers.c",
      "answers.d",
    ]);
    expect(answerIssues(gas, {}, { requireAll: true })).toEqual([{ path: "answers", message: "at least 1 goals are needed" }]);
    expect(answerIssues(gas, { a: null }, { requireAll: true })).toEqual([{ path: "answers.a", message: "goal not scored" }]);
  });
});

/** Random valid item definitions: 1-4 domains of 1-4 items, mixed scales and directions. */
const definitionArb: fc.Arbitrary<InstrumentDefinition> = fc
  .record({
    domains: fc.array(
      fc.array(
        fc.record({
          scale: fc.uniqueArray(fc.integer({ min: -3, max: 20 }), { minLength: 2, maxLength: 11 }),
          direction: fc.constantFrom("risk", "protective"),
          critical: fc.boolean(),
          required: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    bands: fc.uniqueArray(fc.integer({ min: -10, max: 60 }), { maxLength: 5 }),
  })
  .map(({ domains, bands }) =>
    instrumentDefinitionSchema.parse(
      rawDefinition({
        domains: domains.map((_, d) => ({ id: `D${d}`, label: `Domän ${d}` })),
        items: domains.flatMap((items, d) =>
          items.map((it, i) => ({
            id: `D${d}.${i}`,
            domain: `D${d}`,
            label: `D${d}.${i}`,
            scale: { values: [...it.scale].sort((a, b) => a - b) },
            direction: it.direction,
            critical: it.critical,
            required: it.required,
          })),
        ),
        bands: [...bands].sort((a, b) => a - b).map((min, i) => ({ id: `b${i}`, label: `Nivå ${i}`, min })),
      }),
    ),
  );

/** A definition with answers for a random subset of its items, each on the item's scale. */
const answeredArb = definitionArb.chain((def) =>
  fc
    .tuple(...def.items.map((item) => fc.option(fc.constantFrom(...item.scale.values), { nil: null })))
    .map((values) => ({ def, answers: Object.fromEntries(def.items.map((item, i) => [item.id, values[i]])) as Answers })),
);

const bandIndex = (def: InstrumentDefinition, total: number) => {
  const band = bandFor(def, total);
  return band ? def.bands.findIndex((b) => b.id === band.id) : -1;
};

describe("scoring properties", () => {
  it("totals equal the domain sums and the answered values by direction", () => {
    fc.assert(
      fc.property(answeredArb, ({ def, answers }) => {
        const s = score(def, answers);
        expect(s.riskTotal).toBe(s.domains.reduce((a, d) => a + d.risk, 0));
        expect(s.protectiveTotal).toBe(s.domains.reduce((a, d) => a + d.protective, 0));
        const byDirection = (dir: string) =>
          def.items.filter((i) => i.direction === dir).reduce((a, i) => a + (answers[i.id] ?? 0), 0);
        expect(s.riskTotal).toBe(byDirection("risk"));
        expect(s.protectiveTotal).toBe(byDirection("protective"));
        expect(s.answered).toBe(Object.values(answers).filter((v) => v !== null).length);
        expect(s.items).toBe(def.items.length);
      }),
    );
  });

  it("valid answers never raise issues unless required items are missing", () => {
    fc.assert(
      fc.property(answeredArb, ({ def, answers }) => {
        expect(answerIssues(def, answers, { requireAll: false })).toEqual([]);
        const missing = def.items.filter((i) => i.required && answers[i.id] === null).map((i) => `answers.${i.id}`);
        expect(answerIssues(def, answers, { requireAll: true }).map((i) => i.path)).toEqual(missing);
      }),
    );
  });

  it("ignores unanswered items: dropping them changes nothing", () => {
    fc.assert(
      fc.property(answeredArb, ({ def, answers }) => {
        const answeredOnly = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null));
        expect(score(def, answeredOnly)).toEqual(score(def, answers));
      }),
    );
  });

  it("bands are monotone in the risk total", () => {
    fc.assert(
      fc.property(definitionArb, fc.integer({ min: -20, max: 80 }), fc.integer({ min: 0, max: 80 }), (def, a, step) => {
        expect(bandIndex(def, a)).toBeLessThanOrEqual(bandIndex(def, a + step));
      }),
    );
  });
});

describe("GAS properties", () => {
  const goals = fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 1, maxLength: 10 });

  it("gives 50 when every goal is met as expected", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (n, rho) => {
        expect(gasTScore(Array(n).fill(0), undefined, rho)).toBe(50);
      }),
    );
  });

  it("rises when any goal score rises", () => {
    fc.assert(
      fc.property(goals, fc.nat(), (scores, pick) => {
        const i = pick % scores.length;
        fc.pre((scores[i] as number) < 2);
        const better = scores.map((x, j) => (j === i ? x + 1 : x));
        expect(gasTScore(better) as number).toBeGreaterThan(gasTScore(scores) as number);
      }),
    );
  });
});
