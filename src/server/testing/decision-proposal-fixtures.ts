import { decisionProposals } from "../db/schema/index";
import { seedCase } from "./case-fixtures";
import type { World } from "./world";

/**
 * A förslag till beslut (bistånd) on a fresh investigated case of the district, written straight to
 * the database: pending, by the district's handläggare unless `proposer` names another user, or
 * returned by its enhetschef with a comment.
 */
export async function seedProposal(
  w: World,
  target: "own" | "other",
  options: { proposer?: string; state?: "pending" | "returned" } = {},
) {
  const suffix = target === "own" ? "" : ".b";
  const { caseId, investigationId } = await seedCase(w, target, "investigated");
  const at = new Date(Date.now() - 3_600_000);
  const returned = options.state === "returned";
  const [p] = await w.database.db
    .insert(decisionProposals)
    .values({
      caseId,
      districtId: target === "own" ? w.own.id : w.other.id,
      investigationId,
      type: "bistand",
      reason: "Behov av stöd",
      insats: "FFT",
      state: options.state ?? "pending",
      proposedBy: options.proposer ?? (w.userIds[`handlaggare${suffix}`] as string),
      proposedAt: at,
      submittedAt: at,
      handledBy: returned ? (w.userIds[`enhetschef${suffix}`] as string) : null,
      handledAt: returned ? new Date() : null,
      comment: returned ? "Beskriv målen" : null,
    })
    .returning({ id: decisionProposals.id });
  if (!p) throw new Error("seed failed");
  return { caseId, proposalId: p.id };
}
