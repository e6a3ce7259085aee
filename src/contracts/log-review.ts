import { z } from "zod";
import { ACCESS_FLAGS } from "../domain/governance/log-review";
import { safeText } from "./common";

export const month = safeText.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "ÅÅÅÅ-MM / YYYY-MM");

export const drawLogReviewBody = z.strictObject({
  districtId: z.uuid(),
  month,
  /** Left out: a random seed is made and stored, so the draw can still be repeated. */
  seed: safeText
    .trim()
    .regex(/^[\p{L}\p{N}_.:-]{1,64}$/u, "Bokstäver, siffror och _.:- / Letters, digits and _.:-")
    .optional(),
  rowSample: z.number().int().min(0).max(500).default(25),
  userSample: z.number().int().min(0).max(50).default(3),
  maxFlagged: z.number().int().min(0).max(1000).default(200),
});

export const logReviewQuery = z.strictObject({ districtId: z.uuid().optional() });
export const logReviewItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

export const verdictBody = z.strictObject({
  verdict: z.enum(["ok", "flagged"]),
  note: safeText.trim().max(2000).default(""),
});
export const completeBody = z.strictObject({ summary: safeText.trim().max(4000).default("") });

const flag = z.enum(ACCESS_FLAGS);

export const logReviewSummary = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  districtName: z.string(),
  month: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  completedAt: z.string().nullable(),
  items: z.number().int(),
  judged: z.number().int(),
  flagged: z.number().int(),
});
export const logReviewList = z.object({ items: z.array(logReviewSummary) });

export const logReviewItem = z.object({
  id: z.uuid(),
  kind: z.enum(["row", "user"]),
  position: z.number().int(),
  auditId: z.number().int().nullable(),
  at: z.string().nullable(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  userName: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string().nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  flags: z.array(flag),
  drawnByRule: z.boolean(),
  drawnAtRandom: z.boolean(),
  details: z.record(z.string(), z.unknown()).nullable(),
  verdict: z.enum(["ok", "flagged"]).nullable(),
  note: z.string().nullable(),
  judgedByName: z.string().nullable(),
  judgedAt: z.string().nullable(),
  deviationId: z.uuid().nullable(),
});

export const logReviewDetail = logReviewSummary.extend({
  seed: z.string(),
  rowSample: z.number().int(),
  userSample: z.number().int(),
  maxFlagged: z.number().int(),
  rules: z.record(z.string(), z.unknown()),
  method: z.string(),
  frame: z.object({
    rows: z.number().int(),
    accesses: z.number().int(),
    users: z.number().int(),
    flagged: z.number().int(),
    flaggedLeftOut: z.number().int(),
    rowSampleTookAll: z.boolean(),
    userSampleTookAll: z.boolean(),
    /** The month was not over when drawn: later rows are not in the frame. */
    monthComplete: z.boolean(),
  }),
  summary: z.string().nullable(),
  completedByName: z.string().nullable(),
  entries: z.array(logReviewItem),
});

export type LogReviewDetail = z.infer<typeof logReviewDetail>;
export type LogReviewItem = z.infer<typeof logReviewItem>;
export type LogReviewSummary = z.infer<typeof logReviewSummary>;
