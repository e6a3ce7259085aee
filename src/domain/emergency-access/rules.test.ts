import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMERGENCY_ACCESS_HOURS,
  EMERGENCY_ACCESS_MS,
  type GrantTimes,
  grantClosesAt,
  grantExpiresAt,
  isGrantLive,
  MIN_REASON_LENGTH,
  minutesLeft,
  requestProblems,
  reviewProblem,
  timeLeftMs,
} from "./rules";

const at = (iso: string) => new Date(iso);
const grant = (over: Partial<GrantTimes> = {}): GrantTimes => {
  const grantedAt = at("2026-03-01T22:00:00Z");
  return { grantedAt, expiresAt: grantExpiresAt(grantedAt), endedAt: null, ...over };
};
const REASON = "Polisen har omhändertagit barnet i natt, jouren behöver se tidigare utredning";

/** Instants between 2020 and 2030 at millisecond grain. */
const instantArb = fc
  .integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2030-01-01T00:00:00Z") })
  .map((ms) => new Date(ms));
const grantArb = fc
  .record({ grantedAt: instantArb, endAfter: fc.option(fc.integer({ min: 0, max: 6 * 3_600_000 }), { nil: null }) })
  .map(({ grantedAt, endAfter }) => ({
    grantedAt,
    expiresAt: grantExpiresAt(grantedAt),
    endedAt: endAfter === null ? null : new Date(grantedAt.getTime() + endAfter),
  }));

describe("how long an emergency grant lives", () => {
  it("runs for four hours from the moment it is given", () => {
    expect(EMERGENCY_ACCESS_HOURS).toBe(4);
    expect(grantExpiresAt(at("2026-03-01T22:00:00Z")).toISOString()).toBe("2026-03-02T02:00:00.000Z");
  });

  it("counts real hours across the change to summer time", () => {
    // Sweden moves its clocks forward at 02:00 on 2026-03-29: four hours are still four hours.
    expect(grantExpiresAt(at("2026-03-29T00:30:00Z")).getTime() - at("2026-03-29T00:30:00Z").getTime()).toBe(EMERGENCY_ACCESS_MS);
  });

  it("is live from the grant up to, not including, its expiry", () => {
    const g = grant();
    expect(isGrantLive(g, at("2026-03-01T21:59:59.999Z"))).toBe(false);
    expect(isGrantLive(g, at("2026-03-01T22:00:00Z"))).toBe(true);
    expect(isGrantLive(g, at("2026-03-02T01:59:59.999Z"))).toBe(true);
    expect(isGrantLive(g, at("2026-03-02T02:00:00Z"))).toBe(false);
  });

  it("stops when the user ends it early", () => {
    const g = grant({ endedAt: at("2026-03-01T22:30:00Z") });
    expect(isGrantLive(g, at("2026-03-01T22:29:00Z"))).toBe(true);
    expect(isGrantLive(g, at("2026-03-01T22:30:00Z"))).toBe(false);
    expect(grantClosesAt(g).toISOString()).toBe("2026-03-01T22:30:00.000Z");
  });

  it("shows whole minutes left, rounded up, and none once over", () => {
    const g = grant();
    expect(minutesLeft(g, at("2026-03-01T22:00:00Z"))).toBe(240);
    expect(minutesLeft(g, at("2026-03-02T01:59:01Z"))).toBe(1);
    expect(minutesLeft(g, at("2026-03-02T02:00:00Z"))).toBe(0);
    expect(minutesLeft(g, at("2026-03-03T00:00:00Z"))).toBe(0);
  });

  it("property: live exactly while time is left, never longer than four hours", () => {
    fc.assert(
      fc.property(grantArb, fc.integer({ min: -3_600_000, max: 8 * 3_600_000 }), (g, offset) => {
        const now = new Date(g.grantedAt.getTime() + offset);
        const left = timeLeftMs(g, now);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(EMERGENCY_ACCESS_MS);
        if (now >= g.grantedAt) expect(isGrantLive(g, now)).toBe(left > 0);
        // Nothing read after four hours, whatever the user did.
        if (offset >= EMERGENCY_ACCESS_MS) expect(isGrantLive(g, now)).toBe(false);
      }),
    );
  });

  it("property: time left never grows as time passes", () => {
    fc.assert(
      fc.property(grantArb, fc.integer({ min: 0, max: 5 * 3_600_000 }), fc.integer({ min: 0, max: 3_600_000 }), (g, a, step) => {
        const earlier = new Date(g.grantedAt.getTime() + a);
        const later = new Date(earlier.getTime() + step);
        expect(timeLeftMs(g, later)).toBeLessThanOrEqual(timeLeftMs(g, earlier));
        if (!isGrantLive(g, earlier)) expect(isGrantLive(g, later)).toBe(false);
      }),
    );
  });
});

describe("what a request must state", () => {
  it("accepts a category and a reason a reviewer can judge", () => {
    expect(requestProblems({ category: "akut_skyddsbehov", reason: REASON })).toEqual([]);
  });

  it("refuses a missing or blank reason", () => {
    expect(requestProblems({ category: "jourarende", reason: undefined })).toEqual(["reason_required"]);
    expect(requestProblems({ category: "jourarende", reason: "   \n " })).toEqual(["reason_required"]);
  });

  it("refuses a reason too short to say anything, counting what is left after trimming", () => {
    expect(requestProblems({ category: "annat", reason: "akut" })).toEqual(["reason_too_short"]);
    const justEnough = "x".repeat(MIN_REASON_LENGTH);
    expect(requestProblems({ category: "annat", reason: `  ${justEnough.slice(1)}  ` })).toEqual(["reason_too_short"]);
    expect(requestProblems({ category: "annat", reason: justEnough })).toEqual([]);
  });

  it("refuses an unknown category", () => {
    expect(requestProblems({ category: "nyfikenhet", reason: REASON })).toEqual(["category_required"]);
    expect(requestProblems({ category: null, reason: "" })).toEqual(["category_required", "reason_required"]);
  });
});

describe("reviewing a grant", () => {
  const over = { ...grant(), userId: "u1", reviewedAt: null };
  const after = at("2026-03-02T03:00:00Z");

  it("approves an ended grant, with or without a note", () => {
    expect(reviewProblem({ verdict: "godkand", note: "" }, over, "k1", after)).toBeNull();
    expect(reviewProblem({ verdict: "godkand", note: "Rimligt" }, over, "k1", after)).toBeNull();
  });

  it("questions only with a note", () => {
    expect(reviewProblem({ verdict: "ifragasatt", note: "  " }, over, "k1", after)).toBe("note_required");
    expect(reviewProblem({ verdict: "ifragasatt", note: "Inget akut behov syns" }, over, "k1", after)).toBeNull();
  });

  it("waits until the access is over, so the review sees every read", () => {
    expect(reviewProblem({ verdict: "godkand", note: "" }, over, "k1", at("2026-03-02T01:00:00Z"))).toBe("grant_still_live");
    const ended = { ...over, endedAt: at("2026-03-01T22:10:00Z") };
    expect(reviewProblem({ verdict: "godkand", note: "" }, ended, "k1", at("2026-03-01T22:11:00Z"))).toBeNull();
  });

  it("is done once, and never by the one who used the access", () => {
    expect(reviewProblem({ verdict: "godkand", note: "" }, { ...over, reviewedAt: after }, "k1", after)).toBe("already_reviewed");
    expect(reviewProblem({ verdict: "godkand", note: "" }, over, "u1", after)).toBe("own_grant");
  });
});
