import { lagesbilder, lagesbildMeasures, lagesbildVersions } from "../db/schema/index";
import type { World } from "./world";

/**
 * A lägesbild of the district for last year, not decided, with its first version and one measure,
 * written straight to the database by the district's samordnare (the API is tested in
 * modules/lagesbild). A new one each call, so a call that decides or changes it stands alone.
 */
export async function seedLagesbild(w: World, target: "own" | "other") {
  const f = target === "own" ? w.own : w.other;
  const by = w.userIds[target === "own" ? "samordnare" : "samordnare.b"] as string;
  const [l] = await w.database.db
    .insert(lagesbilder)
    .values({ year: 2025, title: "Lägesbild 2025", districtIds: [f.id], createdBy: by })
    .returning({ id: lagesbilder.id });
  if (!l) throw new Error("seed failed");
  await w.database.db.insert(lagesbildVersions).values({ lagesbildId: l.id, version: 1, createdBy: by });
  const [m] = await w.database.db
    .insert(lagesbildMeasures)
    .values({
      lagesbildId: l.id,
      priority: 1,
      area: "Centrum",
      problem: "Rekrytering",
      measure: "Fältarbete",
      responsible: "Fältgruppen",
      createdBy: by,
    })
    .returning({ id: lagesbildMeasures.id });
  if (!m) throw new Error("seed failed");
  return { lagesbildId: l.id, measureId: m.id };
}
