import { describe, expect, it } from "vitest";
import { uoFollowUpClock, uoFollowUpProblem, uoItemProblem, uoPlanProblem } from "./ungdomsovervakning";

describe("ungdomsövervakning (BrB 32 kap. 3 a §: six months to a year)", () => {
  it("accepts 6 and 12 months, refuses 5 and 13", () => {
    expect(uoPlanProblem({ judgmentOn: "2025-02-03", months: 6 }, "2025-03-01")).toBeNull();
    expect(uoPlanProblem({ judgmentOn: "2025-02-03", months: 12 }, "2025-03-01")).toBeNull();
    expect(uoPlanProblem({ judgmentOn: "2025-02-03", months: 5 }, "2025-03-01")).toMatchObject({ path: "body.months" });
    expect(uoPlanProblem({ judgmentOn: "2025-02-03", months: 13 }, "2025-03-01")?.code).toBe("months_out_of_range");
  });
  it("a part of the plan starts on or after the judgment and is followed up on or after it starts", () => {
    expect(uoItemProblem("2025-02-03", { startsOn: "2025-02-02", followUpBy: "2025-03-01" })?.path).toBe("body.startsOn");
    expect(uoItemProblem("2025-02-03", { startsOn: "2025-02-10", followUpBy: "2025-02-09" })?.path).toBe("body.followUpBy");
    expect(uoItemProblem("2025-02-03", { startsOn: "2025-02-03", followUpBy: "2025-02-03" })).toBeNull();
  });
  it("the follow-up clock is due on the plan's day (Sunday 2 March stays Sunday) and met on the day followed up", () => {
    const c = uoFollowUpClock({ followUpBy: "2025-03-02", followedUpOn: "2025-03-03" });
    expect(c.deadline.dueDate).toBe("2025-03-02");
    expect(c.completedAt?.toISOString()).toBe("2025-03-02T23:00:00.000Z");
    expect(uoFollowUpProblem({ startsOn: "2025-02-10", followedUpOn: null }, "2025-02-09", "2025-03-05")?.code).toBe(
      "before_previous_step",
    );
    expect(uoFollowUpProblem({ startsOn: "2025-02-10", followedUpOn: "2025-03-01" }, "2025-03-02", "2025-03-05")?.status).toBe(
      409,
    );
  });
});
