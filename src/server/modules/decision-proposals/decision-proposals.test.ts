import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, decisionProposals, decisions, delegations, investigations, users } from "../../db/schema/index";
import { seedCase } from "../../testing/case-fixtures";
import { createWorld, type World } from "../../testing/world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

async function call(username: string, method: "GET" | "POST", url: string, payload?: object) {
  const res = await w.app.inject({ method, url, headers: { cookie: await w.login(username) }, payload });
  return { status: res.statusCode, body: res.json() };
}

const propose = (caseId: string, body: object, user = "handlaggare") =>
  call(user, "POST", `/api/cases/${caseId}/decision-proposals`, body);
const bistand = { type: "bistand", reason: "Behov av stöd i skolan och hemmet", insats: "FFT" };
const proposalCount = () => w.database.db.$count(decisionProposals);
const decisionCount = (caseId: string) => w.database.db.$count(decisions, eq(decisions.caseId, caseId));

async function proposed(body: object = bistand) {
  const { caseId, investigationId } = await seedCase(w, "own", "investigated");
  const r = await propose(caseId, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { caseId, investigationId, id: r.body.id as string };
}

describe("förslag till beslut", () => {
  it("a handläggare proposes a bistånd decision delegated to the enhetschef; it waits in the enhetschef's queue", async () => {
    const { caseId, id } = await proposed();
    const queue = await call("enhetschef", "GET", "/api/decision-proposals");
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({
      caseId,
      type: "bistand",
      state: "pending",
      insats: "FFT",
      personName: "Alva AnderssonA",
      proposedBy: { id: w.userIds.handlaggare },
      canDecide: true,
      canResubmit: false,
    });
    expect(item.waitedHours).toBe(0);
    expect(Array.isArray(item.clocks)).toBe(true);
    // Not in the proposer's own queue; the proposer sees it on the case, pending.
    const own = await call("handlaggare", "GET", "/api/decision-proposals");
    expect(own.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const onCase = await call("handlaggare", "GET", `/api/cases/${caseId}/decision-proposals`);
    expect(onCase.body.items).toEqual([expect.objectContaining({ id, state: "pending", canDecide: false })]);
    // Nothing is decided yet.
    expect(await w.database.db.$count(decisions, and(eq(decisions.caseId, caseId), eq(decisions.type, "bistand")))).toBe(0);
    // The other district's enhetschef sees neither the queue item nor the case.
    const other = await call("enhetschef.b", "GET", "/api/decision-proposals");
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await call("enhetschef.b", "GET", `/api/cases/${caseId}/decision-proposals`)).status).toBe(404);
  });

  it("the enhetschef approves: the decision is recorded in their name as takeDecision records it, the proposal linked", async () => {
    const { caseId, investigationId, id } = await proposed();
    const r = await call("enhetschef", "POST", `/api/decision-proposals/${id}/approve`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe("approved");
    const [d] = await w.database.db.select().from(decisions).where(eq(decisions.id, r.body.decisionId));
    expect(d).toMatchObject({
      caseId,
      investigationId,
      type: "bistand",
      decidedBy: w.userIds.enhetschef,
      decidedAsRole: "enhetschef",
      reason: bistand.reason,
      details: { insats: "FFT" },
    });
    const file = await call("handlaggare", "GET", `/api/cases/${caseId}`);
    expect(file.body.decisions).toContainEqual(
      expect.objectContaining({ id: r.body.decisionId, type: "bistand", decidedByName: "Test enhetschef" }),
    );
    const onCase = await call("handlaggare", "GET", `/api/cases/${caseId}/decision-proposals`);
    expect(onCase.body.items[0]).toMatchObject({
      state: "approved",
      decisionId: r.body.decisionId,
      handledBy: { id: w.userIds.enhetschef },
    });
    const actions = (
      await w.database.db
        .select({ action: auditLog.action, userId: auditLog.userId })
        .from(auditLog)
        .where(sql`${auditLog.recordId} in (${id}, ${r.body.decisionId})`)
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["decision_proposal.create", "decision_proposal.approve", "case.decision"]));
    // Approving again is refused, and nothing more is written.
    const again = await call("enhetschef", "POST", `/api/decision-proposals/${id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_handled");
    expect(await decisionCount(caseId)).toBe(2); // the opening decision and the bistånd
  });

  it("of two approvals at once one wins, the other gets 409, and one decision is written", async () => {
    const { caseId, id } = await proposed();
    const before = await decisionCount(caseId);
    const cookie = await w.login("enhetschef");
    const results = await Promise.all(
      [1, 2].map(() => w.app.inject({ method: "POST", url: `/api/decision-proposals/${id}/approve`, headers: { cookie } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await decisionCount(caseId)).toBe(before + 1);
  });

  it("refuses a proposal for a decision the proposer may take directly (400 proposal_not_needed), nothing written", async () => {
    const { caseId } = await seedCase(w, "own", "investigated");
    const before = await proposalCount();
    const own = await propose(caseId, { type: "ingen_atgard", reason: "Inget behov" });
    expect(own.status).toBe(400);
    expect(own.body.error).toMatchObject({ code: "proposal_not_needed", fields: [{ path: "body.type" }] });
    const chef = await propose(caseId, bistand, "enhetschef");
    expect(chef.status).toBe(400);
    expect(await proposalCount()).toBe(before);
  });

  it("refuses a proposal nobody in the district can approve (409 no_delegate), nothing written", async () => {
    const { caseId } = await seedCase(w, "own", "investigating");
    const { db } = w.database;
    const handlaggareTypes = ["inleda_utredning", "inte_inleda_utredning", "ingen_atgard", "uppfoljning"].map((t) => ({
      districtId: w.own.id,
      decisionType: t,
      role: "handlaggare",
    }));
    const delegateForlangningTo = async (role: string) => {
      await db.delete(delegations).where(eq(delegations.districtId, w.own.id));
      await db.insert(delegations).values([...handlaggareTypes, { districtId: w.own.id, decisionType: "forlangning", role }]);
    };
    const chefId = w.userIds.enhetschef as string;
    const body = { type: "forlangning", reason: "Inväntar BUP", newEndDate: "2099-01-01" };
    try {
      const before = await proposalCount();
      // A samordnare may not write in cases, so cannot approve either.
      await delegateForlangningTo("samordnare");
      const toSamordnare = await propose(caseId, body);
      expect(toSamordnare.status).toBe(409);
      expect(toSamordnare.body.error.code).toBe("no_delegate");
      // The district's only enhetschef has left.
      await delegateForlangningTo("enhetschef");
      await db.update(users).set({ active: false }).where(eq(users.id, chefId));
      const nobody = await propose(caseId, body);
      expect(nobody.status).toBe(409);
      expect(nobody.body.error.code).toBe("no_delegate");
      expect(await proposalCount()).toBe(before);
    } finally {
      await db.update(users).set({ active: true }).where(eq(users.id, chefId));
      await db.delete(delegations).where(eq(delegations.districtId, w.own.id));
    }
  });

  it("refuses a proposal on a closed case (409 case_closed), nothing written", async () => {
    const { caseId } = await seedCase(w, "own", "investigated");
    await w.database.db.update(cases).set({ closedAt: new Date(), closeReason: "annat" }).where(eq(cases.id, caseId));
    const before = await proposalCount();
    const r = await propose(caseId, bistand);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("case_closed");
    expect(await proposalCount()).toBe(before);
  });

  it("refuses a decision the case is not ready for when the proposal is sent (investigation still running)", async () => {
    const { caseId } = await seedCase(w, "own", "investigating");
    const r = await propose(caseId, bistand);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("out_of_order");
  });

  it("refuses bad input with 400 and the field: förlängning without a date, a date on a bistånd, an unknown type", async () => {
    const { caseId } = await seedCase(w, "own", "investigating");
    const before = await proposalCount();
    const noDate = await propose(caseId, { type: "forlangning", reason: "Inväntar BUP" });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.fields).toContainEqual(expect.objectContaining({ path: "body.newEndDate" }));
    expect((await propose(caseId, { ...bistand, newEndDate: "2099-01-01" })).status).toBe(400);
    expect((await propose(caseId, { type: "inleda_utredning", reason: "x" })).status).toBe(400);
    expect((await propose(caseId, { type: "bistand", reason: "   " })).status).toBe(400);
    expect(await proposalCount()).toBe(before);
  });

  it("refuses approving one's own proposal and approval by someone without the delegation (409), nothing written", async () => {
    const { caseId, id } = await proposed();
    // A proposal the enhetschef sent before being given the delegation: still not theirs to approve.
    await w.database.db
      .update(decisionProposals)
      .set({ proposedBy: w.userIds.enhetschef as string })
      .where(eq(decisionProposals.id, id));
    const own = await call("enhetschef", "POST", `/api/decision-proposals/${id}/approve`);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe("own_proposal");
    await w.database.db
      .update(decisionProposals)
      .set({ proposedBy: w.userIds.kollega as string })
      .where(eq(decisionProposals.id, id));
    // A handläggare colleague has case:write but not the delegation.
    const colleague = await call("handlaggare", "POST", `/api/decision-proposals/${id}/approve`);
    expect(colleague.status).toBe(409);
    expect(colleague.body.error.code).toBe("no_delegation");
    const outsider = await call("enhetschef.b", "POST", `/api/decision-proposals/${id}/approve`);
    expect(outsider.status).toBe(404);
    const [p] = await w.database.db.select().from(decisionProposals).where(eq(decisionProposals.id, id));
    expect(p?.state).toBe("pending");
    expect(await decisionCount(caseId)).toBe(1);
  });

  it("returns with a comment, the proposer revises and resends, the enhetschef rejects with a reason", async () => {
    const { caseId, id } = await proposed();
    const noComment = await call("enhetschef", "POST", `/api/decision-proposals/${id}/return`, { comment: "  " });
    expect(noComment.status).toBe(400);
    const returned = await call("enhetschef", "POST", `/api/decision-proposals/${id}/return`, {
      comment: "Beskriv målen med insatsen",
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.state).toBe("returned");
    // A returned proposal cannot be approved until it is resent.
    expect((await call("enhetschef", "POST", `/api/decision-proposals/${id}/approve`)).body.error.code).toBe("already_handled");
    const view = await call("handlaggare", "GET", `/api/cases/${caseId}/decision-proposals`);
    expect(view.body.items[0]).toMatchObject({ state: "returned", comment: "Beskriv målen med insatsen", canResubmit: true });
    // Only the proposer resends it.
    const byOther = await call("enhetschef", "POST", `/api/decision-proposals/${id}/resubmit`, { reason: "Ändrad" });
    expect(byOther.status).toBe(409);
    expect(byOther.body.error.code).toBe("not_own_proposal");
    const resent = await call("handlaggare", "POST", `/api/decision-proposals/${id}/resubmit`, {
      reason: "Mål: skolnärvaro över 80 %",
      insats: "FFT",
    });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body.state).toBe("pending");
    expect((await call("handlaggare", "POST", `/api/decision-proposals/${id}/resubmit`, { reason: "x" })).status).toBe(409);
    const rejected = await call("enhetschef", "POST", `/api/decision-proposals/${id}/reject`, {
      comment: "Behovet är inte styrkt i utredningen",
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.state).toBe("rejected");
    expect((await call("enhetschef", "POST", `/api/decision-proposals/${id}/reject`, { comment: "igen" })).status).toBe(409);
    expect(await decisionCount(caseId)).toBe(1);
    const actions = (await w.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "decision_proposal.create",
        "decision_proposal.return",
        "decision_proposal.resubmit",
        "decision_proposal.reject",
      ]),
    );
  });

  it("a förlängning goes the same route: approved, the investigation's end date moves", async () => {
    const { investigationId, id } = await (async () => {
      const { caseId, investigationId } = await seedCase(w, "own", "investigating");
      const r = await propose(caseId, { type: "forlangning", reason: "Inväntar BUP:s utlåtande", newEndDate: "2099-01-01" });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return { caseId, investigationId, id: r.body.id as string };
    })();
    const r = await call("enhetschef", "POST", `/api/decision-proposals/${id}/approve`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [inv] = await w.database.db.select().from(investigations).where(eq(investigations.id, investigationId));
    expect(inv?.extendedTo).toBe("2099-01-01");
    const [d] = await w.database.db.select().from(decisions).where(eq(decisions.id, r.body.decisionId));
    expect(d).toMatchObject({ type: "forlangning", decidedBy: w.userIds.enhetschef, investigationId });
  });

  it("re-checks the case on approval: a case closed meanwhile is refused with 409 and nothing is decided", async () => {
    const { caseId, id } = await proposed();
    await w.database.db.update(cases).set({ closedAt: new Date(), closeReason: "annat" }).where(eq(cases.id, caseId));
    const r = await call("enhetschef", "POST", `/api/decision-proposals/${id}/approve`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("case_closed");
    const [p] = await w.database.db.select().from(decisionProposals).where(eq(decisionProposals.id, id));
    expect(p?.state).toBe("pending");
    expect(await decisionCount(caseId)).toBe(1);
  });
});
