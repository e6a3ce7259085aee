import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { SelfReportForm, selfReportAnswersBody } from "../../../contracts/effects";
import type { MeasurementPoint, SelfRespondent } from "../../../domain/effects/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import { isuMeasurements, isuScales, isuSelfReportLinks, isuSurveyQuestions, isuSurveyResponses } from "../../db/schema/index";
import { auditAnonymous } from "../../platform/audit";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { hashToken } from "./measurements.service";

export interface Client {
  requestId: string;
  clientIp: string;
}

const gone = () =>
  new AppError(410, "link_gone", "Länken har redan använts eller har gått ut / The link has been used or has expired");

/**
 * The link behind a token. An unknown token is 404 and says nothing more; a used or expired one
 * is 410. With `lock`, the row is locked so two submissions of one link run one after the other.
 */
async function linkOf(tx: Tx, token: string, now: Date, lock: boolean) {
  const query = tx
    .select()
    .from(isuSelfReportLinks)
    .where(eq(isuSelfReportLinks.tokenHash, hashToken(token)));
  const [link] = lock ? await query.for("update") : await query;
  if (!link) throw notFound();
  if (link.usedAt !== null || link.expiresAt <= now) throw gone();
  return link;
}

async function questionsOf(tx: Tx, link: { scaleIds: string[]; includeSurvey: boolean }) {
  // One after the other: a transaction is one connection.
  const scales = link.scaleIds.length
    ? await tx.select().from(isuScales).where(inArray(isuScales.id, link.scaleIds)).orderBy(asc(isuScales.name))
    : [];
  const survey = link.includeSurvey
    ? await tx
        .select()
        .from(isuSurveyQuestions)
        .where(eq(isuSurveyQuestions.active, true))
        .orderBy(asc(isuSurveyQuestions.position))
    : [];
  return { scales, survey };
}

const auditEntry = (link: { personId: string; insatsId: string; id: string }, action: string) => ({
  action,
  permission: "insats:read" as const,
  personId: link.personId,
  recordType: "insats",
  recordId: link.insatsId,
  details: { link: link.id },
});

/** The form a link opens: only the questions, nothing about the person or the case. */
export async function openSelfReport({ db }: Database, client: Client, token: string, now: Date): Promise<SelfReportForm> {
  return db.transaction(async (tx) => {
    const link = await linkOf(tx, token, now, false);
    const { scales, survey } = await questionsOf(tx, link);
    await auditAnonymous(tx, { ...client, role: link.respondent }, auditEntry(link, "isu.self_report.open"));
    return {
      respondent: link.respondent as SelfRespondent,
      point: link.point as MeasurementPoint,
      expiresAt: link.expiresAt.toISOString(),
      scales: scales.map((s) => ({
        id: s.id,
        question: s.question || s.name,
        min: s.min,
        max: s.max,
        minLabel: s.minLabel,
        maxLabel: s.maxLabel,
      })),
      survey: survey.map((q) => ({ key: q.key, textSv: q.textSv, textEn: q.textEn })),
    };
  });
}

/**
 * Saves the answers and spends the link, in one transaction: a second submission finds the link
 * used (410) and writes nothing. Every question may be skipped, but not all of them.
 */
export async function answerSelfReport(
  { db }: Database,
  client: Client,
  body: z.infer<typeof selfReportAnswersBody>,
  now: Date,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const link = await linkOf(tx, body.token, now, true);
    const { scales, survey } = await questionsOf(tx, link);
    const scaleById = new Map(scales.map((s) => [s.id, s]));
    const questionKeys = new Set(survey.map((q) => q.key));

    if (body.ratings.length === 0 && body.survey.length === 0) {
      throw badRequest("empty_answers", "Svara på minst en fråga / Answer at least one question", [
        { path: "body", message: "Inga svar / No answers" },
      ]);
    }
    body.ratings.forEach((r, i) => {
      const scale = scaleById.get(r.scaleId);
      const at = (f: string, message: string) => [{ path: `body.ratings.${i}.${f}`, message }];
      if (!scale)
        throw badRequest("unknown_question", "Frågan ingår inte i formuläret / Not in this form", at("scaleId", "Okänd fråga"));
      if (body.ratings.findIndex((o) => o.scaleId === r.scaleId) !== i)
        throw badRequest("duplicate_answer", "Samma fråga två gånger / Answered twice", at("scaleId", "Dubblett"));
      if (r.value < scale.min || r.value > scale.max)
        throw badRequest(
          "outside_scale",
          `Svaret ska vara ${scale.min}–${scale.max} / Must be ${scale.min}–${scale.max}`,
          at("value", "Utanför skalan"),
        );
    });
    body.survey.forEach((a, i) => {
      const at = [{ path: `body.survey.${i}.key`, message: "Okänd fråga / Unknown question" }];
      if (!questionKeys.has(a.key)) throw badRequest("unknown_question", "Frågan ingår inte i formuläret / Not in this form", at);
      if (body.survey.findIndex((o) => o.key === a.key) !== i)
        throw badRequest("duplicate_answer", "Samma fråga två gånger / Answered twice", at);
    });

    const today = stockholmDate(now);
    if (body.ratings.length) {
      const [taken] = await tx
        .select({ id: isuMeasurements.id })
        .from(isuMeasurements)
        .where(
          and(
            eq(isuMeasurements.insatsId, link.insatsId),
            eq(isuMeasurements.respondent, link.respondent),
            eq(isuMeasurements.point, link.point),
            inArray(
              isuMeasurements.scaleId,
              body.ratings.map((r) => r.scaleId),
            ),
            ...(link.point === "interim" ? [eq(isuMeasurements.measuredOn, today)] : []),
          ),
        )
        .limit(1);
      // Staff already recorded this respondent's rating at this point: keep the link for them to sort out.
      if (taken) throw conflict("measurement_exists", "Svaren är redan registrerade / Already recorded");
      await tx.insert(isuMeasurements).values(
        body.ratings.map((r) => ({
          insatsId: link.insatsId,
          personId: link.personId,
          districtId: link.districtId,
          scaleId: r.scaleId,
          point: link.point,
          respondent: link.respondent,
          measuredOn: today,
          value: r.value,
          linkId: link.id,
        })),
      );
    }
    if (body.survey.length) {
      await tx.insert(isuSurveyResponses).values({
        insatsId: link.insatsId,
        districtId: link.districtId,
        linkId: link.id,
        respondent: link.respondent,
        answeredOn: today,
        answers: Object.fromEntries(body.survey.map((a) => [a.key, a.value])),
      });
    }
    await tx.update(isuSelfReportLinks).set({ usedAt: now }).where(eq(isuSelfReportLinks.id, link.id));
    await auditAnonymous(
      tx,
      { ...client, role: link.respondent },
      {
        ...auditEntry(link, "isu.self_report.answer"),
        details: { link: link.id, ratings: body.ratings.length, survey: body.survey.length },
      },
    );
    return { ok: true as const };
  });
}
