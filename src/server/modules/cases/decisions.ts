import { eq } from "drizzle-orm";
import { type DecisionType, delegatedRoles } from "../../../domain/case-flow";
import type { Db, Tx } from "../../db/connection";
import { decisions, delegations } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { AppError } from "../../platform/errors";

/**
 * The role in which the actor may take this decision in the district, per its delegation list.
 * A decision by someone without delegation is refused (409: the request is valid, the person is not).
 */
export async function requireDelegation(tx: Db | Tx, actor: Actor, districtId: string, type: DecisionType): Promise<string> {
  const configured = await tx
    .select({ decisionType: delegations.decisionType, role: delegations.role })
    .from(delegations)
    .where(eq(delegations.districtId, districtId));
  const allowed = delegatedRoles(configured, type);
  const as = actor.assignments.find((a) => a.districtId === districtId && allowed.includes(a.role));
  if (!as) {
    throw new AppError(409, "no_delegation", "Du saknar delegation för detta beslut / You have no delegation for this decision", [
      { path: "body.type", message: `Delegerat till: ${allowed.join(", ") || "ingen"}` },
    ]);
  }
  return as.role;
}

export async function recordDecision(
  tx: Db | Tx,
  actor: Actor,
  input: {
    caseId: string;
    districtId: string;
    investigationId?: string | null;
    type: DecisionType;
    decidedAt: Date;
    reason: string;
    details?: Record<string, unknown>;
  },
) {
  const role = await requireDelegation(tx, actor, input.districtId, input.type);
  const [row] = await tx
    .insert(decisions)
    .values({
      caseId: input.caseId,
      investigationId: input.investigationId ?? null,
      type: input.type,
      decidedAt: input.decidedAt,
      decidedBy: actor.userId,
      decidedAsRole: role,
      reason: input.reason,
      details: input.details ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
