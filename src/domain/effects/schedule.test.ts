import { describe, expect, it } from "vitest";
import { dueMeasurements, pointRefusal } from "./schedule";

const plan = { points: ["start", "interim", "end", "after_6", "after_12"] as const, intervalMonths: 6 };

describe("dueMeasurements", () => {
  it("is empty before the start", () => {
    expect(dueMeasurements({ ...plan, points: [...plan.points] }, { startedOn: null, endedOn: null }, "2026-06-01")).toEqual([]);
  });

  it("lists interim dates every N months up to today while the insats runs", () => {
    const due = dueMeasurements({ ...plan, points: [...plan.points] }, { startedOn: "2025-01-31", endedOn: null }, "2026-02-15");
    expect(due).toEqual([
      { point: "start", dueOn: "2025-01-31" },
      // Month ends clamp: 31 July exists, 31 January next year too.
      { point: "interim", dueOn: "2025-07-31" },
      { point: "interim", dueOn: "2026-01-31" },
    ]);
  });

  it("stops interim dates at the end and adds end, 6 and 12 months after", () => {
    const due = dueMeasurements(
      { ...plan, points: [...plan.points] },
      { startedOn: "2025-08-31", endedOn: "2026-02-28" },
      "2026-11-29",
    );
    expect(due).toEqual([
      { point: "start", dueOn: "2025-08-31" },
      { point: "end", dueOn: "2026-02-28" },
      { point: "after_6", dueOn: "2026-08-28" },
      { point: "after_12", dueOn: "2027-02-28" },
    ]);
  });

  it("includes only the planned points", () => {
    const due = dueMeasurements(
      { points: ["end"], intervalMonths: null },
      { startedOn: "2026-01-01", endedOn: "2026-03-01" },
      "2026-11-29",
    );
    expect(due).toEqual([{ point: "end", dueOn: "2026-03-01" }]);
  });
});

describe("pointRefusal", () => {
  const running = { startedOn: "2026-01-10", endedOn: null };
  const ended = { startedOn: "2026-01-10", endedOn: "2026-05-31" };
  it("refuses any point before the insats has started", () => {
    expect(pointRefusal("start", { startedOn: null, endedOn: null }, "2026-01-10")).toBe("insats_not_started");
    expect(pointRefusal("start", running, "2026-01-09")).toBe("before_start");
    expect(pointRefusal("start", running, "2026-01-10")).toBeNull();
  });
  it("allows the after points only after the end, from a month before their day", () => {
    expect(pointRefusal("after_6", running, "2026-11-01")).toBe("insats_not_ended");
    expect(pointRefusal("after_6", ended, "2026-10-30")).toBe("too_early");
    expect(pointRefusal("after_6", ended, "2026-10-31")).toBeNull();
    expect(pointRefusal("after_12", ended, "2027-04-29")).toBe("too_early");
    expect(pointRefusal("after_12", ended, "2027-04-30")).toBeNull();
  });
});
