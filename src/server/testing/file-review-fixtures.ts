import { eq } from "drizzle-orm";
import {
  cases,
  decisions,
  fileReviewActions,
  fileReviewItems,
  fileReviews,
  insatser,
  insatsFollowUps,
  insatsPlans,
  investigations,
  persons,
  preAssessments,
  protectionAssessments,
  reports,
} from "../db/schema/index";
import { catalogueEntry } from "./insats-fixtures";
import { nextPersonnummer, type World } from "./world";

type Target = "own" | "other";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A young person of their own, so each file stands alone (one open case per person and district). */
async function newPerson(w: World, target: Target, lastName: string) {
  const f = target === "own" ? w.own : w.other;
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: "Granskad",
      lastName,
      gender: "pojke",
      birthDate: "2010-05-05",
      districtId: f.id,
    })
    .returning();
  if (!p) throw new Error("seed failed");
  return p.id;
}

export interface InvestigationSeed {
  /** When the report arrived. */
  receivedAt: Date;
  /** Hours from receipt to the skyddsbedömning (null: none made). */
  protectionAfterHours?: number | null;
  /** Days from receipt to the förhandsbedömning that opened the investigation. */
  openedAfterDays?: number;
  /** Days from opening to completion (null: still running). */
  completedAfterDays?: number | null;
  concerns?: string[];
  noAssessmentReason?: string | null;
  noAssessmentNote?: string | null;
  /** A förlängning decided this many days after opening, to a new end this many days after opening. */
  extension?: { decidedAfterDays: number; newEndAfterDays: number };
  lastName?: string;
}

/**
 * An utredning written straight to the database with chosen timings: the report, its
 * skyddsbedömning, the förhandsbedömning and decision that opened the investigation, and
 * optionally its completion and a förlängning. Returns the ids the tests look for.
 */
export async function seedInvestigationFile(w: World, target: Target, s: InvestigationSeed) {
  const { db } = w.database;
  const f = target === "own" ? w.own : w.other;
  const chef = w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string;
  const personId = await newPerson(w, target, s.lastName ?? "Utredd");
  const openedAt = new Date(s.receivedAt.getTime() + (s.openedAfterDays ?? 2) * DAY);
  const openedOn = openedAt.toISOString().slice(0, 10);
  const completed = s.completedAfterDays === undefined ? 60 : s.completedAfterDays;
  const [c] = await db
    .insert(cases)
    .values({
      personId,
      districtId: f.id,
      unitId: f.unitId,
      openedAt: s.receivedAt,
      closedAt: completed === null ? null : new Date(openedAt.getTime() + (completed + 1) * DAY),
    })
    .returning();
  if (!c) throw new Error("seed failed");
  const [r] = await db
    .insert(reports)
    .values({
      caseId: c.id,
      personId,
      districtId: f.id,
      kind: "orosanmalan",
      receivedAt: s.receivedAt,
      reporterCategory: "polis",
      concerns: s.concerns ?? ["brott"],
      text: "Fixture",
    })
    .returning();
  if (!r) throw new Error("seed failed");
  const protectionAfter = s.protectionAfterHours === undefined ? 2 : s.protectionAfterHours;
  if (protectionAfter !== null) {
    await db.insert(protectionAssessments).values({
      reportId: r.id,
      assessedAt: new Date(s.receivedAt.getTime() + protectionAfter * HOUR),
      assessedBy: chef,
      immediateProtectionNeeded: false,
      notes: "-",
    });
  }
  const [d] = await db
    .insert(decisions)
    .values({
      caseId: c.id,
      type: "inleda_utredning",
      decidedAt: openedAt,
      decidedBy: chef,
      decidedAsRole: "enhetschef",
      reason: "Utreds",
    })
    .returning();
  if (!d) throw new Error("seed failed");
  const [i] = await db
    .insert(investigations)
    .values({
      caseId: c.id,
      personId,
      districtId: f.id,
      openedOn,
      openingDecisionId: d.id,
      completedOn: completed === null ? null : new Date(openedAt.getTime() + completed * DAY).toISOString().slice(0, 10),
      noAssessmentReason: s.noAssessmentReason ?? null,
      noAssessmentNote: s.noAssessmentNote ?? null,
    })
    .returning();
  if (!i) throw new Error("seed failed");
  await db
    .insert(preAssessments)
    .values({ reportId: r.id, decidedAt: openedAt, decidedBy: chef, outcome: "inleda", reason: "-", investigationId: i.id });
  let extensionId: string | null = null;
  if (s.extension) {
    const newEndDate = new Date(openedAt.getTime() + s.extension.newEndAfterDays * DAY).toISOString().slice(0, 10);
    const [e] = await db
      .insert(decisions)
      .values({
        caseId: c.id,
        investigationId: i.id,
        type: "forlangning",
        decidedAt: new Date(openedAt.getTime() + s.extension.decidedAfterDays * DAY),
        decidedBy: chef,
        decidedAsRole: "enhetschef",
        reason: "Inväntar utlåtande",
        details: { newEndDate },
      })
      .returning();
    extensionId = e?.id ?? null;
  }
  return { personId, caseId: c.id, reportId: r.id, investigationId: i.id, openingDecisionId: d.id, extensionId, openedOn };
}

export interface InsatsSeed {
  decidedOn: string;
  startedOn?: string | null;
  /** The day the first plan was signed (null: no plan). */
  planSignedOn?: string | null;
  youngPersonViews?: string;
  followUp?: { dueOn: string; doneOn: string | null };
  code?: string;
  lastName?: string;
}

/** An insats (bistånd) with chosen days for decision, start, plan and one follow-up, straight to the database. */
export async function seedInsatsFile(w: World, target: Target, s: InsatsSeed) {
  const { db } = w.database;
  const f = target === "own" ? w.own : w.other;
  const worker = w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string;
  const personId = await newPerson(w, target, s.lastName ?? "Insatsdel");
  const [c] = await db
    .insert(cases)
    .values({ personId, districtId: f.id, unitId: f.unitId, openedAt: new Date(`${s.decidedOn}T08:00:00Z`) })
    .returning();
  if (!c) throw new Error("seed failed");
  const [d] = await db
    .insert(decisions)
    .values({
      caseId: c.id,
      type: "bistand",
      decidedAt: new Date(`${s.decidedOn}T09:00:00Z`),
      decidedBy: worker,
      decidedAsRole: "handlaggare",
      reason: "Behov",
    })
    .returning();
  const entry = await catalogueEntry(w, s.code ?? "FFT");
  const [i] = await db
    .insert(insatser)
    .values({
      caseId: c.id,
      personId,
      districtId: f.id,
      catalogueId: entry.id,
      decisionId: d?.id,
      legalForm: "bistand",
      decidedOn: s.decidedOn,
      providerUnitId: f.providerUnitId,
      startedOn: s.startedOn ?? null,
      createdBy: worker,
    })
    .returning();
  if (!i) throw new Error("seed failed");
  let planId: string | null = null;
  if (s.planSignedOn) {
    const [p] = await db
      .insert(insatsPlans)
      .values({
        insatsId: i.id,
        version: 1,
        goals: [{ id: "g1", text: "Går i skolan", measure: "Närvaro", ...(s.followUp ? { followUpOn: s.followUp.dueOn } : {}) }],
        followUpDates: s.followUp ? [s.followUp.dueOn] : [],
        youngPersonViews: s.youngPersonViews ?? "Vill klara skolan",
        createdBy: worker,
        signedBy: worker,
        signedAt: new Date(`${s.planSignedOn}T10:00:00Z`),
      })
      .returning();
    planId = p?.id ?? null;
    if (p && s.followUp?.doneOn) {
      await db.insert(insatsFollowUps).values({
        insatsId: i.id,
        planId: p.id,
        dueOn: s.followUp.dueOn,
        doneOn: s.followUp.doneOn,
        results: [{ goalId: "g1", attainment: "delvis" }],
        nextStep: "Fortsätt",
        recordedBy: worker,
      });
    }
  }
  return { personId, caseId: c.id, insatsId: i.id, planId };
}

/**
 * A file review of one utredning in the district, made through the API by the district's kvalitet,
 * and taken as far as asked: its manual criteria answered, signed, with an action on it.
 */
export async function seedFileReview(
  w: World,
  target: Target,
  opts: { answered?: boolean; signed?: boolean; action?: boolean } = {},
) {
  const f = target === "own" ? w.own : w.other;
  const reviewer = w.userIds[target === "own" ? "kvalitet" : "kvalitet.b"] as string;
  await seedInvestigationFile(w, target, { receivedAt: new Date("2024-01-10T08:00:00Z") });
  const res = await w.app.inject({
    method: "POST",
    url: "/api/file-reviews",
    headers: { cookie: await w.login(target === "own" ? "kvalitet" : "kvalitet.b") },
    payload: { districtIds: [f.id], from: "2024-01-01", to: "2024-12-31", kind: "utredningar", sampleSize: 1, seed: 1 },
  });
  if (res.statusCode !== 201) throw new Error(`seed review: ${res.statusCode} ${res.body}`);
  const review = res.json() as { id: string; items: { id: string }[] };
  const itemId = review.items[0]?.id as string;
  const { db } = w.database;
  if (opts.answered || opts.signed)
    await db
      .update(fileReviewItems)
      .set({ answers: { barnets_syn_utredning: "met", analys_kvalitet: "met" } })
      .where(eq(fileReviewItems.reviewId, review.id));
  if (opts.signed)
    await db.update(fileReviews).set({ signedAt: new Date(), signedBy: reviewer }).where(eq(fileReviews.id, review.id));
  let actionId = "";
  if (opts.action) {
    const [a] = await db
      .insert(fileReviewActions)
      .values({
        reviewId: review.id,
        itemId,
        criterionCode: "skyddsbedomning",
        finding: "Skyddsbedömning saknas",
        action: "Gå igenom rutinen",
        responsibleId: w.userIds[target === "own" ? "enhetschef" : "enhetschef.b"] as string,
        dueOn: "2027-01-31",
        createdBy: reviewer,
      })
      .returning();
    actionId = a?.id as string;
  }
  return { reviewId: review.id, itemId, actionId };
}
