import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byInstant, startOfStockholmDay, stockholmDate } from "./time";

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

  it("gives the same day as a fresh Intl formatting for any instant, remembered or not, across clock changes", () => {
    const fresh = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        expect(stockholmDate(instant)).toBe(fresh.format(instant));
        expect(stockholmDate(instant)).toBe(fresh.format(instant));
        const start = startOfStockholmDay(stockholmDate(instant));
        expect(start.getTime()).toBeLessThanOrEqual(ms);
        expect(stockholmDate(start)).toBe(stockholmDate(instant));
        expect(stockholmDate(new Date(start.getTime() - 1))).not.toBe(stockholmDate(instant));
      }),
      { numRuns: 2000 },
    );
  });

  it("hands out a new Date each time, so a caller changing it cannot spoil the remembered day", () => {
    const a = startOfStockholmDay("2026-05-05");
    a.setTime(0);
    expect(startOfStockholmDay("2026-05-05").toISOString()).toBe("2026-05-04T22:00:00.000Z");
  });

  it("orders ISO instants chronologically", () => {
    const instants = ["2026-07-01T10:00:00.000Z", "2026-01-01T00:00:00.000Z", "2026-07-01T09:59:59.999Z"];
    expect([...instants].sort(byInstant)).toEqual([
      "2026-01-01T00:00:00.000Z",
      "2026-07-01T09:59:59.999Z",
      "2026-07-01T10:00:00.000Z",
    ]);
    expect(byInstant(instants[0] as string, instants[0] as string)).toBe(0);
  });
});
