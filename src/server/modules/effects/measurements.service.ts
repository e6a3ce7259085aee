import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNotNull, lte } from "drizzle-orm";
import type { z } from "zod";
import type { InsatsIsu, measurementBody, selfReportLinkBody, selfReportLinkCreated } from "../../../contracts/effects";
import { dueMeasurements, pointRefusal } from "../../../domain/effects/schedule";
import type { MeasurementPoint, Respondent, SelfRespondent } from "../../../domain/effects/vocabulary";
import type { GoalAttainment } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import {
  assessments,
  insatsFollowUps,
  instruments,
  isuMeasurements,
  isuScales,
  isuSelfReportLinks,
  isuSurveyQuestions,
  isuSurveyResponses,
  users,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { canManage, canProvide, insatsForChange, insatsInScope } from "../interventions/access";
import { goalCounts, personChanges } from "./person-changes";
import { asScale, planOf } from "./settings.service";

const DAY_MS = 86_400_000;
const field = (path: string, message: string) => [{ path, message }];

/** The stored form of a self-report token: a link can be checked without the database holding it. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Why a point cannot be measured (yet), as the API's errors. */
function refuse(reason: NonNullable<ReturnType<typeof pointRefusal>>): AppError {
  switch (reason) {
    case "insats_not_started":
      return conflict("insats_not_started", "Insatsen har inte startat / The insats has not started");
    case "insats_not_ended":
      return conflict("insats_not_ended", "Insatsen har inte avslutats / The insats has not ended");
    case "before_start":
      return badRequest(
        "date_out_of_order",
        "Datumet ligger före insatsens start / Before the start",
        field("body.measuredOn", "Före start"),
      );
    case "too_early":
      return badRequest(
        "too_early",
        "Uppföljningen efter avslut är inte aktuell än / Too early",
        field("body.measuredOn", "För tidigt"),
      );
  }
}

/** Everything the insats page's ISU section shows. Reading it is a read of personal data. */
export async function insatsIsu({ db }: Database, actor: Actor, insatsId: string, now: Date): Promise<InsatsIsu> {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const { insats } = await insatsInScope(tx, actor, insatsId);
    const plan = await planOf(tx, insats.catalogueId);
    // One after the other: a transaction is one connection.
    const measured = await tx
      .select({ m: isuMeasurements, recordedByName: users.displayName })
      .from(isuMeasurements)
      .leftJoin(users, eq(users.id, isuMeasurements.recordedBy))
      .where(eq(isuMeasurements.insatsId, insatsId))
      .orderBy(asc(isuMeasurements.measuredOn), asc(isuMeasurements.createdAt));
    const links = await tx
      .select({ l: isuSelfReportLinks, createdByName: users.displayName })
      .from(isuSelfReportLinks)
      .innerJoin(users, eq(users.id, isuSelfReportLinks.createdBy))
      .where(eq(isuSelfReportLinks.insatsId, insatsId))
      .orderBy(desc(isuSelfReportLinks.createdAt));
    const responses = await tx
      .select()
      .from(isuSurveyResponses)
      .where(eq(isuSurveyResponses.insatsId, insatsId))
      .orderBy(asc(isuSurveyResponses.answeredOn));
    const questions = await tx.select().from(isuSurveyQuestions).orderBy(asc(isuSurveyQuestions.position));
    const [lastFollowUp] = await tx
      .select({ results: insatsFollowUps.results })
      .from(insatsFollowUps)
      .where(eq(insatsFollowUps.insatsId, insatsId))
      .orderBy(desc(insatsFollowUps.doneOn), desc(insatsFollowUps.createdAt))
      .limit(1);
    const [gas] = insats.startedOn
      ? await tx
          .select({ score: assessments.score })
          .from(assessments)
          .innerJoin(instruments, eq(instruments.id, assessments.instrumentId))
          .where(
            and(
              eq(assessments.caseId, insats.caseId),
              eq(instruments.key, "gas"),
              isNotNull(assessments.signedAt),
              gte(assessments.assessedOn, insats.startedOn),
              lte(assessments.assessedOn, insats.endedOn ?? today),
            ),
          )
          .orderBy(desc(assessments.assessedOn), desc(assessments.signedAt))
          .limit(1)
      : [];
    const measurements = measured.map(({ m, recordedByName }) => ({
      id: m.id,
      scaleId: m.scaleId,
      point: m.point as MeasurementPoint,
      respondent: m.respondent as Respondent,
      measuredOn: m.measuredOn,
      value: m.value,
      viaLink: m.linkId !== null,
      recordedByName: m.linkId ? null : recordedByName,
    }));
    const done = (scaleId: string, respondent: string, point: string) =>
      measurements.filter((m) => m.scaleId === scaleId && m.respondent === respondent && m.point === point).length;
    const due = plan.flatMap((row) => {
      const dates = dueMeasurements(row, insats, today);
      return row.respondents.flatMap((respondent) => {
        let interimSeen = 0;
        return dates.map((d) => {
          // Interim ratings are matched to the planned dates in order: the k-th one answers the k-th date.
          const isDone =
            d.point === "interim"
              ? ++interimSeen <= done(row.scaleId, respondent, "interim")
              : done(row.scaleId, respondent, d.point) > 0;
          return { scaleId: row.scaleId, respondent, point: d.point, dueOn: d.dueOn, done: isDone };
        });
      });
    });
    due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));

    const scales = new Map(plan.map((p) => [p.scale.id, p.scale]));
    // A scale taken off the plan keeps its ratings: their scales are shown too.
    const missing = [...new Set(measurements.map((m) => m.scaleId))].filter((id) => !scales.has(id));
    if (missing.length) for (const s of await tx.select().from(isuScales)) if (missing.includes(s.id)) scales.set(s.id, s);

    const instrumentKeys = plan.flatMap((p) =>
      p.scale.kind === "instrument" && p.scale.instrumentKey ? [p.scale.instrumentKey] : [],
    );
    const signed =
      instrumentKeys.length && canManage(actor, insats)
        ? await tx
            .select({
              id: assessments.id,
              instrumentKey: instruments.key,
              assessedOn: assessments.assessedOn,
              score: assessments.score,
            })
            .from(assessments)
            .innerJoin(instruments, eq(instruments.id, assessments.instrumentId))
            .where(
              and(
                eq(assessments.caseId, insats.caseId),
                isNotNull(assessments.signedAt),
                inArray(instruments.key, instrumentKeys),
              ),
            )
            .orderBy(desc(assessments.assessedOn))
        : [];

    const questionText = new Map(questions.map((q) => [q.key, q.textSv]));
    const survey = responses.map((r) => ({
      respondent: r.respondent as SelfRespondent,
      answeredOn: r.answeredOn,
      answers: Object.entries(r.answers as Record<string, number>).map(([key, value]) => ({
        key,
        text: questionText.get(key) ?? key,
        value,
      })),
    }));
    const allAnswers = survey.flatMap((s) => s.answers.map((a) => a.value));

    await audit(tx, actor, {
      action: "isu.read",
      permission: "insats:read",
      personId: insats.personId,
      recordType: "insats",
      recordId: insatsId,
    });
    return {
      insatsId,
      due,
      measurements,
      changes: personChanges(scales, measurements),
      gasTScore: ((gas?.score as { tScore?: number | null } | undefined)?.tScore ?? null) as number | null,
      goals: goalCounts(lastFollowUp?.results as { attainment: GoalAttainment }[] | undefined),
      links: links.map(({ l, createdByName }) => ({
        id: l.id,
        respondent: l.respondent as SelfRespondent,
        point: l.point as MeasurementPoint,
        includeSurvey: l.includeSurvey,
        expiresAt: l.expiresAt.toISOString(),
        usedAt: l.usedAt?.toISOString() ?? null,
        state: l.usedAt ? "used" : l.expiresAt <= now ? "expired" : "open",
        createdByName,
      })),
      survey,
      satisfactionMean: allAnswers.length ? allAnswers.reduce((s, v) => s + v, 0) / allAnswers.length : null,
      scales: [...scales.values()].map(asScale),
      plan: plan.map(({ scale: _, ...row }) => row),
      assessments: signed.map((a) => ({
        id: a.id,
        instrumentKey: a.instrumentKey,
        assessedOn: a.assessedOn,
        riskTotal: (a.score as { riskTotal: number }).riskTotal,
      })),
      can: { record: canProvide(actor, insats) },
    };
  });
}

/** The plan row of a scale, or a 400 naming the field: only what the insats type's plan collects is recorded. */
async function plannedScale(tx: Tx, catalogueId: string, scaleId: string, respondent: Respondent, point: MeasurementPoint) {
  const row = (await planOf(tx, catalogueId)).find((p) => p.scaleId === scaleId);
  if (!row)
    throw badRequest(
      "not_in_plan",
      "Skalan ingår inte i insatsens mätplan / Not in the measurement plan",
      field("body.scaleId", "Inte i mätplanen"),
    );
  if (!row.respondents.includes(respondent))
    throw badRequest(
      "not_in_plan",
      "Den svarande ingår inte i mätplanen / Respondent not in the plan",
      field("body.respondent", "Inte i mätplanen"),
    );
  if (!row.points.includes(point))
    throw badRequest(
      "not_in_plan",
      "Mättillfället ingår inte i mätplanen / Point not in the plan",
      field("body.point", "Inte i mätplanen"),
    );
  return row.scale;
}

/**
 * Records a rating given in a meeting or by staff. A rating scale takes the value typed in; an
 * instrument scale takes the risk total of a signed assessment of the same case.
 */
export async function recordMeasurement(
  { db }: Database,
  actor: Actor,
  insatsId: string,
  body: z.infer<typeof measurementBody>,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { insats } = await insatsForChange(tx, actor, insatsId, "provide");
    const scale = await plannedScale(tx, insats.catalogueId, body.scaleId, body.respondent, body.point);
    if (body.measuredOn > stockholmDate(now)) {
      throw badRequest(
        "future_date",
        "Datumet ligger i framtiden / The date is in the future",
        field("body.measuredOn", "I framtiden"),
      );
    }
    const refusal = pointRefusal(body.point, insats, body.measuredOn);
    if (refusal) throw refuse(refusal);

    let value: number;
    let assessmentId: string | null = null;
    if (scale.kind === "rating") {
      if (body.assessmentId !== undefined)
        throw badRequest(
          "invalid_input",
          "Bara för instrumentskalor / Instrument scales only",
          field("body.assessmentId", "Ska inte anges"),
        );
      if (body.value === undefined || !Number.isInteger(body.value) || body.value < scale.min || body.value > scale.max) {
        throw badRequest(
          "outside_scale",
          `Värdet ska vara ett heltal ${scale.min}–${scale.max} / The value must be a whole number ${scale.min}–${scale.max}`,
          field("body.value", `Utanför skalan ${scale.min}–${scale.max}`),
        );
      }
      value = body.value;
    } else {
      // An assessment's total is case data: only case staff take it over (the provider sees the uppdrag, not the case).
      if (!canManage(actor, insats)) throw notFound();
      if (body.value !== undefined)
        throw badRequest(
          "invalid_input",
          "Värdet tas från bedömningen / The value comes from the assessment",
          field("body.value", "Ska inte anges"),
        );
      const [a] = body.assessmentId
        ? await tx
            .select({ id: assessments.id, score: assessments.score })
            .from(assessments)
            .innerJoin(instruments, eq(instruments.id, assessments.instrumentId))
            .where(
              and(
                eq(assessments.id, body.assessmentId),
                eq(assessments.caseId, insats.caseId),
                eq(instruments.key, scale.instrumentKey ?? ""),
                isNotNull(assessments.signedAt),
              ),
            )
        : [];
      if (!a) {
        throw badRequest(
          "assessment_required",
          "Välj en signerad bedömning med instrumentet i ärendet / Choose a signed assessment of the case",
          field("body.assessmentId", "Signerad bedömning krävs"),
        );
      }
      value = (a.score as { riskTotal: number }).riskTotal;
      assessmentId = a.id;
    }

    const [existing] = await tx
      .select({ id: isuMeasurements.id })
      .from(isuMeasurements)
      .where(
        and(
          eq(isuMeasurements.insatsId, insatsId),
          eq(isuMeasurements.scaleId, scale.id),
          eq(isuMeasurements.respondent, body.respondent),
          eq(isuMeasurements.point, body.point),
          ...(body.point === "interim" ? [eq(isuMeasurements.measuredOn, body.measuredOn)] : []),
        ),
      );
    if (existing) {
      throw conflict(
        "measurement_exists",
        "Skattningen är redan registrerad / Already recorded",
        field("body.point", "Redan registrerad"),
      );
    }
    const [row] = await tx
      .insert(isuMeasurements)
      .values({
        insatsId,
        personId: insats.personId,
        districtId: insats.districtId,
        scaleId: scale.id,
        point: body.point,
        respondent: body.respondent,
        measuredOn: body.measuredOn,
        value,
        assessmentId,
        recordedBy: actor.userId,
      })
      .returning({ id: isuMeasurements.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "isu.measurement.create",
      permission: "insats:provide",
      personId: insats.personId,
      recordType: "insats",
      recordId: insatsId,
      details: { measurement: row.id, scale: scale.key, point: body.point },
    });
    return row;
  });
}

/**
 * A one-time link for the young person or a guardian. It asks the plan's rating scales for that
 * respondent at that point, and the satisfaction survey when asked for (by default at the end).
 * The token is 32 random bytes; only its SHA-256 is stored.
 */
export async function createSelfReportLink(
  { db }: Database,
  actor: Actor,
  insatsId: string,
  body: z.infer<typeof selfReportLinkBody>,
  now: Date,
): Promise<z.infer<typeof selfReportLinkCreated>> {
  return db.transaction(async (tx) => {
    const { insats } = await insatsForChange(tx, actor, insatsId, "provide");
    const refusal = pointRefusal(body.point, insats, stockholmDate(now));
    if (refusal) throw refuse(refusal === "before_start" ? "insats_not_started" : refusal);
    const scaleIds = (await planOf(tx, insats.catalogueId))
      .filter(
        (p) =>
          p.scale.kind === "rating" && p.scale.active && p.points.includes(body.point) && p.respondents.includes(body.respondent),
      )
      .map((p) => p.scaleId);
    const includeSurvey = body.includeSurvey ?? body.point === "end";
    if (scaleIds.length === 0 && !includeSurvey) {
      throw badRequest(
        "nothing_to_ask",
        "Mätplanen har inga frågor till den svarande vid det tillfället / Nothing to ask",
        field("body.point", "Inga frågor i mätplanen"),
      );
    }
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + body.validDays * DAY_MS);
    const [row] = await tx
      .insert(isuSelfReportLinks)
      .values({
        insatsId,
        personId: insats.personId,
        districtId: insats.districtId,
        respondent: body.respondent,
        point: body.point,
        scaleIds,
        includeSurvey,
        tokenHash: hashToken(token),
        expiresAt,
        createdBy: actor.userId,
      })
      .returning({ id: isuSelfReportLinks.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "isu.link.create",
      permission: "insats:provide",
      personId: insats.personId,
      recordType: "insats",
      recordId: insatsId,
      details: { link: row.id, respondent: body.respondent, point: body.point },
    });
    return { id: row.id, token, path: `/svar#${token}`, expiresAt: expiresAt.toISOString() };
  });
}
