import { z } from "zod";
import { day, pageQuery, safeText } from "./common";

export const auditQuery = z.strictObject({
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  /** "security": denied access, sign-in failures and refusals, rate-limit hits, role and permission changes. */
  category: z.enum(["security"]).optional(),
  action: safeText.max(60).optional(),
  from: day.optional(),
  to: day.optional(),
  ...pageQuery,
});

export const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.uuid().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
});
export const auditListResponse = z.object({ items: z.array(auditRow), nextCursor: z.string().nullable() });

export const verifyResponse = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
});
