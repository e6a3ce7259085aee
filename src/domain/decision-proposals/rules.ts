/**
 * Förslag till beslut: whoever prepares a decision that the district's delegationsordning gives to
 * another role sends a proposal to the delegate, who approves it (the decision is then taken in the
 * delegate's name), returns it with a comment, or rejects it with a reason. The nämnd delegates its
 * power to decide to employees (kommunallagen (2017:725) 7 kap. 5 §); only the delegate decides, so
 * a proposal is a prepared draft, never a decision. Pure: the service feeds in what it read.
 *
 * Choices, with their reasons:
 * - A proposal for a decision one may take oneself is refused (400 proposal_not_needed): taking
 *   it directly is one step, and a proposal to oneself-or-another would blur who decided.
 * - Only the proposer resubmits a returned proposal (a colleague's revision would put words in the
 *   proposer's name); a rejected or approved proposal is final — a new need is a new proposal.
 * - The delegate is anyone holding a delegated role in the case's district, as requireDelegation
 *   decides for a decision taken directly: the queue and the approval follow the same rule.
 */
import { delegatedRoles } from "../case-flow";
import type { Role } from "../roles";

/**
 * The decisions a proposal can prepare: those POST /api/cases/:id/decisions takes, and förlängning
 * (POST /api/investigations/:id/extensions). The decisions to open or not open an investigation are
 * the förhandsbedömning itself; LUL yttranden and LVU placements have their own flows. Closing a
 * case is no delegated decision type (it is not in the delegationsordning), so it has no proposal.
 */
export const PROPOSABLE_TYPES = ["bistand", "avslag", "ingen_atgard", "uppfoljning", "lvu_ansokan", "forlangning"] as const;
export type ProposableType = (typeof PROPOSABLE_TYPES)[number];

export const PROPOSAL_STATES = ["pending", "approved", "returned", "rejected"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_ACTIONS = ["approve", "return", "reject", "resubmit"] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** The whole state machine: pending → approved | returned | rejected; returned → pending. */
const TRANSITIONS: Record<ProposalState, Partial<Record<ProposalAction, ProposalState>>> = {
  pending: { approve: "approved", return: "returned", reject: "rejected" },
  returned: { resubmit: "pending" },
  approved: {},
  rejected: {},
};

/** The state an action leads to from a state, or null when the action is not open there. */
export function nextState(state: ProposalState, action: ProposalAction): ProposalState | null {
  return TRANSITIONS[state][action] ?? null;
}

/** Whether nothing more can happen to a proposal. */
export const isFinal = (state: ProposalState) => PROPOSAL_ACTIONS.every((a) => nextState(state, a) === null);

/** The district's delegation rows (decision type, role), as the delegation list stores them. */
type Delegation = { decisionType: string; role: string }[];

export type Refusal<C extends string> = { ok: false; code: C; message: string };

export type ProposeOutcome = { ok: true; delegatedTo: readonly Role[] } | Refusal<"proposal_not_needed" | "no_delegate">;

/**
 * May someone holding `proposerRoles` in the case's district propose `type` there? Not when they
 * hold a delegated role themselves (they decide directly), and not when nobody else in the district
 * holds one (`delegateCount`: active users other than the proposer holding a delegated role there
 * that may write in cases):
 * a proposal nobody can approve would wait for ever.
 */
export function mayPropose(
  configured: Delegation,
  type: ProposableType,
  proposerRoles: readonly Role[],
  delegateCount: number,
): ProposeOutcome {
  const delegatedTo = delegatedRoles(configured, type);
  if (proposerRoles.some((r) => delegatedTo.includes(r)))
    return {
      ok: false,
      code: "proposal_not_needed",
      message: "Du har själv delegation för beslutet: fatta det direkt / You hold the delegation: take the decision directly",
    };
  if (delegateCount === 0)
    return {
      ok: false,
      code: "no_delegate",
      message: "Ingen i distriktet har delegation för beslutet / Nobody in the district holds the delegation for this decision",
    };
  return { ok: true, delegatedTo };
}

export type DecideAction = "approve" | "return" | "reject";
export type DecideOutcome =
  | { ok: true; state: ProposalState }
  | Refusal<"already_handled" | "own_proposal" | "no_delegation" | "comment_required">;

/**
 * May the user decide on the proposal (approve, return with a comment, reject with a reason)? Only
 * a pending proposal, never one's own (four eyes), only with a role the district's delegation list
 * gives the type to today, and a return or rejection says why.
 */
export function mayDecide(
  proposal: { state: ProposalState; proposedBy: string; type: ProposableType },
  user: { id: string; roles: readonly Role[] },
  configured: Delegation,
  action: DecideAction,
  comment: string,
): DecideOutcome {
  const next = nextState(proposal.state, action);
  if (!next)
    return {
      ok: false,
      code: "already_handled",
      message: "Förslaget är redan behandlat / The proposal has already been handled",
    };
  if (proposal.proposedBy === user.id)
    return {
      ok: false,
      code: "own_proposal",
      message: "Du kan inte besluta om ditt eget förslag / You cannot decide on your own proposal",
    };
  const delegatedTo = delegatedRoles(configured, proposal.type);
  if (!user.roles.some((r) => delegatedTo.includes(r)))
    return {
      ok: false,
      code: "no_delegation",
      message: "Du saknar delegation för detta beslut / You have no delegation for this decision",
    };
  if (action !== "approve" && !comment.trim())
    return {
      ok: false,
      code: "comment_required",
      message:
        action === "return"
          ? "Skriv vad som ska ändras / Say what is to be changed"
          : "Skriv varför förslaget avslås / Say why the proposal is rejected",
    };
  return { ok: true, state: next };
}

export type ResubmitOutcome = { ok: true; state: ProposalState } | Refusal<"not_own_proposal" | "not_returned">;

/** The proposer revises a returned proposal and sends it again; it is then pending like a new one. */
export function mayResubmit(proposal: { state: ProposalState; proposedBy: string }, userId: string): ResubmitOutcome {
  if (proposal.proposedBy !== userId)
    return {
      ok: false,
      code: "not_own_proposal",
      message: "Bara den som skrev förslaget kan ändra det / Only the proposer can revise the proposal",
    };
  const next = nextState(proposal.state, "resubmit");
  if (!next)
    return {
      ok: false,
      code: "not_returned",
      message: "Bara ett återskickat förslag kan ändras och skickas igen / Only a returned proposal can be revised and resent",
    };
  return { ok: true, state: next };
}

/** Whole hours and days a proposal has waited since it was (last) sent, as the queue shows it. */
export function waited(since: Date, now: Date): { hours: number; days: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return { hours, days: Math.floor(hours / 24) };
}
