import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGE_GROUPS } from "../interventions/rules";
import {
  type Gender,
  type SamladBildBreakdown,
  type SamladBildFigures,
  type SamladBildItem,
  samladBildFigures,
} from "../interventions/samlad-bild";
import { Reader } from "./attacker";
import { MIN_POPULATION } from "./publish";

/**
 * The samlad bild, published for every filter an aggregate-only reader may ask for — each district
 * and all, each insats and none, every run of whole months — and read by an integer-programming
 * reader over all of it at once. No count of 1–4 insatser, published or not, may come out exact.
 *
 * Atoms: the finest groups a reader could ask about (district × gender × age group × insats × start
 * month). The reader's unknowns are how many insatser each atom holds.
 */
const DISTRICTS = ["d1", "d2"];
const GENDERS: Gender[] = ["pojke", "flicka"];
const AGES = ["12-14", "15-17"] as const;
const CATALOGUE = [
  { id: "fft", evidenceStatus: "rekommenderad" },
  { id: "scared", evidenceStatus: "avrads" },
] as const;
const MONTHS = ["2026-01", "2026-02", "2026-03"];
const lastDay: Record<string, string> = { "2026-01": "31", "2026-02": "28", "2026-03": "31", "2026-04": "30" };

interface Insats {
  district: number;
  gender: number;
  age: number;
  catalogue: number;
  month: number;
  day: number;
  key: number;
  personKey: number;
}

const atomOf = (i: Pick<Insats, "district" | "gender" | "age" | "catalogue" | "month">) =>
  (((i.district * GENDERS.length + i.gender) * AGES.length + i.age) * CATALOGUE.length + i.catalogue) * MONTHS.length + i.month;
const ATOMS = DISTRICTS.length * GENDERS.length * AGES.length * CATALOGUE.length * MONTHS.length;

function allAtoms(filter: (a: { district: number; gender: number; age: number; catalogue: number; month: number }) => boolean) {
  const out: number[] = [];
  for (let district = 0; district < DISTRICTS.length; district++)
    for (let gender = 0; gender < GENDERS.length; gender++)
      for (let age = 0; age < AGES.length; age++)
        for (let catalogue = 0; catalogue < CATALOGUE.length; catalogue++)
          for (let month = 0; month < MONTHS.length; month++) {
            const a = { district, gender, age, catalogue, month };
            if (filter(a)) out.push(atomOf(a));
          }
  return out;
}

function item(i: Insats, n: number): SamladBildItem {
  const day = `${MONTHS[i.month]}-${String(i.day).padStart(2, "0")}`;
  const c = CATALOGUE[i.catalogue] as (typeof CATALOGUE)[number];
  return {
    key: i.key,
    personKey: i.personKey,
    personId: `p${n}`,
    gender: GENDERS[i.gender] as Gender,
    ageGroup: AGES[i.age] as (typeof AGES)[number],
    catalogueId: c.id,
    evidenceStatus: c.evidenceStatus,
    decidedOn: day,
    startedOn: day,
    endedOn: null,
    planDueDays: 14,
    firstSignedOn: null,
    followUpDates: [],
    followUps: [],
  };
}

const insats = fc.record({
  district: fc.integer({ min: 0, max: DISTRICTS.length - 1 }),
  gender: fc.integer({ min: 0, max: GENDERS.length - 1 }),
  age: fc.integer({ min: 0, max: AGES.length - 1 }),
  catalogue: fc.integer({ min: 0, max: CATALOGUE.length - 1 }),
  month: fc.integer({ min: 0, max: MONTHS.length - 1 }),
  day: fc.integer({ min: 1, max: 28 }),
  key: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  personKey: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

type Groups = "all" | "pojke" | "flicka" | "other";
const GROUP_FILTER: Record<Groups, (g: number) => boolean> = {
  all: () => true,
  pojke: (g) => GENDERS[g] === "pojke",
  flicka: (g) => GENDERS[g] === "flicka",
  other: () => false,
};

/** Publishes every filter and feeds what each shows, with what it sums, to the reader. */
function publishAll(population: Insats[], reader: Reader, targets: Map<string, { atoms: number[]; truth: number }>) {
  const items = population.map(item);
  const truthOf = (atoms: number[]) => {
    const set = new Set(atoms);
    return population.filter((i) => set.has(atomOf(i))).length;
  };
  const periods: [number, number][] = [];
  for (let a = 0; a < MONTHS.length; a++) for (let b = a; b < MONTHS.length; b++) periods.push([a, b]);
  for (const district of [null, ...DISTRICTS.keys()]) {
    for (const catalogue of [null, 0, 1]) {
      for (const [m1, m2] of periods) {
        const inFilter = (a: { district: number; catalogue: number }) =>
          (district === null || a.district === district) && (catalogue === null || a.catalogue === catalogue);
        // The service's population: running in the period (none has ended), within the filter.
        const population_ = items.filter((_, n) => {
          const i = population[n] as Insats;
          return inFilter(i) && i.month <= m2;
        });
        const entries = CATALOGUE.map((c) => c.id).filter((id) => population_.some((i) => i.catalogueId === id));
        const from = `${MONTHS[m1]}-01`;
        const to = `${MONTHS[m2]}-${lastDay[MONTHS[m2] as string]}`;
        const published = samladBildFigures(population_, entries, { from, to, asOf: to });
        const running = allAtoms((a) => inFilter(a) && a.month <= m2);
        if (published.protectedWhole) {
          // The report says the filter left fewer than MIN_POPULATION: the reader knows that too.
          reader.know({ atoms: running, min: 1, max: MIN_POPULATION - 1 });
          continue;
        }
        const observeBreakdown = (b: SamladBildBreakdown, entry: number | null) => {
          const inEntry = (a: { catalogue: number }) => entry === null || a.catalogue === entry;
          type InGroup = (a: { gender: number; age: number }) => boolean;
          const groups: [SamladBildFigures, InGroup][] = [
            ...(["all", "pojke", "flicka", "other"] as Groups[]).map((g): [SamladBildFigures, InGroup] => [
              b[g],
              (a) => GROUP_FILTER[g](a.gender),
            ]),
            ...b.byAgeGroup.map((ag): [SamladBildFigures, InGroup] => [ag, (a) => AGES[a.age] === ag.ageGroup]),
          ];
          for (const [figures, inGroup] of groups) {
            const cells: [keyof SamladBildFigures, (a: { month: number; catalogue: number }) => boolean][] = [
              ["started", (a) => a.month >= m1 && a.month <= m2],
              ["ongoing", (a) => a.month <= m2],
              ["advisedAgainst", (a) => a.month <= m2 && CATALOGUE[a.catalogue]?.evidenceStatus === "avrads"],
            ];
            for (const [name, inCell] of cells) {
              const atoms = allAtoms((a) => inFilter(a) && inEntry(a) && inGroup(a) && inCell(a));
              const shown = figures[name];
              reader.observe({ atoms, shown });
              const truth = truthOf(atoms);
              if (truth >= 1 && truth <= 4) targets.set(atoms.join(","), { atoms, truth });
            }
          }
        };
        observeBreakdown(published.total, null);
        published.byInsats.forEach((b, n) => {
          observeBreakdown(
            b,
            CATALOGUE.findIndex((c) => c.id === entries[n]),
          );
        });
      }
    }
  }
  // The finest groups themselves, though no report shows them.
  const byAtom = new Map<number, number>();
  for (const i of population) byAtom.set(atomOf(i), (byAtom.get(atomOf(i)) ?? 0) + 1);
  for (const [atom, truth] of byAtom) if (truth <= 4) targets.set(String(atom), { atoms: [atom], truth });
  // Counts of AGE_GROUPS outside AGES are structural zeros the reader also sees.
  expect(AGE_GROUPS).toEqual(expect.arrayContaining([...AGES]));
}

describe("an integer-programming reader of every samlad bild an aggregate-only role may ask for", () => {
  it("cannot work out any count of 1–4 insatser exactly, however the filters are combined", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(insats, { minLength: 30, maxLength: 90 }), async (population) => {
        const reader = new Reader(ATOMS, population.length);
        const targets = new Map<string, { atoms: number[]; truth: number }>();
        publishAll(population, reader, targets);
        for (const { atoms, truth } of targets.values()) {
          expect(await reader.ambiguous(atoms, truth), `a cell of ${truth} worked out exactly`).toBe(true);
        }
      }),
      { numRuns: 4, seed: 20261204 },
    );
  }, 120_000);
});
