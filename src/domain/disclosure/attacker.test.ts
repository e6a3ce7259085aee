import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGES, type AttackShape, attackSamladBild, CATALOGUE, GENDERS } from "./samlad-bild-attack";

/**
 * An integer-programming reader of every samlad bild an aggregate-only role may ask for (each
 * district and all, each insats and none, each calendar month, the quarter and the tertial of four
 * months), over small random populations. No count of 1–4 insatser, published or not, may come out exact. A larger run, and
 * the same reader against the old suppression-only rules, is bench/disclosure-attack.ts.
 */
const SHAPE: AttackShape = { districts: 2, months: 4 };

const insats = fc.record({
  district: fc.integer({ min: 0, max: SHAPE.districts - 1 }),
  gender: fc.integer({ min: 0, max: GENDERS.length - 1 }),
  age: fc.integer({ min: 0, max: AGES.length - 1 }),
  catalogue: fc.integer({ min: 0, max: CATALOGUE.length - 1 }),
  month: fc.integer({ min: 0, max: SHAPE.months - 1 }),
  day: fc.integer({ min: 1, max: 28 }),
  key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  personKey: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe("an integer-programming reader of every samlad bild an aggregate-only role may ask for", () => {
  it("cannot work out any count of 1–4 insatser exactly, however the filters are combined", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(insats, { minLength: 30, maxLength: 90 }), async (population) => {
        const { targets, pinned } = await attackSamladBild(population, SHAPE);
        expect(targets).toBeGreaterThan(0);
        expect(pinned, "cells of 1–4 worked out exactly").toEqual([]);
      }),
      { numRuns: 4, seed: 20261204 },
    );
  }, 120_000);
});
