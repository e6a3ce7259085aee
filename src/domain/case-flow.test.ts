import { describe, expect, it } from "vitest";
import {
  CASE_WORK,
  caseAccepts,
  isReReferral,
  isWithinReReferralWindow,
  reReferralOutcome,
  reReferralWindowEnd,
} from "./case-flow";

describe("återaktualisering (one definition)", () => {
  it("runs from the day after the end to the same day 12 calendar months later", () => {
    expect(reReferralWindowEnd("2025-03-31")).toBe("2026-03-31");
    // A leap day's window ends on the last day of February (addCalendarMonths).
    expect(reReferralWindowEnd("2024-02-29")).toBe("2025-02-28");
    expect(isWithinReReferralWindow("2025-03-31", "2026-03-31")).toBe(true);
    expect(isWithinReReferralWindow("2025-03-31", "2025-04-01")).toBe(true);
    expect(isWithinReReferralWindow("2025-03-31", "2026-04-01")).toBe(false);
    expect(isWithinReReferralWindow("2024-02-29", "2025-03-01")).toBe(false);
  });

  it("does not count a report on the end day itself, nor one before it", () => {
    expect(isWithinReReferralWindow("2025-03-31", "2025-03-31")).toBe(false);
    expect(isWithinReReferralWindow("2025-03-31", "2025-03-30")).toBe(false);
  });

  it("flags a new report after a closed case the same way (case flow)", () => {
    expect(isReReferral("2026-12-01", "2026-07-11")).toBe(true);
    expect(isReReferral("2027-07-11", "2026-07-11")).toBe(true);
    expect(isReReferral("2027-07-12", "2026-07-11")).toBe(false);
    // Changed with the single definition: a report on the closing day is no longer a re-referral.
    expect(isReReferral("2026-07-11", "2026-07-11")).toBe(false);
    expect(isReReferral("2026-07-11", null)).toBe(false);
  });

  it("counts an end only when its window has closed: a yes while the window runs is still pending", () => {
    // Window 2025-03-31 … 2026-03-31.
    expect(reReferralOutcome("2025-03-31", "2025-06-01", "2025-06-15")).toBe("pending");
    expect(reReferralOutcome("2025-03-31", null, "2026-03-31")).toBe("pending");
    expect(reReferralOutcome("2025-03-31", "2025-06-01", "2026-04-01")).toBe("yes");
    expect(reReferralOutcome("2025-03-31", "2026-03-31", "2026-04-01")).toBe("yes");
    expect(reReferralOutcome("2025-03-31", null, "2026-04-01")).toBe("no");
    expect(reReferralOutcome("2025-03-31", "2026-04-01", "2026-11-29")).toBe("no");
  });
});

describe("a closed case is closed", () => {
  it("accepts every kind of work while open", () => {
    for (const w of CASE_WORK) expect(caseAccepts(false, w)).toBe(true);
  });
  it("accepts only the uppföljning decision and a journal correction once closed", () => {
    expect(CASE_WORK.filter((w) => caseAccepts(true, w))).toEqual(["uppfoljning", "journal_correction"]);
  });
});
