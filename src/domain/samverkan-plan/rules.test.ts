import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedMoves,
  externalAgencies,
  followUpClockDay,
  followUpProblem,
  PLAN_AGENCIES,
  PLAN_STAGES,
  stageProblem,
  TASK_STATUSES,
  taskOpen,
  taskOverdue,
} from "./rules";

const stage = fc.constantFrom(...PLAN_STAGES);
const status = fc.constantFrom(...TASK_STATUSES);
const day = fc
  .date({ min: new Date("2020-01-01T12:00:00Z"), max: new Date("2030-12-31T12:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("plan stages (SIG: beredningsgrupp → operativ grupp → avslutad)", () => {
  it("moves forward from beredning to operativ and closes from either", () => {
    expect(stageProblem("beredning", "operativ")).toBeNull();
    expect(stageProblem("operativ", "avslutad")).toBeNull();
    expect(stageProblem("beredning", "avslutad")).toBeNull();
    expect(stageProblem("operativ", "beredning")).toBeNull();
  });
  it("refuses staying put and reopening a closed plan", () => {
    expect(stageProblem("operativ", "operativ")).toBe("same_stage");
    expect(stageProblem("avslutad", "operativ")).toBe("closed");
    expect(stageProblem("avslutad", "beredning")).toBe("closed");
  });
  it("property: a move is allowed exactly when listed, never to the same stage, never out of avslutad", () => {
    fc.assert(
      fc.property(stage, stage, (from, to) => {
        const problem = stageProblem(from, to);
        expect(problem === null).toBe(allowedMoves(from).includes(to));
        if (from === to) expect(problem).not.toBeNull();
        if (from === "avslutad") expect(problem).not.toBeNull();
      }),
    );
  });
  it("property: every stage but avslutad can reach avslutad", () => {
    for (const s of PLAN_STAGES) if (s !== "avslutad") expect(allowedMoves(s)).toContain("avslutad");
  });
});

describe("tasks and clocks", () => {
  it("an open task is overdue after its due day while the plan runs", () => {
    expect(taskOverdue({ status: "planerad", dueOn: "2026-03-01" }, "operativ", "2026-03-02")).toBe(true);
    expect(taskOverdue({ status: "planerad", dueOn: "2026-03-02" }, "operativ", "2026-03-02")).toBe(false);
    expect(taskOverdue({ status: "klar", dueOn: "2026-03-01" }, "operativ", "2026-03-02")).toBe(false);
    expect(taskOverdue({ status: "pagaende", dueOn: "2026-03-01" }, "avslutad", "2026-03-02")).toBe(false);
  });
  it("property: overdue implies open, running and past due", () => {
    fc.assert(
      fc.property(status, stage, day, day, (s, st, due, today) => {
        const overdue = taskOverdue({ status: s, dueOn: due }, st, today);
        expect(overdue).toBe(taskOpen(s) && st !== "avslutad" && due < today);
      }),
    );
  });
  it("the follow-up clock runs only while the plan runs", () => {
    expect(followUpClockDay({ stage: "beredning", nextFollowUpOn: "2026-04-01" })).toBe("2026-04-01");
    expect(followUpClockDay({ stage: "avslutad", nextFollowUpOn: "2026-04-01" })).toBeNull();
    expect(followUpClockDay({ stage: "operativ", nextFollowUpOn: null })).toBeNull();
  });
  it("socialtjänsten needs no consent; the other agencies are those of the consent, once each", () => {
    expect(externalAgencies(["socialtjanst", "skola", "skola", "polis"])).toEqual(["skola", "polis"]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PLAN_AGENCIES)), (as) => {
        const ext = externalAgencies(as);
        expect(ext).not.toContain("socialtjanst");
        expect(new Set(ext).size).toBe(ext.length);
      }),
    );
  });
});

describe("follow-ups", () => {
  const plan = { stage: "operativ" as const, taskIds: ["a", "b"] };
  it("accepts a follow-up held today with a later next date", () => {
    expect(
      followUpProblem({ heldOn: "2026-03-10", nextFollowUpOn: "2026-04-10", taskIds: ["a"] }, plan, "2026-03-10"),
    ).toBeNull();
  });
  it("refuses a future day, a next date not after, an unknown task and a closed plan", () => {
    expect(followUpProblem({ heldOn: "2026-03-11", nextFollowUpOn: null, taskIds: [] }, plan, "2026-03-10")).toBe("in_future");
    expect(followUpProblem({ heldOn: "2026-03-10", nextFollowUpOn: "2026-03-10", taskIds: [] }, plan, "2026-03-10")).toBe(
      "next_not_after",
    );
    expect(followUpProblem({ heldOn: "2026-03-10", nextFollowUpOn: null, taskIds: ["x"] }, plan, "2026-03-10")).toBe(
      "unknown_task",
    );
    expect(
      followUpProblem({ heldOn: "2026-03-10", nextFollowUpOn: null, taskIds: [] }, { ...plan, stage: "avslutad" }, "2026-03-10"),
    ).toBe("plan_closed");
  });
  it("property: an accepted follow-up has its day not after today and the next day after it", () => {
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), day, (heldOn, next, today) => {
        const p = followUpProblem({ heldOn, nextFollowUpOn: next, taskIds: [] }, plan, today);
        if (p === null) {
          expect(heldOn <= today).toBe(true);
          if (next !== null) expect(next > heldOn).toBe(true);
        }
      }),
    );
  });
});
