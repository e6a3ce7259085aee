import { describe, expect, it } from "vitest";
import { isInTime } from "../clocks";
import { ageLimitDeadline, ansokanDeadline, reviewDeadline, understallningDeadline, vardstartDeadline } from "./clocks";

describe("7 § LVU: underställning within one week of the day of the decision", () => {
  it("a decision on a Monday: the next Monday, the whole of it", () => {
    const d = understallningDeadline(new Date("2024-03-04T09:00:00Z"));
    expect(d).toMatchObject({ dueDate: "2024-03-11", nominalDueDate: "2024-03-11", moved: false });
    expect(d.dueAt.toISOString()).toBe("2024-03-11T23:00:00.000Z"); // midnight Stockholm (CET)
    expect(isInTime(d, new Date("2024-03-11T22:59:59Z"))).toBe(true);
    expect(isInTime(d, new Date("2024-03-11T23:00:00Z"))).toBe(false);
  });
  it("a decision on a Saturday: the week ends on a Saturday, moved to Monday (1930:173 2 §)", () => {
    expect(understallningDeadline(new Date("2024-03-02T15:00:00Z"))).toMatchObject({
      dueDate: "2024-03-11",
      nominalDueDate: "2024-03-09",
      moved: true,
    });
  });
  it("counts the Stockholm day across the spring DST change", () => {
    // 23:30 UTC on 30 March is 00:30 on Sunday 31 March in Stockholm: a Sunday decision.
    const sunday = understallningDeadline(new Date("2024-03-30T23:30:00Z"));
    expect(sunday).toMatchObject({ nominalDueDate: "2024-04-07", dueDate: "2024-04-08", moved: true });
    expect(sunday.dueAt.toISOString()).toBe("2024-04-08T22:00:00.000Z"); // midnight Stockholm (CEST)
    // 22:00 UTC on 31 March is already Monday 1 April in Stockholm (summer time).
    expect(understallningDeadline(new Date("2024-03-31T22:00:00Z")).dueDate).toBe("2024-04-08");
    expect(understallningDeadline(new Date("2024-03-31T21:59:00Z")).dueDate).toBe("2024-04-08");
  });
  it("counts the Stockholm day across the autumn DST change", () => {
    const d = understallningDeadline(new Date("2024-10-26T22:30:00Z")); // Sunday 27 Oct 00:30 CEST
    expect(d).toMatchObject({ nominalDueDate: "2024-11-03", dueDate: "2024-11-04", moved: true });
    expect(d.dueAt.toISOString()).toBe("2024-11-04T23:00:00.000Z");
  });
  it("over the year end: julafton + one week is nyårsafton, moved past nyårsdagen", () => {
    expect(understallningDeadline(new Date("2024-12-24T10:00:00Z"))).toMatchObject({
      nominalDueDate: "2024-12-31",
      dueDate: "2025-01-02",
    });
  });
  it("over Easter", () => {
    expect(understallningDeadline(new Date("2025-04-11T10:00:00Z")).dueDate).toBe("2025-04-22");
  });
});

describe("8 § LVU: application within four weeks of the day the omhändertagande was carried out", () => {
  it("28 days to the same weekday", () => {
    expect(ansokanDeadline("2024-01-31")).toMatchObject({ dueDate: "2024-02-28", moved: false });
    expect(ansokanDeadline("2024-12-06")).toMatchObject({ dueDate: "2025-01-03", moved: false });
  });
  it("nyårsafton moves to the first vardag of the new year", () => {
    expect(ansokanDeadline("2025-12-03")).toMatchObject({ nominalDueDate: "2025-12-31", dueDate: "2026-01-02", moved: true });
  });
  it("a day the court set (8 § andra stycket) stands as set, even on a Saturday", () => {
    expect(ansokanDeadline("2025-12-03", "2026-01-17")).toMatchObject({ dueDate: "2026-01-17", moved: false });
  });
});

describe("5 § LVU: care begun within four weeks of laga kraft", () => {
  it("midsommarafton moves to the Monday after", () => {
    expect(vardstartDeadline("2025-05-23")).toMatchObject({ nominalDueDate: "2025-06-20", dueDate: "2025-06-23" });
  });
});

describe("13 § LVU: review every six months", () => {
  it("from the day care began, then from the last review", () => {
    expect(reviewDeadline("2024-08-31", null).dueDate).toBe("2025-02-28");
    expect(reviewDeadline("2024-08-31", "2025-02-20").dueDate).toBe("2025-08-20");
    expect(reviewDeadline("2023-08-31", null).dueDate).toBe("2024-02-29");
  });
  it("a month end on a Saturday moves to Monday", () => {
    expect(reviewDeadline("2024-05-31", null)).toMatchObject({ nominalDueDate: "2024-11-30", dueDate: "2024-12-02" });
  });
});

describe("21 § LVU: care ends at 18 (2 §) or 21 (3 §)", () => {
  it("by the ground, never moved", () => {
    expect(ageLimitDeadline("2008-06-15", ["2"])).toMatchObject({ dueDate: "2026-06-15", age: 18 });
    expect(ageLimitDeadline("2008-06-15", ["2", "3"])).toMatchObject({ dueDate: "2029-06-15", age: 21 });
  });
  it("a 29 February birthday falls on 28 February (1930:173 1 §)", () => {
    expect(ageLimitDeadline("2008-02-29", ["3"]).dueDate).toBe("2029-02-28");
  });
});
