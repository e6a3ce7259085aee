import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AvhoppStep,
  allowedNextKinds,
  applyStep,
  avhoppPhase,
  CUSTODY,
  checkStep,
  foldSteps,
  followUpClocks,
  followUpPlanProblem,
  initialState,
  type OpeningFacts,
  openProblem,
  STEP_KINDS,
} from "./process";

const today = "2026-06-01";
const facts = (birthDate = "2005-03-10", custody: OpeningFacts["custody"] = "ingen"): OpeningFacts => ({
  birthDate,
  contactOn: "2026-01-10",
  custody,
});

const mapped: AvhoppStep = { kind: "kartlaggning", on: "2026-01-20", riskLevel: "hog", summary: "Hotad" };
const agreed: AvhoppStep = { kind: "overenskommelse", on: "2026-02-01", goals: "Lämna nätverket", guardiansAgreed: false };
const insats: AvhoppStep = { kind: "insats", on: "2026-02-02", insats: "skyddat_boende", description: "Annan ort" };

describe("opening an avhopp process", () => {
  it("accepts ages 15 and 25 at the request and refuses 14 and 26 with a clear reason", () => {
    expect(openProblem({ ...facts("2011-01-10") }, today)).toBeNull(); // turns 15 that day
    expect(openProblem({ ...facts("2000-01-11") }, today)).toBeNull(); // 25, a day before turning 26
    const young = openProblem({ ...facts("2011-01-11") }, today);
    expect(young).toMatchObject({ status: 400, code: "avhopp_age_out_of_range", path: "body.contactOn" });
    expect(young?.message).toContain("14");
    expect(openProblem({ ...facts("2000-01-10") }, today)?.code).toBe("avhopp_age_out_of_range");
  });

  it("allows a person in custody (anstalt or häkte)", () => {
    for (const custody of CUSTODY) expect(openProblem(facts("2005-03-10", custody), today)).toBeNull();
    expect(initialState(facts("2005-03-10", "hakte")).custody).toBe("hakte");
  });

  it("refuses a request dated in the future", () => {
    expect(openProblem({ ...facts(), contactOn: "2026-06-02" }, today)?.code).toBe("avhopp_future_date");
  });

  it("age property: opening is allowed exactly when the age at the request is 15–25", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 366 }), (daysOld) => {
        const birth = new Date(Date.UTC(2026, 0, 10) - daysOld * 86_400_000).toISOString().slice(0, 10);
        const f = facts(birth);
        const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
        const age = 2026 - y - (m > 1 || (m === 1 && d > 10) ? 1 : 0);
        expect(openProblem(f, today) === null).toBe(age >= 15 && age <= 25);
      }),
    );
  });
});

describe("the steps of a process", () => {
  it("runs förfrågan → kartläggning → överenskommelse → insatser → uppföljning → avslut", () => {
    const f = facts();
    let s = initialState(f);
    expect(avhoppPhase(s)).toBe("forfragan");
    expect(allowedNextKinds(s, false)).toEqual(["kartlaggning", "vistelse", "avslut"]);
    for (const step of [mapped, agreed, insats]) {
      expect(checkStep(f, s, step, today, [])).toBeNull();
      s = applyStep(s, step);
    }
    expect(avhoppPhase(s)).toBe("insatser");
    const follow: AvhoppStep = { kind: "uppfoljning", on: "2026-03-01", followUpId: "f1", progress: "battre", summary: "Bra" };
    expect(checkStep(f, s, follow, today, [])?.code).toBe("avhopp_follow_up_unknown");
    expect(checkStep(f, s, follow, today, ["f1"])).toBeNull();
    s = applyStep(s, follow);
    const end: AvhoppStep = { kind: "avslut", on: "2026-04-01", reason: "genomfort", summary: "Klart" };
    expect(checkStep(f, s, end, today, [])).toBeNull();
    s = applyStep(s, end);
    expect(avhoppPhase(s)).toBe("avslutad");
    expect(checkStep(f, s, insats, today, [])?.status).toBe(409);
  });

  it("refuses an agreement before the mapping and a second mapping (409)", () => {
    const f = facts();
    expect(checkStep(f, initialState(f), agreed, today, [])?.code).toBe("avhopp_out_of_order");
    const s = foldSteps(f, [mapped]);
    expect(checkStep(f, s, mapped, today, [])?.status).toBe(409);
    expect(checkStep(f, s, insats, today, [])?.status).toBe(409);
  });

  it("requires the guardians' agreement for someone under 18, not for an adult", () => {
    const minor = facts("2010-01-01");
    const s = foldSteps(minor, [mapped]);
    expect(checkStep(minor, s, agreed, today, [])).toMatchObject({ status: 400, code: "avhopp_guardians_required" });
    expect(checkStep(minor, s, { ...agreed, guardiansAgreed: true } as AvhoppStep, today, [])).toBeNull();
    const adult = facts("2004-01-01");
    expect(checkStep(adult, foldSteps(adult, [mapped]), agreed, today, [])).toBeNull();
  });

  it("records a change of custody and refuses the same custody again", () => {
    const f = facts("2005-03-10", "anstalt");
    const s = initialState(f);
    expect(checkStep(f, s, { kind: "vistelse", on: "2026-01-11", custody: "anstalt" }, today, [])?.code).toBe(
      "avhopp_custody_unchanged",
    );
    expect(applyStep(s, { kind: "vistelse", on: "2026-01-11", custody: "ingen" }).custody).toBe("ingen");
  });

  it("refuses a step dated before the previous one or in the future (400)", () => {
    const f = facts();
    const s = foldSteps(f, [mapped]);
    expect(checkStep(f, s, { ...agreed, on: "2026-01-19" }, today, [])?.code).toBe("avhopp_before_last_step");
    expect(checkStep(f, s, { ...agreed, on: "2026-06-02" }, today, [])?.code).toBe("avhopp_future_date");
  });

  it("order property: any accepted sequence keeps the milestones in order and nothing follows avslut", () => {
    const stepArb: fc.Arbitrary<AvhoppStep> = fc.oneof(
      fc.constant(mapped),
      fc.constant({ ...agreed, guardiansAgreed: true } as AvhoppStep),
      fc.constant(insats),
      fc.constant<AvhoppStep>({ kind: "uppfoljning", on: "2026-03-01", followUpId: "f1", progress: "oforandrat", summary: "" }),
      fc.constantFrom(...CUSTODY).map((c): AvhoppStep => ({ kind: "vistelse", on: "2026-03-01", custody: c })),
      fc.constant<AvhoppStep>({ kind: "avslut", on: "2026-04-01", reason: "avbrutet", summary: "" }),
    );
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), (proposed) => {
        const f = facts(proposed.length % 2 ? "2010-01-01" : "2003-01-01");
        let s = initialState(f);
        const accepted: AvhoppStep[] = [];
        for (const step of proposed) {
          const p = checkStep(f, s, step, today, ["f1"]);
          const allowed = allowedNextKinds(s, true).includes(step.kind);
          if (p === null) {
            expect(allowed).toBe(true);
            accepted.push(step);
            s = applyStep(s, step);
          }
        }
        const kinds = accepted.map((a) => a.kind);
        const first = (k: string) => kinds.indexOf(k as (typeof STEP_KINDS)[number]);
        if (first("overenskommelse") >= 0) expect(first("kartlaggning")).toBeLessThan(first("overenskommelse"));
        if (first("insats") >= 0) expect(first("overenskommelse")).toBeLessThan(first("insats"));
        if (first("uppfoljning") >= 0) expect(first("insats")).toBeLessThan(first("uppfoljning"));
        expect(kinds.filter((k) => k === "kartlaggning").length).toBeLessThanOrEqual(1);
        expect(kinds.filter((k) => k === "overenskommelse").length).toBeLessThanOrEqual(1);
        if (first("avslut") >= 0) expect(first("avslut")).toBe(kinds.length - 1);
        for (let i = 1; i < accepted.length; i++)
          expect((accepted[i] as AvhoppStep).on >= (accepted[i - 1] as AvhoppStep).on).toBe(true);
      }),
    );
  });
});

describe("follow-ups", () => {
  it("are planned only after the agreement, on or after its day, while the process runs", () => {
    const f = facts();
    expect(followUpPlanProblem(foldSteps(f, [mapped]), "2026-03-01")?.status).toBe(409);
    const s = foldSteps(f, [mapped, agreed]);
    expect(followUpPlanProblem(s, "2026-01-31")?.code).toBe("avhopp_follow_up_before_agreement");
    expect(followUpPlanProblem(s, "2026-03-01")).toBeNull();
  });

  it("give clocks due on their day; open ones stop when the process ends", () => {
    const planned = [
      { id: "a", dueOn: "2026-03-01", doneOn: "2026-02-28" },
      { id: "b", dueOn: "2026-05-01", doneOn: null },
    ];
    expect(followUpClocks(planned, null).map((c) => [c.followUpId, c.deadline.dueDate])).toEqual([
      ["a", "2026-03-01"],
      ["b", "2026-05-01"],
    ]);
    expect(followUpClocks(planned, "2026-04-01").map((c) => c.followUpId)).toEqual(["a"]);
  });
});
