import { describe, expect, it } from "vitest";
import {
  barnetsSynInsats,
  beslutInleda,
  effectiveVerdict,
  evaluateInsats,
  evaluateInvestigation,
  forhandsbedomning,
  genomforandeplan,
  type InsatsFile,
  type InvestigationFile,
  koppling,
  overvagande,
  skyddsbedomning,
  struktureradBedomning,
  summarise,
  uppfoljning,
  utredningstid,
  vardplan,
  verkstallighet,
} from "./criteria";
import { CRITERIA, citation, criteriaOf } from "./definitions";

const at = (iso: string) => new Date(iso);
const LATER = at("2026-06-01T12:00:00Z");
const INV = "00000000-0000-4000-8000-000000000001";

/** An investigation opened 2024-03-01 from a report received 2024-02-20 09:00 UTC, completed in time. */
function investigation(
  over: Partial<InvestigationFile> = {},
  inv: Partial<InvestigationFile["investigation"]> = {},
): InvestigationFile {
  const receivedAt = at("2024-02-20T09:00:00Z");
  return {
    investigation: {
      id: INV,
      openedOn: "2024-03-01",
      completedOn: "2024-06-01",
      noAssessmentReason: null,
      noAssessmentNote: null,
      ...inv,
    },
    openingDecision: {
      id: "dec-open",
      type: "inleda_utredning",
      decidedAt: at("2024-03-01T10:00:00Z"),
      reason: "Behöver utredas",
    },
    extensions: [],
    reports: [
      {
        id: "rep-1",
        receivedAt,
        concerns: ["brott"],
        protection: { assessedAt: at("2024-02-20T15:00:00Z") },
        pre: { decidedAt: at("2024-03-01T10:00:00Z"), outcome: "inleda", investigationId: INV, linkedInvestigationId: null },
      },
    ],
    signedAssessments: [{ id: "ass-1", signedAt: at("2024-05-01T10:00:00Z") }],
    lvuProcesses: [],
    ...over,
  };
}

/** One report of the file, with its timings changed. */
function withReport(r: Partial<InvestigationFile["reports"][number]>): InvestigationFile {
  const base = investigation();
  return { ...base, reports: [{ ...(base.reports[0] as InvestigationFile["reports"][number]), ...r }] };
}

describe("skyddsbedömning within 24 hours", () => {
  const receivedAt = at("2024-02-20T09:00:00Z");
  it("is met at exactly 24 hours", () => {
    const r = skyddsbedomning(withReport({ receivedAt, protection: { assessedAt: at("2024-02-21T09:00:00Z") } }), LATER);
    expect(r.verdict).toBe("met");
    expect(r.ref).toEqual({ type: "report", id: "rep-1", date: "2024-02-20" });
    expect(r.law).toBe("11 kap. 1 a § SoL (2001:453)");
  });
  it("is not met one millisecond later", () => {
    const r = skyddsbedomning(withReport({ receivedAt, protection: { assessedAt: at("2024-02-21T09:00:00.001Z") } }), LATER);
    expect(r.verdict).toBe("not_met");
  });
  it("is not met when no assessment was made and the time has run out", () => {
    expect(skyddsbedomning(withReport({ protection: null }), LATER).verdict).toBe("not_met");
  });
  it("is not applicable while the 24 hours still run", () => {
    const r = skyddsbedomning(withReport({ receivedAt, protection: null }), at("2024-02-20T20:00:00Z"));
    expect(r.verdict).toBe("not_applicable");
  });
  it("checks every report of the file, resting on the one that missed", () => {
    const base = investigation();
    const late = {
      id: "rep-2",
      receivedAt: at("2024-04-01T08:00:00Z"),
      concerns: [],
      protection: { assessedAt: at("2024-04-03T08:00:00Z") },
      pre: { decidedAt: at("2024-04-05T08:00:00Z"), outcome: "koppla", investigationId: null, linkedInvestigationId: INV },
    };
    const r = skyddsbedomning({ ...base, reports: [...base.reports, late] }, LATER);
    expect(r.verdict).toBe("not_met");
    expect(r.ref?.id).toBe("rep-2");
    expect(r.detail.sv).toContain("1 av 2");
  });
});

describe("förhandsbedömning within 14 days", () => {
  // Received 1 March 2024 at 10:00 Swedish time (winter, UTC+1): day 14 is 15 March.
  const receivedAt = at("2024-03-01T09:00:00Z");
  const pre = (decidedAt: string) => ({
    decidedAt: at(decidedAt),
    outcome: "inleda",
    investigationId: INV,
    linkedInvestigationId: null,
  });
  it("is met on day 14 at 23:59 Swedish time", () => {
    expect(forhandsbedomning(withReport({ receivedAt, pre: pre("2024-03-15T22:59:00Z") }), LATER).verdict).toBe("met");
  });
  it("is not met at midnight starting day 15, Swedish time", () => {
    const r = forhandsbedomning(withReport({ receivedAt, pre: pre("2024-03-15T23:00:00Z") }), LATER);
    expect(r.verdict).toBe("not_met");
    expect(r.detail.sv).toContain("synnerliga skäl");
  });
  it("counts Swedish summer time: day 14 at 23:59 is 21:59 UTC", () => {
    const summer = at("2024-06-01T08:00:00Z");
    expect(forhandsbedomning(withReport({ receivedAt: summer, pre: pre("2024-06-15T21:59:00Z") }), LATER).verdict).toBe("met");
    expect(forhandsbedomning(withReport({ receivedAt: summer, pre: pre("2024-06-15T22:00:00Z") }), LATER).verdict).toBe(
      "not_met",
    );
  });
  it("is not met without a förhandsbedömning once the 14 days are over", () => {
    const base = investigation();
    const undecided = {
      id: "rep-2",
      receivedAt: at("2024-04-01T08:00:00Z"),
      concerns: [],
      protection: { assessedAt: at("2024-04-01T09:00:00Z") },
      pre: null,
    };
    const r = forhandsbedomning({ ...base, reports: [...base.reports, undecided] }, LATER);
    expect(r).toMatchObject({ verdict: "not_met", ref: { type: "report", id: "rep-2" } });
  });
});

describe("documented decision to open", () => {
  it("is met with an inleda decision that has reasons", () => {
    const r = beslutInleda(investigation());
    expect(r).toMatchObject({ verdict: "met", ref: { type: "decision", id: "dec-open", date: "2024-03-01" } });
  });
  it("is not met without the decision", () => {
    expect(beslutInleda(investigation({ openingDecision: null })).verdict).toBe("not_met");
  });
  it("is not met with a decision of another type or without reasons", () => {
    const d = { id: "d", type: "bistand", decidedAt: at("2024-03-01T10:00:00Z"), reason: "x" };
    expect(beslutInleda(investigation({ openingDecision: d })).verdict).toBe("not_met");
    expect(beslutInleda(investigation({ openingDecision: { ...d, type: "inleda_utredning", reason: "  " } })).verdict).toBe(
      "not_met",
    );
  });
});

describe("linking to the ongoing investigation", () => {
  const during = (pre: InvestigationFile["reports"][number]["pre"]) => {
    const base = investigation();
    return {
      ...base,
      reports: [
        ...base.reports,
        {
          id: "rep-2",
          receivedAt: at("2024-04-01T08:00:00Z"),
          concerns: [],
          protection: { assessedAt: at("2024-04-01T09:00:00Z") },
          pre,
        },
      ],
    };
  };
  it("is not applicable when no report came in during the investigation", () => {
    expect(koppling(investigation(), LATER).verdict).toBe("not_applicable");
  });
  it("is met when the report was linked to it", () => {
    const r = koppling(
      during({ decidedAt: at("2024-04-02T08:00:00Z"), outcome: "koppla", investigationId: null, linkedInvestigationId: INV }),
      LATER,
    );
    expect(r).toMatchObject({ verdict: "met", ref: { type: "report", id: "rep-2" } });
  });
  it("is not met when a report during the investigation was decided otherwise or not at all", () => {
    expect(
      koppling(
        during({
          decidedAt: at("2024-04-02T08:00:00Z"),
          outcome: "inte_inleda",
          investigationId: null,
          linkedInvestigationId: null,
        }),
        LATER,
      ).verdict,
    ).toBe("not_met");
    expect(koppling(during(null), LATER).verdict).toBe("not_met");
  });
  it("ignores reports after the investigation was completed", () => {
    const base = investigation();
    const after = { id: "rep-3", receivedAt: at("2024-07-01T08:00:00Z"), concerns: [], protection: null, pre: null };
    expect(koppling({ ...base, reports: [...base.reports, after] }, LATER).verdict).toBe("not_applicable");
  });
});

describe("utredning within 4 months or a förlängning in time", () => {
  // Opened 2024-01-10: the statutory last day is 2024-05-10 (summer time, UTC+2, from 31 March).
  const opened = { openedOn: "2024-01-10", completedOn: "2024-06-01" };
  it("is met when completed on the last day", () => {
    expect(utredningstid(investigation({}, { openedOn: "2024-01-10", completedOn: "2024-05-10" }), LATER).verdict).toBe("met");
  });
  it("is not met when completed the day after without a förlängning", () => {
    const r = utredningstid(investigation({}, { openedOn: "2024-01-10", completedOn: "2024-05-11" }), LATER);
    expect(r).toMatchObject({ verdict: "not_met", ref: { type: "investigation", id: INV } });
    expect(r.law).toBe("11 kap. 2 § SoL (2001:453)");
  });
  it("is met with a förlängning decided on the last day at 23:00 Swedish time", () => {
    const ext = { id: "ext-1", decidedAt: at("2024-05-10T21:00:00Z"), newEndDate: "2024-06-10" };
    expect(utredningstid(investigation({ extensions: [ext] }, opened), LATER).verdict).toBe("met");
  });
  it("is not met with a förlängning decided after the last day, resting on that decision", () => {
    const ext = { id: "ext-late", decidedAt: at("2024-05-11T06:00:00Z"), newEndDate: "2024-06-10" };
    const r = utredningstid(investigation({ extensions: [ext] }, opened), LATER);
    expect(r.verdict).toBe("not_met");
    expect(r.ref).toEqual({ type: "decision", id: "ext-late", date: "2024-05-11" });
    expect(r.detail.sv).toContain("efter slutdagen 2024-05-10");
  });
  it("is not met when still running after the last day, and not applicable before it", () => {
    const running = investigation({}, { openedOn: "2024-01-10", completedOn: null });
    expect(utredningstid(running, LATER).verdict).toBe("not_met");
    expect(utredningstid(running, at("2024-04-01T10:00:00Z")).verdict).toBe("not_applicable");
  });
});

describe("structured assessment or a documented reason", () => {
  it("is met with a signed assessment", () => {
    expect(struktureradBedomning(investigation(), LATER)).toMatchObject({
      verdict: "met",
      ref: { type: "assessment", id: "ass-1" },
    });
  });
  it("is met with a documented reason, and shows it", () => {
    const r = struktureradBedomning(
      investigation(
        { signedAssessments: [] },
        { noAssessmentReason: "ingen_utbildad_personal", noAssessmentNote: "Ingen utbildad i SAVRY" },
      ),
      LATER,
    );
    expect(r.verdict).toBe("met");
    expect(r.detail.sv).toContain("Ingen utbildad bedömare tillgänglig: Ingen utbildad i SAVRY");
  });
  it("is not met for a completed crime investigation with neither", () => {
    expect(struktureradBedomning(investigation({ signedAssessments: [] }), LATER).verdict).toBe("not_met");
  });
  it("is not applicable when the reports concern neither crime nor violence", () => {
    const base = withReport({ concerns: ["skolfranvaro"] });
    expect(struktureradBedomning({ ...base, signedAssessments: [] }, LATER).verdict).toBe("not_applicable");
  });
  it("is not applicable while the investigation runs", () => {
    expect(struktureradBedomning(investigation({ signedAssessments: [] }, { completedOn: null }), LATER).verdict).toBe(
      "not_applicable",
    );
  });
});

describe("the whole utredning file", () => {
  it("gives one verdict per criterion of the kind, the judgement ones manual", () => {
    const results = evaluateInvestigation(investigation(), LATER);
    expect(results.map((r) => r.code)).toEqual(criteriaOf("utredning").map((c) => c.code));
    expect(results.filter((r) => r.verdict === "manual").map((r) => r.code)).toEqual([
      "barnets_syn_utredning",
      "analys_kvalitet",
    ]);
    for (const r of results)
      expect(CRITERIA[r.code].automatic).toBe(r.code !== "barnets_syn_utredning" && r.code !== "analys_kvalitet");
  });
});

// ── Insatser ─────────────────────────────────────────────────────────────────────────────────────

function insats(over: Partial<InsatsFile> = {}, i: Partial<InsatsFile["insats"]> = {}): InsatsFile {
  return {
    insats: {
      id: "ins-1",
      legalForm: "bistand",
      kind: "program",
      decidedOn: "2024-01-15",
      startedOn: "2024-02-01",
      endedOn: null,
      carePlanOn: null,
      notStartedReason: null,
      ...i,
    },
    planDueDays: 14,
    plans: [
      {
        id: "plan-1",
        version: 1,
        signedAt: at("2024-02-10T10:00:00Z"),
        followUpDays: ["2024-03-01", "2024-04-01"],
        youngPersonViews: "Vill gå i skolan",
      },
    ],
    followUps: [
      { id: "fu-1", dueOn: "2024-03-01", doneOn: "2024-03-01" },
      { id: "fu-2", dueOn: "2024-04-01", doneOn: "2024-03-28" },
    ],
    overvaganden: [],
    ...over,
  };
}

describe("verkställighet within 3 months", () => {
  it("is met when started on the last day (decision + 3 months)", () => {
    expect(verkstallighet(insats({}, { decidedOn: "2024-01-15", startedOn: "2024-04-15" }), LATER).verdict).toBe("met");
  });
  it("is not met when started the day after", () => {
    const r = verkstallighet(insats({}, { decidedOn: "2024-01-15", startedOn: "2024-04-16" }), LATER);
    expect(r.verdict).toBe("not_met");
    expect(r.law).toBe("16 kap. 6 f § SoL (2001:453)");
  });
  it("does not apply to care under LVU or a påföljd: no bistånd decision to carry out", () => {
    for (const legalForm of ["lvu", "pafoljd"]) {
      const r = verkstallighet(insats({}, { legalForm, startedOn: null }), LATER);
      expect(r.verdict, legalForm).toBe("not_applicable");
      expect(r.detail.sv).toContain("inget biståndsbeslut");
    }
  });
  it("counts months as the law does: 30 November → the end of February", () => {
    expect(verkstallighet(insats({}, { decidedOn: "2023-11-30", startedOn: "2024-02-29" }), LATER).verdict).toBe("met");
  });
  it("leaves it to the reviewer when late and the reason for the IVO report is documented", () => {
    const r = verkstallighet(insats({}, { startedOn: null, notStartedReason: "vantelista" }), LATER);
    expect(r.verdict).toBe("manual");
    expect(r.detail.sv).toContain("IVO");
  });
  it("is not applicable for a service without decision or while the time runs", () => {
    expect(verkstallighet(insats({}, { legalForm: "service" }), LATER).verdict).toBe("not_applicable");
    expect(verkstallighet(insats({}, { startedOn: null }), at("2024-03-01T10:00:00Z")).verdict).toBe("not_applicable");
  });
  it("cites the new law for a decision due after 2025-07-01", () => {
    const r = verkstallighet(insats({}, { decidedOn: "2025-06-01", startedOn: "2025-09-15" }), LATER);
    expect(r.verdict).toBe("not_met");
    expect(r.law).toContain("SoL (2025:400)");
  });
});

describe("genomförandeplan signed within the district's days", () => {
  it("is met when signed on day 14 after the start", () => {
    const plan = { id: "plan-1", version: 1, signedAt: at("2024-02-15T22:30:00Z"), followUpDays: [], youngPersonViews: "" };
    // 2024-02-15 23:30 Swedish time is day 14 after 2024-02-01.
    expect(genomforandeplan(insats({ plans: [plan] }), LATER)).toMatchObject({
      verdict: "met",
      ref: { type: "plan", id: "plan-1" },
    });
  });
  it("is not met when signed at 00:30 on day 15 Swedish time", () => {
    const plan = { id: "plan-1", version: 1, signedAt: at("2024-02-15T23:30:00Z"), followUpDays: [], youngPersonViews: "" };
    expect(genomforandeplan(insats({ plans: [plan] }), LATER).verdict).toBe("not_met");
  });
  it("uses the district's own number of days", () => {
    const plan = { id: "plan-1", version: 1, signedAt: at("2024-02-20T10:00:00Z"), followUpDays: [], youngPersonViews: "" };
    expect(genomforandeplan(insats({ plans: [plan], planDueDays: 21 }), LATER).verdict).toBe("met");
  });
  it("is not met without a signed plan once the time has run out", () => {
    const draft = { id: "plan-1", version: 1, signedAt: null, followUpDays: [], youngPersonViews: "" };
    expect(genomforandeplan(insats({ plans: [draft] }), LATER).verdict).toBe("not_met");
  });
  it("is not applicable before the start", () => {
    expect(genomforandeplan(insats({}, { startedOn: null }), LATER).verdict).toBe("not_applicable");
  });
});

describe("follow-ups on time", () => {
  it("is met when every passed follow-up day was followed up on or before it", () => {
    expect(uppfoljning(insats(), LATER).verdict).toBe("met");
  });
  it("is not met when a follow-up came late or not at all", () => {
    const late = insats({ followUps: [{ id: "fu-1", dueOn: "2024-03-01", doneOn: "2024-03-02" }] });
    const r = uppfoljning(late, LATER);
    expect(r.verdict).toBe("not_met");
    expect(r.ref).toMatchObject({ type: "follow_up", id: "fu-1" });
  });
  it("is not applicable while no follow-up day has passed", () => {
    expect(uppfoljning(insats({ followUps: [] }), at("2024-02-20T10:00:00Z")).verdict).toBe("not_applicable");
  });
  it("ignores follow-up days after the insats ended", () => {
    const ended = insats({ followUps: [{ id: "fu-1", dueOn: "2024-03-01", doneOn: "2024-03-01" }] }, { endedOn: "2024-03-15" });
    expect(uppfoljning(ended, LATER).verdict).toBe("met");
  });
});

describe("the child's view in the plan", () => {
  it("is met with the young person's views, not met without", () => {
    expect(barnetsSynInsats(insats(), LATER).verdict).toBe("met");
    const empty = insats({
      plans: [{ id: "plan-1", version: 1, signedAt: at("2024-02-10T10:00:00Z"), followUpDays: [], youngPersonViews: " " }],
    });
    expect(barnetsSynInsats(empty, LATER).verdict).toBe("not_met");
  });
});

describe("vårdplan before placement and övervägande every 6 months", () => {
  const placement = (i: Partial<InsatsFile["insats"]>, over: Partial<InsatsFile> = {}) =>
    insats(over, { kind: "placering_hvb", startedOn: "2024-01-10", ...i });
  it("vårdplan: met on the placement day, not met the day after or without", () => {
    expect(vardplan(placement({ carePlanOn: "2024-01-10" }), LATER).verdict).toBe("met");
    expect(vardplan(placement({ carePlanOn: "2024-01-11" }), LATER).verdict).toBe("not_met");
    expect(vardplan(placement({ carePlanOn: null }), LATER).verdict).toBe("not_met");
    expect(vardplan(insats(), LATER).verdict).toBe("not_applicable");
  });
  it("övervägande under SoL does not apply to a placement under LVU, which 13 § LVU governs", () => {
    const r = overvagande(placement({ legalForm: "lvu", startedOn: "2023-01-10" }), LATER);
    expect(r.verdict).toBe("not_applicable");
    expect(r.detail.sv).toContain("13 § LVU");
  });
  it("övervägande: met when each came within six months of the last", () => {
    const r = overvagande(
      placement(
        { endedOn: "2025-01-01" },
        {
          overvaganden: [
            { id: "o1", decidedOn: "2024-07-10" },
            { id: "o2", decidedOn: "2024-12-20" },
          ],
        },
      ),
      LATER,
    );
    expect(r).toMatchObject({ verdict: "met", ref: { type: "overvagande", id: "o2" } });
    expect(r.law).toBe("6 kap. 8 § SoL (2001:453)");
  });
  it("övervägande: not met when one came a day late", () => {
    const r = overvagande(placement({ endedOn: "2024-10-01" }, { overvaganden: [{ id: "o1", decidedOn: "2024-07-11" }] }), LATER);
    expect(r).toMatchObject({ verdict: "not_met", ref: { type: "overvagande", id: "o1" } });
  });
  it("övervägande: not met when the placement ran past the day without one", () => {
    expect(overvagande(placement({}), LATER).verdict).toBe("not_met");
  });
  it("övervägande: not applicable when the placement ended before the first was due", () => {
    expect(overvagande(placement({ endedOn: "2024-05-01" }), LATER).verdict).toBe("not_applicable");
  });
});

describe("the whole insats file and the reviewer's answers", () => {
  it("gives one verdict per insats criterion, the plan's quality manual", () => {
    const results = evaluateInsats(insats(), LATER);
    expect(results.map((r) => r.code)).toEqual(criteriaOf("insats").map((c) => c.code));
    expect(results.find((r) => r.code === "plan_kvalitet")?.verdict).toBe("manual");
  });
  it("an answer counts only where the system left the verdict to the reviewer", () => {
    expect(effectiveVerdict("manual", "not_met")).toBe("not_met");
    expect(effectiveVerdict("manual", null)).toBe("manual");
    expect(effectiveVerdict("met", "not_met")).toBe("met");
  });
  it("summarises the share met of those decided", () => {
    const s = summarise(
      ["skyddsbedomning"],
      [
        { verdicts: [{ code: "skyddsbedomning", verdict: "met" }] },
        { verdicts: [{ code: "skyddsbedomning", verdict: "not_met" }] },
        { verdicts: [{ code: "skyddsbedomning", verdict: "not_applicable" }] },
      ],
    );
    expect(s[0]).toEqual({ code: "skyddsbedomning", met: 1, notMet: 1, notApplicable: 1, manual: 0, share: 0.5 });
  });
});

describe("citations", () => {
  it("cite SoL (2001:453) before 2025-07-01 and the new law from that day", () => {
    expect(citation("utredningstid", "2025-06-30")).toBe("11 kap. 2 § SoL (2001:453)");
    expect(citation("utredningstid", "2025-07-01")).toBe("SoL (2025:400), motsvarande 11 kap. 2 § i SoL (2001:453)");
    expect(citation("strukturerad_bedomning", "2024-01-01")).not.toContain("SoL");
  });
});
