import { and, asc, count, desc, eq, inArray, ne, or } from "drizzle-orm";
import type { z } from "zod";
import type {
  createProposalBody,
  DecisionProposal,
  ProposalQueueItem,
  proposalQueueQuery,
  resubmitProposalBody,
} from "../../../contracts/decision-proposals";
import { delegatedRoles } from "../../../domain/case-flow";
import { DUE_SOON_DAYS } from "../../../domain/clocks";
import {
  type DecideAction,
  mayDecide,
  mayPropose,
  mayResubmit,
  PROPOSABLE_TYPES,
  type ProposableType,
  type ProposalState,
  waited,
} from "../../../domain/decision-proposals/rules";
import { type Role, roleHasPermission } from "../../../domain/roles";
import { byInstant } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { cases, decisionProposals, delegations, investigations, persons, units, userRoles, users } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { caseScope } from "../../platform/scope";
import { caseForWrite, caseInScope, requireAccepts } from "../cases/access";
import { decisionInvestigation, recordCaseDecision } from "../cases/case.service";
import { extensionCheck, recordExtension } from "../cases/flow.service";
import { collectClocks } from "../deadlines/service";

type Row = typeof decisionProposals.$inferSelect;
type Delegation = { decisionType: string; role: string }[];
type CaseRow = typeof cases.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const rolesIn = (actor: Actor, districtId: string): Role[] =>
  actor.assignments.filter((a) => a.districtId === districtId).map((a) => a.role);

async function delegationsOf(tx: Db | Tx, districtIds: string[]): Promise<Map<string, Delegation>> {
  const rows = districtIds.length
    ? await tx
        .select({ districtId: delegations.districtId, decisionType: delegations.decisionType, role: delegations.role })
        .from(delegations)
        .where(inArray(delegations.districtId, districtIds))
    : [];
  return new Map(districtIds.map((d) => [d, rows.filter((r) => r.districtId === d)]));
}

/** Whether the actor holds, in the district, a role its delegation list gives the type to. */
const holdsDelegation = (actor: Actor, districtId: string, configured: Delegation, type: ProposableType) =>
  rolesIn(actor, districtId).some((r) => delegatedRoles(configured, type).includes(r));

async function present(tx: Db | Tx, actor: Actor, rows: Row[]): Promise<DecisionProposal[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.proposedBy, ...(r.handledBy ? [r.handledBy] : [])]))];
  const names = new Map(
    userIds.length
      ? (await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  const byDistrict = await delegationsOf(tx, [...new Set(rows.map((r) => r.districtId))]);
  const writable = districtsWithPermission(actor, "case:write");
  return rows.map((r) => {
    const type = r.type as ProposableType;
    const state = r.state as ProposalState;
    return {
      id: r.id,
      caseId: r.caseId,
      investigationId: r.investigationId,
      type,
      reason: r.reason,
      insats: r.insats,
      newEndDate: r.newEndDate,
      state,
      proposedBy: { id: r.proposedBy, name: names.get(r.proposedBy) ?? "" },
      proposedAt: r.proposedAt.toISOString(),
      submittedAt: r.submittedAt.toISOString(),
      handledBy: r.handledBy ? { id: r.handledBy, name: names.get(r.handledBy) ?? "" } : null,
      handledAt: iso(r.handledAt),
      comment: r.comment,
      decisionId: r.decisionId,
      canDecide:
        state === "pending" &&
        r.proposedBy !== actor.userId &&
        writable.includes(r.districtId) &&
        holdsDelegation(actor, r.districtId, byDistrict.get(r.districtId) ?? [], type),
      canResubmit: state === "returned" && r.proposedBy === actor.userId && writable.includes(r.districtId),
    };
  });
}

/**
 * Active users other than the actor who hold one of the roles in a unit of the district, counting
 * only roles that may write in cases (approving is a case:write command, as deciding directly is).
 */
async function delegateCount(tx: Tx, actor: Actor, districtId: string, delegated: readonly Role[]): Promise<number> {
  const roles = delegated.filter((r) => roleHasPermission(r, "case:write"));
  if (roles.length === 0) return 0;
  const [row] = await tx
    .select({ n: count() })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(userRoles.role, [...roles]),
        ne(userRoles.userId, actor.userId),
        eq(units.districtId, districtId),
        eq(users.active, true),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The investigation a förlängning proposal extends: the one named (of this case), else the latest. */
async function extensionInvestigation(tx: Tx, caseId: string, investigationId: string | undefined) {
  const [inv] = investigationId
    ? await tx
        .select()
        .from(investigations)
        .where(and(eq(investigations.id, investigationId), eq(investigations.caseId, caseId)))
    : await tx
        .select()
        .from(investigations)
        .where(eq(investigations.caseId, caseId))
        .orderBy(desc(investigations.openedOn))
        .limit(1);
  if (!inv)
    throw badRequest("unknown_investigation", "Utredningen hör inte till ärendet / Not this case's investigation", [
      { path: "body.investigationId", message: "Finns inte i ärendet" },
    ]);
  return inv;
}

/**
 * The checks the decision itself will meet, made when the proposal is sent (so the proposer hears
 * of a missing step now, not from the delegate) and again on approval. Returns the investigation.
 */
async function checkDecidable(
  tx: Tx,
  c: CaseRow,
  p: { type: ProposableType; investigationId?: string | undefined; newEndDate?: string | null | undefined },
  now: Date,
) {
  if (p.type === "forlangning") {
    requireAccepts(c, "decision");
    const inv = await extensionInvestigation(tx, c.id, p.investigationId);
    extensionCheck(inv, { decidedAt: now, newEndDate: p.newEndDate ?? "" }, now);
    return inv;
  }
  return decisionInvestigation(tx, c, { type: p.type, investigationId: p.investigationId, decidedAt: now }, now);
}

/** A förslag till beslut to the delegates of the case's district. */
export async function createProposal(
  { db }: Database,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof createProposalBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseForWrite(tx, actor, caseId, "case:write");
    const configured = (await delegationsOf(tx, [c.districtId])).get(c.districtId) ?? [];
    const delegates = await delegateCount(tx, actor, c.districtId, delegatedRoles(configured, input.type));
    const may = mayPropose(configured, input.type, rolesIn(actor, c.districtId), delegates);
    if (!may.ok) {
      if (may.code === "proposal_not_needed")
        throw badRequest(may.code, may.message, [{ path: "body.type", message: may.message }]);
      throw conflict(may.code, may.message, [{ path: "body.type", message: may.message }]);
    }
    const inv = await checkDecidable(tx, c, input, now);
    const [row] = await tx
      .insert(decisionProposals)
      .values({
        caseId,
        districtId: c.districtId,
        investigationId: inv.id,
        type: input.type,
        reason: input.reason,
        insats: input.insats || null,
        newEndDate: input.newEndDate ?? null,
        proposedBy: actor.userId,
        proposedAt: now,
        submittedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "decision_proposal.create",
      permission: "case:write",
      personId: c.personId,
      recordType: "decision_proposal",
      recordId: row.id,
      details: { type: input.type, caseId },
    });
    const [shown] = await present(tx, actor, [row]);
    return shown as DecisionProposal;
  });
}

/** The proposals of a case, newest first, for its page: the proposer sees their state there. */
export async function listCaseProposals({ db }: Database, actor: Actor, caseId: string) {
  return db.transaction(async (tx) => {
    const { case: c } = await caseInScope(tx, actor, caseId);
    const rows = await tx
      .select()
      .from(decisionProposals)
      .where(eq(decisionProposals.caseId, caseId))
      .orderBy(desc(decisionProposals.proposedAt), desc(decisionProposals.id));
    await audit(tx, actor, {
      action: "decision_proposal.list",
      permission: "case:read",
      personId: c.personId,
      recordType: "case",
      recordId: caseId,
      details: { count: rows.length },
    });
    return { items: await present(tx, actor, rows) };
  });
}

/**
 * The delegate's queue: proposals of the districts where the actor holds a role the delegation list
 * gives the proposal's type to, in cases the actor may see, never their own. Pending ones longest
 * waiting first, with each case's running clocks; other states newest first.
 */
export async function proposalQueue(
  { db }: Database,
  actor: Actor,
  query: z.infer<typeof proposalQueueQuery>,
  now: Date,
): Promise<{ items: ProposalQueueItem[]; truncated: boolean }> {
  const districtIds = districtsWithPermission(actor, "case:write");
  return db.transaction(async (tx) => {
    const byDistrict = await delegationsOf(tx, districtIds);
    const mine = districtIds.flatMap((d) => {
      const types = PROPOSABLE_TYPES.filter((t) => holdsDelegation(actor, d, byDistrict.get(d) ?? [], t));
      return types.length ? [and(eq(decisionProposals.districtId, d), inArray(decisionProposals.type, types))] : [];
    });
    if (mine.length === 0) return { items: [], truncated: false };
    const rows = await tx
      .select({ p: decisionProposals, personId: cases.personId, firstName: persons.firstName, lastName: persons.lastName })
      .from(decisionProposals)
      .innerJoin(cases, eq(cases.id, decisionProposals.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(
        and(
          or(...mine),
          eq(decisionProposals.state, query.state),
          ne(decisionProposals.proposedBy, actor.userId),
          caseScope(actor),
        ),
      )
      .orderBy(
        query.state === "pending" ? asc(decisionProposals.submittedAt) : desc(decisionProposals.submittedAt),
        asc(decisionProposals.id),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    await audit(
      tx,
      actor,
      page.map((r) => ({
        action: "decision_proposal.queue_result",
        permission: "case:write" as const,
        personId: r.personId,
        recordType: "decision_proposal",
        recordId: r.p.id,
      })),
    );
    const shown = await present(
      tx,
      actor,
      page.map((r) => r.p),
    );
    const clocks = await collectClocks(
      tx,
      actor,
      { caseIds: [...new Set(page.map((r) => r.p.caseId))], includeMet: false, dueSoonDays: DUE_SOON_DAYS },
      now,
    );
    return {
      items: shown.map((s, n) => {
        const r = page[n] as (typeof page)[number];
        return {
          ...s,
          personName: `${r.firstName} ${r.lastName}`,
          waitedHours: waited(r.p.submittedAt, now).hours,
          clocks: clocks
            .filter((k) => k.caseId === s.caseId)
            .sort((a, b) => byInstant(a.dueAt, b.dueAt))
            .map((k) => ({ clock: k.clock, state: k.state, dueDate: k.dueDate, daysLeft: k.daysLeft })),
        };
      }),
      truncated: rows.length > query.limit,
    };
  });
}

/**
 * A proposal and its case, for a command on it: the case must be in the actor's scope with
 * case:write (else 404), and is locked before the proposal is, so of two commands at once the
 * second reads what the first wrote (two approvals: one decision, the other 409 already_handled).
 */
async function proposalForWrite(tx: Tx, actor: Actor, id: string) {
  const [found] = await tx
    .select({ caseId: decisionProposals.caseId })
    .from(decisionProposals)
    .where(eq(decisionProposals.id, id));
  if (!found) throw notFound();
  const { case: c } = await caseForWrite(tx, actor, found.caseId, "case:write");
  const [p] = await tx.select().from(decisionProposals).where(eq(decisionProposals.id, id)).for("update");
  if (!p) throw notFound();
  return { c, p };
}

/**
 * The delegate approves (the decision is taken now, in their name, exactly as a decision taken
 * directly: same checks, same record, same audit), returns with a comment, or rejects with a reason.
 */
export async function decideProposal(
  { db }: Database,
  actor: Actor,
  id: string,
  action: DecideAction,
  comment: string,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { c, p } = await proposalForWrite(tx, actor, id);
    const type = p.type as ProposableType;
    const configured = (await delegationsOf(tx, [c.districtId])).get(c.districtId) ?? [];
    const may = mayDecide(
      { state: p.state as ProposalState, proposedBy: p.proposedBy, type },
      { id: actor.userId, roles: rolesIn(actor, c.districtId) },
      configured,
      action,
      comment,
    );
    if (!may.ok) {
      if (may.code === "comment_required")
        throw badRequest(may.code, may.message, [{ path: "body.comment", message: may.message }]);
      throw conflict(may.code, may.message);
    }
    let decisionId: string | null = null;
    if (action === "approve") {
      const inv = await checkDecidable(tx, c, { type, investigationId: p.investigationId, newEndDate: p.newEndDate }, now);
      if (type === "forlangning") {
        decisionId = (
          await recordExtension(tx, actor, inv, c, { decidedAt: now, reason: p.reason, newEndDate: p.newEndDate ?? "" }, now)
        ).decisionId;
      } else {
        const decision = await recordCaseDecision(tx, actor, c, inv.id, {
          type,
          reason: p.reason,
          insats: p.insats ?? undefined,
          decidedAt: now,
        });
        decisionId = decision.id;
      }
    }
    await tx
      .update(decisionProposals)
      .set({
        state: may.state,
        handledBy: actor.userId,
        handledAt: now,
        comment: action === "approve" ? null : comment.trim(),
        decisionId,
      })
      .where(eq(decisionProposals.id, id));
    await audit(tx, actor, {
      action: `decision_proposal.${action}`,
      permission: "case:write",
      personId: c.personId,
      recordType: "decision_proposal",
      recordId: id,
      details: { type, decisionId },
    });
    return { id, state: may.state, decisionId };
  });
}

/** The proposer revises a returned proposal and sends it again; the decision's checks run anew. */
export async function resubmitProposal(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof resubmitProposalBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const { c, p } = await proposalForWrite(tx, actor, id);
    const may = mayResubmit({ state: p.state as ProposalState, proposedBy: p.proposedBy }, actor.userId);
    if (!may.ok) throw conflict(may.code, may.message);
    const type = p.type as ProposableType;
    if ((type === "forlangning") !== (input.newEndDate !== undefined))
      throw badRequest(
        "invalid_fields",
        "Nytt slutdatum hör bara till förlängning / A new end date belongs to an extension only",
        [
          {
            path: "body.newEndDate",
            message: type === "forlangning" ? "Krävs / Required" : "Bara vid förlängning / Extension only",
          },
        ],
      );
    if (type !== "bistand" && input.insats)
      throw badRequest("invalid_fields", "Insats anges bara vid bistånd / An insats belongs to bistånd only", [
        { path: "body.insats", message: "Bara vid bistånd / Only for bistånd" },
      ]);
    await checkDecidable(tx, c, { type, investigationId: p.investigationId, newEndDate: input.newEndDate }, now);
    await tx
      .update(decisionProposals)
      .set({
        reason: input.reason,
        insats: input.insats || null,
        newEndDate: input.newEndDate ?? null,
        state: may.state,
        submittedAt: now,
      })
      .where(eq(decisionProposals.id, id));
    await audit(tx, actor, {
      action: "decision_proposal.resubmit",
      permission: "case:write",
      personId: c.personId,
      recordType: "decision_proposal",
      recordId: id,
      details: { type },
    });
    return { id, state: may.state, decisionId: null };
  });
}
