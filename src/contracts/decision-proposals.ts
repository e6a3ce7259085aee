import { z } from "zod";
import { PROPOSABLE_TYPES, PROPOSAL_STATES } from "../domain/decision-proposals/rules";
import { CLOCK_STATES, OVERVIEW_CLOCK_KINDS } from "./cases";
import { day, safeText, textUpTo } from "./common";

const text = (max: number) => textUpTo(max).trim().min(1);

/** The decision's own fields, as POST /api/cases/:id/decisions and the förlängning take them. */
const proposalFields = {
  reason: text(5_000),
  /** Bistånd: the insats. */
  insats: safeText.trim().max(200).optional(),
  /** Förlängning: the new end date (required there, refused elsewhere). */
  newEndDate: day.optional(),
};

const requireEndDateForExtension = (
  b: { type: string; newEndDate?: string | undefined; insats?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (b.type === "forlangning" && !b.newEndDate)
    ctx.addIssue({ code: "custom", path: ["newEndDate"], message: "Ange nytt slutdatum / Give the new end date" });
  if (b.type !== "forlangning" && b.newEndDate)
    ctx.addIssue({ code: "custom", path: ["newEndDate"], message: "Bara vid förlängning / Only for an extension" });
  if (b.type !== "bistand" && b.insats)
    ctx.addIssue({ code: "custom", path: ["insats"], message: "Bara vid bistånd / Only for bistånd" });
};

export const createProposalBody = z
  .strictObject({
    type: z.enum(PROPOSABLE_TYPES),
    /** The investigation the decision rests on (förlängning: the one to extend); default the latest. */
    investigationId: z.uuid().optional(),
    ...proposalFields,
  })
  .superRefine(requireEndDateForExtension);

/** A returned proposal, revised by its proposer: the type and investigation stay, the rest is sent anew. */
export const resubmitProposalBody = z.strictObject(proposalFields);

export const returnProposalBody = z.strictObject({ comment: text(2_000) });
export const rejectProposalBody = z.strictObject({ comment: text(2_000) });

export const proposalQueueQuery = z.strictObject({
  state: z.enum(PROPOSAL_STATES).default("pending"),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const person = z.object({ id: z.uuid(), name: z.string() });

export const decisionProposal = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  investigationId: z.uuid(),
  type: z.enum(PROPOSABLE_TYPES),
  reason: z.string(),
  insats: z.string().nullable(),
  newEndDate: z.string().nullable(),
  state: z.enum(PROPOSAL_STATES),
  proposedBy: person,
  proposedAt: z.string(),
  /** When it was last sent: what the queue's waiting time counts from. */
  submittedAt: z.string(),
  handledBy: person.nullable(),
  handledAt: z.string().nullable(),
  comment: z.string().nullable(),
  decisionId: z.uuid().nullable(),
  /** Whether the signed-in user may approve, return or reject it now. */
  canDecide: z.boolean(),
  /** Whether the signed-in user may revise and resend it now (their own, returned). */
  canResubmit: z.boolean(),
});
export type DecisionProposal = z.infer<typeof decisionProposal>;

export const caseProposalsResponse = z.object({ items: z.array(decisionProposal) });

export const proposalQueueResponse = z.object({
  items: z.array(
    decisionProposal.extend({
      personName: z.string(),
      /** Whole hours it has waited since it was last sent. */
      waitedHours: z.number().int(),
      /** The case's running clocks (not yet met), the one that runs out first first. */
      clocks: z.array(
        z.object({
          clock: z.enum(OVERVIEW_CLOCK_KINDS),
          state: z.enum(CLOCK_STATES),
          dueDate: z.string(),
          daysLeft: z.number().int(),
        }),
      ),
    }),
  ),
  truncated: z.boolean(),
});
export type ProposalQueueItem = z.infer<typeof proposalQueueResponse>["items"][number];

export const proposalHandled = z.object({
  id: z.uuid(),
  state: z.enum(PROPOSAL_STATES),
  /** The decision taken on approval. */
  decisionId: z.uuid().nullable(),
});
