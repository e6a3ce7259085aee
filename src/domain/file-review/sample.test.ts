import { describe, expect, it } from "vitest";
import { drawSample, MAX_SEED, mulberry32 } from "./sample";

const population = (n: number) => Array.from({ length: n }, (_, k) => ({ id: `id-${String(k).padStart(4, "0")}`, n: k }));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and numbers in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("gives another sequence for another seed", () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 5 }, () => a())).not.toEqual(Array.from({ length: 5 }, () => b()));
  });
});

describe("drawSample", () => {
  it("draws the same ids from the same seed and population, whatever order the population comes in", () => {
    const pop = population(200);
    const first = drawSample(pop, 20, 12345);
    const again = drawSample([...pop].reverse(), 20, 12345);
    expect(ids(again.items)).toEqual(ids(first.items));
    expect(first.items).toHaveLength(20);
    expect(new Set(ids(first.items)).size).toBe(20);
    expect(first).toMatchObject({ populationSize: 200, requested: 20, tookAll: false });
  });

  it("draws another sample when the seed changes", () => {
    const pop = population(200);
    expect(ids(drawSample(pop, 20, 1).items)).not.toEqual(ids(drawSample(pop, 20, 2).items));
  });

  it("takes the whole population, and says so, when the sample is larger than it", () => {
    const pop = population(7);
    const drawn = drawSample(pop, 10, 99);
    expect(drawn.tookAll).toBe(true);
    expect(drawn.populationSize).toBe(7);
    expect(ids(drawn.items).sort()).toEqual(ids(pop).sort());
  });

  it("takes all when the sample is exactly the population size", () => {
    expect(drawSample(population(10), 10, 5).tookAll).toBe(true);
  });

  it("draws nothing from an empty population", () => {
    expect(drawSample([], 10, 5)).toMatchObject({ items: [], populationSize: 0, tookAll: true });
  });

  it("gives every member about the same chance (no bias towards the start of the id order)", () => {
    const pop = population(10);
    const hits = new Map<string, number>();
    for (let seed = 0; seed < 4000; seed++)
      for (const x of drawSample(pop, 3, seed).items) hits.set(x.id, (hits.get(x.id) ?? 0) + 1);
    // Expected 1200 each (4000 × 3 / 10); a fair draw stays well within ±15 %.
    for (const x of pop) expect(Math.abs((hits.get(x.id) ?? 0) - 1200)).toBeLessThan(180);
  });

  it("refuses a seed or size outside the range", () => {
    expect(() => drawSample(population(3), 0, 1)).toThrow(RangeError);
    expect(() => drawSample(population(3), 1, -1)).toThrow(RangeError);
    expect(() => drawSample(population(3), 1, MAX_SEED + 1)).toThrow(RangeError);
    expect(() => drawSample(population(3), 1, 1.5)).toThrow(RangeError);
  });
});
