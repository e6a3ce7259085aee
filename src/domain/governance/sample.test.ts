import { describe, expect, it } from "vitest";
import { drawSample, hash53 } from "./sample";

const ids = Array.from({ length: 500 }, (_, i) => `row-${i}`);

describe("seeded samples", () => {
  it("draws the same sample from the same seed, whatever order the frame is read in", () => {
    const a = drawSample(ids, 20, "2025-03-vx", (x) => x).drawn;
    const b = drawSample([...ids].reverse(), 20, "2025-03-vx", (x) => x).drawn;
    expect(a).toHaveLength(20);
    expect(b).toEqual(a);
  });

  it("draws another sample from another seed", () => {
    const a = drawSample(ids, 20, "seed-1", (x) => x).drawn;
    const b = drawSample(ids, 20, "seed-2", (x) => x).drawn;
    expect(new Set([...a, ...b]).size).toBeGreaterThan(30);
  });

  it("takes all and says so when the sample is larger than the frame", () => {
    const s = drawSample(ids.slice(0, 5), 20, "x", (x) => x);
    expect(s.drawn).toHaveLength(5);
    expect(s.tookAll).toBe(true);
    expect(s.population).toBe(5);
    expect(drawSample(ids, 20, "x", (x) => x).tookAll).toBe(false);
  });

  it("a row's place in the sample does not depend on the rest of the frame", () => {
    // Adding rows never pushes out a row with a lower key than the new ones: the draw is stable.
    const small = drawSample(ids.slice(0, 100), 10, "s", (x) => x).drawn;
    const big = drawSample(ids, 1000, "s", (x) => x).drawn;
    expect(big.filter((x) => ids.slice(0, 100).includes(x)).slice(0, 10)).toEqual(small);
  });

  it("hashes are spread over the whole range", () => {
    const keys = ids.map((x) => hash53(x) / 2 ** 53);
    const low = keys.filter((k) => k < 0.5).length;
    expect(low).toBeGreaterThan(200);
    expect(low).toBeLessThan(300);
  });
});
