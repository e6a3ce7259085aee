import { z } from "zod";
import { AGE_GROUPS } from "../domain/interventions/rules";
import {
  END_REASONS,
  EVIDENCE_STATUSES,
  GOAL_ATTAINMENT,
  INSATS_KINDS,
  LEGAL_FORMS,
  NOT_STARTED_REASONS,
  PREVENTION_LEVELS,
  PROVIDER_KINDS,
} from "../domain/interventions/vocabulary";
import { day, safeText } from "./common";
import { disclosureNote } from "./disclosure";

const text = (max: number) => safeText.trim().min(1).max(max);
const code = safeText.regex(/^[A-Za-z0-9_.-]{1,40}$/);

export const catalogueEntry = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(INSATS_KINDS),
  providerKind: z.enum(PROVIDER_KINDS),
  targetAgeMin: z.number().int(),
  targetAgeMax: z.number().int(),
  preventionLevel: z.enum(PREVENTION_LEVELS),
  evidenceStatus: z.enum(EVIDENCE_STATUSES),
  legalForm: z.enum(LEGAL_FORMS),
  ksiCode: z.string().nullable(),
  typicalLengthMonths: z.number().int().nullable(),
  active: z.boolean(),
  /** Districts (of those the caller sees) where the insats is offered. */
  districtIds: z.array(z.uuid()),
});
export const catalogueList = z.object({ items: z.array(catalogueEntry) });

export const catalogueBody = z
  .strictObject({
    code: code,
    name: text(120),
    description: safeText.trim().max(2_000).default(""),
    kind: z.enum(INSATS_KINDS),
    providerKind: z.enum(PROVIDER_KINDS),
    targetAgeMin: z.number().int().min(0).max(30),
    targetAgeMax: z.number().int().min(0).max(30),
    preventionLevel: z.enum(PREVENTION_LEVELS),
    evidenceStatus: z.enum(EVIDENCE_STATUSES),
    legalForm: z.enum(LEGAL_FORMS),
    ksiCode: safeText.trim().max(40).nullable().default(null),
    typicalLengthMonths: z.number().int().min(1).max(120).nullable().default(null),
    active: z.boolean().default(true),
    districtIds: z.array(z.uuid()).max(500).default([]),
  })
  .refine((b) => b.targetAgeMin <= b.targetAgeMax, {
    path: ["targetAgeMax"],
    message: "Lägre än minsta ålder / Below the minimum age",
  });

export const createInsatsBody = z.strictObject({
  catalogueId: z.uuid(),
  /** Required for bistånd: the case's bistånd decision the insats carries out. */
  decisionId: z.uuid().optional(),
  /**
   * The day of the insats's legal ground: for a service without decision the day it was granted
   * (default today), required for LVU (the decision on care or placement) and a påföljd (the day of
   * the judgment). Bistånd takes its decision's day.
   */
  decidedOn: day.optional(),
  providerUnitId: z.uuid(),
  /** Required when choosing an insats Socialstyrelsen advises against. */
  advisedAgainstReason: safeText.trim().max(2_000).optional(),
  /**
   * Required when the young person's age on the earliest start day (the later of the decision day
   * and today) lies outside the catalogue entry's target ages (domain/interventions/guards.ts).
   */
  ageOutsideReason: safeText.trim().max(2_000).optional(),
});

const goal = z.strictObject({
  id: code,
  text: text(500),
  /** How attainment is measured: a goal without it is not measurable. */
  measure: text(500),
  followUpOn: day,
});
const activity = z.strictObject({ what: text(500), who: text(200) });
export const planBody = z.strictObject({
  goals: z.array(goal).max(20),
  activities: z.array(activity).max(50).default([]),
  youngPersonViews: safeText.trim().max(5_000).default(""),
  guardianViews: safeText.trim().max(5_000).default(""),
  plannedStart: day.optional(),
  followUpDates: z.array(day).max(20).default([]),
});
export const plan = z.object({
  id: z.uuid(),
  version: z.number().int(),
  goals: z.array(z.object({ id: z.string(), text: z.string(), measure: z.string(), followUpOn: z.string() })),
  activities: z.array(z.object({ what: z.string(), who: z.string() })),
  youngPersonViews: z.string(),
  guardianViews: z.string(),
  plannedStart: z.string().nullable(),
  followUpDates: z.array(z.string()),
  status: z.enum(["draft", "signed"]),
  createdByName: z.string(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
});

export const startBody = z.strictObject({
  startedOn: day,
  /** Required when the age on the start day lies outside the target ages and no reason was given when ordered. */
  ageOutsideReason: safeText.trim().max(2_000).optional(),
});
export const notStartedBody = z.strictObject({
  reason: z.enum(NOT_STARTED_REASONS),
  note: safeText.trim().max(2_000).default(""),
});
export const carePlanBody = z.strictObject({ carePlanOn: day });
export const overvagandeBody = z.strictObject({ decidedOn: day, conclusion: text(5_000) });
export const followUpBody = z.strictObject({
  dueOn: day.optional(),
  doneOn: day,
  results: z
    .array(z.strictObject({ goalId: code, attainment: z.enum(GOAL_ATTAINMENT), comment: safeText.trim().max(2_000).default("") }))
    .min(1)
    .max(20),
  nextStep: text(5_000),
});
export const endBody = z.strictObject({
  endedOn: day,
  endReason: z.enum(END_REASONS),
  outcome: text(5_000),
  /** "Målen uppnådda" although the follow-ups show a goal not reached: confirmed on purpose, with a note. */
  confirmContradiction: z.boolean().optional(),
  contradictionNote: safeText.trim().max(2_000).optional(),
});

export const insatsSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  catalogue: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(INSATS_KINDS),
    evidenceStatus: z.enum(EVIDENCE_STATUSES),
  }),
  legalForm: z.enum(LEGAL_FORMS),
  decisionId: z.uuid().nullable(),
  decidedOn: z.string(),
  providerUnitId: z.uuid(),
  providerUnitName: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** ok | missing | late | not_due (no start yet counts as not_due). */
  planState: z.enum(["ok", "missing", "late", "not_due"]),
  daysDecisionToStart: z.number().int().nullable(),
  /** Not executed within 3 months of the decision (as of today, or started late). */
  ivoReportable: z.boolean(),
  nextFollowUp: z.string().nullable(),
  nextOvervagande: z.string().nullable(),
});
export const insatsList = z.object({ items: z.array(insatsSummary) });

export const insatsDetail = insatsSummary.extend({
  notStartedReason: z.enum(NOT_STARTED_REASONS).nullable(),
  notStartedNote: z.string().nullable(),
  advisedAgainstReason: z.string().nullable(),
  /** The catalogue entry's target ages and the young person's birth date: the start form checks the age on its day. */
  targetAges: z.object({ min: z.number().int(), max: z.number().int() }),
  personBirthDate: z.string(),
  ageOutsideReason: z.string().nullable(),
  /** Where the goals of the plan in force stand after the follow-ups (domain/interventions/guards.ts). */
  goalStatus: z.object({
    total: z.number().int(),
    reached: z.number().int(),
    notReached: z.number().int(),
    unassessed: z.number().int(),
  }),
  endContradictionNote: z.string().nullable(),
  carePlanOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  endOutcome: z.string().nullable(),
  planDueOn: z.string().nullable(),
  plans: z.array(plan),
  followUps: z.array(
    z.object({
      id: z.uuid(),
      planId: z.uuid(),
      dueOn: z.string().nullable(),
      doneOn: z.string(),
      results: z.array(z.object({ goalId: z.string(), attainment: z.enum(GOAL_ATTAINMENT), comment: z.string() })),
      nextStep: z.string(),
      recordedByName: z.string(),
    }),
  ),
  overvaganden: z.array(z.object({ id: z.uuid(), decidedOn: z.string(), conclusion: z.string(), decidedByName: z.string() })),
  /** What the signed-in user may do here. */
  can: z.object({ manage: z.boolean(), provide: z.boolean() }),
});

export const ivoQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  districtId: z.uuid().optional(),
});
export const ivoRow = z.object({
  insatsId: z.uuid(),
  caseId: z.uuid(),
  /** The IVO version only: the nämnd gets counts (ivoNamndReport), never a row per decision. */
  personnummer: z.string(),
  personName: z.string(),
  gender: z.string(),
  insatsName: z.string(),
  decidedOn: z.string(),
  dueOn: z.string(),
  startedOn: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  districtName: z.string(),
});
export const ivoResponse = z.object({
  year: z.number(),
  quarter: z.number(),
  from: z.string(),
  to: z.string(),
  rows: z.array(ivoRow),
});

// ── Reports: the IVO list (both versions) and the samlad bild ────────────────────────────────────

/** The IVO version of the list (ivo:read): when made, and the end of an unstarted decision. */
export const ivoReport = ivoResponse.extend({
  version: z.literal("ivo"),
  generatedAt: z.string(),
  rows: z.array(
    ivoRow.extend({
      /** A decision ended (withdrawn) in the quarter without ever being executed. */
      endedOn: z.string().nullable(),
    }),
  ),
});
/**
 * Counts of one group of the nämnd version, as the disclosure module publishes them (null: hidden).
 * listed = executedLate + notExecuted.
 */
export const ivoNamndCounts = z.object({
  /** Decisions reported for the quarter: not executed within three months. */
  listed: z.number().int().nullable(),
  /** Of them, executed in the quarter after the due date. */
  executedLate: z.number().int().nullable(),
  /** Of them, not executed by the quarter's end (a decision ended without execution in it included). */
  notExecuted: z.number().int().nullable(),
});
/**
 * The nämnd version (stats:read): counts only — no person, no dates per decision, no free text, no
 * ids of insatser or cases — by district, insats (catalogue entry), gender and reason category.
 */
export const ivoNamndReport = z.object({
  year: z.number(),
  quarter: z.number(),
  from: z.string(),
  to: z.string(),
  version: z.literal("namnd"),
  generatedAt: z.string(),
  districtIds: z.array(z.uuid()),
  disclosure: disclosureNote,
  total: ivoNamndCounts,
  byDistrict: z.array(ivoNamndCounts.extend({ districtId: z.uuid(), districtName: z.string() })),
  byInsats: z.array(ivoNamndCounts.extend({ code: z.string(), name: z.string() })),
  byGender: z.array(ivoNamndCounts.extend({ gender: z.enum(["pojke", "flicka", "other"]) })),
  /** "none": no reason recorded. */
  byReason: z.array(ivoNamndCounts.extend({ reason: z.enum([...NOT_STARTED_REASONS, "none"]) })),
});
export const ivoExportQuery = ivoQuery.extend({
  format: z.enum(["pdf", "xlsx"]),
  version: z.enum(["ivo", "namnd"]).default("ivo"),
});

export const samladBildQuery = z.strictObject({
  from: day,
  to: day,
  districtId: z.uuid().optional(),
  /** The provider unit (utförare). */
  unitId: z.uuid().optional(),
  catalogueId: z.uuid().optional(),
  /** The legal form the insatser are given in: SoL (bistånd, service), LVU, påföljd enligt BrB. */
  legalForm: z.enum(LEGAL_FORMS).optional(),
});
export const samladBildExportQuery = samladBildQuery.extend({ format: z.enum(["pdf", "xlsx"]) });

/** Every figure as the disclosure module publishes it (domain/disclosure/publish.ts): null when hidden. */
export const samladBildFigures = z.object({
  /** Distinct young people with an insats running at some time in the period. */
  youngPeople: z.number().int().nullable(),
  started: z.number().int().nullable(),
  /** Started and not ended at the period's last day. */
  ongoing: z.number().int().nullable(),
  ended: z.number().int().nullable(),
  /** Median days start → end of the insatser ended in the period (null below 10). */
  medianLengthDays: z.number().nullable(),
  /** Median days decision → start of the insatser started in the period (null below 10). */
  medianDaysDecisionToStart: z.number().nullable(),
  /** Mean days decision → start of the same insatser, perturbed as the disclosure module says. */
  meanDaysDecisionToStart: z.number().nullable(),
  /** Of the insatser started in the period whose plan was due, the share signed in time. */
  planInTimeShare: z.number().nullable(),
  /** Of the follow-ups due in the period, the share done on or before the due date. */
  followUpInTimeShare: z.number().nullable(),
  /** Of the goal results assessed at follow-ups done in the period, the share "uppnått". */
  goalsReachedShare: z.number().nullable(),
  /** Running insatser Socialstyrelsen advises against. */
  advisedAgainst: z.number().int().nullable(),
});
/** A group's figures for all, boys, girls, other and each age group: the shape of both insats reports. */
export function insatsBreakdown<S extends z.ZodRawShape>(figures: z.ZodObject<S>) {
  return z.object({
    all: figures,
    pojke: figures,
    flicka: figures,
    other: figures,
    byAgeGroup: z.array(z.object({ ...figures.shape, ageGroup: z.enum(AGE_GROUPS) })),
  });
}

/** An insats report: its filter, the total breakdown and one breakdown per catalogue entry. */
export function insatsReport<S extends z.ZodRawShape>(breakdown: z.ZodObject<S>) {
  return z.object({
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    districtIds: z.array(z.uuid()),
    unitId: z.uuid().nullable(),
    catalogueId: z.uuid().nullable(),
    legalForm: z.enum(LEGAL_FORMS).nullable(),
    disclosure: disclosureNote,
    total: breakdown,
    byInsats: z.array(
      z.object({
        ...breakdown.shape,
        catalogueId: z.uuid(),
        code: z.string(),
        name: z.string(),
        evidenceStatus: z.enum(EVIDENCE_STATUSES),
      }),
    ),
  });
}

export const samladBildBreakdown = insatsBreakdown(samladBildFigures);
export const samladBildResponse = insatsReport(samladBildBreakdown);
export type SamladBild = z.infer<typeof samladBildResponse>;
export type IvoReport = z.infer<typeof ivoReport>;
export type IvoNamndReport = z.infer<typeof ivoNamndReport>;

/** Per district: days from an insats's start within which its genomförandeplan must be signed. */
export const insatsPolicyBody = z.strictObject({ planDueDays: z.number().int().min(1).max(90) });
export const insatsPolicy = z.object({ districtId: z.uuid(), planDueDays: z.number().int() });
