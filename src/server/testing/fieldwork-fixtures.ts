import { fieldAreas, fieldIncidents, fieldShifts } from "../db/schema/index";
import type { World } from "./world";

/** A small closed square around a point (lon/lat): the shape every test area takes. */
export function square(lon: number, lat: number, size = 0.01) {
  return {
    type: "Polygon" as const,
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

const by = (w: World, target: "own" | "other", role: string) => w.userIds[target === "own" ? role : `${role}.b`] as string;

/** An area of the district, written straight to the database (the API is tested in modules/fieldwork). */
export async function seedArea(w: World, target: "own" | "other", name = "Torget") {
  const f = target === "own" ? w.own : w.other;
  const [row] = await w.database.db
    .insert(fieldAreas)
    .values({ districtId: f.id, name, polygon: square(18.0, 59.3), createdBy: by(w, target, "samordnare") })
    .returning({ id: fieldAreas.id });
  if (!row) throw new Error("seed failed");
  return row.id;
}

/** A shift in a fresh area of the district, an hour long, an hour ago. */
export async function seedShift(w: World, target: "own" | "other") {
  const f = target === "own" ? w.own : w.other;
  const areaId = await seedArea(w, target);
  const staff = by(w, target, "samordnare");
  const [row] = await w.database.db
    .insert(fieldShifts)
    .values({
      districtId: f.id,
      areaIds: [areaId],
      startedAt: new Date(Date.now() - 2 * 3_600_000),
      endedAt: new Date(Date.now() - 3_600_000),
      staffIds: [staff],
      contacts: [{ ageBand: "13-15", gender: "pojke", count: 3 }],
      contactsTotal: 3,
      boys: 3,
      tags: ["narkotika"],
      createdBy: staff,
    })
    .returning({ id: fieldShifts.id });
  if (!row) throw new Error("seed failed");
  return { areaId, shiftId: row.id };
}

/** A submitted händelserapport of the district, reported by its insatsutförare (so a manager may review it). */
export async function seedIncident(w: World, target: "own" | "other") {
  const f = target === "own" ? w.own : w.other;
  const areaId = await seedArea(w, target);
  const [row] = await w.database.db
    .insert(fieldIncidents)
    .values({
      districtId: f.id,
      areaId,
      occurredAt: new Date(Date.now() - 3_600_000),
      category: "hot",
      description: "Hot mellan två grupper vid torget",
      reportedBy: by(w, target, "insatsutforare"),
    })
    .returning({ id: fieldIncidents.id });
  if (!row) throw new Error("seed failed");
  return { areaId, incidentId: row.id };
}
