import { z } from "zod";
import {
  AVHOPP_INSATSER,
  AVHOPP_PHASES,
  CONTACT_CHANNELS,
  CUSTODY,
  END_REASONS,
  PROGRESS,
  RISK_LEVELS,
  STEP_KINDS,
} from "../domain/avhopp/process";
import { CLOCK_STATES } from "./cases";
import { day, pageQuery, safeText } from "./common";

/*
 * Avhopparverksamhet (src/server/modules/avhopp): a process on a case for a young person 15–25
 * who wants to leave crime or a criminal network, its steps, insatser and follow-ups.
 */

const text = (max: number) => safeText.trim().min(1).max(max);
const optionalText = (max: number) => safeText.trim().max(max).default("");

/** The förfrågan that opens a process. */
export const openAvhoppBody = z.strictObject({
  contactOn: day,
  channel: z.enum(CONTACT_CHANNELS),
  custody: z.enum(CUSTODY),
  background: text(2000),
});

export const avhoppStepBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("kartlaggning"), on: day, riskLevel: z.enum(RISK_LEVELS), summary: text(4000) }),
  z.strictObject({ kind: z.literal("overenskommelse"), on: day, goals: text(4000), guardiansAgreed: z.boolean() }),
  z.strictObject({ kind: z.literal("insats"), on: day, insats: z.enum(AVHOPP_INSATSER), description: optionalText(2000) }),
  z.strictObject({
    kind: z.literal("uppfoljning"),
    on: day,
    followUpId: z.uuid(),
    progress: z.enum(PROGRESS),
    summary: text(4000),
  }),
  z.strictObject({ kind: z.literal("vistelse"), on: day, custody: z.enum(CUSTODY) }),
  z.strictObject({ kind: z.literal("avslut"), on: day, reason: z.enum(END_REASONS), summary: optionalText(2000) }),
]);
export type AvhoppStepBody = z.infer<typeof avhoppStepBody>;

export const planFollowUpBody = z.strictObject({ dueOn: day, purpose: text(500) });

export const avhoppProcessView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  contactOn: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  openingCustody: z.enum(CUSTODY),
  custody: z.enum(CUSTODY),
  background: z.string(),
  /** Age at the förfrågan; 18 or more: an adult, who agrees for themself. */
  ageAtStart: z.number().int(),
  adult: z.boolean(),
  phase: z.enum(AVHOPP_PHASES),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  openedAt: z.string(),
  steps: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(STEP_KINDS),
      occurredOn: z.string(),
      step: avhoppStepBody,
      recordedByName: z.string(),
      recordedAt: z.string(),
    }),
  ),
  insatser: z.array(z.enum(AVHOPP_INSATSER)),
  followUps: z.array(
    z.object({
      id: z.uuid(),
      dueOn: z.string(),
      purpose: z.string(),
      doneOn: z.string().nullable(),
      state: z.enum(CLOCK_STATES).nullable(),
    }),
  ),
  allowedNext: z.array(z.enum(STEP_KINDS)),
  canPlanFollowUp: z.boolean(),
});
export type AvhoppProcessView = z.infer<typeof avhoppProcessView>;
export const avhoppProcessList = z.object({ items: z.array(avhoppProcessView) });

export const avhoppListQuery = z.strictObject({
  districtId: z.uuid().optional(),
  status: z.enum(["running", "ended", "all"]).default("running"),
  phase: z.enum(AVHOPP_PHASES).optional(),
  custody: z.enum(CUSTODY).optional(),
  ...pageQuery,
});

export const avhoppListRow = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  personName: z.string(),
  districtId: z.uuid(),
  contactOn: z.string(),
  ageAtStart: z.number().int(),
  custody: z.enum(CUSTODY),
  phase: z.enum(AVHOPP_PHASES),
  endedOn: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
});
export type AvhoppListRow = z.infer<typeof avhoppListRow>;
export const avhoppListResponse = z.object({ items: z.array(avhoppListRow), nextCursor: z.string().nullable() });
