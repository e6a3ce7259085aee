import { z } from "zod";
import { DECISION_TYPES } from "../domain/case-flow";
import { ROLES } from "../domain/roles";
import { roleSchema, safeText } from "./common";

export const UNIT_KINDS = [
  "mottagning",
  "utredning",
  "oppenvard",
  "forebyggande",
  "familjehem",
  "ledning",
  "kvalitet",
  "annan",
] as const;

export const district = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export const unit = z.object({ id: z.uuid(), districtId: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS) });
export const organisationResponse = z.object({ districts: z.array(district), units: z.array(unit) });

export const createDistrictBody = z.strictObject({
  code: safeText
    .trim()
    .regex(/^[a-z0-9-]{2,30}$/, "Små bokstäver, siffror och bindestreck / lower-case letters, digits, hyphens"),
  name: safeText.trim().min(2).max(100),
});
export const updateDistrictBody = z.strictObject({ name: safeText.trim().min(2).max(100) });
export const createUnitBody = z.strictObject({
  districtId: z.uuid(),
  name: safeText.trim().min(2).max(100),
  kind: z.enum(UNIT_KINDS),
});
export const updateUnitBody = z.strictObject({
  name: safeText.trim().min(2).max(100).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
});

export const roleAssignmentInput = z.strictObject({ unitId: z.uuid(), role: roleSchema });
export const adminUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  protectedIdentityAccess: z.boolean(),
  /** Asked for by one administrator, waiting for another's approval (four eyes). */
  protectedIdentityAccessPending: z.boolean(),
  assignments: z.array(z.object({ unitId: z.uuid(), role: roleSchema })),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export const adminUserList = z.object({ items: z.array(adminUser) });
/** A pending grant of protected-identity access: ids and names of staff, no personal data of clients. */
export const protectedAccessGrant = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  username: z.string(),
  requestedBy: z.uuid(),
  requestedByUsername: z.string(),
  requestedAt: z.string(),
});
export const protectedAccessGrantList = z.object({ items: z.array(protectedAccessGrant) });
export const createUserBody = z.strictObject({
  username: safeText.trim().regex(/^[a-z0-9._-]{3,40}$/, "3–40 tecken: a–z, 0–9, . _ - / 3–40 characters: a–z, 0–9, . _ -"),
  displayName: safeText.trim().min(2).max(100),
  password: safeText.min(1).max(200),
  protectedIdentityAccess: z.boolean().default(false),
  assignments: z.array(roleAssignmentInput).max(50).default([]),
});
export const updateUserBody = z.strictObject({
  displayName: safeText.trim().min(2).max(100).optional(),
  active: z.boolean().optional(),
  protectedIdentityAccess: z.boolean().optional(),
});
export const setRolesBody = z.strictObject({ assignments: z.array(roleAssignmentInput).max(50) });
export const resetPasswordBody = z.strictObject({ password: safeText.min(1).max(200) });

/** Delegationsordning of a district: for each decision type, the roles that may take it. */
export const delegationRow = z.strictObject({
  decisionType: z.enum(DECISION_TYPES),
  roles: z.array(roleSchema).max(ROLES.length),
});
export const delegationsResponse = z.object({
  districtId: z.uuid(),
  /** False while the district uses the default delegation. */
  configured: z.boolean(),
  rows: z.array(delegationRow),
});
export const setDelegationsBody = z.strictObject({ rows: z.array(delegationRow).min(1).max(DECISION_TYPES.length) });
