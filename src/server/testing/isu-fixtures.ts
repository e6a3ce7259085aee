import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { MeasurementPoint, Respondent, SelfRespondent } from "../../domain/effects/vocabulary";
import {
  assessments,
  cases,
  insatser,
  insatsFollowUps,
  insatsPlans,
  isuMeasurements,
  isuScales,
  isuSelfReportLinks,
  isuSurveyResponses,
  persons,
  reports,
} from "../db/schema/index";
import { shippedInstrument } from "./assessment-fixtures";
import { catalogueEntry } from "./insats-fixtures";
import { nextPersonnummer, type World } from "./world";

/**
 * ISU rows written straight to the database for tests (the ISU API is tested elsewhere): young
 * persons with a case, started and ended insatser, measurements, self-report links with survey
 * responses, plan follow-ups, signed GAS assessments and new reports.
 */

type Target = "own" | "other";
const district = (w: World, target: Target) => (target === "own" ? w.own : w.other);
const worker = (w: World, target: Target) => w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string;

/** The starter scale with this key (skola, familj, kamrater, brott). */
export async function scaleByKey(w: World, key: string) {
  const [row] = await w.database.db.select().from(isuScales).where(eq(isuScales.key, key));
  if (!row) throw new Error(`no ISU scale ${key}`);
  return row;
}

/** A young person of the district with an open case; returns both ids. */
export async function youngPersonWithCase(
  w: World,
  target: Target,
  p: { gender: string; birthDate: string; firstName?: string },
): Promise<{ personId: string; caseId: string }> {
  const f = district(w, target);
  const [person] = await w.database.db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: p.firstName ?? "Isu",
      lastName: "Test",
      gender: p.gender,
      birthDate: p.birthDate,
      districtId: f.id,
    })
    .returning();
  if (!person) throw new Error("seed failed");
  const [c] = await w.database.db
    .insert(cases)
    .values({ personId: person.id, districtId: f.id, openedAt: new Date("2022-01-03T09:00:00Z") })
    .returning();
  if (!c) throw new Error("seed failed");
  return { personId: person.id, caseId: c.id };
}

/** A bistånd insats of the catalogue entry `code`, started and (optionally) ended on these days. */
export async function endedInsats(
  w: World,
  target: Target,
  d: { personId: string; caseId: string; startedOn: string; endedOn: string | null; code?: string; decidedOn?: string },
): Promise<string> {
  const f = district(w, target);
  const entry = await catalogueEntry(w, d.code ?? "FFT");
  const [row] = await w.database.db
    .insert(insatser)
    .values({
      caseId: d.caseId,
      personId: d.personId,
      districtId: f.id,
      catalogueId: entry.id,
      legalForm: "bistand",
      decidedOn: d.decidedOn ?? d.startedOn,
      providerUnitId: f.providerUnitId,
      startedOn: d.startedOn,
      endedOn: d.endedOn,
      createdBy: worker(w, target),
    })
    .returning();
  if (!row) throw new Error("seed failed");
  return row.id;
}

async function insatsRow(w: World, insatsId: string) {
  const [row] = await w.database.db.select().from(insatser).where(eq(insatser.id, insatsId));
  if (!row) throw new Error(`no insats ${insatsId}`);
  return row;
}

/** One rating of the scale with key `scaleKey`. */
export async function addMeasurement(
  w: World,
  m: { insatsId: string; scaleKey: string; point: MeasurementPoint; respondent: Respondent; value: number; measuredOn: string },
): Promise<void> {
  const i = await insatsRow(w, m.insatsId);
  const scale = await scaleByKey(w, m.scaleKey);
  await w.database.db.insert(isuMeasurements).values({
    insatsId: i.id,
    personId: i.personId,
    districtId: i.districtId,
    scaleId: scale.id,
    point: m.point,
    respondent: m.respondent,
    measuredOn: m.measuredOn,
    value: m.value,
    recordedBy: i.createdBy,
  });
}

/**
 * A self-report link (survey included unless said otherwise) and, when `answers` is given, the
 * survey response through it ({ questionKey: 1–5 }). Returns the link id.
 */
export async function addSurvey(
  w: World,
  s: {
    insatsId: string;
    respondent?: SelfRespondent;
    point?: MeasurementPoint;
    includeSurvey?: boolean;
    answers?: Record<string, number>;
    answeredOn?: string;
  },
): Promise<string> {
  const i = await insatsRow(w, s.insatsId);
  const respondent = s.respondent ?? "ungdom";
  const [link] = await w.database.db
    .insert(isuSelfReportLinks)
    .values({
      insatsId: i.id,
      personId: i.personId,
      districtId: i.districtId,
      respondent,
      point: s.point ?? "end",
      scaleIds: [],
      includeSurvey: s.includeSurvey ?? true,
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      usedAt: s.answers ? new Date() : null,
      createdBy: i.createdBy,
    })
    .returning();
  if (!link) throw new Error("seed failed");
  if (s.answers) {
    await w.database.db.insert(isuSurveyResponses).values({
      insatsId: i.id,
      districtId: i.districtId,
      linkId: link.id,
      respondent,
      answeredOn: s.answeredOn ?? i.endedOn ?? i.startedOn ?? "2024-01-01",
      answers: s.answers,
    });
  }
  return link.id;
}

/** A plan follow-up done on `doneOn` with these goal attainments (a signed plan is made once per insats). */
export async function addFollowUp(
  w: World,
  f: { insatsId: string; doneOn: string; attainments: string[]; createdAt?: Date },
): Promise<void> {
  const i = await insatsRow(w, f.insatsId);
  let [plan] = await w.database.db.select().from(insatsPlans).where(eq(insatsPlans.insatsId, i.id));
  if (!plan) {
    [plan] = await w.database.db
      .insert(insatsPlans)
      .values({
        insatsId: i.id,
        version: 1,
        goals: f.attainments.map((_, k) => ({ id: `g${k + 1}`, text: "Mål", measure: "Mått", followUpOn: f.doneOn })),
        followUpDates: [],
        createdBy: i.createdBy,
        signedBy: i.createdBy,
        signedAt: new Date(`${i.startedOn ?? f.doneOn}T10:00:00Z`),
      })
      .returning();
  }
  if (!plan) throw new Error("seed failed");
  await w.database.db.insert(insatsFollowUps).values({
    insatsId: i.id,
    planId: plan.id,
    dueOn: null,
    doneOn: f.doneOn,
    results: f.attainments.map((attainment, k) => ({ goalId: `g${k + 1}`, attainment, comment: "" })),
    nextStep: "Avsluta",
    recordedBy: i.createdBy,
    ...(f.createdAt ? { createdAt: f.createdAt } : {}),
  });
}

/** A GAS assessment on the insats's case with this T-score, signed unless `signed` is false. */
export async function addGasAssessment(
  w: World,
  g: { insatsId: string; assessedOn: string; tScore: number; signed?: boolean },
): Promise<void> {
  const i = await insatsRow(w, g.insatsId);
  const gas = await shippedInstrument(w, "gas");
  const signed = g.signed ?? true;
  await w.database.db.insert(assessments).values({
    caseId: i.caseId,
    personId: i.personId,
    districtId: i.districtId,
    instrumentId: gas.id,
    assessedOn: g.assessedOn,
    answers: {},
    goals: [],
    score: {
      domains: [],
      riskTotal: 0,
      protectiveTotal: 0,
      answered: 0,
      items: 0,
      band: null,
      critical: [],
      tScore: g.tScore,
    },
    createdBy: i.createdBy,
    signedBy: signed ? i.createdBy : null,
    signedAt: signed ? new Date(`${g.assessedOn}T12:00:00Z`) : null,
  });
}

/** A new report (orosanmälan) on the person, received at this instant, on the person's case. */
export async function addReport(w: World, r: { personId: string; caseId: string; receivedAt: Date }): Promise<void> {
  const [c] = await w.database.db.select().from(cases).where(eq(cases.id, r.caseId));
  if (!c) throw new Error(`no case ${r.caseId}`);
  await w.database.db.insert(reports).values({
    caseId: c.id,
    personId: r.personId,
    districtId: c.districtId,
    kind: "orosanmalan",
    receivedAt: r.receivedAt,
    reporterCategory: "skola",
    text: "Fixture",
  });
}
