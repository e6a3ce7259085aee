import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  clockState,
  daysBetween,
  forhandsbedomningDeadline,
  median,
  percentile,
  skyddsbedomningDeadline,
  uppfoljningDeadline,
  utredningDeadline,
} from "./clocks";
import { startOfStockholmDay, stockholmDate } from "./time";

const at = (iso: string) => new Date(iso);
const shift = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

describe("addCalendarDays", () => {
  it("adds zero, positive and negative days", () => {
    expect(addCalendarDays("2026-05-10", 0)).toBe("2026-05-10");
    expect(addCalendarDays("2026-05-10", 14)).toBe("2026-05-24");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("crosses month ends and the turn of the year", () => {
    expect(addCalendarDays("2026-04-30", 1)).toBe("2026-05-01");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-12-20", 14)).toBe("2027-01-03");
  });

  it("knows the leap years (2024 and 2000 leap, 2026 and 2100 not)", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addCalendarDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addCalendarDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addCalendarDays("2024-01-01", 365)).toBe("2024-12-31");
    expect(addCalendarDays("2026-01-01", 365)).toBe("2027-01-01");
  });

  it("counts whole calendar days across the daylight-saving changes", () => {
    // 2026-03-29 has 23 hours in Stockholm, 2026-10-25 has 25; calendar days do not care.
    expect(addCalendarDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addCalendarDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addCalendarDays("2026-10-24", 2)).toBe("2026-10-26");
  });
});

describe("addCalendarMonths", () => {
  it("keeps the day number when the target month has it", () => {
    expect(addCalendarMonths("2026-01-15", 4)).toBe("2026-05-15");
    expect(addCalendarMonths("2026-05-10", 0)).toBe("2026-05-10");
    expect(addCalendarMonths("2026-01-31", 24)).toBe("2028-01-31");
  });

  it("ends on the last day of a shorter month", () => {
    expect(addCalendarMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addCalendarMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addCalendarMonths("2026-05-31", 4)).toBe("2026-09-30");
    expect(addCalendarMonths("2026-08-31", 3)).toBe("2026-11-30");
    expect(addCalendarMonths("2026-01-30", 1)).toBe("2026-02-28");
  });

  it("counts from the original day, not month by month", () => {
    // Jan 31 + 1 month = Feb 28, and Feb 28 + 1 month = Mar 28, but Jan 31 + 2 months = Mar 31.
    expect(addCalendarMonths(addCalendarMonths("2026-01-31", 1), 1)).toBe("2026-03-28");
    expect(addCalendarMonths("2026-01-31", 2)).toBe("2026-03-31");
  });

  it("handles February in leap and common years", () => {
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addCalendarMonths("2000-01-31", 1)).toBe("2000-02-29");
    expect(addCalendarMonths("2100-01-31", 1)).toBe("2100-02-28");
    expect(addCalendarMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addCalendarMonths("2024-02-29", 1)).toBe("2024-03-29");
  });

  it("wraps the year", () => {
    expect(addCalendarMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addCalendarMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addCalendarMonths("2026-09-30", 4)).toBe("2027-01-30");
    expect(addCalendarMonths("2026-12-31", 12)).toBe("2027-12-31");
  });

  it("goes backwards with negative months", () => {
    expect(addCalendarMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addCalendarMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addCalendarMonths("2026-02-28", -12)).toBe("2025-02-28");
  });
});

describe("skyddsbedömning (24 hours after receipt)", () => {
  it("runs out exactly 24 hours after receipt", () => {
    const deadline = skyddsbedomningDeadline(at("2026-05-12T08:15:30.250Z"));
    expect(deadline.dueAt.toISOString()).toBe("2026-05-13T08:15:30.250Z");
    expect(deadline.dueDate).toBe("2026-05-13");
  });

  it("counts 24 hours of elapsed time when the clocks go forward (2026-03-29)", () => {
    // Received 2026-03-28 10:00 CET (09:00Z). 24 elapsed hours later is 2026-03-29 09:00Z, which the
    // wall clock shows as 11:00 CEST because the night lost an hour.
    const deadline = skyddsbedomningDeadline(at("2026-03-28T09:00:00Z"));
    expect(deadline.dueAt.toISOString()).toBe("2026-03-29T09:00:00.000Z");
    expect(deadline.dueDate).toBe("2026-03-29");
  });

  it("counts 24 hours of elapsed time when the clocks go back (2026-10-25)", () => {
    // Received 2026-10-24 10:00 CEST (08:00Z); the deadline 2026-10-25 08:00Z is 09:00 CET.
    const deadline = skyddsbedomningDeadline(at("2026-10-24T08:00:00Z"));
    expect(deadline.dueAt.toISOString()).toBe("2026-10-25T08:00:00.000Z");
    expect(deadline.dueDate).toBe("2026-10-25");
  });

  it("takes the Stockholm date of the deadline instant across a daylight-saving change", () => {
    // Received 2026-03-29 00:30 CET (2026-03-28T23:30Z); deadline 2026-03-29T23:30Z = 2026-03-30 01:30 CEST.
    expect(skyddsbedomningDeadline(at("2026-03-28T23:30:00Z")).dueDate).toBe("2026-03-30");
    // Received 2026-10-25 00:30 CEST (2026-10-24T22:30Z); deadline 2026-10-25T22:30Z = 2026-10-25 23:30 CET.
    const back = skyddsbedomningDeadline(at("2026-10-24T22:30:00Z"));
    expect(back.dueAt.toISOString()).toBe("2026-10-25T22:30:00.000Z");
    expect(back.dueDate).toBe("2026-10-25");
  });

  it("uses the Stockholm date, not the UTC date, for the due day", () => {
    // Received 2026-06-30 00:30 CEST (2026-06-29T22:30Z): due 2026-07-01 00:30 CEST, a Stockholm date
    // that differs from the UTC date of the instant (2026-06-30).
    const deadline = skyddsbedomningDeadline(at("2026-06-29T22:30:00Z"));
    expect(deadline.dueAt.toISOString()).toBe("2026-06-30T22:30:00.000Z");
    expect(deadline.dueDate).toBe("2026-07-01");
  });

  it("gives the day that ends at the deadline when receipt is exactly at Stockholm midnight", () => {
    // Received 2026-01-15 00:00 CET (2026-01-14T23:00Z): deadline 2026-01-16 00:00 CET, so the last
    // allowed day is 2026-01-15 (the instant 1 ms before the deadline).
    const deadline = skyddsbedomningDeadline(at("2026-01-14T23:00:00Z"));
    expect(deadline.dueAt.toISOString()).toBe("2026-01-15T23:00:00.000Z");
    expect(deadline.dueDate).toBe("2026-01-15");
  });

  it("wraps the year", () => {
    const deadline = skyddsbedomningDeadline(at("2026-12-31T12:00:00Z"));
    expect(deadline.dueAt.toISOString()).toBe("2027-01-01T12:00:00.000Z");
    expect(deadline.dueDate).toBe("2027-01-01");
  });

  it("does not move a deadline that falls on a weekend", () => {
    // Friday 2026-03-06 14:00 CET → Saturday 2026-03-07 14:00 CET.
    const deadline = skyddsbedomningDeadline(at("2026-03-06T13:00:00Z"));
    expect(deadline.dueAt.toISOString()).toBe("2026-03-07T13:00:00.000Z");
    expect(deadline.dueDate).toBe("2026-03-07");
  });

  it("does not mutate the receipt instant", () => {
    const receivedAt = at("2026-05-12T08:00:00Z");
    skyddsbedomningDeadline(receivedAt);
    expect(receivedAt.toISOString()).toBe("2026-05-12T08:00:00.000Z");
  });
});

describe("förhandsbedömning (14 days from the Stockholm date of receipt)", () => {
  it("ends at the end of the 14th calendar day after the receipt date", () => {
    const deadline = forhandsbedomningDeadline(at("2026-02-24T09:00:00Z"));
    expect(deadline.dueDate).toBe("2026-03-10");
    // End of 2026-03-10 in Stockholm = 2026-03-11 00:00 CET = 2026-03-10T23:00Z.
    expect(deadline.dueAt.toISOString()).toBe("2026-03-10T23:00:00.000Z");
    expect(deadline.dueAt.getTime()).toBe(startOfStockholmDay("2026-03-11").getTime());
  });

  it("takes the Stockholm date of receipt just after midnight in summer", () => {
    // 2026-06-30T22:30Z is 2026-07-01 00:30 CEST.
    const deadline = forhandsbedomningDeadline(at("2026-06-30T22:30:00Z"));
    expect(deadline.dueDate).toBe("2026-07-15");
    expect(deadline.dueAt.toISOString()).toBe("2026-07-15T22:00:00.000Z");
  });

  it("takes the Stockholm date of receipt just before midnight in summer", () => {
    // 2026-06-30T21:59:59.999Z is 2026-06-30 23:59:59.999 CEST.
    const deadline = forhandsbedomningDeadline(at("2026-06-30T21:59:59.999Z"));
    expect(deadline.dueDate).toBe("2026-07-14");
    expect(deadline.dueAt.toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("takes the Stockholm date of receipt around midnight in winter", () => {
    // 2026-01-31T22:59:59.999Z is 23:59:59.999 CET on Jan 31; 23:00Z is 00:00 CET on Feb 1.
    const before = forhandsbedomningDeadline(at("2026-01-31T22:59:59.999Z"));
    expect(before.dueDate).toBe("2026-02-14");
    expect(before.dueAt.toISOString()).toBe("2026-02-14T23:00:00.000Z");
    const after = forhandsbedomningDeadline(at("2026-01-31T23:00:00Z"));
    expect(after.dueDate).toBe("2026-02-15");
    expect(after.dueAt.toISOString()).toBe("2026-02-15T23:00:00.000Z");
  });

  it("ends at local midnight when the due day is a daylight-saving day", () => {
    // Due 2026-03-29 (23-hour day): ends at 2026-03-30 00:00 CEST = 2026-03-29T22:00Z.
    const spring = forhandsbedomningDeadline(at("2026-03-15T10:00:00Z"));
    expect(spring.dueDate).toBe("2026-03-29");
    expect(spring.dueAt.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // Due 2026-03-28: ends at 2026-03-29 00:00 CET = 2026-03-28T23:00Z (still winter time).
    const dayBefore = forhandsbedomningDeadline(at("2026-03-14T10:00:00Z"));
    expect(dayBefore.dueDate).toBe("2026-03-28");
    expect(dayBefore.dueAt.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // Due 2026-10-25 (25-hour day): ends at 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    const autumn = forhandsbedomningDeadline(at("2026-10-11T10:00:00Z"));
    expect(autumn.dueDate).toBe("2026-10-25");
    expect(autumn.dueAt.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    // Due 2026-10-24: ends at 2026-10-25 00:00 CEST = 2026-10-24T22:00Z (still summer time).
    const autumnBefore = forhandsbedomningDeadline(at("2026-10-10T10:00:00Z"));
    expect(autumnBefore.dueDate).toBe("2026-10-24");
    expect(autumnBefore.dueAt.toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("counts 14 calendar days across February in leap and common years", () => {
    expect(forhandsbedomningDeadline(at("2024-02-20T10:00:00Z")).dueDate).toBe("2024-03-05");
    expect(forhandsbedomningDeadline(at("2026-02-20T10:00:00Z")).dueDate).toBe("2026-03-06");
  });

  it("wraps the year", () => {
    const deadline = forhandsbedomningDeadline(at("2026-12-20T12:00:00Z"));
    expect(deadline.dueDate).toBe("2027-01-03");
    expect(deadline.dueAt.toISOString()).toBe("2027-01-03T23:00:00.000Z");
    // New Year's Eve 23:30Z is already 2027-01-01 00:30 in Stockholm.
    const newYear = forhandsbedomningDeadline(at("2026-12-31T23:30:00Z"));
    expect(newYear.dueDate).toBe("2027-01-15");
    expect(newYear.dueAt.toISOString()).toBe("2027-01-15T23:00:00.000Z");
  });

  it("does not move a deadline on a weekend or holiday", () => {
    // Received Saturday 2026-02-21 → due Saturday 2026-03-07.
    expect(forhandsbedomningDeadline(at("2026-02-21T10:00:00Z")).dueDate).toBe("2026-03-07");
    // Received Friday 2026-12-11 → due Christmas Day, Friday 2026-12-25.
    expect(forhandsbedomningDeadline(at("2026-12-11T10:00:00Z")).dueDate).toBe("2026-12-25");
  });
});

describe("utredning (4 months from opening, or the förlängning)", () => {
  it("ends 4 months after the opening date at the end of that Stockholm day", () => {
    const deadline = utredningDeadline("2026-01-15");
    expect(deadline.dueDate).toBe("2026-05-15");
    // End of 2026-05-15 = 2026-05-16 00:00 CEST = 2026-05-15T22:00Z.
    expect(deadline.dueAt.toISOString()).toBe("2026-05-15T22:00:00.000Z");
  });

  it("ends on the month's last day when it lacks the opening day number", () => {
    expect(utredningDeadline("2025-10-31").dueDate).toBe("2026-02-28");
    expect(utredningDeadline("2025-10-31").dueAt.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(utredningDeadline("2026-05-31").dueDate).toBe("2026-09-30");
    expect(utredningDeadline("2026-05-31").dueAt.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(utredningDeadline("2025-10-30").dueDate).toBe("2026-02-28");
    expect(utredningDeadline("2025-10-28").dueDate).toBe("2026-02-28");
    expect(utredningDeadline("2025-10-27").dueDate).toBe("2026-02-27");
  });

  it("ends on 29 February in leap years (2024, 2000) but not in 2100", () => {
    expect(utredningDeadline("2023-10-31").dueDate).toBe("2024-02-29");
    expect(utredningDeadline("2023-10-29").dueDate).toBe("2024-02-29");
    expect(utredningDeadline("1999-10-31").dueDate).toBe("2000-02-29");
    expect(utredningDeadline("2099-10-31").dueDate).toBe("2100-02-28");
    expect(utredningDeadline("2099-10-29").dueDate).toBe("2100-02-28");
  });

  it("starting on a leap day lands on the same day number four months later", () => {
    expect(utredningDeadline("2024-02-29").dueDate).toBe("2024-06-29");
  });

  it("wraps the year", () => {
    expect(utredningDeadline("2026-09-30").dueDate).toBe("2027-01-30");
    expect(utredningDeadline("2026-10-31").dueDate).toBe("2027-02-28");
    expect(utredningDeadline("2026-12-31").dueDate).toBe("2027-04-30");
  });

  it("ends at local midnight across the daylight-saving changes", () => {
    // Due 2026-03-30 (first full summer day): ends 2026-03-31 00:00 CEST = 2026-03-30T22:00Z.
    expect(utredningDeadline("2025-11-30").dueAt.toISOString()).toBe("2026-03-30T22:00:00.000Z");
    // Due 2026-03-29: ends 2026-03-30 00:00 CEST = 2026-03-29T22:00Z.
    expect(utredningDeadline("2025-11-29").dueAt.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // Due 2026-10-25: ends 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    expect(utredningDeadline("2026-06-25").dueAt.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("is replaced by a förlängning to a later date", () => {
    const deadline = utredningDeadline("2026-01-15", "2026-07-01");
    expect(deadline.dueDate).toBe("2026-07-01");
    expect(deadline.dueAt.toISOString()).toBe("2026-07-01T22:00:00.000Z");
    expect(utredningDeadline("2026-01-15", "2026-05-16").dueDate).toBe("2026-05-16");
    expect(utredningDeadline("2026-09-30", "2027-03-31").dueDate).toBe("2027-03-31");
  });

  it("is not shortened by a förlängning to an earlier or the same date", () => {
    expect(utredningDeadline("2026-01-15", "2026-05-01").dueDate).toBe("2026-05-15");
    expect(utredningDeadline("2026-01-15", "2026-05-14").dueDate).toBe("2026-05-15");
    expect(utredningDeadline("2026-01-15", "2026-05-15").dueDate).toBe("2026-05-15");
    expect(utredningDeadline("2026-01-15", "2026-05-01").dueAt.toISOString()).toBe("2026-05-15T22:00:00.000Z");
  });

  it("uses the statutory date when there is no förlängning", () => {
    expect(utredningDeadline("2026-01-15", null).dueDate).toBe("2026-05-15");
    expect(utredningDeadline("2026-01-15", undefined).dueDate).toBe("2026-05-15");
    expect(utredningDeadline("2026-01-15", "").dueDate).toBe("2026-05-15");
  });

  it("does not move a deadline on a weekend", () => {
    // Opened Friday 2026-01-16 → due Saturday 2026-05-16.
    expect(utredningDeadline("2026-01-16").dueDate).toBe("2026-05-16");
  });
});

describe("uppföljning (2 months from closing)", () => {
  it("ends 2 months after the closing date at the end of that Stockholm day", () => {
    const deadline = uppfoljningDeadline("2026-06-15");
    expect(deadline.dueDate).toBe("2026-08-15");
    expect(deadline.dueAt.toISOString()).toBe("2026-08-15T22:00:00.000Z");
  });

  it("ends on the month's last day when it lacks the closing day number", () => {
    expect(uppfoljningDeadline("2025-12-31").dueDate).toBe("2026-02-28");
    expect(uppfoljningDeadline("2023-12-31").dueDate).toBe("2024-02-29");
    expect(uppfoljningDeadline("2099-12-31").dueDate).toBe("2100-02-28");
    expect(uppfoljningDeadline("1999-12-31").dueDate).toBe("2000-02-29");
    expect(uppfoljningDeadline("2026-07-31").dueDate).toBe("2026-09-30");
    expect(uppfoljningDeadline("2026-08-31").dueDate).toBe("2026-10-31");
  });

  it("starting on a leap day keeps the day number", () => {
    expect(uppfoljningDeadline("2024-02-29").dueDate).toBe("2024-04-29");
  });

  it("wraps the year", () => {
    expect(uppfoljningDeadline("2026-11-30").dueDate).toBe("2027-01-30");
    expect(uppfoljningDeadline("2026-12-15").dueDate).toBe("2027-02-15");
  });

  it("ends at local midnight when the due day is the autumn daylight-saving day", () => {
    // Due 2026-10-25 (25-hour day): ends 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    expect(uppfoljningDeadline("2026-08-25").dueAt.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    // Due 2026-10-31: ends 2026-11-01 00:00 CET = 2026-10-31T23:00Z.
    expect(uppfoljningDeadline("2026-08-31").dueAt.toISOString()).toBe("2026-10-31T23:00:00.000Z");
  });
});

describe("daysBetween", () => {
  it("is zero for the same date and signed otherwise", () => {
    expect(daysBetween("2026-05-10", "2026-05-10")).toBe(0);
    expect(daysBetween("2026-05-10", "2026-05-24")).toBe(14);
    expect(daysBetween("2026-05-24", "2026-05-10")).toBe(-14);
  });

  it("counts calendar days across month ends, leap days and the year", () => {
    expect(daysBetween("2026-01-31", "2026-03-01")).toBe(29);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
    expect(daysBetween("2000-02-28", "2000-03-01")).toBe(2);
    expect(daysBetween("2100-02-28", "2100-03-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("is not disturbed by the 23- and 25-hour days of daylight saving", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
  });

  it("is the inverse of addCalendarDays", () => {
    for (const n of [-400, -31, -1, 0, 1, 14, 29, 366, 1000]) {
      expect(daysBetween("2026-03-29", addCalendarDays("2026-03-29", n))).toBe(n);
    }
  });
});

describe("clockState", () => {
  // Received 2026-02-24: due 2026-03-10, clock runs out at 2026-03-11 00:00 CET = 2026-03-10T23:00Z.
  const deadline = forhandsbedomningDeadline(at("2026-02-24T09:00:00Z"));
  const dueAt = deadline.dueAt;

  it("uses the deadline under test", () => {
    expect(deadline.dueDate).toBe("2026-03-10");
    expect(dueAt.toISOString()).toBe("2026-03-10T23:00:00.000Z");
  });

  it("is due well before the deadline", () => {
    expect(clockState({ deadline, now: at("2026-02-24T09:00:00Z") })).toEqual({ state: "due", daysLeft: 14 });
  });

  it("is due four days before and due_soon three days before (default window 3 days)", () => {
    // 2026-03-06 23:59:59.999 CET: 4 days left.
    expect(clockState({ deadline, now: at("2026-03-06T22:59:59.999Z") })).toEqual({ state: "due", daysLeft: 4 });
    // 2026-03-07 00:00 CET: 3 days left.
    expect(clockState({ deadline, now: at("2026-03-06T23:00:00Z") })).toEqual({ state: "due_soon", daysLeft: 3 });
    expect(clockState({ deadline, now: at("2026-03-08T12:00:00Z") })).toEqual({ state: "due_soon", daysLeft: 2 });
  });

  it("counts days left by the Stockholm date, not the UTC date", () => {
    // 2026-03-06T23:30Z is still March 6 in UTC but March 7 in Stockholm.
    expect(clockState({ deadline, now: at("2026-03-06T23:30:00Z") }).daysLeft).toBe(3);
  });

  it("is due_soon up to the last millisecond of the due day", () => {
    expect(clockState({ deadline, now: shift(dueAt, -1) })).toEqual({ state: "due_soon", daysLeft: 0 });
  });

  it("is overdue exactly when the due day has ended and after", () => {
    expect(clockState({ deadline, now: dueAt })).toEqual({ state: "overdue", daysLeft: -1 });
    expect(clockState({ deadline, now: shift(dueAt, 1) })).toEqual({ state: "overdue", daysLeft: -1 });
    expect(clockState({ deadline, now: at("2026-03-15T12:00:00Z") })).toEqual({ state: "overdue", daysLeft: -5 });
  });

  it("honours a configurable due-soon window", () => {
    // Window 0: only the due day itself is due_soon.
    expect(clockState({ deadline, now: at("2026-03-09T12:00:00Z"), dueSoonDays: 0 })).toEqual({ state: "due", daysLeft: 1 });
    expect(clockState({ deadline, now: at("2026-03-10T12:00:00Z"), dueSoonDays: 0 })).toEqual({
      state: "due_soon",
      daysLeft: 0,
    });
    // Window 7: 7 days left is due_soon, 8 is due.
    expect(clockState({ deadline, now: at("2026-03-03T12:00:00Z"), dueSoonDays: 7 })).toEqual({
      state: "due_soon",
      daysLeft: 7,
    });
    expect(clockState({ deadline, now: at("2026-03-02T12:00:00Z"), dueSoonDays: 7 })).toEqual({ state: "due", daysLeft: 8 });
    // The window does not hold back overdue.
    expect(clockState({ deadline, now: dueAt, dueSoonDays: 30 })).toEqual({ state: "overdue", daysLeft: -1 });
  });

  it("is met when completed on or before the due day, whatever now is", () => {
    expect(clockState({ deadline, completedAt: at("2026-03-05T10:00:00Z"), now: at("2026-04-01T10:00:00Z") })).toEqual({
      state: "met",
      daysLeft: 5,
    });
    expect(clockState({ deadline, completedAt: shift(dueAt, -1), now: at("2026-04-01T10:00:00Z") })).toEqual({
      state: "met",
      daysLeft: 0,
    });
  });

  it("is met_late when completed when the due day has ended or after", () => {
    expect(clockState({ deadline, completedAt: dueAt, now: at("2026-04-01T10:00:00Z") })).toEqual({
      state: "met_late",
      daysLeft: -1,
    });
    expect(clockState({ deadline, completedAt: shift(dueAt, 1), now: shift(dueAt, 1) })).toEqual({
      state: "met_late",
      daysLeft: -1,
    });
    expect(clockState({ deadline, completedAt: at("2026-03-20T10:00:00Z"), now: at("2026-03-21T10:00:00Z") })).toEqual({
      state: "met_late",
      daysLeft: -10,
    });
  });

  it("treats a null completedAt as not completed", () => {
    expect(clockState({ deadline, completedAt: null, now: at("2026-03-15T12:00:00Z") })).toEqual({
      state: "overdue",
      daysLeft: -5,
    });
    expect(clockState({ deadline, completedAt: null, now: at("2026-02-25T12:00:00Z") })).toEqual({
      state: "due",
      daysLeft: 13,
    });
  });

  it("works on a skyddsbedömning clock around the 24-hour instant", () => {
    // Received 2026-03-28 10:00 CET; runs out 2026-03-29T09:00Z (11:00 CEST).
    const skydd = skyddsbedomningDeadline(at("2026-03-28T09:00:00Z"));
    expect(clockState({ deadline: skydd, now: at("2026-03-28T09:00:00Z") })).toEqual({ state: "due_soon", daysLeft: 1 });
    expect(clockState({ deadline: skydd, now: shift(skydd.dueAt, -1) })).toEqual({ state: "due_soon", daysLeft: 0 });
    expect(clockState({ deadline: skydd, now: shift(skydd.dueAt, 1) })).toEqual({ state: "overdue", daysLeft: 0 });
    expect(clockState({ deadline: skydd, completedAt: shift(skydd.dueAt, -1), now: shift(skydd.dueAt, 1) }).state).toBe("met");
    expect(clockState({ deadline: skydd, completedAt: shift(skydd.dueAt, 1), now: shift(skydd.dueAt, 1) }).state).toBe(
      "met_late",
    );
  });

  it("counts the 24th hour itself as in time: 'at the latest 24 hours after receipt'", () => {
    const skydd = skyddsbedomningDeadline(at("2026-03-28T09:00:00Z"));
    expect(clockState({ deadline: skydd, completedAt: skydd.dueAt, now: skydd.dueAt })).toEqual({ state: "met", daysLeft: 0 });
    expect(clockState({ deadline: skydd, now: skydd.dueAt }).state).toBe("due_soon");
  });

  it("works on an utredning clock ending on a daylight-saving day", () => {
    // Opened 2026-06-25: due 2026-10-25, runs out 2026-10-26 00:00 CET = 2026-10-25T23:00Z.
    const utredning = utredningDeadline("2026-06-25");
    expect(clockState({ deadline: utredning, now: at("2026-10-25T22:59:59.999Z") })).toEqual({
      state: "due_soon",
      daysLeft: 0,
    });
    expect(clockState({ deadline: utredning, now: at("2026-10-25T23:00:00Z") })).toEqual({ state: "overdue", daysLeft: -1 });
    expect(stockholmDate(at("2026-10-25T22:59:59.999Z"))).toBe("2026-10-25");
  });
});

describe("median", () => {
  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });

  it("is the value itself for one value", () => {
    expect(median([7])).toBe(7);
  });

  it("is the middle value of an odd count", () => {
    // sorted [1, 2, 3]: rank 0.5 × 2 = 1 → 2
    expect(median([3, 1, 2])).toBe(2);
  });

  it("is the mean of the two middle values of an even count", () => {
    // sorted [1, 2, 3, 4]: rank 0.5 × 3 = 1.5 → 2 + (3 − 2) × 0.5 = 2.5
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // sorted [2, 14]: rank 0.5 → 2 + 12 × 0.5 = 8
    expect(median([14, 2])).toBe(8);
  });

  it("sorts numerically, not as strings", () => {
    // numeric [9, 10, 100] → 10; a string sort would give [10, 100, 9] → 100.
    expect(median([10, 9, 100])).toBe(10);
  });

  it("handles negative values and duplicates", () => {
    expect(median([-5, -1, -3])).toBe(-3);
    expect(median([5, 5, 5, 5])).toBe(5);
  });
});

describe("percentile", () => {
  it("is null for no values", () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([], 0)).toBeNull();
  });

  it("is the value itself for one value at any p", () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([7], 100)).toBe(7);
  });

  it("is the minimum at p = 0 and the maximum at p = 100", () => {
    expect(percentile([8, 3, 5], 0)).toBe(3);
    expect(percentile([8, 3, 5], 100)).toBe(8);
  });

  it("interpolates the 90th percentile linearly between closest ranks", () => {
    // 1..10: rank 0.9 × 9 = 8.1 → sorted[8] = 9, sorted[9] = 10 → 9 + 1 × 0.1 = 9.1
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90)).toBeCloseTo(9.1, 10);
    // [10, 20, 30, 40, 50]: rank 0.9 × 4 = 3.6 → 40 + 10 × 0.6 = 46
    expect(percentile([50, 10, 40, 20, 30], 90)).toBeCloseTo(46, 10);
    // [2, 14]: rank 0.9 × 1 = 0.9 → 2 + 12 × 0.9 = 12.8
    expect(percentile([14, 2], 90)).toBeCloseTo(12.8, 10);
    // [1, 2, 3, 4] (even count): rank 0.9 × 3 = 2.7 → 3 + 1 × 0.7 = 3.7
    expect(percentile([4, 3, 2, 1], 90)).toBeCloseTo(3.7, 10);
  });

  it("lands exactly on a value when the rank is whole", () => {
    // 11 values 0..100 step 10: rank 0.9 × 10 = 9 → sorted[9] = 90
    expect(percentile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBeCloseTo(90, 10);
    // [1, 2, 3, 4, 5]: p25 rank 0.25 × 4 = 1 → 2
    expect(percentile([5, 4, 3, 2, 1], 25)).toBe(2);
  });

  it("interpolates other percentiles", () => {
    // [1, 2, 3, 4]: p25 rank 0.25 × 3 = 0.75 → 1 + 1 × 0.75 = 1.75
    expect(percentile([1, 2, 3, 4], 25)).toBe(1.75);
    // [1, 2, 3, 4]: p75 rank 0.75 × 3 = 2.25 → 3 + 1 × 0.25 = 3.25
    expect(percentile([1, 2, 3, 4], 75)).toBe(3.25);
  });

  it("sorts numerically and leaves the input untouched", () => {
    const values = [100, 9, 10, 1];
    // sorted [1, 9, 10, 100]: p90 rank 2.7 → 10 + 90 × 0.7 = 73
    expect(percentile(values, 90)).toBeCloseTo(73, 10);
    expect(values).toEqual([100, 9, 10, 1]);
  });
});
