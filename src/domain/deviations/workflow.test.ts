import { describe, expect, it } from "vitest";
import { lexSarahProvision } from "./lex-sarah";
import {
  ALLOWED_FROM,
  availableSteps,
  DEVIATION_STATES,
  DEVIATION_STEPS,
  type DeviationFacts,
  type DeviationState,
  type DeviationStep,
  decideStep,
  type StepCommand,
} from "./workflow";

const facts = (over: Partial<DeviationFacts> = {}): DeviationFacts => ({
  state: "reported",
  lexSarah: "none",
  serious: false,
  ivoNotified: false,
  actionCount: 0,
  ...over,
});

/** A command for each step that is right in itself, so only the state decides. */
const command = (step: DeviationStep): StepCommand => {
  switch (step) {
    case "classify":
      return { step, lexSarah: "none", serious: false };
    case "investigate":
      return { step };
    case "close":
      return { step, noActionReason: "Inget att åtgärda" };
    default:
      return { step };
  }
};

/** The state each step leads to when allowed (the IVO notification stays put). */
const TARGET: Record<Exclude<DeviationStep, "notify_ivo">, DeviationState> = {
  classify: "classified",
  investigate: "investigated",
  add_action: "acting",
  follow_up: "followed_up",
  close: "closed",
};

describe("deviation workflow", () => {
  describe("every step from every state", () => {
    for (const step of DEVIATION_STEPS.filter((s) => s !== "notify_ivo")) {
      for (const state of DEVIATION_STATES) {
        const allowed = ALLOWED_FROM[step].includes(state) && state !== "closed";
        it(`${step} from ${state} is ${allowed ? "allowed" : "refused with 409"}`, () => {
          const result = decideStep(
            facts({ state, actionCount: state === "acting" || state === "followed_up" ? 1 : 0 }),
            command(step),
          );
          if (allowed) {
            expect(result).toMatchObject({ ok: true, state: TARGET[step as keyof typeof TARGET] });
          } else {
            expect(result).toMatchObject({ ok: false, status: 409 });
            if (!result.ok) expect(result.code).toBe(state === "closed" ? "deviation_closed" : "out_of_order");
          }
        });
      }
    }
    for (const state of DEVIATION_STATES) {
      const allowed = ALLOWED_FROM.notify_ivo.includes(state);
      it(`notify_ivo of a serious lex Sarah matter from ${state} is ${allowed ? "allowed and keeps the state" : "refused"}`, () => {
        const result = decideStep(facts({ state, lexSarah: "missforhallande", serious: true, actionCount: 1 }), {
          step: "notify_ivo",
        });
        if (allowed) expect(result).toMatchObject({ ok: true, state });
        else expect(result).toMatchObject({ ok: false, status: 409 });
      });
    }
  });

  it("classification may be corrected until the investigation, not after", () => {
    expect(decideStep(facts({ state: "classified" }), { step: "classify", lexSarah: "risk", serious: false })).toMatchObject({
      ok: true,
      state: "classified",
      lexSarah: "risk",
    });
    expect(decideStep(facts({ state: "investigated" }), { step: "classify", lexSarah: "risk", serious: false })).toMatchObject({
      ok: false,
      code: "out_of_order",
    });
  });

  it("refuses 'allvarligt' for an ordinary deviation (400, the field named)", () => {
    expect(decideStep(facts(), { step: "classify", lexSarah: "none", serious: true })).toEqual({
      ok: false,
      status: 400,
      code: "serious_requires_lex_sarah",
      message: expect.any(String),
      path: "body.serious",
    });
    expect(decideStep(facts({ state: "classified" }), { step: "investigate", serious: true })).toMatchObject({
      ok: false,
      status: 400,
      code: "serious_requires_lex_sarah",
    });
  });

  it("a lex Sarah investigation must conclude whether it is serious, and that conclusion replaces the classification's", () => {
    const classified = facts({ state: "classified", lexSarah: "missforhallande", serious: false });
    expect(decideStep(classified, { step: "investigate" })).toMatchObject({ ok: false, status: 400, code: "serious_required" });
    expect(decideStep(classified, { step: "investigate", serious: true })).toMatchObject({
      ok: true,
      state: "investigated",
      serious: true,
    });
    expect(decideStep({ ...classified, serious: true }, { step: "investigate", serious: false })).toMatchObject({
      ok: true,
      serious: false,
    });
  });

  it("a serious lex Sarah matter cannot close before the IVO notification is recorded", () => {
    const serious = facts({ state: "followed_up", lexSarah: "missforhallande", serious: true, actionCount: 2 });
    expect(decideStep(serious, { step: "close" })).toMatchObject({ ok: false, status: 409, code: "ivo_notification_required" });
    expect(availableSteps(serious)).toEqual(["notify_ivo"]);
    const notified = { ...serious, ivoNotified: true };
    expect(decideStep(notified, { step: "close" })).toMatchObject({ ok: true, state: "closed" });
    expect(availableSteps(notified)).toEqual(["close"]);
  });

  it("a påtaglig risk that is serious needs the notification too; one that is not serious does not", () => {
    const risk = facts({ state: "followed_up", lexSarah: "risk", serious: true, actionCount: 1 });
    expect(decideStep(risk, { step: "close" })).toMatchObject({ ok: false, code: "ivo_notification_required" });
    expect(decideStep({ ...risk, serious: false }, { step: "close" })).toMatchObject({ ok: true, state: "closed" });
  });

  it("refuses an IVO notification of what is not a serious lex Sarah matter, and a second one", () => {
    expect(decideStep(facts({ state: "investigated" }), { step: "notify_ivo" })).toMatchObject({
      ok: false,
      status: 409,
      code: "ivo_not_applicable",
    });
    expect(
      decideStep(facts({ state: "investigated", lexSarah: "missforhallande", serious: false }), { step: "notify_ivo" }),
    ).toMatchObject({ ok: false, code: "ivo_not_applicable" });
    expect(
      decideStep(facts({ state: "acting", lexSarah: "risk", serious: true, ivoNotified: true, actionCount: 1 }), {
        step: "notify_ivo",
      }),
    ).toMatchObject({ ok: false, code: "ivo_already_notified" });
  });

  it("the IVO notification needs the investigation first (it is attached to the notification)", () => {
    expect(
      decideStep(facts({ state: "classified", lexSarah: "missforhallande", serious: true }), { step: "notify_ivo" }),
    ).toMatchObject({
      ok: false,
      code: "out_of_order",
    });
  });

  it("a follow-up needs an action", () => {
    expect(decideStep(facts({ state: "acting", actionCount: 0 }), { step: "follow_up" })).toMatchObject({
      ok: false,
      code: "no_actions",
    });
  });

  it("closing straight from the investigation needs a written reason why no action is needed", () => {
    expect(decideStep(facts({ state: "investigated" }), { step: "close" })).toMatchObject({
      ok: false,
      status: 400,
      code: "no_action_reason_required",
      path: "body.noActionReason",
    });
    expect(decideStep(facts({ state: "investigated" }), { step: "close", noActionReason: "   " })).toMatchObject({ ok: false });
    expect(decideStep(facts({ state: "investigated" }), { step: "close", noActionReason: "Engångshändelse" })).toMatchObject({
      ok: true,
      state: "closed",
    });
  });

  it("a closed deviation takes no step at all", () => {
    for (const step of DEVIATION_STEPS) {
      expect(decideStep(facts({ state: "closed", lexSarah: "risk", serious: true }), command(step))).toMatchObject({
        ok: false,
        status: 409,
        code: "deviation_closed",
      });
    }
    expect(availableSteps(facts({ state: "closed" }))).toEqual([]);
  });

  it("offers the steps the state allows", () => {
    expect(availableSteps(facts())).toEqual(["classify"]);
    expect(availableSteps(facts({ state: "classified" }))).toEqual(["classify", "investigate"]);
    expect(availableSteps(facts({ state: "investigated" }))).toEqual(["add_action", "close"]);
    expect(availableSteps(facts({ state: "investigated", lexSarah: "risk", serious: true }))).toEqual([
      "add_action",
      "notify_ivo",
    ]);
    expect(availableSteps(facts({ state: "acting", actionCount: 1 }))).toEqual(["add_action", "follow_up"]);
    expect(availableSteps(facts({ state: "followed_up", actionCount: 1 }))).toEqual(["close"]);
  });
});

describe("lex Sarah provisions by the date of each step", () => {
  it("cites socialtjänstlagen (2001:453) 14 kap. up to 30 June 2025", () => {
    expect(lexSarahProvision("report", "2025-06-30").citation).toBe("14 kap. 3 § SoL (2001:453)");
    expect(lexSarahProvision("investigation", "2024-03-01").citation).toBe("14 kap. 6 § SoL (2001:453)");
    expect(lexSarahProvision("ivo_notification", "2025-06-30").citation).toBe("14 kap. 7 § SoL (2001:453)");
  });

  it("cites socialtjänstlagen (2025:400) 27 kap. from 1 July 2025", () => {
    expect(lexSarahProvision("report", "2025-07-01").citation).toBe("27 kap. 2 § SoL (2025:400)");
    expect(lexSarahProvision("investigation", "2025-07-01").citation).toBe("27 kap. 5 § SoL (2025:400)");
    expect(lexSarahProvision("ivo_notification", "2026-01-15").citation).toBe("27 kap. 6 § SoL (2025:400)");
  });

  it("a matter reported under the old law and notified under the new cites each step's own law", () => {
    expect(lexSarahProvision("report", "2025-06-20").law).toBe("SoL (2001:453)");
    expect(lexSarahProvision("ivo_notification", "2025-07-03").law).toBe("SoL (2025:400)");
  });
});
