import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DELEGATION, DELEGABLE_ROLES } from "../case-flow";
import type { Role } from "../roles";
import {
  isFinal,
  mayDecide,
  mayPropose,
  mayResubmit,
  nextState,
  PROPOSABLE_TYPES,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  type ProposalState,
  waited,
} from "./rules";

const DEFAULT: { decisionType: string; role: string }[] = [];
const chef = { id: "chef", roles: ["enhetschef"] as Role[] };
const pending = { state: "pending" as ProposalState, proposedBy: "hl", type: "bistand" as const };

describe("mayPropose", () => {
  it("lets a handläggare propose a bistånd decision the default list gives the enhetschef", () => {
    expect(mayPropose(DEFAULT, "bistand", ["handlaggare"], 1)).toEqual({ ok: true, delegatedTo: ["enhetschef"] });
  });

  it("refuses a proposal for a decision one may take oneself as pointless", () => {
    expect(mayPropose(DEFAULT, "ingen_atgard", ["handlaggare"], 3)).toMatchObject({ ok: false, code: "proposal_not_needed" });
    expect(mayPropose(DEFAULT, "bistand", ["handlaggare", "enhetschef"], 3)).toMatchObject({
      ok: false,
      code: "proposal_not_needed",
    });
  });

  it("refuses a proposal nobody in the district can approve", () => {
    expect(mayPropose(DEFAULT, "forlangning", ["handlaggare"], 0)).toMatchObject({ ok: false, code: "no_delegate" });
  });

  it("follows the district's own delegation list", () => {
    const list = [
      { decisionType: "bistand", role: "samordnare" },
      { decisionType: "avslag", role: "handlaggare" },
    ];
    expect(mayPropose(list, "bistand", ["handlaggare"], 1)).toEqual({ ok: true, delegatedTo: ["samordnare"] });
    expect(mayPropose(list, "avslag", ["handlaggare"], 1)).toMatchObject({ ok: false, code: "proposal_not_needed" });
  });
});

describe("mayDecide", () => {
  it("approves a pending proposal by the delegate", () => {
    expect(mayDecide(pending, chef, DEFAULT, "approve", "")).toEqual({ ok: true, state: "approved" });
  });

  it("returns with a comment and rejects with a reason, never without", () => {
    expect(mayDecide(pending, chef, DEFAULT, "return", "Komplettera motiveringen")).toEqual({ ok: true, state: "returned" });
    expect(mayDecide(pending, chef, DEFAULT, "reject", "Behovet är inte styrkt")).toEqual({ ok: true, state: "rejected" });
    expect(mayDecide(pending, chef, DEFAULT, "return", "  ")).toMatchObject({ ok: false, code: "comment_required" });
    expect(mayDecide(pending, chef, DEFAULT, "reject", "")).toMatchObject({ ok: false, code: "comment_required" });
  });

  it("refuses one's own proposal, even to a delegate", () => {
    const own = { ...pending, proposedBy: "chef" };
    expect(mayDecide(own, chef, DEFAULT, "approve", "")).toMatchObject({ ok: false, code: "own_proposal" });
  });

  it("refuses a user without the delegation", () => {
    expect(mayDecide(pending, { id: "hl2", roles: ["handlaggare"] }, DEFAULT, "approve", "")).toMatchObject({
      ok: false,
      code: "no_delegation",
    });
  });

  it("refuses a proposal already handled", () => {
    for (const state of ["approved", "returned", "rejected"] as const) {
      expect(mayDecide({ ...pending, state }, chef, DEFAULT, "approve", "")).toMatchObject({
        ok: false,
        code: "already_handled",
      });
    }
  });
});

describe("mayResubmit", () => {
  it("lets the proposer resend a returned proposal, which is pending again", () => {
    expect(mayResubmit({ state: "returned", proposedBy: "hl" }, "hl")).toEqual({ ok: true, state: "pending" });
  });
  it("refuses another user and any state but returned", () => {
    expect(mayResubmit({ state: "returned", proposedBy: "hl" }, "hl2")).toMatchObject({ code: "not_own_proposal" });
    for (const state of ["pending", "approved", "rejected"] as const)
      expect(mayResubmit({ state, proposedBy: "hl" }, "hl")).toMatchObject({ code: "not_returned" });
  });
});

describe("the state machine", () => {
  const state = fc.constantFrom(...PROPOSAL_STATES);
  const action = fc.constantFrom(...PROPOSAL_ACTIONS);

  it("has exactly the transitions pending→approved|returned|rejected and returned→pending", () => {
    const edges = PROPOSAL_STATES.flatMap((s) => PROPOSAL_ACTIONS.map((a) => [s, a, nextState(s, a)] as const)).filter(
      ([, , to]) => to !== null,
    );
    expect(edges).toEqual([
      ["pending", "approve", "approved"],
      ["pending", "return", "returned"],
      ["pending", "reject", "rejected"],
      ["returned", "resubmit", "pending"],
    ]);
    expect(PROPOSAL_STATES.filter(isFinal)).toEqual(["approved", "rejected"]);
  });

  it("never leaves a final state, whatever runs of actions follow", () => {
    fc.assert(
      fc.property(state, fc.array(action, { maxLength: 20 }), (start, actions) => {
        let s: ProposalState = start;
        let finalSeen = isFinal(s);
        for (const a of actions) {
          const to = nextState(s, a);
          if (finalSeen) expect(to).toBeNull();
          if (to) s = to;
          finalSeen ||= isFinal(s);
        }
      }),
    );
  });

  it("approves a proposal at most once along any path, and only from pending", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let s: ProposalState = "pending";
        let approvals = 0;
        for (const a of actions) {
          const to = nextState(s, a);
          if (to === "approved") {
            expect(s).toBe("pending");
            approvals += 1;
          }
          if (to) s = to;
        }
        expect(approvals).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("lets nobody approve their own proposal, whatever their roles and the delegation list", () => {
    const roles = fc.subarray([...DELEGABLE_ROLES] as Role[]);
    const list = fc.array(
      fc.record({ decisionType: fc.constantFrom(...PROPOSABLE_TYPES), role: fc.constantFrom(...DELEGABLE_ROLES) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...PROPOSABLE_TYPES), roles, list, (type, r, l) => {
        const out = mayDecide({ state: "pending", proposedBy: "u", type }, { id: "u", roles: r }, l, "approve", "");
        expect(out.ok).toBe(false);
      }),
    );
  });

  it("is proposable only where deciding directly is not: the two routes never both open", () => {
    const roles = fc.subarray([...DELEGABLE_ROLES] as Role[]);
    fc.assert(
      fc.property(fc.constantFrom(...PROPOSABLE_TYPES), roles, (type, r) => {
        const mayTakeItself = r.some((x) => DEFAULT_DELEGATION[type].includes(x));
        expect(mayPropose(DEFAULT, type, r, 1).ok).toBe(!mayTakeItself);
      }),
    );
  });
});

describe("waited", () => {
  it("counts whole hours and days, never below zero", () => {
    const since = new Date("2026-03-02T08:00:00Z");
    expect(waited(since, new Date("2026-03-04T09:30:00Z"))).toEqual({ hours: 49, days: 2 });
    expect(waited(since, new Date("2026-03-02T07:00:00Z"))).toEqual({ hours: 0, days: 0 });
  });
});
