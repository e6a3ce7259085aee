import { describe, expect, it } from "vitest";
import { clockState, isInTime } from "../clocks";
import { dueDateProblem, missingForSigning, yttrandeCompletedAt, yttrandeDeadline, yttrandeStatus } from "./yttrande";

describe("the yttrande's clock (the date the requester set, LUL 11 §, 28–29 §§)", () => {
  it("a due date before the asked date is refused", () => {
    expect(dueDateProblem("2025-03-10", "2025-03-09")).toBe("due_before_asked");
    expect(dueDateProblem("2025-03-10", "2025-03-10")).toBeNull();
  });
  it("runs to the end of the due day in Stockholm, across DST", () => {
    const d = yttrandeDeadline("2025-03-30"); // the day summer time starts
    expect(d.dueDate).toBe("2025-03-30");
    expect(d.dueAt.toISOString()).toBe("2025-03-30T22:00:00.000Z");
    expect(isInTime(d, new Date("2025-03-30T21:59:59Z"))).toBe(true);
    expect(isInTime(d, new Date("2025-03-30T22:00:00Z"))).toBe(false);
  });
  it("is not moved off a Saturday: the requester set the day, not a statute", () => {
    expect(yttrandeDeadline("2025-03-15").dueDate).toBe("2025-03-15");
  });
  it("is met by sending on or before the due day, late after it", () => {
    const d = yttrandeDeadline("2024-12-31");
    const now = new Date("2025-01-10T12:00:00Z");
    expect(clockState({ deadline: d, completedAt: yttrandeCompletedAt("2024-12-31"), now }).state).toBe("met");
    expect(clockState({ deadline: d, completedAt: yttrandeCompletedAt("2025-01-02"), now }).state).toBe("met_late");
    expect(clockState({ deadline: d, completedAt: null, now }).state).toBe("overdue");
    expect(clockState({ deadline: d, completedAt: null, now: new Date("2024-12-29T12:00:00Z") })).toEqual({
      state: "due_soon",
      daysLeft: 2,
    });
    // Month end: due on 31 January, asked on the 31st of the month before.
    expect(
      clockState({ deadline: yttrandeDeadline("2025-01-31"), completedAt: null, now: new Date("2024-12-31T12:00:00Z") }),
    ).toEqual({
      state: "due",
      daysLeft: 31,
    });
  });
});

describe("the yttrande's steps", () => {
  it("requested → signed → sent", () => {
    expect(yttrandeStatus({ signedAt: null, sentOn: null })).toBe("requested");
    expect(yttrandeStatus({ signedAt: new Date(), sentOn: null })).toBe("signed");
    expect(yttrandeStatus({ signedAt: new Date(), sentOn: "2025-01-01" })).toBe("sent");
  });
  it("signing needs the assessment of need and a proposed measure (11 § tredje stycket)", () => {
    expect(missingForSigning({ needAssessment: " ", proposedMeasure: null })).toEqual(["needAssessment", "proposedMeasure"]);
    expect(missingForSigning({ needAssessment: "Behov finns", proposedMeasure: "ungdomstjanst" })).toEqual([]);
  });
});
