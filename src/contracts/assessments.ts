import { z } from "zod";
import { NO_ASSESSMENT_REASONS } from "../domain/assessment-policy";
import { CONCERNS } from "../domain/case-flow";
import { day, safeText } from "./common";
import { disclosureNote } from "./disclosure";

const text = (max: number) => safeText.trim().min(1).max(max);
const code = safeText.regex(/^[A-Za-z0-9_.-]{1,40}$/);

export const instrumentSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  version: z.string(),
  name: z.string(),
  licence: z.enum(["free", "requires_licence"]),
  kind: z.enum(["items", "gas"]),
  ageRange: z.object({ min: z.number(), max: z.number() }),
  purposes: z.array(z.string()),
  importedAt: z.string(),
  retired: z.boolean(),
  /**
   * Signed assessments made with this version, through the disclosure module (every role sees it):
   * 0 shown, 1–4 null ("–"), larger counts within ±2 of the truth.
   */
  assessments: z.number().int().nullable(),
});
export const instrumentList = z.object({ items: z.array(instrumentSummary) });
/** The definition itself is validated by the domain's instrumentDefinitionSchema. */
export const instrumentDetail = instrumentSummary.extend({ definition: z.record(z.string(), z.unknown()) });
export const instrumentListQuery = z.strictObject({ includeRetired: z.stringbool().default(false) });

export const trainingBody = z.strictObject({
  userId: z.uuid(),
  instrumentKey: code,
  instrumentVersion: safeText.trim().min(1).max(20),
  trainedOn: day,
  trainedBy: text(200),
  validUntil: day.optional(),
});
export const trainingQuery = z.strictObject({
  userId: z.uuid().optional(),
  instrumentKey: code.optional(),
  /** Only trainings that end within this many days (or have ended): the reminder list. */
  expiringWithinDays: z.coerce.number().int().min(0).max(365).optional(),
});
export const training = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  instrumentKey: z.string(),
  instrumentVersion: z.string(),
  instrumentName: z.string().nullable(),
  trainedOn: z.string(),
  trainedBy: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(["valid", "expiring", "expired"]),
});
export const trainingList = z.object({ items: z.array(training) });

const answers = z.record(safeText.max(40), z.number().int().min(-100).max(100).nullable());
const goals = z.array(z.strictObject({ id: code, label: text(300) })).max(10);

export const createAssessmentBody = z.strictObject({
  instrumentId: z.uuid(),
  investigationId: z.uuid().optional(),
  assessedOn: day,
  answers: answers.default({}),
  goals: goals.default([]),
  judgement: code.optional(),
  judgementReason: safeText.trim().max(5_000).optional(),
  ageOverrideReason: safeText.trim().max(2_000).optional(),
});
export const updateAssessmentBody = createAssessmentBody.omit({ instrumentId: true, investigationId: true });

const scoreSchema = z.object({
  domains: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      risk: z.number(),
      protective: z.number(),
      answered: z.number(),
      items: z.number(),
    }),
  ),
  riskTotal: z.number(),
  protectiveTotal: z.number(),
  answered: z.number(),
  items: z.number(),
  band: z.object({ id: z.string(), label: z.string() }).nullable(),
  critical: z.array(z.string()),
  tScore: z.number().nullable(),
});

export const assessmentSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  investigationId: z.uuid().nullable(),
  instrument: z.object({ id: z.uuid(), key: z.string(), version: z.string(), name: z.string(), kind: z.enum(["items", "gas"]) }),
  assessedOn: z.string(),
  status: z.enum(["draft", "signed"]),
  score: scoreSchema,
  judgement: z.string().nullable(),
  judgementLabel: z.string().nullable(),
  createdByName: z.string(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
});
export const assessmentList = z.object({ items: z.array(assessmentSummary) });

const change = z.object({ before: z.number().nullable(), after: z.number().nullable(), change: z.number().nullable() });
export const assessmentDetail = assessmentSummary.extend({
  personId: z.uuid(),
  answers: z.record(z.string(), z.number().nullable()),
  goals: z.array(z.object({ id: z.string(), label: z.string() })),
  judgementReason: z.string().nullable(),
  ageOverrideReason: z.string().nullable(),
  definition: z.record(z.string(), z.unknown()),
  /** Against the person's previous signed assessment with the same instrument, when there is one. */
  comparison: z
    .object({
      previousId: z.uuid(),
      previousAssessedOn: z.string(),
      items: z.array(change.extend({ id: z.string() })),
      domains: z.array(change.extend({ id: z.string() })),
      riskTotal: change,
      protectiveTotal: change,
      tScore: change.nullable(),
    })
    .nullable(),
  /** Whether the signed-in user may sign it (holds a valid training for this instrument version). */
  canSign: z.boolean(),
});

export const noAssessmentFields = {
  noAssessmentReason: z.enum(NO_ASSESSMENT_REASONS).optional(),
  noAssessmentNote: safeText.trim().max(2_000).optional(),
};

export const assessmentPolicyBody = z.strictObject({ requireStructuredAssessment: z.boolean() });
export const assessmentPolicy = z.object({ districtId: z.uuid(), requireStructuredAssessment: z.boolean() });

export const usageQuery = z.strictObject({
  from: day,
  to: day,
  districtId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});
/** Every count and share as the disclosure module publishes it (domain/disclosure/publish.ts): null when hidden. */
const published = z.number().int().nullable();
const usageCell = z.object({ completed: published, withAssessment: published, share: z.number().nullable() });
export const usageResponse = z.object({
  from: z.string(),
  to: z.string(),
  disclosure: disclosureNote,
  total: usageCell,
  byDistrict: z.array(usageCell.extend({ districtId: z.uuid(), districtName: z.string() })),
  byUnit: z.array(usageCell.extend({ unitId: z.uuid().nullable(), unitName: z.string() })),
  byConcern: z.array(usageCell.extend({ concern: z.enum(CONCERNS) })),
  byGender: z.array(usageCell.extend({ gender: z.string() })),
  byInstrument: z.array(z.object({ instrumentKey: z.string(), instrumentName: z.string(), investigations: published })),
  /**
   * The completed investigations without a signed assessment, by the reason documented for it
   * (investigations.no_assessment_reason; "none" when none was given). The free-text note is never
   * counted or shown. With total.withAssessment they add up to total.completed.
   */
  byReason: z.array(z.object({ reason: z.enum([...NO_ASSESSMENT_REASONS, "none"]), investigations: published })),
  /** Signed assessments in the period and how many were filled in by someone trained in the instrument. */
  assessments: z.object({ signed: published, byTrained: published, share: z.number().nullable() }),
  trainedStaff: z.array(
    z.object({
      instrumentKey: z.string(),
      instrumentName: z.string(),
      unitId: z.uuid(),
      unitName: z.string(),
      trained: published,
    }),
  ),
});
