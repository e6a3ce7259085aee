import { describe, expect, it } from "vitest";
import { startOfStockholmDay } from "../time";
import {
  allowedNextKinds,
  checkStep,
  foldSteps,
  type LvuStep,
  lvuClockState,
  lvuClocks,
  lvuPhase,
  omhandertagandeStatus,
  openProblem,
  type ProcessFacts,
  type RecordedStep,
  reviewHistory,
} from "./process";

const facts: ProcessFacts = { grounds: ["3"], behaviours: ["brottslig_verksamhet"], birthDate: "2008-06-15" };
const namnd = { kind: "namnd" as const, paragraph: "§ 12" };
const chair = { kind: "ordforande" as const, memberName: "Eva Ordförande" };
/** 10:00 Stockholm (winter time) on a day. */
const at = (day: string) => new Date(`${day}T09:00:00Z`);

/** Records the steps one by one, each checked against the state before it; fails on the first refusal. */
function record(steps: LvuStep[], today = "2099-01-01", f = facts): RecordedStep[] {
  const out: RecordedStep[] = [];
  for (const step of steps) {
    const problem = checkStep(f, foldSteps(out), step, today);
    if (problem) throw new Error(`${step.kind}: ${problem.code} ${problem.message}`);
    out.push({ ...step, seq: out.length + 1 });
  }
  return out;
}
const problemOf = (history: RecordedStep[], step: LvuStep, today = "2099-01-01", f = facts) =>
  checkStep(f, foldSteps(history), step, today);

const URGENT: LvuStep[] = [
  { kind: "omedelbart_beslut", decidedAt: at("2024-03-04"), maker: chair, reason: "Akut fara" },
  { kind: "verkstallt", on: "2024-03-04" },
];

describe("the LVU state machine: the urgent path", () => {
  const steps: LvuStep[] = [
    ...URGENT,
    { kind: "anmalt_till_namnd", on: "2024-03-12", decisionSeq: 1, paragraph: "§ 40" },
    { kind: "understalld", on: "2024-03-08" },
    { kind: "understallning_provad", on: "2024-03-13", outcome: "faststallt" },
    { kind: "placering", decidedAt: at("2024-03-04"), maker: chair, form: "sis", place: "SiS ungdomshem", from: "2024-03-04" },
    { kind: "vardplan", on: "2024-03-20" },
    { kind: "ansokan", decidedAt: at("2024-03-26"), maker: namnd, submittedOn: "2024-03-27", reason: "Vård behövs" },
    { kind: "dom", on: "2024-04-17", outcome: "bifall", grounds: ["3"] },
    { kind: "vard_paborjad", on: "2024-04-17" },
    { kind: "laga_kraft", on: "2024-05-08" },
    { kind: "overvagande", decidedAt: at("2024-10-10"), maker: namnd, form: "provning", outcome: "fortsatt" },
    { kind: "upphorande", decidedAt: at("2025-03-03"), maker: namnd, reason: "Vården behövs inte längre" },
  ];

  it("accepts every step in order and ends with care ended", () => {
    const history = record(steps);
    const state = foldSteps(history);
    expect(state.ended).toEqual({ on: "2025-03-03", how: "upphorande" });
    expect(state.urgent).toEqual([
      { seq: 1, kind: "omedelbart_beslut", decidedOn: "2024-03-04", memberName: "Eva Ordförande", reportedOn: "2024-03-12" },
      { seq: 6, kind: "placering", decidedOn: "2024-03-04", memberName: "Eva Ordförande", reportedOn: null },
    ]);
    expect(omhandertagandeStatus(state, "2025-06-01")).toEqual({ endedOn: "2024-04-17", reason: "dom", lapses: [] });
    expect(lvuPhase(state, "2025-06-01")).toBe("avslutad");
  });

  it("shows each clock met in time", () => {
    const history = record(steps.slice(0, 11));
    const clocks = lvuClocks(facts, foldSteps(history), "2024-06-01");
    const now = new Date("2024-06-01T10:00:00Z");
    const byKind = Object.fromEntries(clocks.map((c) => [c.kind, { ...c, ...lvuClockState(c, now) }]));
    expect(byKind.lvu_understallning).toMatchObject({ state: "met", lapse: null });
    expect(byKind.lvu_understallning?.deadline.dueDate).toBe("2024-03-11");
    expect(byKind.lvu_ansokan).toMatchObject({ state: "met", lapse: null });
    // 4 weeks from 4 March is annandag påsk 2024 (1 April): the last day is Tuesday 2 April.
    expect(byKind.lvu_ansokan?.deadline).toMatchObject({ nominalDueDate: "2024-04-01", dueDate: "2024-04-02" });
    expect(byKind.lvu_vardstart).toMatchObject({ state: "met" }); // begun before laga kraft
    expect(byKind.lvu_provning?.deadline.dueDate).toBe("2024-10-17"); // six months from the start of care
    expect(byKind.lvu_provning?.state).toBe("due");
    expect(byKind.lvu_overvagande).toBeUndefined(); // care only on 3 §
    expect(byKind.lvu_aldersgrans?.deadline.dueDate).toBe("2029-06-15");
  });

  it("counts the next prövning from the last one and keeps the history", () => {
    const state = foldSteps(record(steps.slice(0, 12)));
    const provning = lvuClocks(facts, state, "2024-11-01").find((c) => c.kind === "lvu_provning");
    expect(provning?.deadline.dueDate).toBe("2025-04-10");
    expect(reviewHistory(state)).toMatchObject([{ form: "provning", on: "2024-10-10", inTime: true }]);
  });
});

describe("refused steps", () => {
  const base = record(URGENT);

  it("a step out of order is 409 lvu_out_of_order", () => {
    expect(problemOf([], { kind: "verkstallt", on: "2024-03-04" })).toMatchObject({ status: 409, code: "lvu_out_of_order" });
    expect(problemOf([], { kind: "understalld", on: "2024-03-04" })).toMatchObject({ status: 409, code: "lvu_out_of_order" });
    expect(problemOf(base, { kind: "dom", on: "2024-03-10", outcome: "bifall", grounds: ["3"] })).toMatchObject({
      status: 409,
      code: "lvu_out_of_order",
    });
    expect(problemOf(base, { kind: "vard_paborjad", on: "2024-03-10" })).toMatchObject({ status: 409 });
    expect(
      problemOf(base, { kind: "overvagande", decidedAt: at("2024-03-10"), maker: namnd, form: "provning", outcome: "fortsatt" }),
    ).toMatchObject({
      status: 409,
      code: "lvu_out_of_order",
    });
    expect(problemOf(base, { kind: "upphorande", decidedAt: at("2024-03-10"), maker: namnd, reason: "-" })).toMatchObject({
      status: 409,
    });
  });

  it("a step done twice is 409", () => {
    expect(problemOf(base, { kind: "verkstallt", on: "2024-03-05" })).toMatchObject({ status: 409, code: "lvu_out_of_order" });
    expect(problemOf(base, URGENT[0] as LvuStep)).toMatchObject({ status: 409, code: "lvu_out_of_order" });
    const submitted = record([...URGENT, { kind: "understalld", on: "2024-03-05" }]);
    expect(problemOf(submitted, { kind: "understalld", on: "2024-03-06" })).toMatchObject({ status: 409 });
  });

  it("nothing after the process has ended", () => {
    const refused = record([
      { kind: "ansokan", decidedAt: at("2024-03-04"), maker: namnd, submittedOn: "2024-03-05", reason: "-" },
      { kind: "dom", on: "2024-04-01", outcome: "avslag", grounds: [] },
    ]);
    expect(problemOf(refused, { kind: "vard_paborjad", on: "2024-04-02" })).toMatchObject({
      status: 409,
      code: "lvu_process_ended",
    });
    expect(problemOf(refused, { kind: "laga_kraft", on: "2024-04-22" })).toMatchObject({ code: "lvu_process_ended" });
  });

  it("closing is refused while care runs (21 § decides its end)", () => {
    const care = record([
      { kind: "ansokan", decidedAt: at("2024-03-04"), maker: namnd, submittedOn: "2024-03-05", reason: "-" },
      { kind: "dom", on: "2024-04-01", outcome: "bifall", grounds: ["3"] },
      { kind: "vard_paborjad", on: "2024-04-02" },
    ]);
    expect(problemOf(care, { kind: "avslutad", on: "2024-05-01", reason: "-" })).toMatchObject({ status: 409 });
  });

  it("a decision by a maker the law does not allow is 409 no_delegation", () => {
    expect(
      problemOf([], { kind: "omedelbart_beslut", decidedAt: at("2024-03-04"), maker: { kind: "tjansteman" }, reason: "-" }),
    ).toMatchObject({ status: 409, code: "no_delegation", path: "body.maker.kind" });
    expect(
      problemOf(base, { kind: "ansokan", decidedAt: at("2024-03-05"), maker: chair, submittedOn: "2024-03-05", reason: "-" }),
    ).toMatchObject({
      status: 409,
      code: "no_delegation",
    });
  });

  it("an urgent decision names the chair or member (400)", () => {
    expect(
      problemOf([], {
        kind: "omedelbart_beslut",
        decidedAt: at("2024-03-04"),
        maker: { kind: "ledamot", memberName: " " },
        reason: "-",
      }),
    ).toMatchObject({ status: 400, code: "member_name_required" });
  });

  it("bad dates are 400: in the future, before the step they follow", () => {
    expect(problemOf(base, { kind: "understalld", on: "2024-03-03" })).toMatchObject({
      status: 400,
      code: "before_previous_step",
    });
    expect(problemOf(base, { kind: "understalld", on: "2024-03-06" }, "2024-03-05")).toMatchObject({
      status: 400,
      code: "in_future",
    });
    expect(
      problemOf(base, { kind: "ansokan", decidedAt: at("2024-03-06"), maker: namnd, submittedOn: "2024-03-05", reason: "-" }),
    ).toMatchObject({
      status: 400,
      path: "body.submittedOn",
    });
  });

  it("the court grants only a ground applied for; a review form must fit the ground (400)", () => {
    const applied = record([
      { kind: "ansokan", decidedAt: at("2024-03-04"), maker: namnd, submittedOn: "2024-03-05", reason: "-" },
    ]);
    expect(problemOf(applied, { kind: "dom", on: "2024-04-01", outcome: "bifall", grounds: ["2"] })).toMatchObject({
      status: 400,
      code: "ground_not_applied_for",
    });
    const care = record([
      { kind: "ansokan", decidedAt: at("2024-03-04"), maker: namnd, submittedOn: "2024-03-05", reason: "-" },
      { kind: "dom", on: "2024-04-01", outcome: "bifall", grounds: ["3"] },
      { kind: "vard_paborjad", on: "2024-04-02" },
    ]);
    expect(
      problemOf(care, {
        kind: "overvagande",
        decidedAt: at("2024-09-01"),
        maker: namnd,
        form: "overvagande",
        outcome: "fortsatt",
      }),
    ).toMatchObject({
      status: 400,
      code: "review_form_not_applicable",
    });
  });
});

describe("lapses", () => {
  it("7 §: an underställning after its week is recorded, met late, and the lapse is stated", () => {
    const history = record([...URGENT, { kind: "understalld", on: "2024-03-13" }]);
    const state = foldSteps(history);
    const clock = lvuClocks(facts, state, "2024-03-20").find((c) => c.kind === "lvu_understallning");
    expect(clock && lvuClockState(clock, new Date("2024-03-20T10:00:00Z")).state).toBe("met_late");
    expect(clock?.lapse).toMatch(/7 § LVU/);
    expect(omhandertagandeStatus(state, "2024-03-20")).toEqual({
      endedOn: "2024-03-12",
      reason: "lapsed_7",
      lapses: [{ section: "7 §", from: "2024-03-12" }],
    });
    // The 8 § clock is moot: the omhändertagande had ended before its last day.
    expect(lvuClocks(facts, state, "2024-03-20").find((c) => c.kind === "lvu_ansokan")?.stoppedBecause).toBe("lapsed_7");
  });

  it("7 §: not underställt at all: overdue and lapsed once the week has passed", () => {
    const state = foldSteps(record(URGENT));
    const clock = lvuClocks(facts, state, "2024-03-12").find((c) => c.kind === "lvu_understallning");
    expect(clock && lvuClockState(clock, new Date("2024-03-12T10:00:00Z")).state).toBe("overdue");
    expect(clock?.lapse).toMatch(/7 §/);
    const inTime = lvuClocks(facts, state, "2024-03-11").find((c) => c.kind === "lvu_understallning");
    expect(inTime?.lapse).toBeNull();
  });

  it("a lapsed omhändertagande cannot be carried out after it ended (409)", () => {
    const decided = record([{ kind: "omedelbart_beslut", decidedAt: at("2024-03-04"), maker: namnd, reason: "-" }]);
    expect(problemOf(decided, { kind: "verkstallt", on: "2024-03-12" }, "2024-03-20")).toMatchObject({
      status: 409,
      code: "lvu_omhandertagande_ended",
    });
    expect(problemOf(decided, { kind: "verkstallt", on: "2024-03-11" }, "2024-03-20")).toBeNull();
  });

  it("9 §: no application within four weeks of verkställigheten: lapse stated, a late application still recorded", () => {
    const underställd = record([...URGENT, { kind: "understalld", on: "2024-03-05" }]);
    const overdue = foldSteps(underställd);
    // Four weeks from 4 March end on annandag påsk (1 April 2024), so the last day is 2 April.
    expect(omhandertagandeStatus(overdue, "2024-04-02").endedOn).toBeNull();
    expect(omhandertagandeStatus(overdue, "2024-04-03")).toMatchObject({ reason: "lapsed_9", endedOn: "2024-04-03" });
    const late = record([
      ...URGENT,
      { kind: "understalld", on: "2024-03-05" },
      { kind: "ansokan", decidedAt: at("2024-04-03"), maker: namnd, submittedOn: "2024-04-03", reason: "-" },
    ]);
    const clock = lvuClocks(facts, foldSteps(late), "2024-04-03").find((c) => c.kind === "lvu_ansokan");
    expect(clock?.completedAt).toEqual(startOfStockholmDay("2024-04-03"));
    expect(clock && lvuClockState(clock, new Date("2024-04-03T12:00:00Z")).state).toBe("met_late");
    expect(clock?.lapse).toMatch(/9 § LVU/);
  });

  it("8 § andra stycket: a longer time set by the court moves the clock", () => {
    const extended = record([
      ...URGENT,
      { kind: "understalld", on: "2024-03-05" },
      { kind: "ansokningstid_forlangd", on: "2024-03-25", until: "2024-04-15" },
    ]);
    const clock = lvuClocks(facts, foldSteps(extended), "2024-04-05").find((c) => c.kind === "lvu_ansokan");
    expect(clock?.deadline.dueDate).toBe("2024-04-15");
    expect(omhandertagandeStatus(foldSteps(extended), "2024-04-05").endedOn).toBeNull();
  });

  it("upphävt by the court: the 8 § clock stops, placements are refused", () => {
    const upphavt = record([
      ...URGENT,
      { kind: "understalld", on: "2024-03-05" },
      { kind: "understallning_provad", on: "2024-03-08", outcome: "upphavt" },
    ]);
    const state = foldSteps(upphavt);
    expect(lvuClocks(facts, state, "2024-03-09").find((c) => c.kind === "lvu_ansokan")?.stoppedBecause).toBe("upphavt");
    expect(
      problemOf(
        upphavt,
        { kind: "placering", decidedAt: at("2024-03-09"), maker: namnd, form: "hvb", place: "X", from: "2024-03-09" },
        "2024-03-10",
      ),
    ).toMatchObject({ status: 409 });
    // The ordinary path (4 §) stays open.
    expect(
      problemOf(
        upphavt,
        { kind: "ansokan", decidedAt: at("2024-03-09"), maker: namnd, submittedOn: "2024-03-09", reason: "-" },
        "2024-03-10",
      ),
    ).toBeNull();
  });
});

describe("reporting urgent decisions to the nämnd", () => {
  it("each urgent decision once", () => {
    const history = record(URGENT);
    expect(problemOf(history, { kind: "anmalt_till_namnd", on: "2024-03-12", decisionSeq: 2 })).toMatchObject({ status: 409 });
    const reported = record([...URGENT, { kind: "anmalt_till_namnd", on: "2024-03-12", decisionSeq: 1 }]);
    expect(problemOf(reported, { kind: "anmalt_till_namnd", on: "2024-03-13", decisionSeq: 1 })).toMatchObject({ status: 409 });
  });
});

describe("the next steps offered", () => {
  it("follow the machine", () => {
    expect(allowedNextKinds(facts, foldSteps([]), "2024-03-04")).toEqual(["omedelbart_beslut", "ansokan", "avslutad"]);
    const state = foldSteps(record(URGENT));
    expect(allowedNextKinds(facts, state, "2024-03-05")).toEqual([
      "anmalt_till_namnd",
      "understalld",
      "ansokningstid_forlangd",
      "ansokan",
      "placering",
      "vardplan",
      "avslutad",
    ]);
  });
});

describe("opening a process (LVU 1 §, 3 §, 6 §)", () => {
  it("3 § names the behaviour; only 3 § does", () => {
    expect(openProblem(["3"], [], 15)).toMatchObject({ status: 400, code: "behaviour_required" });
    expect(openProblem(["2"], ["missbruk"], 15)).toMatchObject({ code: "behaviour_not_applicable" });
    expect(openProblem(["2", "3"], ["brottslig_verksamhet"], 17)).toBeNull();
  });
  it("2 § under 18; 3 § under 20", () => {
    expect(openProblem(["2"], [], 18)).toMatchObject({ code: "lvu_age" });
    expect(openProblem(["3"], ["brottslig_verksamhet"], 19)).toBeNull();
    expect(openProblem(["3"], ["brottslig_verksamhet"], 20)).toMatchObject({ code: "lvu_age" });
  });
});
