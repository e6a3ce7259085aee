/**
 * Heat per area of a period: shifts, contacts (girls and boys apart), tags and approved incidents
 * per fältarbete area, every figure through the disclosure module (publish.ts: cell-key
 * perturbation, counts 1–4 hidden) and secondary suppression over the sums a reader can form
 * (sum-table.ts). A contact count is weighted by the shift's key: the same shift always perturbs
 * the same way. Pure, no I/O.
 */
import { disclosure, type Publisher, Tally } from "../disclosure/publish";
import { SumTable } from "../disclosure/sum-table";
import { FIELD_TAGS, type FieldTag } from "./vocabulary";

export interface HeatShift {
  /** The shift's cell key (record-keys.ts). */
  key: number;
  areaIds: readonly string[];
  contacts: number;
  girls: number;
  boys: number;
  tags: readonly string[];
}

export interface HeatIncident {
  key: number;
  areaId: string;
}

export interface AreaHeat {
  areaId: string;
  shifts: number | null;
  contacts: number | null;
  girls: number | null;
  boys: number | null;
  otherGender: number | null;
  incidents: number | null;
  tags: { tag: FieldTag; count: number | null }[];
}

export interface HeatFigures {
  areas: AreaHeat[];
  incidents: number | null;
  shifts: number | null;
  protectedWhole: boolean;
}

/** The published heat of the areas listed (every area of the districts, so one without shifts shows 0). */
export function heatFigures(
  areaIds: readonly string[],
  shifts: readonly HeatShift[],
  incidents: readonly HeatIncident[],
  publisher: Publisher = disclosure,
): HeatFigures {
  const countOf = (t: Tally) => publisher.count(t);
  const areas = areaIds.map((areaId): AreaHeat => {
    const here = shifts.filter((s) => s.areaIds.includes(areaId));
    const weighted = (w: (s: HeatShift) => number) => {
      const t = new Tally();
      for (const s of here) {
        const n = w(s);
        if (n > 0) t.add(s.key, n);
      }
      return countOf(t);
    };
    const tags = FIELD_TAGS.map((tag) => ({
      tag,
      count: countOf(Tally.of(here.filter((s) => s.tags.includes(tag)).map((s) => s.key))),
    }));
    return {
      areaId,
      shifts: countOf(Tally.of(here.map((s) => s.key))),
      contacts: weighted((s) => s.contacts),
      girls: weighted((s) => s.girls),
      boys: weighted((s) => s.boys),
      otherGender: weighted((s) => s.contacts - s.girls - s.boys),
      incidents: countOf(Tally.of(incidents.filter((i) => i.areaId === areaId).map((i) => i.key))),
      tags,
    };
  });
  const listed = new Set(areaIds);
  const total = {
    incidents: countOf(Tally.of(incidents.filter((i) => listed.has(i.areaId)).map((i) => i.key))),
    shifts: countOf(Tally.of(shifts.filter((s) => s.areaIds.some((a) => listed.has(a))).map((s) => s.key))),
  };
  const protectedWhole = publisher.populationTooSmall(shifts.length + incidents.length);
  if (protectedWhole) {
    for (const a of areas) {
      a.shifts = a.contacts = a.girls = a.boys = a.otherGender = a.incidents = null;
      for (const t of a.tags) t.count = null;
    }
    total.incidents = total.shifts = null;
  } else if (publisher.protects) {
    // Each incident lies in one area: the total is the sum of the areas. A shift may cover several
    // areas, so the shift total is no sum of them (declaring it would only err towards hiding).
    // Per area, girls + boys + other = contacts.
    const cells = areas.map((a) => ({
      incidents: { n: a.incidents },
      contacts: { n: a.contacts },
      girls: { n: a.girls },
      boys: { n: a.boys },
      other: { n: a.otherGender },
    }));
    const all = { n: total.incidents };
    const table = new SumTable().sum(
      "n",
      all,
      cells.map((c) => c.incidents),
    );
    for (const c of cells) table.sum("n", c.contacts, [c.girls, c.boys, c.other]);
    table.protect();
    total.incidents = all.n;
    cells.forEach((c, i) => {
      const a = areas[i] as AreaHeat;
      a.incidents = c.incidents.n;
      a.contacts = c.contacts.n;
      a.girls = c.girls.n;
      a.boys = c.boys.n;
      a.otherGender = c.other.n;
    });
  }
  return { areas, incidents: total.incidents, shifts: total.shifts, protectedWhole };
}
