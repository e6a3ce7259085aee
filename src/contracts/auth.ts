import { z } from "zod";
import { roleSchema, safeText } from "./common";

export const loginBody = z.strictObject({
  username: safeText.trim().min(1).max(100),
  password: safeText.min(1).max(200),
});

export const assignment = z.object({
  role: roleSchema,
  unitId: z.uuid(),
  unitName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
});

export const meResponse = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  assignments: z.array(assignment),
  permissions: z.array(z.string()),
  protectedIdentityAccess: z.boolean(),
  syntheticData: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;

export const changePasswordBody = z.strictObject({
  currentPassword: safeText.min(1).max(200),
  newPassword: safeText.min(1).max(200),
});
