import { addCalendarDays, addCalendarMonths } from "../../src/domain/clocks";
import { reviewIncident } from "../../src/domain/fieldwork/incident-review";
import { containsPersonnummer } from "../../src/domain/fieldwork/personal-data";
import { type Polygon, type Position, validatePolygon } from "../../src/domain/fieldwork/polygon";
import {
  AGE_BANDS,
  FIELD_TAGS,
  type FieldTag,
  GENDERS,
  INCIDENT_CATEGORIES,
  type IncidentCategory,
} from "../../src/domain/fieldwork/vocabulary";
import { PERMISSIONS, type Role } from "../../src/domain/roles";
import { startOfStockholmDay } from "../../src/domain/time";
import type { Tx } from "../../src/server/db/connection";
import { fieldAreas, fieldIncidents, fieldShifts } from "../../src/server/db/schema/index";
import { insertBatched } from "./batch-insert";
import type { SynthDistrict, SynthUser } from "./organisation";
import { Random } from "./random";

/** Months of shifts before today: enough for the heat map's last month and a lägesbild's tertial. */
const MONTHS = 4;
/** Areas per district, laid out in a 2 × 2 grid of the district's box so they never overlap. */
const GRID = 2;
const INCIDENTS_PER_DISTRICT = [3, 6] as const;
/** Stockholm's centre; the districts' boxes are laid out in a grid around it. */
const CENTRE: Position = [18.07, 59.33];
/** A district's box in degrees: about 3.4 × 3.3 km at this latitude. */
const BOX: Position = [0.06, 0.03];

/**
 * Who walks the shifts: the district's staff whose role holds fieldwork:log, managers aside (they
 * review). In the synthetic municipality that is the samordnare of "Förebyggande och fält" and the
 * insatsutförare of öppenvården.
 */
const FIELD_ROLES: readonly Role[] = PERMISSIONS["fieldwork:log"].filter((r) => r !== "enhetschef");

const PLACES = [
  "Torget",
  "Tunnelbanestationen",
  "Busshållplatsen",
  "Skolgården",
  "Fritidsgården",
  "Parken",
  "Köpcentret",
  "Idrottsplatsen",
  "Gångtunneln",
  "Badplatsen",
] as const;
const AREA_NAMES = ["Centrum", "Stationsområdet", "Skolområdet", "Parken och idrottsplatsen"] as const;
const OBSERVATIONS = [
  "Lugnt på torget, några grupper av unga vid busshållplatsen (syntetisk).",
  "Flera unga ute sent, samtal om skolan och fritidsgården (syntetisk).",
  "Rykten om rekrytering via sociala medier bland de äldre (syntetisk).",
  "Konflikt mellan två grupper som lugnade sig när vi kom (syntetisk).",
  "Många yngre barn ute utan vuxna efter klockan 22 (syntetisk).",
  "Klotter och krossad glasruta vid gångtunneln (syntetisk).",
] as const;
const INCIDENT_TEXTS: Record<IncidentCategory, string> = {
  vald: "Slagsmål mellan unga vid stationen, ordningsvakter tillkallade (syntetisk).",
  hot: "Hot mellan två grupper vid torget (syntetisk).",
  rekrytering: "Äldre ungdomar erbjöd yngre betalt för att hämta paket (syntetisk).",
  vapen: "Uppgift om kniv i en grupp vid köpcentret, polisen informerad (syntetisk).",
  narkotika: "Försäljning av narkotika iakttagen vid parken (syntetisk).",
  skadegorelse: "Krossade rutor i busskuren (syntetisk).",
  brand: "Brand i papperskorg vid skolgården (syntetisk).",
  ordningsstorning: "Stökigt vid fritidsgården vid stängning (syntetisk).",
  annat: "Oro bland föräldrar efter händelse på sociala medier (syntetisk).",
};

export interface FieldworkRows {
  areas: (typeof fieldAreas.$inferInsert)[];
  shifts: (typeof fieldShifts.$inferInsert)[];
  incidents: (typeof fieldIncidents.$inferInsert)[];
}

/** The i-th district's box [minLon, minLat] in a square grid centred on CENTRE. */
function districtCorner(i: number, count: number): Position {
  const side = Math.ceil(Math.sqrt(count));
  const col = i % side;
  const row = Math.floor(i / side);
  return [CENTRE[0] + (col - side / 2) * BOX[0], CENTRE[1] + (side / 2 - row - 1) * BOX[1]];
}

const round = (v: number) => Number(v.toFixed(6));

/**
 * A simple polygon inside a cell: corners at rising angles around the cell's centre, each within
 * its own slice of the circle and closer than the cell's half side, so the ring neither crosses
 * itself nor leaves the cell (domain/fieldwork/polygon.ts checks both are so).
 */
function areaIn(rng: Random, [minLon, minLat]: Position, [w, h]: Position): Polygon {
  const n = rng.int(5, 9);
  const centre: Position = [minLon + w / 2, minLat + h / 2];
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = ((i + rng.next() * 0.4) / n) * 2 * Math.PI;
    const r = 0.55 + rng.next() * 0.35;
    ring.push([round(centre[0] + (r * w * Math.cos(angle)) / 2), round(centre[1] + (r * h * Math.sin(angle)) / 2)]);
  }
  return { type: "Polygon", coordinates: [[...ring, ring[0] as Position]] };
}

const sample = <T>(rng: Random, items: readonly T[], n: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as T);
  return out;
};

/** Weekday of a date, 0 = Sunday. */
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
/** An instant `hours` (may be fractional) after the start of the Stockholm day. */
const at = (date: string, hours: number) => new Date(startOfStockholmDay(date).getTime() + hours * 3_600_000);

/**
 * Fältarbete of every district (issue 21 point 5): four areas as non-overlapping simple polygons in a
 * box of its own near Stockholm's centre, four months of evening shifts (mostly Friday and Saturday)
 * with anonymous contact counts by age band and gender, tags and places, and a handful of
 * händelserapporter, most approved by a manager and some still submitted. No free text holds
 * personal data. Drawn from a random source of its own, so the rest of the municipality is the same
 * for a seed with or without it.
 */
export function buildFieldwork(input: {
  seed: number;
  today: string;
  asOf: Date;
  districts: SynthDistrict[];
  users: SynthUser[];
}): FieldworkRows {
  const rng = new Random(input.seed + 215);
  const out: FieldworkRows = { areas: [], shifts: [], incidents: [] };
  const first = addCalendarMonths(input.today, -MONTHS);
  const days: string[] = [];
  for (let d = first; d < input.today; d = addCalendarDays(d, 1)) days.push(d);

  for (const [i, district] of input.districts.entries()) {
    const unitIds = new Set(Object.values(district.units).map((u) => u.id));
    const holds = (u: SynthUser, roles: readonly Role[]) => u.roles.some((r) => unitIds.has(r.unitId) && roles.includes(r.role));
    const staff = input.users.filter((u) => holds(u, FIELD_ROLES));
    const managers = input.users.filter((u) => holds(u, ["enhetschef"]));
    if (!staff.length || !managers.length) continue;

    // Areas: one per cell of the district's box.
    const origin = districtCorner(i, input.districts.length);
    const cell: Position = [BOX[0] / GRID, BOX[1] / GRID];
    const areas = AREA_NAMES.map((place, k) => {
      const polygon = areaIn(rng, [origin[0] + (k % GRID) * cell[0], origin[1] + Math.floor(k / GRID) * cell[1]], cell);
      const checked = validatePolygon(polygon);
      if (!checked.ok) throw new Error(`synthetic area polygon is invalid: ${checked.problems[0]?.code}`);
      const hot = sample(rng, FIELD_TAGS, 3);
      const row = {
        id: rng.uuid(),
        districtId: district.id,
        name: `${place}, ${district.name}`,
        polygon,
        active: true,
        createdBy: rng.pick(managers).id,
        createdAt: at(first, 9),
      };
      out.areas.push(row);
      return { id: row.id, hot };
    });

    // Shifts: Friday and Saturday evenings nearly always, another weekday now and then.
    for (const day of days) {
      const wd = weekday(day);
      if (!(wd === 5 || wd === 6 ? rng.chance(0.85) : rng.chance(0.12))) continue;
      const walked = sample(rng, areas, rng.int(1, 2));
      const startHour = rng.pick([17, 18, 19, 20]);
      const contacts = sample(
        rng,
        AGE_BANDS.flatMap((ageBand) => GENDERS.map((gender) => ({ ageBand, gender }))),
        rng.int(2, 7),
      )
        .map((c) => ({ ...c, count: c.gender === "annat" ? rng.int(1, 2) : rng.int(1, 9) }))
        .sort((a, b) => AGE_BANDS.indexOf(a.ageBand) - AGE_BANDS.indexOf(b.ageBand));
      const sum = (keep: (c: (typeof contacts)[number]) => boolean) => contacts.filter(keep).reduce((n, c) => n + c.count, 0);
      const tags = [
        ...new Set(
          walked.flatMap((a) => a.hot.filter(() => rng.chance(0.4))).concat(rng.chance(0.2) ? [rng.pick(FIELD_TAGS)] : []),
        ),
      ] as FieldTag[];
      const followUpWanted = rng.chance(0.1);
      const walkers = sample(rng, staff, Math.min(staff.length, rng.int(1, 2))).map((u) => u.id);
      out.shifts.push({
        id: rng.uuid(),
        districtId: district.id,
        areaIds: walked.map((a) => a.id),
        startedAt: at(day, startHour),
        endedAt: at(day, startHour + rng.int(3, 5)),
        staffIds: walkers,
        contacts,
        contactsTotal: sum(() => true),
        girls: sum((c) => c.gender === "flicka"),
        boys: sum((c) => c.gender === "pojke"),
        places: sample(rng, PLACES, rng.int(1, 3)),
        observations: rng.pick(OBSERVATIONS),
        tags,
        followUpWanted,
        followUpNote: followUpWanted ? "Ta upp oron med skolan och fritidsgården (syntetisk)." : "",
        // The shift's writer is one of those who walked it.
        createdBy: walkers[0] as string,
      });
    }

    // Händelserapporter: the first approved, the last still submitted, the rest approved three times in four.
    const incidents = rng.int(...INCIDENTS_PER_DISTRICT);
    for (let n = 0; n < incidents; n++) {
      const day = rng.pick(days.slice(0, -3));
      const occurredAt = at(day, rng.int(17, 23) + rng.next());
      const reportedAt = new Date(occurredAt.getTime() + rng.int(1, 14) * 3_600_000);
      const reporter = rng.pick(staff);
      const category = rng.pick(INCIDENT_CATEGORIES);
      const approve = n === 0 || (n < incidents - 1 && rng.chance(0.75));
      const reviewer = managers.find((m) => m.id !== reporter.id);
      const reviewed =
        approve && reviewer ? reviewIncident({ status: "submitted", reportedBy: reporter.id }, reviewer.id, "approve", "") : null;
      if (reviewed && !reviewed.ok) throw new Error(`synthetic incident review breaks the rules: ${reviewed.code}`);
      out.incidents.push({
        id: rng.uuid(),
        districtId: district.id,
        areaId: rng.pick(areas).id,
        occurredAt,
        category,
        description: INCIDENT_TEXTS[category],
        status: reviewed ? reviewed.status : "submitted",
        reportedBy: reporter.id,
        reportedAt,
        reviewedBy: reviewed ? (reviewer as SynthUser).id : null,
        reviewedAt: reviewed ? new Date(reportedAt.getTime() + rng.int(2, 48) * 3_600_000) : null,
      });
    }
  }

  const texts = [...out.shifts.flatMap((s) => [s.observations ?? "", s.followUpNote ?? "", ...(s.places ?? [])])];
  texts.push(...out.incidents.map((x) => x.description));
  if (texts.some(containsPersonnummer)) throw new Error("synthetic fältarbete text holds a personnummer");
  const latest = Math.max(
    ...out.shifts.map((s) => (s.endedAt as Date).getTime()),
    ...out.incidents.map((x) => (x.reviewedAt ?? x.reportedAt ?? x.occurredAt).getTime()),
  );
  if (latest > input.asOf.getTime()) throw new Error("synthetic fältarbete in the future");
  return out;
}

export async function insertFieldwork(tx: Tx, rows: FieldworkRows): Promise<void> {
  await insertBatched(tx, fieldAreas, rows.areas);
  await insertBatched(tx, fieldShifts, rows.shifts);
  await insertBatched(tx, fieldIncidents, rows.incidents);
}
