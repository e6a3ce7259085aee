import { and, desc, eq, isNotNull, lt, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  assessmentDetail,
  assessmentSummary,
  createAssessmentBody,
  updateAssessmentBody,
} from "../../../contracts/assessments";
import { compareScores } from "../../../domain/instruments/compare";
import { fitsAge, type InstrumentDefinition } from "../../../domain/instruments/definition";
import { type Answers, answerIssues, type Score, score } from "../../../domain/instruments/scoring";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import { assessments, instruments, investigations, persons, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { caseForWrite, caseInScope, requireAccepts } from "../cases/access";
import { outOfOrder } from "../cases/rules";
import { definitionOf } from "./instruments.service";
import { isTrained } from "./trainings.service";

type CreateInput = z.infer<typeof createAssessmentBody>;
type UpdateInput = z.infer<typeof updateAssessmentBody>;
type Summary = z.infer<typeof assessmentSummary>;
type Goal = { id: string; label: string };

const signer = alias(users, "signer");

const invalidAnswers = (fields: { path: string; message: string }[]) =>
  badRequest("invalid_answers", "Svaren stämmer inte med instrumentet / The answers do not fit the instrument", fields);

/** Checks a draft's content against its definition; everything that can be wrong is reported at once. */
function checkContent(def: InstrumentDefinition, input: UpdateInput, birthDate: string, today: string): Answers {
  const fields: { path: string; message: string }[] = [];
  if (input.assessedOn > today) fields.push({ path: "body.assessedOn", message: "I framtiden / In the future" });
  if (!fitsAge(def, birthDate, input.assessedOn) && !input.ageOverrideReason) {
    fields.push({
      path: "body.ageOverrideReason",
      message: `Personen är utanför instrumentets ålder (${def.ageRange.min}–${def.ageRange.max} år): ange skäl / Outside the instrument's age range: give a reason`,
    });
  }
  if (def.kind === "gas") {
    const ids = input.goals.map((g) => g.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) fields.push({ path: `body.goals.${i}.id`, message: `duplicate goal id "${id}"` });
    });
    for (const key of Object.keys(input.answers)) {
      if (!ids.includes(key)) fields.push({ path: `body.answers.${key}`, message: "no goal with that id" });
    }
  } else if (input.goals.length > 0) {
    fields.push({ path: "body.goals", message: "Only Goal Attainment Scaling has goals" });
  }
  for (const issue of answerIssues(def, input.answers, { requireAll: false })) {
    fields.push({ path: `body.${issue.path}`, message: issue.message });
  }
  if (input.judgement !== undefined && !def.judgement?.levels.some((l) => l.id === input.judgement)) {
    fields.push({ path: "body.judgement", message: "Not a level of this instrument's professional judgement" });
  }
  if (fields.length) throw invalidAnswers(fields);
  return input.answers;
}

/** GAS answers are keyed by goal; goals without a score yet are kept as null so signing can name them. */
function answersWithGoals(def: InstrumentDefinition, answers: Answers, goals: Goal[]): Answers {
  if (def.kind !== "gas") return answers;
  return Object.fromEntries(goals.map((g) => [g.id, answers[g.id] ?? null]));
}

async function personBirthDate(tx: Tx, personId: string): Promise<string> {
  const [p] = await tx.select({ birthDate: persons.birthDate }).from(persons).where(eq(persons.id, personId));
  if (!p) throw notFound();
  return p.birthDate;
}

export async function createAssessment(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: CreateInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
    requireAccepts(c, "assessment");
    if (input.investigationId) {
      const [inv] = await tx
        .select({ caseId: investigations.caseId, completedOn: investigations.completedOn })
        .from(investigations)
        .where(eq(investigations.id, input.investigationId));
      if (!inv || inv.caseId !== caseId) {
        throw badRequest("unknown_investigation", "Utredningen hör inte till ärendet / Not this case's investigation", [
          { path: "body.investigationId", message: "Okänd utredning / Unknown investigation" },
        ]);
      }
      if (inv.completedOn) throw outOfOrder("Utredningen är avslutad / The investigation is completed", "body.investigationId");
    }
    const { row: instrument, def } = await definitionOf(tx, input.instrumentId).catch(() => {
      throw badRequest("unknown_instrument", "Okänt instrument / Unknown instrument", [
        { path: "body.instrumentId", message: "Okänt instrument / Unknown instrument" },
      ]);
    });
    if (instrument.retiredAt) {
      throw badRequest("instrument_retired", "Instrumentversionen är tagen ur bruk / This version is retired", [
        { path: "body.instrumentId", message: "Välj en aktuell version / Choose a current version" },
      ]);
    }
    const answers = answersWithGoals(
      def,
      checkContent(def, input, await personBirthDate(tx, c.personId), stockholmDate(now)),
      input.goals,
    );
    const computed = score(def, answers);
    const [row] = await tx
      .insert(assessments)
      .values({
        caseId,
        investigationId: input.investigationId ?? null,
        personId: c.personId,
        districtId: c.districtId,
        instrumentId: instrument.id,
        assessedOn: input.assessedOn,
        answers,
        goals: input.goals,
        score: computed,
        computedBand: computed.band?.id ?? null,
        judgement: input.judgement ?? null,
        judgementReason: input.judgementReason || null,
        ageOverrideReason: input.ageOverrideReason || null,
        createdBy: actor.userId,
      })
      .returning({ id: assessments.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "assessment.create",
      permission: "case:write",
      personId: c.personId,
      recordType: "assessment",
      recordId: row.id,
      details: { instrument: instrument.key, version: instrument.version },
    });
    return row;
  });
}

/** A draft the actor may change: its case in their write scope, not yet signed. */
async function draftForWrite(tx: Tx, actor: Actor, id: string) {
  const [a] = await tx.select().from(assessments).where(eq(assessments.id, id));
  if (!a) throw notFound();
  await caseForWrite(tx, actor, a.caseId, "case:write");
  if (a.signedAt) throw outOfOrder("Bedömningen är signerad och kan inte ändras / Signed assessments cannot be changed");
  return a;
}

export async function updateAssessment(
  { db }: Database,
  actor: Actor,
  id: string,
  input: UpdateInput,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const a = await draftForWrite(tx, actor, id);
    const { def } = await definitionOf(tx, a.instrumentId);
    const answers = answersWithGoals(
      def,
      checkContent(def, input, await personBirthDate(tx, a.personId), stockholmDate(now)),
      input.goals,
    );
    const computed = score(def, answers);
    await tx
      .update(assessments)
      .set({
        assessedOn: input.assessedOn,
        answers,
        goals: input.goals,
        score: computed,
        computedBand: computed.band?.id ?? null,
        judgement: input.judgement ?? null,
        judgementReason: input.judgementReason || null,
        ageOverrideReason: input.ageOverrideReason || null,
        updatedAt: now,
      })
      .where(eq(assessments.id, id));
    await audit(tx, actor, {
      action: "assessment.update",
      permission: "case:write",
      personId: a.personId,
      recordType: "assessment",
      recordId: id,
    });
    return { id };
  });
}

/**
 * Signing makes the assessment final: every required item answered, the professional judgement
 * set (with its reason where the instrument asks for one), and the signer trained in this very
 * instrument version on the day. Others may draft; only the trained may sign.
 */
export async function signAssessment({ db }: Database, actor: Actor, id: string, now: Date): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const a = await draftForWrite(tx, actor, id);
    const { row: instrument, def } = await definitionOf(tx, a.instrumentId);
    const fields = answerIssues(def, a.answers as Answers, { requireAll: true }).map((i) => ({
      path: `body.${i.path}`,
      message: i.message,
    }));
    if (def.judgement && !a.judgement) {
      fields.push({
        path: "body.judgement",
        message: "Sätt den samlade professionella bedömningen / Set the professional judgement",
      });
    }
    if (def.judgement?.reasonRequired && a.judgement && !a.judgementReason) {
      fields.push({ path: "body.judgementReason", message: "Motivera bedömningen / Give the reason for the judgement" });
    }
    if (fields.length) {
      throw badRequest("assessment_incomplete", "Bedömningen är inte komplett / The assessment is incomplete", fields);
    }
    const today = stockholmDate(now);
    if (!(await isTrained(tx, actor.userId, instrument.key, instrument.version, today))) {
      throw conflict(
        "not_trained",
        `Du är inte registrerad som utbildad i ${instrument.name} ${instrument.version}: spara som utkast och låt en utbildad kollega signera / You are not registered as trained in this instrument`,
        [{ path: "body", message: "Utbildning saknas i registret / No training on record" }],
      );
    }
    await tx.update(assessments).set({ signedBy: actor.userId, signedAt: now, updatedAt: now }).where(eq(assessments.id, id));
    await audit(tx, actor, {
      action: "assessment.sign",
      permission: "case:write",
      personId: a.personId,
      recordType: "assessment",
      recordId: id,
      details: { instrument: instrument.key, version: instrument.version },
    });
    return { id };
  });
}

const summaryColumns = {
  a: assessments,
  instrumentKey: instruments.key,
  instrumentVersion: instruments.version,
  instrumentName: instruments.name,
  definition: instruments.definition,
  createdByName: users.displayName,
  signedByName: signer.displayName,
};
type SummaryRow = {
  a: typeof assessments.$inferSelect;
  instrumentKey: string;
  instrumentVersion: string;
  instrumentName: string;
  definition: unknown;
  createdByName: string;
  signedByName: string | null;
};

function toSummary(r: SummaryRow): Summary {
  return {
    id: r.a.id,
    caseId: r.a.caseId,
    investigationId: r.a.investigationId,
    instrument: {
      id: r.a.instrumentId,
      key: r.instrumentKey,
      version: r.instrumentVersion,
      name: r.instrumentName,
      kind: (r.definition as InstrumentDefinition).kind,
    },
    assessedOn: r.a.assessedOn,
    status: r.a.signedAt ? "signed" : "draft",
    score: r.a.score as Score,
    judgement: r.a.judgement,
    judgementLabel: (r.definition as InstrumentDefinition).judgement?.levels.find((l) => l.id === r.a.judgement)?.label ?? null,
    createdByName: r.createdByName,
    signedByName: r.signedByName,
    signedAt: r.a.signedAt?.toISOString() ?? null,
  };
}

function selectSummaries(tx: Tx) {
  return tx
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(instruments, eq(instruments.id, assessments.instrumentId))
    .innerJoin(users, eq(users.id, assessments.createdBy))
    .leftJoin(signer, eq(signer.id, assessments.signedBy));
}

export async function listCaseAssessments({ db }: Database, actor: Actor, caseId: string): Promise<{ items: Summary[] }> {
  return db.transaction(async (tx) => {
    const { case: c } = await caseInScope(tx, actor, caseId);
    const rows = await selectSummaries(tx)
      .where(eq(assessments.caseId, caseId))
      .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt));
    await audit(tx, actor, {
      action: "assessment.list",
      permission: "case:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { count: rows.length },
    });
    return { items: rows.map(toSummary) };
  });
}

export async function getAssessment(
  { db }: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<z.infer<typeof assessmentDetail>> {
  return db.transaction(async (tx) => {
    const [r] = await selectSummaries(tx).where(eq(assessments.id, id));
    if (!r) throw notFound();
    await caseInScope(tx, actor, r.a.caseId);
    const def = r.definition as InstrumentDefinition;
    // The person's latest earlier signed assessment with the same instrument (any version).
    const [previous] = await tx
      .select({ a: assessments })
      .from(assessments)
      .innerJoin(instruments, eq(instruments.id, assessments.instrumentId))
      .where(
        and(
          eq(assessments.personId, r.a.personId),
          eq(instruments.key, r.instrumentKey),
          isNotNull(assessments.signedAt),
          ne(assessments.id, r.a.id),
          lt(assessments.assessedOn, r.a.assessedOn),
        ),
      )
      .orderBy(desc(assessments.assessedOn))
      .limit(1);
    const comparison = previous
      ? {
          previousId: previous.a.id,
          previousAssessedOn: previous.a.assessedOn,
          ...compareScores(
            def,
            { answers: previous.a.answers as Answers, score: previous.a.score as Score },
            { answers: r.a.answers as Answers, score: r.a.score as Score },
          ),
        }
      : null;
    const canSign =
      !r.a.signedAt && (await isTrained(tx, actor.userId, r.instrumentKey, r.instrumentVersion, stockholmDate(now)));
    await audit(tx, actor, {
      action: "assessment.read",
      permission: "case:read",
      personId: r.a.personId,
      recordType: "assessment",
      recordId: id,
    });
    return {
      ...toSummary(r),
      personId: r.a.personId,
      answers: r.a.answers as Record<string, number | null>,
      goals: r.a.goals as Goal[],
      judgementReason: r.a.judgementReason,
      ageOverrideReason: r.a.ageOverrideReason,
      definition: def as unknown as Record<string, unknown>,
      comparison,
      canSign,
    };
  });
}
