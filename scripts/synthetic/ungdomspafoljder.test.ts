import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/domain/clocks";
import { type EndReason, endProblem, progress, type Session, sessionProblem } from "../../src/domain/ungdomstjanst/ungdomstjanst";
import { Random } from "./random";
import { buildYouthSanctions } from "./ungdomspafoljder";

const today = "2025-06-30";
const yttranden = Array.from({ length: 400 }, (_, i) => ({
  caseId: `c${i}`,
  personId: `p${i}`,
  districtId: "d",
  requesterKind: "aklagare",
  requesterReference: "AM-1-25",
  offenceCategory: i % 2 ? "ran" : "stold_snatteri",
  askedOn: "2024-09-01",
  dueOn: "2024-09-20",
  proposedMeasure: i % 3 === 0 ? "inget_sarskilt_behov" : "ungdomstjanst",
  sentOn: addCalendarDays("2024-09-15", i % 200),
  createdBy: "u",
}));

describe("synthetic youth sanctions", () => {
  const rows = buildYouthSanctions({ rng: new Random(7), today, yttranden });

  it("the same seed gives the same rows", () => {
    expect(buildYouthSanctions({ rng: new Random(7), today, yttranden })).toEqual(rows);
  });

  it("every history keeps the rules the system enforces: judged hours, sessions after the judgment, completion when done", () => {
    expect(rows.judgments.length).toBeGreaterThan(100);
    expect(rows.misconduct.length).toBeGreaterThan(0);
    expect(rows.plans.length).toBeGreaterThan(0);
    for (const j of rows.judgments) {
      expect(j.hours).toBeGreaterThanOrEqual(20);
      expect(j.hours).toBeLessThanOrEqual(150);
      const sessions: Session[] = [];
      for (const s of rows.sessions.filter((x) => x.judgmentId === j.id)) {
        const next = { on: s.occurredOn, kind: s.kind, hours: s.minutes / 60, attendance: s.attendance } as Session;
        const judgment = { judgmentOn: j.judgmentOn, hours: j.hours, programmeHours: j.programmeHours, completedOn: null };
        expect(sessionProblem(judgment, sessions, next, today)).toBeNull();
        sessions.push(next);
      }
      const p = progress({ ...j, completedOn: j.completedOn ?? null }, sessions);
      expect(j.completedOn ? p.left : 0).toBe(0);
    }
    for (const i of rows.items) expect(i.followUpBy >= i.startsOn).toBe(true);
  });

  it("some who stopped coming are ended without completion, each as the system would accept it", () => {
    const ended = rows.judgments.filter((j) => j.endedOn);
    expect(ended.length).toBeGreaterThan(0);
    for (const j of ended) {
      const sessions = rows.sessions
        .filter((s) => s.judgmentId === j.id)
        .map((s) => ({ on: s.occurredOn, kind: s.kind, hours: s.minutes / 60, attendance: s.attendance }) as Session);
      const reports = rows.misconduct.filter((m) => m.judgmentId === j.id).map((m) => m.reportedOn);
      const judgment = { judgmentOn: j.judgmentOn, hours: j.hours, programmeHours: j.programmeHours, completedOn: null };
      const end = { on: j.endedOn as string, reason: j.endReason as EndReason };
      expect(endProblem(judgment, sessions, reports, end, today)).toBeNull();
      expect(j.completedOn ?? null).toBeNull();
    }
  });
});
