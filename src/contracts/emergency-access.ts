import { z } from "zod";
import {
  EMERGENCY_CATEGORIES,
  MAX_REASON_LENGTH,
  MAX_REVIEW_NOTE_LENGTH,
  REVIEW_VERDICTS,
} from "../domain/emergency-access/rules";
import { pageQuery, safeText } from "./common";

/**
 * Nödåtkomst: the exact personnummer (in the body, never a URL), a category and the reason. The
 * reason's length is checked by the service against the domain rule (400 reason_required or
 * reason_too_short), so that both answers name the field the same way.
 */
export const emergencyRequestBody = z.strictObject({
  personnummer: safeText.trim().min(1).max(20),
  category: z.enum(EMERGENCY_CATEGORIES),
  reason: safeText.max(MAX_REASON_LENGTH * 2),
});

export const emergencyGrant = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  category: z.enum(EMERGENCY_CATEGORIES),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  live: z.boolean(),
});
export type EmergencyGrant = z.infer<typeof emergencyGrant>;
export const emergencyGrantList = z.object({ items: z.array(emergencyGrant) });

export const REVIEW_STATUSES = ["unreviewed", "reviewed", "all"] as const;
export const emergencyReviewQuery = z.strictObject({
  status: z.enum(REVIEW_STATUSES).default("unreviewed"),
  limit: pageQuery.limit,
  cursor: pageQuery.cursor,
});

/** One record read under a grant, as the audit log holds it (what, not its content). */
export const emergencyRead = z.object({
  at: z.string(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
});

export const emergencyReviewItem = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  username: z.string(),
  userDisplayName: z.string(),
  unitName: z.string().nullable(),
  userDistrictName: z.string().nullable(),
  personId: z.uuid(),
  /** Only when the reviewer may see the person in their own scope; otherwise the id alone. */
  personName: z.string().nullable(),
  personDistrictName: z.string(),
  category: z.enum(EMERGENCY_CATEGORIES),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  live: z.boolean(),
  review: z
    .object({
      verdict: z.enum(REVIEW_VERDICTS),
      note: z.string().nullable(),
      reviewedBy: z.string(),
      reviewedAt: z.string(),
    })
    .nullable(),
  reads: z.array(emergencyRead),
  /** More reads were made than the list shows (the audit log has them all). */
  readsTruncated: z.boolean(),
});
export type EmergencyReviewItem = z.infer<typeof emergencyReviewItem>;
export const emergencyReviewList = z.object({ items: z.array(emergencyReviewItem), nextCursor: z.string().nullable() });

export const emergencyReviewBody = z.strictObject({
  verdict: z.enum(REVIEW_VERDICTS),
  note: safeText.trim().max(MAX_REVIEW_NOTE_LENGTH).optional(),
});
