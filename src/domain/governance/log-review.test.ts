import { describe, expect, it } from "vitest";
import {
  type AccessRow,
  DEFAULT_FLAG_OPTIONS,
  drawReview,
  easterSunday,
  flagAccessRows,
  hasCaseRelation,
  isPersonAccess,
  monthBounds,
  outsideWorkingHours,
  type PersonRelations,
} from "./log-review";

const D1 = "district-1";
const D2 = "district-2";
/** A plain, unremarkable read: a Tuesday at 10:00 Stockholm time, own district, with a case. */
const row = (over: Partial<AccessRow> = {}): AccessRow => ({
  id: "1",
  at: new Date("2025-03-11T09:00:00Z"),
  userId: "u1",
  action: "person.read",
  personId: "p1",
  personDistrictId: D1,
  personProtected: false,
  readerDistrictIds: [D1],
  hasCaseRelation: true,
  sharedWithReader: false,
  ...over,
});
const flagsOf = (rows: AccessRow[], id = "1") => flagAccessRows(rows).get(id)?.flags ?? [];

describe("log flag rules", () => {
  it("flags nothing on an ordinary read", () => {
    expect(flagsOf([row()])).toEqual([]);
  });

  it("flags a read of a person with protected identity", () => {
    expect(flagsOf([row({ personProtected: true })])).toEqual(["protected_identity"]);
  });

  it("flags another district's person, unless the person is shared with the reader", () => {
    expect(flagsOf([row({ personDistrictId: D2 })])).toEqual(["other_district"]);
    expect(flagsOf([row({ personDistrictId: D2, sharedWithReader: true })])).toEqual([]);
    expect(flagsOf([row({ personDistrictId: D2, readerDistrictIds: [D1, D2] })])).toEqual([]);
  });

  it("flags a person read by someone with no case on them", () => {
    expect(flagsOf([row({ hasCaseRelation: false })])).toEqual(["no_case_relation"]);
  });

  it("lists several flags in order of seriousness", () => {
    const r = row({ personProtected: true, hasCaseRelation: false, at: new Date("2025-03-11T22:00:00Z") });
    expect(flagsOf([r])).toEqual(["protected_identity", "no_case_relation", "outside_hours"]);
  });

  it("leaves list and search results and the log review's own reads alone", () => {
    expect(isPersonAccess("person.search_result")).toBe(false);
    expect(isPersonAccess("case.list_result")).toBe(false);
    expect(isPersonAccess("logreview.read")).toBe(false);
    expect(isPersonAccess("case.read")).toBe(true);
    expect(flagsOf([row({ action: "person.search_result", personProtected: true })])).toEqual([]);
  });
});

describe("working hours, Stockholm time", () => {
  const outside = (iso: string) => outsideWorkingHours(new Date(iso));
  it("ends at 19:00 sharp in winter (UTC+1)", () => {
    // Friday 28 March 2025, still standard time.
    expect(outside("2025-03-28T17:59:59Z")).toBe(false); // 18:59:59
    expect(outside("2025-03-28T18:00:00Z")).toBe(true); // 19:00:00
  });
  it("ends at 19:00 sharp in summer (UTC+2), the day after the change", () => {
    // Monday 31 March 2025: summer time since 30 March 02:00.
    expect(outside("2025-03-31T16:59:59Z")).toBe(false); // 18:59:59
    expect(outside("2025-03-31T17:00:00Z")).toBe(true); // 19:00:00
    expect(outside("2025-03-31T18:00:00Z")).toBe(true); // 20:00
  });
  it("begins at 07:00, on both sides of the change back in October", () => {
    // Friday 24 October 2025 (UTC+2) and Monday 27 October 2025 (UTC+1).
    expect(outside("2025-10-24T04:59:59Z")).toBe(true); // 06:59:59
    expect(outside("2025-10-24T05:00:00Z")).toBe(false); // 07:00
    expect(outside("2025-10-27T05:59:59Z")).toBe(true); // 06:59:59
    expect(outside("2025-10-27T06:00:00Z")).toBe(false); // 07:00
  });
  it("counts the night of the change itself as outside", () => {
    expect(outside("2025-03-30T01:30:00Z")).toBe(true); // Sunday 03:30 CEST
  });
  it("counts weekends and Swedish public holidays as outside", () => {
    expect(outside("2025-03-29T11:00:00Z")).toBe(true); // Saturday noon
    expect(outside("2025-04-18T10:00:00Z")).toBe(true); // Långfredag 2025
    expect(outside("2025-04-21T10:00:00Z")).toBe(true); // Annandag påsk
    expect(outside("2025-05-29T10:00:00Z")).toBe(true); // Kristi himmelsfärd
    expect(outside("2025-06-20T10:00:00Z")).toBe(true); // Midsommarafton
    expect(outside("2025-12-24T10:00:00Z")).toBe(true); // Julafton
    expect(outside("2025-04-22T10:00:00Z")).toBe(false); // an ordinary Tuesday
    expect(outsideWorkingHours(new Date("2025-04-18T10:00:00Z"), { ...DEFAULT_FLAG_OPTIONS, holidaysOff: false })).toBe(false);
  });
  it("finds Easter", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
  });
  it("flags a read at 19:00 and not at 18:59", () => {
    expect(flagsOf([row({ at: new Date("2025-03-31T17:00:00Z") })])).toEqual(["outside_hours"]);
    expect(flagsOf([row({ at: new Date("2025-03-31T16:59:00Z") })])).toEqual([]);
  });
});

describe("many persons in a short time", () => {
  const start = Date.parse("2025-03-11T08:00:00Z");
  const reads = (n: number, stepMs: number, user = "u1") =>
    Array.from({ length: n }, (_, i) =>
      row({ id: `${user}-${i}`, userId: user, personId: `p${i}`, at: new Date(start + i * stepMs) }),
    );

  it("flags the read at which more than 50 distinct persons have been opened within an hour", () => {
    const rows = reads(51, 60_000);
    const flags = flagAccessRows(rows);
    const many = [...flags.entries()].filter(([, f]) => f.flags.includes("many_persons"));
    expect(many.map(([id]) => id)).toEqual(["u1-50"]);
    expect(many[0]?.[1].burst?.persons).toBe(51);
  });

  it("does not flag 50 persons, nor 51 spread over more than an hour", () => {
    expect([...flagAccessRows(reads(50, 60_000)).values()].some((f) => f.flags.includes("many_persons"))).toBe(false);
    // 51 reads 72 s apart span exactly 60 minutes: the first has left the window when the last comes.
    expect([...flagAccessRows(reads(51, 72_000)).values()].some((f) => f.flags.includes("many_persons"))).toBe(false);
  });

  it("counts persons, not reads: the same person opened again and again is one", () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      row({ id: `r${i}`, personId: `p${i % 10}`, at: new Date(start + i * 1000) }),
    );
    expect([...flagAccessRows(rows).values()].some((f) => f.flags.includes("many_persons"))).toBe(false);
  });

  it("flags once per burst and keeps readers apart", () => {
    const rows = [...reads(120, 10_000, "u1"), ...reads(30, 10_000, "u2")];
    const many = [...flagAccessRows(rows).entries()].filter(([, f]) => f.flags.includes("many_persons")).map(([id]) => id);
    expect(many).toEqual(["u1-50"]);
  });
});

describe("case relation", () => {
  const none: PersonRelations = {
    assignedUserIds: [],
    caseUnitIds: [],
    providerUnitIds: [],
    sharedUserIds: [],
    sharedUnitIds: [],
  };
  const reader = { userId: "u1", unitIds: ["unit-a"] };
  it("is the case's handläggare, a unit with a case or uppdrag, or a share", () => {
    expect(hasCaseRelation(reader, none)).toBe(false);
    expect(hasCaseRelation(reader, { ...none, assignedUserIds: ["u1"] })).toBe(true);
    expect(hasCaseRelation(reader, { ...none, caseUnitIds: ["unit-a"] })).toBe(true);
    expect(hasCaseRelation(reader, { ...none, providerUnitIds: ["unit-a"] })).toBe(true);
    expect(hasCaseRelation(reader, { ...none, sharedUserIds: ["u1"] })).toBe(true);
    expect(hasCaseRelation(reader, { ...none, sharedUnitIds: ["unit-a"] })).toBe(true);
    expect(hasCaseRelation(reader, { ...none, assignedUserIds: ["u2"], caseUnitIds: ["unit-b"] })).toBe(false);
  });
});

describe("the monthly draw", () => {
  const frame = Array.from({ length: 300 }, (_, i) =>
    row({
      id: String(i),
      userId: `u${i % 7}`,
      personId: `p${i % 40}`,
      at: new Date(Date.parse("2025-03-03T08:00:00Z") + i * 3_600_000 * 2),
      personProtected: i % 50 === 0,
    }),
  );
  const options = { seed: "vx-2025-03", rowSample: 10, userSample: 2, maxFlagged: 1000 };

  it("is reproducible: the same seed and frame give the same items, in any read order", () => {
    const a = drawReview(frame, options);
    const b = drawReview([...frame].reverse(), options);
    expect(b.rows.map((r) => r.row.id)).toEqual(a.rows.map((r) => r.row.id));
    expect(b.users).toEqual(a.users);
    const c = drawReview(frame, { ...options, seed: "another" });
    expect(c.rows.filter((r) => r.random).map((r) => r.row.id)).not.toEqual(a.rows.filter((r) => r.random).map((r) => r.row.id));
  });

  it("takes every flagged row and a random sample of the rest, and readers", () => {
    const d = drawReview(frame, options);
    const flagged = d.rows.filter((r) => r.flagged);
    expect(flagged.length).toBe(d.frame.flagged);
    expect(flagged.every((r) => r.flags.length > 0)).toBe(true);
    expect(d.rows.filter((r) => r.random)).toHaveLength(10);
    expect(new Set(d.rows.map((r) => r.row.id)).size).toBe(d.rows.length);
    expect(d.users).toHaveLength(2);
    expect(d.flaggedLeftOut).toBe(0);
  });

  it("keeps the most serious flagged rows when there are more than the limit, and says how many were left out", () => {
    const d = drawReview(frame, { ...options, maxFlagged: 6 });
    const kept = d.rows.filter((r) => r.flagged);
    expect(kept).toHaveLength(6);
    expect(kept.every((r) => r.flags[0] === "protected_identity")).toBe(true);
    expect(d.flaggedLeftOut).toBe(d.frame.flagged - 6);
  });

  it("takes all and says so when the frame is smaller than the sample", () => {
    const d = drawReview(frame.slice(0, 3), { ...options, rowSample: 50, userSample: 50 });
    expect(d.rowSampleTookAll).toBe(true);
    expect(d.userSampleTookAll).toBe(true);
  });

  it("bounds a month in Stockholm days", () => {
    expect(monthBounds("2025-12")).toEqual({ from: "2025-12-01", to: "2026-01-01" });
    expect(monthBounds("2025-03")).toEqual({ from: "2025-03-01", to: "2025-04-01" });
  });
});
