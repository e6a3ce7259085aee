import type { Permission, Role } from "../../domain/roles";
import { PERSONAL_DATA_ROLES, roleHasPermission } from "../../domain/roles";

export interface RoleAssignment {
  role: Role;
  unitId: string;
  unitName: string;
  districtId: string;
  districtName: string;
}

/** The signed-in user as every service sees them: who, which roles where, and the request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  protectedIdentityAccess: boolean;
  assignments: RoleAssignment[];
  requestId: string;
  clientIp: string;
  /**
   * The user's live nödåtkomst grants, present only on requests that may read under them (GET of
   * a person or case: platform/emergency-access.ts). The scope then also lets these persons in, and
   * every audit row about them carries the grant's reason.
   */
  emergencyGrants?: readonly EmergencyGrantRef[];
}

/** A live emergency grant as the actor carries it. */
export interface EmergencyGrantRef {
  id: string;
  personId: string;
  category: string;
  reason: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.assignments.some((a) => roleHasPermission(a.role, permission));
}

/**
 * Districts whose persons the actor may see in full. Insatsutförare are left out on purpose:
 * they see only what is shared with them (their uppdrag).
 */
export function personalDataDistricts(actor: Actor): string[] {
  const full: readonly Role[] = PERSONAL_DATA_ROLES.filter((r) => r !== "insatsutforare");
  return [...new Set(actor.assignments.filter((a) => full.includes(a.role)).map((a) => a.districtId))];
}

export function actorUnitIds(actor: Actor): string[] {
  return [...new Set(actor.assignments.map((a) => a.unitId))];
}

/** The role and unit an audit row names: the first assignment that grants the permission. */
export function actingAs(actor: Actor, permission: Permission): RoleAssignment | undefined {
  return actor.assignments.find((a) => roleHasPermission(a.role, permission));
}

/** Districts where the actor holds a role granting the permission. */
export function districtsWithPermission(actor: Actor, permission: Permission): string[] {
  return [...new Set(actor.assignments.filter((a) => roleHasPermission(a.role, permission)).map((a) => a.districtId))];
}
