/**
 * Contracts of individbaserad systematisk uppföljning (ISU): scales, survey and measurement plans
 * (settings), an insats's measurements and self-report links, the self-report form itself, and
 * the effect reports for the unit and the nämnd.
 */
import { z } from "zod";
import {
  MEASUREMENT_POINTS,
  RESPONDENTS,
  SCALE_KINDS,
  SELF_REPORT_DEFAULT_DAYS,
  SELF_REPORT_MAX_DAYS,
  SELF_RESPONDENTS,
} from "../domain/effects/vocabulary";
import { AGE_GROUPS } from "../domain/interventions/rules";
import { LEGAL_FORMS } from "../domain/interventions/vocabulary";
import { day, safeText } from "./common";
import { insatsBreakdown, insatsReport } from "./interventions";

const text = (max: number) => safeText.trim().min(1).max(max);
const key = safeText.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "a-z, 0-9, _ or -");
const point = z.enum(MEASUREMENT_POINTS);
const respondent = z.enum(RESPONDENTS);

// ── Settings: scales, survey questions, measurement plans ─────────────────────────────────────────

export const isuScale = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  question: z.string(),
  kind: z.enum(SCALE_KINDS),
  min: z.number().int(),
  max: z.number().int(),
  minLabel: z.string(),
  maxLabel: z.string(),
  higherIsBetter: z.boolean(),
  reliability: z.number().nullable(),
  referenceSd: z.number().nullable(),
  cutoff: z.number().nullable(),
  instrumentKey: z.string().nullable(),
  active: z.boolean(),
});
export type IsuScale = z.infer<typeof isuScale>;

export const isuScaleBody = z
  .strictObject({
    key,
    name: text(80),
    question: safeText.trim().max(200).default(""),
    kind: z.enum(SCALE_KINDS),
    min: z.number().int().min(-1000).max(1000),
    max: z.number().int().min(-1000).max(1000),
    minLabel: safeText.trim().max(40).default(""),
    maxLabel: safeText.trim().max(40).default(""),
    higherIsBetter: z.boolean(),
    // Exclusive bounds: the RCI divides by √(1 − r), and r = 0 carries no information.
    reliability: z.number().gt(0).lt(1).nullable().default(null),
    referenceSd: z.number().positive().max(1000).nullable().default(null),
    cutoff: z.number().min(-1000).max(1000).nullable().default(null),
    instrumentKey: safeText.trim().max(60).nullable().default(null),
    active: z.boolean().default(true),
  })
  .superRefine((b, ctx) => {
    if (b.min >= b.max) ctx.addIssue({ code: "custom", path: ["max"], message: "Måste vara större än min / Must exceed min" });
    if (b.kind === "instrument" && !b.instrumentKey)
      ctx.addIssue({ code: "custom", path: ["instrumentKey"], message: "Välj instrument / Choose the instrument" });
    if (b.kind === "rating" && b.instrumentKey)
      ctx.addIssue({ code: "custom", path: ["instrumentKey"], message: "Bara för instrumentskalor / Instrument scales only" });
  });

export const surveyQuestion = z.object({
  id: z.uuid(),
  key: z.string(),
  textSv: z.string(),
  textEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
});
/** The whole question list, in order. A key that is left out is deactivated, never deleted. */
export const surveyQuestionsBody = z.strictObject({
  questions: z
    .array(z.strictObject({ key, textSv: text(200), textEn: text(200), active: z.boolean().default(true) }))
    .min(1)
    .max(12),
});

const planRowBody = z
  .strictObject({
    scaleId: z.uuid(),
    points: z.array(point).min(1).max(MEASUREMENT_POINTS.length),
    intervalMonths: z.number().int().min(1).max(24).nullable().default(null),
    respondents: z.array(respondent).min(1).max(RESPONDENTS.length),
  })
  .superRefine((r, ctx) => {
    if (r.points.includes("interim") && r.intervalMonths === null)
      ctx.addIssue({ code: "custom", path: ["intervalMonths"], message: "Ange intervall / Give the interval" });
    if (new Set(r.points).size !== r.points.length)
      ctx.addIssue({ code: "custom", path: ["points"], message: "Dubblett / Duplicate" });
    if (new Set(r.respondents).size !== r.respondents.length)
      ctx.addIssue({ code: "custom", path: ["respondents"], message: "Dubblett / Duplicate" });
  });
/** The measurement plan of one insats type (catalogue entry): replaces the previous one. */
export const measurementPlanBody = z.strictObject({ rows: z.array(planRowBody).max(20) });

export const measurementPlanRow = z.object({
  catalogueId: z.uuid(),
  scaleId: z.uuid(),
  points: z.array(point),
  intervalMonths: z.number().int().nullable(),
  respondents: z.array(respondent),
});
export const isuSettings = z.object({
  scales: z.array(isuScale),
  questions: z.array(surveyQuestion),
  plans: z.array(measurementPlanRow),
});
export type IsuSettings = z.infer<typeof isuSettings>;

// ── One insats: measurements, self-report links, before/after ────────────────────────────────────

/** A staff-recorded rating. Instrument scales take the total of a signed assessment instead of a value. */
export const measurementBody = z.strictObject({
  scaleId: z.uuid(),
  point,
  respondent,
  measuredOn: day,
  value: z.number().optional(),
  assessmentId: z.uuid().optional(),
});

export const selfReportLinkBody = z.strictObject({
  respondent: z.enum(SELF_RESPONDENTS),
  point,
  /** Ask the satisfaction survey too (the default at "end"). */
  includeSurvey: z.boolean().optional(),
  validDays: z.number().int().min(1).max(SELF_REPORT_MAX_DAYS).default(SELF_REPORT_DEFAULT_DAYS),
});
/** The token is shown once, here; only its hash is stored. */
export const selfReportLinkCreated = z.object({
  id: z.uuid(),
  token: z.string(),
  /** Path of the form, with the token in the fragment so it never reaches a server log. */
  path: z.string(),
  expiresAt: z.string(),
});

export const personChange = z.object({
  scaleId: z.uuid(),
  scaleName: z.string(),
  respondent,
  higherIsBetter: z.boolean(),
  before: z.number(),
  beforeOn: z.string(),
  after: z.number(),
  afterOn: z.string(),
  /** The later point compared with the start: "end" when there is one, else the latest. */
  afterPoint: point,
  change: z.number(),
  rci: z.number().nullable(),
  changeClass: z.enum(["improved", "unchanged", "deteriorated"]).nullable(),
  clinicallySignificant: z.boolean().nullable(),
});

export const insatsIsu = z.object({
  insatsId: z.uuid(),
  /** The measurement plan's due ratings up to today, each with whether it is done. */
  due: z.array(z.object({ scaleId: z.uuid(), respondent, point, dueOn: z.string(), done: z.boolean() })),
  measurements: z.array(
    z.object({
      id: z.uuid(),
      scaleId: z.uuid(),
      point,
      respondent,
      measuredOn: z.string(),
      value: z.number(),
      viaLink: z.boolean(),
      recordedByName: z.string().nullable(),
    }),
  ),
  changes: z.array(personChange),
  /** GAS T-score of the latest signed GAS assessment on the case since the start. */
  gasTScore: z.number().nullable(),
  /** Goal results of the latest plan follow-up: assessed and reached ("uppnått"). */
  goals: z.object({ assessed: z.number().int(), reached: z.number().int() }),
  links: z.array(
    z.object({
      id: z.uuid(),
      respondent: z.enum(SELF_RESPONDENTS),
      point,
      includeSurvey: z.boolean(),
      expiresAt: z.string(),
      usedAt: z.string().nullable(),
      state: z.enum(["open", "used", "expired"]),
      createdByName: z.string(),
    }),
  ),
  survey: z.array(
    z.object({
      respondent: z.enum(SELF_RESPONDENTS),
      answeredOn: z.string(),
      answers: z.array(z.object({ key: z.string(), text: z.string(), value: z.number().int() })),
    }),
  ),
  satisfactionMean: z.number().nullable(),
  /** The scales of this insats type's measurement plan. */
  scales: z.array(isuScale),
  plan: z.array(measurementPlanRow),
  /**
   * Signed assessments of the case with an instrument of the plan's instrument scales: what such a
   * rating is taken from. Only for case staff (the provider does not see the case).
   */
  assessments: z.array(z.object({ id: z.uuid(), instrumentKey: z.string(), assessedOn: z.string(), riskTotal: z.number() })),
  can: z.object({ record: z.boolean() }),
});
export type InsatsIsu = z.infer<typeof insatsIsu>;

// ── The self-report form (no sign-in) ─────────────────────────────────────────────────────────────

/** 32 random bytes, base64url. */
export const selfReportToken = safeText.regex(/^[A-Za-z0-9_-]{43}$/, "Ogiltig länk / Invalid link");
export const selfReportTokenBody = z.strictObject({ token: selfReportToken });
export const selfReportForm = z.object({
  respondent: z.enum(SELF_RESPONDENTS),
  point,
  expiresAt: z.string(),
  scales: z.array(
    z.object({
      id: z.uuid(),
      question: z.string(),
      min: z.number().int(),
      max: z.number().int(),
      minLabel: z.string(),
      maxLabel: z.string(),
    }),
  ),
  survey: z.array(z.object({ key: z.string(), textSv: z.string(), textEn: z.string() })),
});
export type SelfReportForm = z.infer<typeof selfReportForm>;
/** Every question may be skipped, but at least one must be answered. */
export const selfReportAnswersBody = z.strictObject({
  token: selfReportToken,
  ratings: z
    .array(z.strictObject({ scaleId: z.uuid(), value: z.number().int() }))
    .max(20)
    .default([]),
  survey: z
    .array(z.strictObject({ key: safeText.max(40), value: z.number().int().min(1).max(5) }))
    .max(12)
    .default([]),
});

// ── Effect reports ────────────────────────────────────────────────────────────────────────────────

export const effectQuery = z.strictObject({
  from: day,
  to: day,
  districtId: z.uuid().optional(),
  /** The provider unit (utförare). */
  unitId: z.uuid().optional(),
  catalogueId: z.uuid().optional(),
  /** The legal form the insatser were given in: SoL (bistånd, service), LVU, påföljd enligt BrB. */
  legalForm: z.enum(LEGAL_FORMS).optional(),
});
export const effectExportQuery = effectQuery.extend({ format: z.enum(["pdf", "xlsx"]) });

/**
 * One scale × respondent for one group, every figure as the disclosure module publishes it
 * (domain/disclosure/publish.ts, domain/effects/report.ts): null when hidden, never 0 for hidden.
 */
export const effectFigures = z.object({
  scaleId: z.uuid(),
  scaleName: z.string(),
  respondent,
  higherIsBetter: z.boolean(),
  /** Complete start/end pairs (cell-key perturbed). */
  n: z.number().int().nullable(),
  /** Ended insatser with a start rating but no end rating (the missing-data note). */
  missingEnd: z.number().int().nullable(),
  /** Means over the complete pairs, perturbed; only for a group and complements of at least 10. */
  meanBefore: z.number().nullable(),
  meanAfter: z.number().nullable(),
  /**
   * Hedges' g_z for paired data (mean change / SD of the changes, Hedges-corrected) and its 95 % CI
   * by the normal approximation. Not comparable with Cohen's benchmarks: see gAv.
   */
  g: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** Hedges' g_av (mean change / average of the before and after SDs): the one for Cohen's 0.2/0.5/0.8. */
  gAv: z.number().nullable(),
  shareImproved: z.number().nullable(),
  shareUnchanged: z.number().nullable(),
  shareDeteriorated: z.number().nullable(),
});

/** Figures of a group of insatser ended in the period that are not per scale (published, null when hidden). */
export const outcomeFigures = z.object({
  /** Insatser ended in the period (the population). */
  ended: z.number().int().nullable(),
  /** Of the ended, those without any end rating (missing data). */
  withoutEndRating: z.number().int().nullable(),
  /** Of the goal results at each ended insats's last follow-up, the share "uppnått". */
  goalsReachedShare: z.number().nullable(),
  /** Mean GAS T-score (latest signed GAS assessment of the insats period); hidden below 10 insatser. */
  meanGasTScore: z.number().nullable(),
  /** Survey links sent for the ended insatser, and the share answered. */
  surveySent: z.number().int().nullable(),
  responseRate: z.number().nullable(),
  /** Mean over the answering insatser of each one's mean answer (1–5); hidden below 10 insatser. */
  satisfactionMean: z.number().nullable(),
  /**
   * Of the ended whose 12-month window has closed (as of today), the share re-referred: a new
   * report on a later day than the end and within 12 calendar months (domain/case-flow.ts).
   */
  reReferralShare: z.number().nullable(),
  /** Ended insatser whose 12-month window is still open, whether or not a report has come. */
  reReferralPending: z.number().int().nullable(),
});

export const effectGroup = z.object({ outcomes: outcomeFigures, scales: z.array(effectFigures) });
export const effectBreakdown = insatsBreakdown(effectGroup);
export const effectReport = insatsReport(effectBreakdown).extend({
  /** The same filter by calendar year of ending, for the five years up to `to`'s year (all only). */
  trend: z.array(effectGroup.extend({ year: z.number().int() })),
});
export type EffectReport = z.infer<typeof effectReport>;

// ── The unit's drill-down: per young person (personal data, audited) ────────────────────────────

export const unitResultsQuery = z.strictObject({ from: day, to: day, unitId: z.uuid().optional() });
export const unitResults = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      insatsId: z.uuid(),
      caseId: z.uuid(),
      personName: z.string(),
      insatsName: z.string(),
      providerUnitName: z.string(),
      startedOn: z.string(),
      endedOn: z.string().nullable(),
      changes: z.array(personChange),
      goals: z.object({ assessed: z.number().int(), reached: z.number().int() }),
      satisfactionMean: z.number().nullable(),
      /** Ended without an end rating on some planned scale. */
      missingEnd: z.boolean(),
    }),
  ),
});
