import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import type { z } from "zod";
import type { IsuScale, IsuSettings, isuScaleBody, measurementPlanBody, surveyQuestionsBody } from "../../../contracts/effects";
import { type ScaleKind, SELF_RESPONDENTS } from "../../../domain/effects/vocabulary";
import type { Database, Db, Tx } from "../../db/connection";
import {
  insatsCatalogue,
  instruments,
  isuMeasurementPlans,
  isuMeasurements,
  isuScales,
  isuSurveyQuestions,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";

type ScaleBody = z.infer<typeof isuScaleBody>;
type Points = IsuSettings["plans"][number]["points"];
type Respondents = IsuSettings["plans"][number]["respondents"];

export const asScale = (r: typeof isuScales.$inferSelect): IsuScale => ({
  id: r.id,
  key: r.key,
  name: r.name,
  question: r.question,
  kind: r.kind as ScaleKind,
  min: r.min,
  max: r.max,
  minLabel: r.minLabel,
  maxLabel: r.maxLabel,
  higherIsBetter: r.higherIsBetter,
  reliability: r.reliability,
  referenceSd: r.referenceSd,
  cutoff: r.cutoff,
  instrumentKey: r.instrumentKey,
  active: r.active,
});

export const asPlanRow = (r: typeof isuMeasurementPlans.$inferSelect) => ({
  catalogueId: r.catalogueId,
  scaleId: r.scaleId,
  points: r.points as Points,
  intervalMonths: r.intervalMonths,
  respondents: r.respondents as Respondents,
});

/** Scales, survey questions and measurement plans: configuration, no personal data. */
export async function getSettings({ db }: Database): Promise<IsuSettings> {
  const [scales, questions, plans] = await Promise.all([
    db.select().from(isuScales).orderBy(asc(isuScales.name)),
    db.select().from(isuSurveyQuestions).orderBy(asc(isuSurveyQuestions.position)),
    db.select().from(isuMeasurementPlans),
  ]);
  return { scales: scales.map(asScale), questions, plans: plans.map(asPlanRow) };
}

async function checkInstrument(tx: Tx, body: ScaleBody): Promise<void> {
  if (body.kind !== "instrument" || !body.instrumentKey) return;
  const [found] = await tx.select({ id: instruments.id }).from(instruments).where(eq(instruments.key, body.instrumentKey));
  if (!found) {
    throw badRequest("unknown_instrument", "Instrumentet finns inte / No such instrument", [
      { path: "body.instrumentKey", message: "Okänt instrument / Unknown instrument" },
    ]);
  }
}

async function checkKeyFree(tx: Tx, key: string, except: string | null): Promise<void> {
  const [taken] = await tx.select({ id: isuScales.id }).from(isuScales).where(eq(isuScales.key, key));
  if (taken && taken.id !== except) {
    throw conflict("scale_key_exists", "En skala med den nyckeln finns redan / A scale with that key exists", [
      { path: "body.key", message: "Upptagen / Taken" },
    ]);
  }
}

export async function createScale({ db }: Database, actor: Actor, body: ScaleBody): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await checkKeyFree(tx, body.key, null);
    await checkInstrument(tx, body);
    const [row] = await tx.insert(isuScales).values(body).returning({ id: isuScales.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "isu.scale.create",
      permission: "catalogue:manage",
      recordType: "isu_scale",
      recordId: row.id,
    });
    return row;
  });
}

/**
 * Edits a scale. Its range and kind stay as they are once ratings exist: the stored values were
 * given on that range, and a new one would silently change what they mean.
 */
export async function updateScale({ db }: Database, actor: Actor, id: string, body: ScaleBody): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(isuScales).where(eq(isuScales.id, id)).for("update");
    if (!current) throw notFound();
    await checkKeyFree(tx, body.key, id);
    await checkInstrument(tx, body);
    const changesMeaning = current.min !== body.min || current.max !== body.max || current.kind !== body.kind;
    if (changesMeaning) {
      const [used] = await tx
        .select({ id: isuMeasurements.id })
        .from(isuMeasurements)
        .where(eq(isuMeasurements.scaleId, id))
        .limit(1);
      if (used) {
        throw conflict("scale_in_use", "Skalan har skattningar: intervall och typ kan inte ändras / The scale has ratings", [
          { path: "body.min", message: "Skalan används / The scale is in use" },
        ]);
      }
    }
    await tx.update(isuScales).set(body).where(eq(isuScales.id, id));
    await audit(tx, actor, { action: "isu.scale.update", permission: "catalogue:manage", recordType: "isu_scale", recordId: id });
    return { id };
  });
}

/** Replaces the question list: listed keys are saved in order, the others are deactivated (answers keep their keys). */
export async function setSurveyQuestions(
  { db }: Database,
  actor: Actor,
  body: z.infer<typeof surveyQuestionsBody>,
): Promise<{ ok: true }> {
  const keys = body.questions.map((q) => q.key);
  const repeated = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (repeated >= 0) {
    throw badRequest("duplicate_key", "Samma nyckel två gånger / Duplicate key", [
      { path: `body.questions.${repeated}.key`, message: "Dubblett / Duplicate" },
    ]);
  }
  return db.transaction(async (tx) => {
    await tx.update(isuSurveyQuestions).set({ active: false }).where(notInArray(isuSurveyQuestions.key, keys));
    for (const [position, q] of body.questions.entries()) {
      await tx
        .insert(isuSurveyQuestions)
        .values({ ...q, position })
        .onConflictDoUpdate({
          target: isuSurveyQuestions.key,
          set: { textSv: q.textSv, textEn: q.textEn, active: q.active, position },
        });
    }
    await audit(tx, actor, {
      action: "isu.survey.update",
      permission: "catalogue:manage",
      recordType: "isu_survey",
      details: { keys },
    });
    return { ok: true as const };
  });
}

/** Replaces an insats type's measurement plan. A self-report respondent can only rate a rating scale. */
export async function setMeasurementPlan(
  { db }: Database,
  actor: Actor,
  catalogueId: string,
  body: z.infer<typeof measurementPlanBody>,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const [entry] = await tx.select({ id: insatsCatalogue.id }).from(insatsCatalogue).where(eq(insatsCatalogue.id, catalogueId));
    if (!entry) throw notFound();
    const ids = body.rows.map((r) => r.scaleId);
    const scales = ids.length ? await tx.select().from(isuScales).where(inArray(isuScales.id, ids)) : [];
    const byId = new Map(scales.map((s) => [s.id, s]));
    body.rows.forEach((row, i) => {
      const scale = byId.get(row.scaleId);
      const at = (f: string) => [{ path: `body.rows.${i}.${f}`, message: "" }];
      if (!scale || !scale.active)
        throw badRequest("unknown_scale", "Okänd eller inaktiv skala / Unknown or inactive scale", at("scaleId"));
      if (ids.indexOf(row.scaleId) !== i)
        throw badRequest("duplicate_scale", "Skalan finns två gånger / Scale listed twice", at("scaleId"));
      if (scale.kind === "instrument" && row.respondents.some((r) => (SELF_RESPONDENTS as readonly string[]).includes(r))) {
        throw badRequest(
          "not_self_report",
          "Ett instrument fylls i av personal, inte via självskattning / Instruments are filled in by staff",
          at("respondents"),
        );
      }
    });
    await tx.delete(isuMeasurementPlans).where(eq(isuMeasurementPlans.catalogueId, catalogueId));
    if (body.rows.length) await tx.insert(isuMeasurementPlans).values(body.rows.map((r) => ({ ...r, catalogueId })));
    await audit(tx, actor, {
      action: "isu.plan.update",
      permission: "catalogue:manage",
      recordType: "insats_catalogue",
      recordId: catalogueId,
      details: { scales: ids.length },
    });
    return { ok: true as const };
  });
}

/** The measurement plan of one insats type, with its scales. */
export async function planOf(tx: Db | Tx, catalogueId: string) {
  const rows = await tx
    .select({ plan: isuMeasurementPlans, scale: isuScales })
    .from(isuMeasurementPlans)
    .innerJoin(isuScales, eq(isuScales.id, isuMeasurementPlans.scaleId))
    .where(and(eq(isuMeasurementPlans.catalogueId, catalogueId)))
    .orderBy(asc(isuScales.name));
  return rows.map((r) => ({ ...asPlanRow(r.plan), scale: r.scale }));
}
