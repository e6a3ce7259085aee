/**
 * The samlad bild, published for every filter an aggregate-only reader may ask for — each district
 * and all, each insats and none, every calendar month, quarter, tertial and half-year — and read by the integer-programming
 * reader (attacker.ts) over all of it at once. Used by the property test (small populations) and
 * bench/disclosure-attack.ts (larger ones, and the old suppression-only rules for comparison).
 *
 * Atoms: the finest groups a reader could ask about (district × gender × age group × insats × start
 * month); the reader's unknowns are how many insatser each atom holds. Targets: every published
 * cell and every atom whose true count is 1–4.
 */
import {
  type Gender,
  type SamladBildBreakdown,
  type SamladBildFigures,
  type SamladBildItem,
  samladBildFigures,
} from "../interventions/samlad-bild";
import { Reader } from "./attacker";
import { disclosure, MAX_NOISE, MIN_POPULATION, type Publisher, periodAllowed } from "./publish";

export const GENDERS: Gender[] = ["pojke", "flicka"];
export const AGES = ["12-14", "15-17"] as const;
export const CATALOGUE = [
  { id: "fft", evidenceStatus: "rekommenderad" },
  { id: "scared", evidenceStatus: "avrads" },
] as const;

/** One insats of the population, by index into each dimension. */
export interface AttackInsats {
  district: number;
  gender: number;
  age: number;
  catalogue: number;
  month: number;
  day: number;
  key: number;
  personKey: number;
}

export interface AttackShape {
  districts: number;
  /** Months of 2026 from January. */
  months: number;
  /** The periods the reader may ask for, as [first month, last month]; when unset, every period an aggregate-only role may ask for. */
  periods?: [number, number][];
}

export interface AttackResult {
  /** Cells and atoms of 1–4 insatser the reader tried. */
  targets: number;
  /** Those it worked out exactly. */
  pinned: { truth: number; atoms: number[] }[];
}

type Dims = { district: number; gender: number; age: number; catalogue: number; month: number };

const monthOf = (m: number) => `2026-${String(m + 1).padStart(2, "0")}`;
const lastDayOf = (m: number) => new Date(Date.UTC(2026, m + 1, 0)).getUTCDate();

/**
 * Publishes the population through the real samlad-bild function for every filter, then asks the
 * reader about every target. `noise` is what the reader is told shown counts may be off by.
 */
export async function attackSamladBild(
  population: readonly AttackInsats[],
  shape: AttackShape,
  publisher: Publisher = disclosure,
  noise: number = MAX_NOISE,
): Promise<AttackResult> {
  const atomOf = (i: Dims) =>
    (((i.district * GENDERS.length + i.gender) * AGES.length + i.age) * CATALOGUE.length + i.catalogue) * shape.months + i.month;
  const atomCount = shape.districts * GENDERS.length * AGES.length * CATALOGUE.length * shape.months;
  const allAtoms = (filter: (a: Dims) => boolean) => {
    const out: number[] = [];
    for (let district = 0; district < shape.districts; district++)
      for (let gender = 0; gender < GENDERS.length; gender++)
        for (let age = 0; age < AGES.length; age++)
          for (let catalogue = 0; catalogue < CATALOGUE.length; catalogue++)
            for (let month = 0; month < shape.months; month++) {
              const a = { district, gender, age, catalogue, month };
              if (filter(a)) out.push(atomOf(a));
            }
    return out;
  };
  const items: SamladBildItem[] = population.map((i, n) => {
    const day = `${monthOf(i.month)}-${String(i.day).padStart(2, "0")}`;
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
  });
  const truthOf = (atoms: number[]) => {
    const set = new Set(atoms);
    return population.filter((i) => set.has(atomOf(i))).length;
  };
  const reader = new Reader(atomCount, Math.max(1, population.length), noise);
  const targets = new Map<string, { atoms: number[]; truth: number }>();

  const periods: [number, number][] = shape.periods ? [...shape.periods] : [];
  if (!shape.periods)
    for (let a = 0; a < shape.months; a++)
      for (let b = a; b < shape.months; b++)
        if (periodAllowed(`${monthOf(a)}-01`, `${monthOf(b)}-${lastDayOf(b)}`, "calendar")) periods.push([a, b]);
  const districtFilters = [null, ...Array.from({ length: shape.districts }, (_, d) => d)];
  for (const district of districtFilters) {
    for (const catalogue of [null, ...CATALOGUE.keys()]) {
      for (const [m1, m2] of periods) {
        const inFilter = (a: { district: number; catalogue: number }) =>
          (district === null || a.district === district) && (catalogue === null || a.catalogue === catalogue);
        // The service's population: running in the period (none has ended), within the filter.
        const running = items.filter((_, n) => {
          const i = population[n] as AttackInsats;
          return inFilter(i) && i.month <= m2;
        });
        const entries = CATALOGUE.map((c) => c.id).filter((id) => running.some((i) => i.catalogueId === id));
        const from = `${monthOf(m1)}-01`;
        const to = `${monthOf(m2)}-${lastDayOf(m2)}`;
        const published = samladBildFigures(running, entries, { from, to, asOf: to }, publisher);
        if (published.protectedWhole) {
          // The report says the filter left fewer than MIN_POPULATION: the reader knows that too.
          reader.know({ atoms: allAtoms((a) => inFilter(a) && a.month <= m2), min: 1, max: MIN_POPULATION - 1 });
          continue;
        }
        const observe = (b: SamladBildBreakdown, entry: number | null) => {
          type InGroup = (a: Dims) => boolean;
          const groups: [SamladBildFigures, InGroup][] = [
            [b.all, () => true],
            [b.pojke, (a) => GENDERS[a.gender] === "pojke"],
            [b.flicka, (a) => GENDERS[a.gender] === "flicka"],
            [b.other, () => false],
            ...b.byAgeGroup.map((ag): [SamladBildFigures, InGroup] => [ag, (a) => AGES[a.age] === ag.ageGroup]),
          ];
          const cells: [keyof SamladBildFigures, InGroup][] = [
            ["started", (a) => a.month >= m1 && a.month <= m2],
            ["ongoing", (a) => a.month <= m2],
            ["advisedAgainst", (a) => a.month <= m2 && CATALOGUE[a.catalogue]?.evidenceStatus === "avrads"],
          ];
          for (const [figures, inGroup] of groups) {
            for (const [name, inCell] of cells) {
              const atoms = allAtoms((a) => inFilter(a) && (entry === null || a.catalogue === entry) && inGroup(a) && inCell(a));
              reader.observe({ atoms, shown: figures[name] as number | null });
              const truth = truthOf(atoms);
              if (truth >= 1 && truth <= 4) targets.set(atoms.join(","), { atoms, truth });
            }
          }
        };
        observe(published.total, null);
        published.byInsats.forEach((b, n) => {
          observe(
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

  const pinned: AttackResult["pinned"] = [];
  for (const t of targets.values()) if (!(await reader.ambiguous(t.atoms, t.truth))) pinned.push(t);
  return { targets: targets.size, pinned };
}
