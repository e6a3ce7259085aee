import { inArray } from "drizzle-orm";
import { STARTER_PLAN, STARTER_QUESTIONS, STARTER_SCALES } from "../../../domain/effects/starter";
import type { Db, Tx } from "../../db/connection";
import { insatsCatalogue, isuMeasurementPlans, isuScales, isuSurveyQuestions } from "../../db/schema/index";

/**
 * Loads the starter scales and survey questions that are missing. The first time the scales are
 * loaded, every catalogue entry without a measurement plan gets the starter plan; after that the
 * plans are the administrator's (an emptied plan stays empty). Run at every start. Returns the
 * starter scale ids by key.
 */
export async function ensureStarterIsu(db: Db | Tx): Promise<Map<string, string>> {
  const firstLoad = await db
    .insert(isuScales)
    .values(STARTER_SCALES.map((s) => ({ ...s, kind: "rating" })))
    .onConflictDoNothing({ target: isuScales.key })
    .returning({ id: isuScales.id });
  await db
    .insert(isuSurveyQuestions)
    .values(STARTER_QUESTIONS.map((q, position) => ({ ...q, position })))
    .onConflictDoNothing({ target: isuSurveyQuestions.key });
  const scales = await db
    .select({ id: isuScales.id, key: isuScales.key })
    .from(isuScales)
    .where(
      inArray(
        isuScales.key,
        STARTER_SCALES.map((s) => s.key),
      ),
    );
  const planned = new Set((await db.select({ id: isuMeasurementPlans.catalogueId }).from(isuMeasurementPlans)).map((r) => r.id));
  const entries = (await db.select({ id: insatsCatalogue.id }).from(insatsCatalogue)).filter((e) => !planned.has(e.id));
  if (firstLoad.length > 0 && entries.length > 0) {
    await db
      .insert(isuMeasurementPlans)
      .values(entries.flatMap((e) => scales.map((s) => ({ catalogueId: e.id, scaleId: s.id, ...STARTER_PLAN }))))
      .onConflictDoNothing();
  }
  return new Map(scales.map((s) => [s.key, s.id]));
}
