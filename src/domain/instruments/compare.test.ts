import { describe, expect, it } from "vitest";
import { compareScores } from "./compare";
import { type Answers, score } from "./scoring";
import { gasDefinition, testDefinition } from "./testing";

const scored = (def: ReturnType<typeof testDefinition>, answers: Answers) => ({ answers, score: score(def, answers) });

describe("comparing two assessments", () => {
  const def = testDefinition();

  it("shows the change item by item, null where either side is unanswered", () => {
    const c = compareScores(def, scored(def, { H1: 2, H2: 1, P1: 0 }), scored(def, { H1: 1, H2: 1, H3: 2, P1: 1 }));
    expect(c.items).toEqual([
      { id: "H1", before: 2, after: 1, change: -1 },
      { id: "H2", before: 1, after: 1, change: 0 },
      { id: "H3", before: null, after: 2, change: null },
      { id: "P1", before: 0, after: 1, change: 1 },
    ]);
  });

  it("shows the change per domain and in the totals", () => {
    const c = compareScores(def, scored(def, { H1: 2, H2: 2, H3: 2, P1: 0 }), scored(def, { H1: 1, H2: 0, H3: 0, P1: 1 }));
    expect(c.domains).toEqual([
      { id: "H", before: 6, after: 1, change: -5 },
      { id: "P", before: 0, after: 1, change: 1 },
    ]);
    expect(c.riskTotal).toEqual({ before: 6, after: 1, change: -5 });
    expect(c.protectiveTotal).toEqual({ before: 0, after: 1, change: 1 });
    expect(c.tScore).toBeNull();
  });

  it("compares GAS goals and T-scores, including goals added later", () => {
    const gas = gasDefinition();
    const c = compareScores(gas, scored(gas, { a: -1, b: 0 }), scored(gas, { a: 1, b: 0, c: 2 }));
    expect(c.items).toEqual([
      { id: "a", before: -1, after: 1, change: 2 },
      { id: "b", before: 0, after: 0, change: 0 },
      { id: "c", before: null, after: 2, change: null },
    ]);
    expect(c.domains).toEqual([]);
    expect(c.riskTotal).toEqual({ before: -1, after: 3, change: 4 });
    const before = score(gas, { a: -1, b: 0 }).tScore as number;
    const after = score(gas, { a: 1, b: 0, c: 2 }).tScore as number;
    expect(c.tScore).toEqual({ before, after, change: Math.round((after - before) * 10) / 10 });
  });
});
