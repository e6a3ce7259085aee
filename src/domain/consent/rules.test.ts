import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, addCalendarMonths } from "../clocks";
import {
  type ConsentFacts,
  consentState,
  covers,
  expiresSoon,
  findCover,
  giverProblem,
  giverProblemFor,
  revocationProblem,
  validityProblem,
} from "./rules";
import { AGENCIES, CONSENT_GIVERS, FORUM_TYPES, GUARDIANSHIPS, INFORMATION_CATEGORIES } from "./vocabulary";

const FORUM = "11111111-1111-4111-8111-111111111111";
const OTHER_FORUM = "22222222-2222-4222-8222-222222222222";

const consent = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  agencies: ["skola", "polis", "fritid"],
  categories: ["skolsituation", "familjesituation"],
  forumIds: [],
  forumTypes: ["sig"],
  validFrom: "2026-01-01",
  validUntil: "2026-06-30",
  revokedOn: null,
  ...over,
});
const sig = { kind: "forum" as const, forumId: FORUM, forumType: "sig" as const, agencies: ["skola", "polis"] as const };

/** A day between 2020 and 2030. */
const dayArb = fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays("2020-01-01", n));
const consentArb = fc
  .record({
    agencies: fc.subarray([...AGENCIES]),
    categories: fc.subarray([...INFORMATION_CATEGORIES]),
    forumIds: fc.subarray([FORUM, OTHER_FORUM]),
    forumTypes: fc.subarray([...FORUM_TYPES]),
    validFrom: dayArb,
    length: fc.integer({ min: 0, max: 365 }),
    revokedAfter: fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
  })
  .map(({ length, revokedAfter, ...c }) => ({
    ...c,
    validUntil: addCalendarDays(c.validFrom, length),
    revokedOn: revokedAfter === null ? null : addCalendarDays(c.validFrom, revokedAfter),
  }));
const targetArb = fc.oneof(
  fc.record({
    kind: fc.constant("forum" as const),
    forumId: fc.constantFrom(FORUM, OTHER_FORUM),
    forumType: fc.constantFrom(...FORUM_TYPES),
    agencies: fc.subarray([...AGENCIES]),
  }),
  fc.record({
    kind: fc.constant("agency" as const),
    agency: fc.constantFrom(...AGENCIES),
    categories: fc.subarray([...INFORMATION_CATEGORIES], { minLength: 1 }),
  }),
);

describe("who must give the consent (OSL 12 kap. 2–3 §§ as practised)", () => {
  it("under 15 the guardians decide: both with joint custody, one with sole custody", () => {
    expect(giverProblem({ givenBy: ["vardnadshavare_1", "vardnadshavare_2"], guardianship: "gemensam" }, 12)).toBeNull();
    expect(giverProblem({ givenBy: ["vardnadshavare_1"], guardianship: "gemensam" }, 12)).toBe("both_guardians_required");
    expect(giverProblem({ givenBy: ["vardnadshavare_2"], guardianship: "ensam" }, 12)).toBeNull();
    expect(giverProblem({ givenBy: ["den_unge"], guardianship: "ensam" }, 14)).toBe("guardians_required");
    expect(giverProblem({ givenBy: ["vardnadshavare_1"], guardianship: null }, 14)).toBe("guardianship_required");
  });

  it("from 15 to 17 the young person and the guardians together", () => {
    expect(giverProblem({ givenBy: ["vardnadshavare_1", "vardnadshavare_2"], guardianship: "gemensam" }, 15)).toBe(
      "young_person_required",
    );
    expect(giverProblem({ givenBy: ["den_unge", "vardnadshavare_1"], guardianship: "gemensam" }, 16)).toBe(
      "both_guardians_required",
    );
    expect(giverProblem({ givenBy: ["den_unge", "vardnadshavare_1"], guardianship: "ensam" }, 17)).toBeNull();
    expect(giverProblem({ givenBy: ["den_unge"], guardianship: "ensam" }, 17)).toBe("guardians_required");
  });

  it("from 18 the young person alone", () => {
    expect(giverProblem({ givenBy: ["den_unge"], guardianship: null }, 18)).toBeNull();
    expect(giverProblem({ givenBy: ["vardnadshavare_1", "vardnadshavare_2"], guardianship: "gemensam" }, 19)).toBe(
      "young_person_required",
    );
  });

  it("counts the age on the day the consent starts (the 15th birthday moves the say)", () => {
    const guardiansOnly = { givenBy: ["vardnadshavare_1"] as const, guardianship: "ensam" as const };
    expect(giverProblemFor(guardiansOnly, "2011-05-12", "2026-05-11")).toBeNull();
    expect(giverProblemFor(guardiansOnly, "2011-05-12", "2026-05-12")).toBe("young_person_required");
  });

  it("property: a minor's consent is never enough without a guardian, an adult's never without the young person", () => {
    fc.assert(
      fc.property(
        fc.subarray([...CONSENT_GIVERS]),
        fc.option(fc.constantFrom(...GUARDIANSHIPS), { nil: null }),
        fc.integer({ min: 0, max: 30 }),
        (givenBy, guardianship, age) => {
          const ok = giverProblem({ givenBy, guardianship }, age) === null;
          const guardians = givenBy.filter((g) => g !== "den_unge").length;
          if (ok && age < 18) {
            expect(guardians).toBeGreaterThan(0);
            if (guardianship === "gemensam") expect(guardians).toBe(2);
          }
          if (ok && age >= 15) expect(givenBy).toContain("den_unge");
          // Adding a giver never turns an enough consent into a refused one.
          if (ok) expect(giverProblem({ givenBy: [...CONSENT_GIVERS], guardianship }, age)).toBeNull();
        },
      ),
    );
  });
});

describe("validity", () => {
  it("refuses an end before the start and a consent longer than 12 months", () => {
    expect(validityProblem("2026-03-01", "2026-02-28")).toBe("until_before_from");
    expect(validityProblem("2026-03-01", "2026-03-01")).toBeNull();
    expect(validityProblem("2026-03-01", "2027-03-01")).toBeNull();
    expect(validityProblem("2026-03-01", "2027-03-02")).toBe("too_long");
  });

  it("property: a valid period covers exactly its own days", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -40, max: 400 }), dayArb, (from, length, at) => {
        const until = addCalendarDays(from, length);
        const problem = validityProblem(from, until);
        if (length < 0) expect(problem).toBe("until_before_from");
        else if (until > addCalendarMonths(from, 12)) expect(problem).toBe("too_long");
        else {
          expect(problem).toBeNull();
          const r = covers(consent({ validFrom: from, validUntil: until }), sig, at);
          expect(r.ok).toBe(at >= from && at <= until);
        }
      }),
    );
  });
});

describe("what a consent covers", () => {
  it("covers a SIG meeting of the forum's agencies within its days", () => {
    expect(covers(consent(), sig, "2026-03-10")).toEqual({ ok: true });
    expect(covers(consent({ forumTypes: [], forumIds: [FORUM] }), sig, "2026-03-10")).toEqual({ ok: true });
    expect(covers(consent({ forumTypes: ["sspf"] }), sig, "2026-03-10")).toEqual({ ok: false, reason: "forum_not_covered" });
    expect(covers(consent({ agencies: ["skola"] }), sig, "2026-03-10")).toEqual({
      ok: false,
      reason: "agency_not_covered",
      missing: ["polis"],
    });
    expect(covers(consent(), sig, "2025-12-31")).toEqual({ ok: false, reason: "not_yet_valid" });
    expect(covers(consent(), sig, "2026-07-01")).toEqual({ ok: false, reason: "expired" });
  });

  it("a consent revoked before the meeting no longer covers it; one revoked after still covered the days before", () => {
    const revoked = consent({ revokedOn: "2026-03-05" });
    expect(covers(revoked, sig, "2026-03-10")).toEqual({ ok: false, reason: "revoked" });
    expect(covers(revoked, sig, "2026-03-05")).toEqual({ ok: false, reason: "revoked" });
    expect(covers(revoked, sig, "2026-03-04")).toEqual({ ok: true });
  });

  it("covers a disclosure only of the agency and categories named", () => {
    const share = (agency: "skola" | "halsa_bup", categories: ("skolsituation" | "halsa")[]) =>
      covers(consent(), { kind: "agency", agency, categories }, "2026-03-10");
    expect(share("skola", ["skolsituation"])).toEqual({ ok: true });
    expect(share("halsa_bup", ["skolsituation"])).toEqual({ ok: false, reason: "agency_not_covered", missing: ["halsa_bup"] });
    expect(share("skola", ["skolsituation", "halsa"])).toEqual({ ok: false, reason: "category_not_covered", missing: ["halsa"] });
  });

  it("property: cover implies in force on the day, not revoked by then, and the whole scope named", () => {
    fc.assert(
      fc.property(consentArb, targetArb, dayArb, (c, target, at) => {
        const r = covers(c, target, at);
        if (!r.ok) return;
        expect(at >= c.validFrom && at <= c.validUntil).toBe(true);
        expect(c.revokedOn === null || c.revokedOn > at).toBe(true);
        if (target.kind === "forum") {
          expect(c.forumIds.includes(target.forumId) || c.forumTypes.includes(target.forumType)).toBe(true);
          for (const a of target.agencies) expect(c.agencies).toContain(a);
        } else {
          expect(c.agencies).toContain(target.agency);
          for (const k of target.categories) expect(c.categories).toContain(k);
        }
      }),
    );
  });

  it("property: revoking never widens a consent, and a revocation on or before the day removes the cover", () => {
    fc.assert(
      fc.property(consentArb, targetArb, dayArb, dayArb, (c, target, at, on) => {
        const before = covers({ ...c, revokedOn: null }, target, at).ok;
        const after = covers({ ...c, revokedOn: on }, target, at).ok;
        if (after) expect(before).toBe(true);
        if (on <= at) expect(after).toBe(false);
      }),
    );
  });

  it("property: findCover finds a consent exactly when one of them covers, and says why otherwise", () => {
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 4 }), targetArb, dayArb, (list, target, at) => {
        const found = findCover(list, target, at);
        const any = list.some((c) => covers(c, target, at).ok);
        expect(found.ok).toBe(any);
        if (found.ok) expect(covers(found.consent, target, at).ok).toBe(true);
        else if (list.length === 0) expect(found.reason).toBe("no_consent");
        else
          expect(
            list.some((c) => {
              const r = covers(c, target, at);
              return !r.ok && r.reason === found.reason;
            }),
          ).toBe(true);
      }),
    );
  });
});

describe("revocation", () => {
  it("refuses a second revocation, a future day and a day before the consent was recorded", () => {
    const c = { revokedOn: null, recordedOn: "2026-03-01" };
    expect(revocationProblem(c, "2026-03-10", "2026-03-10")).toBeNull();
    expect(revocationProblem(c, "2026-03-11", "2026-03-10")).toBe("in_future");
    expect(revocationProblem(c, "2026-02-28", "2026-03-10")).toBe("before_recorded");
    expect(revocationProblem({ ...c, revokedOn: "2026-03-05" }, "2026-03-10", "2026-03-10")).toBe("already_revoked");
  });
});

describe("expiry reminder and state", () => {
  it("warns within 30 days of the end, not for revoked or ended consents", () => {
    expect(expiresSoon(consent({ validUntil: "2026-04-09" }), "2026-03-10")).toBe(true);
    expect(expiresSoon(consent({ validUntil: "2026-04-10" }), "2026-03-10")).toBe(false);
    expect(expiresSoon(consent({ validUntil: "2026-03-09" }), "2026-03-10")).toBe(false);
    expect(expiresSoon(consent({ validUntil: "2026-03-20", revokedOn: "2026-03-01" }), "2026-03-10")).toBe(false);
  });
  it("names the state", () => {
    expect(consentState(consent(), "2026-03-10")).toBe("aktivt");
    expect(consentState(consent(), "2025-12-01")).toBe("kommande");
    expect(consentState(consent(), "2026-07-01")).toBe("utganget");
    expect(consentState(consent({ revokedOn: "2026-03-10" }), "2026-03-10")).toBe("aterkallat");
  });
});
