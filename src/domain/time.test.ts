import { describe, expect, it } from "vitest";
import { startOfStockholmDay, stockholmDate } from "./time";

describe("Stockholm days", () => {
  it("begin at 23:00 UTC in winter and 22:00 UTC in summer", () => {
    expect(startOfStockholmDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfStockholmDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("are right on the days the clocks change", () => {
    expect(startOfStockholmDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfStockholmDay("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfStockholmDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfStockholmDay("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("take the calendar date in Stockholm, not in UTC", () => {
    expect(stockholmDate(new Date("2026-03-01T23:30:00Z"))).toBe("2026-03-02");
    expect(stockholmDate(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});
