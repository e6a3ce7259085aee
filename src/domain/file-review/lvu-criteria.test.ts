import { describe, expect, it } from "vitest";
import type { LvuStep, RecordedStep } from "../lvu/process";
import { startOfStockholmDay } from "../time";
import { evaluateLvu, type LvuFileProcess, processesOfInvestigation } from "./lvu-criteria";

const noon = (day: string) => new Date(startOfStockholmDay(day).getTime() + 12 * 3_600_000);
const chair = { kind: "ordforande" as const, memberName: "Ordföranden" };
const namnd = { kind: "namnd" as const, paragraph: "§ 12" };

function process(steps: LvuStep[], id = "lvu-1"): LvuFileProcess {
  return {
    id,
    facts: { grounds: ["3"], behaviours: ["brottslig_verksamhet"], birthDate: "2008-05-05" },
    steps: steps.map((s, i): RecordedStep => ({ ...s, seq: i + 1 })),
  };
}

// Monday 2024-10-07: the chair takes the young person into care at once (6 §), carried out the same day.
const omhandertagen: LvuStep[] = [
  { kind: "omedelbart_beslut", decidedAt: noon("2024-10-07"), maker: chair, reason: "Akut risk" },
  { kind: "verkstallt", on: "2024-10-07" },
];
const verdicts = (steps: LvuStep[], asOf: string) =>
  Object.fromEntries(evaluateLvu([process(steps)], noon(asOf), "2024-10-01").map((r) => [r.code, r]));

describe("7 § LVU: underställning within one week", () => {
  it("is met on the same weekday a week after the decision, and cites 7 §", () => {
    const r = verdicts([...omhandertagen, { kind: "understalld", on: "2024-10-14" }], "2024-10-20").lvu_understallning;
    expect(r?.verdict).toBe("met");
    expect(r?.ref).toEqual({ type: "lvu_process", id: "lvu-1", date: "2024-10-14" });
    expect(r?.law).toBe("7 § första stycket LVU (1990:52)");
  });
  it("is not met a day later, and not met when nothing was submitted once the week is out", () => {
    expect(
      verdicts([...omhandertagen, { kind: "understalld", on: "2024-10-15" }], "2024-10-20").lvu_understallning?.verdict,
    ).toBe("not_met");
    expect(verdicts(omhandertagen, "2024-10-15").lvu_understallning?.verdict).toBe("not_met");
  });
  it("is not applicable while the week runs, and without an omedelbart omhändertagande", () => {
    expect(verdicts(omhandertagen, "2024-10-14").lvu_understallning?.verdict).toBe("not_applicable");
    expect(evaluateLvu([], noon("2024-10-20"), "2024-10-01").map((r) => r.verdict)).toEqual([
      "not_applicable",
      "not_applicable",
      "not_applicable",
      "not_applicable",
    ]);
  });
  it("leaves out steps dated after the review", () => {
    expect(
      verdicts([...omhandertagen, { kind: "understalld", on: "2024-10-14" }], "2024-10-10").lvu_understallning?.verdict,
    ).toBe("not_applicable");
  });
});

describe("8 § LVU: application within four weeks of the carrying out", () => {
  const submitted = (on: string): LvuStep[] => [
    ...omhandertagen,
    { kind: "understalld", on: "2024-10-09" },
    { kind: "understallning_provad", on: "2024-10-11", outcome: "faststallt" },
    { kind: "ansokan", decidedAt: noon("2024-10-31"), maker: namnd, submittedOn: on, reason: "Vård behövs" },
  ];
  it("is met on the last day and not met the day after", () => {
    expect(verdicts(submitted("2024-11-04"), "2024-12-01").lvu_ansokan?.verdict).toBe("met");
    const late = verdicts(submitted("2024-11-05"), "2024-12-01").lvu_ansokan;
    expect(late?.verdict).toBe("not_met");
    expect(late?.detail.sv).toContain("8 § LVU");
  });
  it("counts from the day the court extended the time to", () => {
    const steps: LvuStep[] = [
      ...omhandertagen,
      { kind: "understalld", on: "2024-10-09" },
      { kind: "ansokningstid_forlangd", on: "2024-10-30", until: "2024-11-15" },
      { kind: "ansokan", decidedAt: noon("2024-11-14"), maker: namnd, submittedOn: "2024-11-14", reason: "Vård behövs" },
    ];
    expect(verdicts(steps, "2024-12-01").lvu_ansokan?.verdict).toBe("met");
  });
});

describe("13 § LVU: prövning every six months", () => {
  const inCare: LvuStep[] = [
    { kind: "ansokan", decidedAt: noon("2024-10-31"), maker: namnd, submittedOn: "2024-11-01", reason: "Vård behövs" },
    { kind: "dom", on: "2024-11-20", outcome: "bifall", grounds: ["3"] },
    { kind: "laga_kraft", on: "2024-11-28" },
    { kind: "vard_paborjad", on: "2024-12-02" },
  ];
  const review = (day: string): LvuStep => ({
    kind: "overvagande",
    decidedAt: noon(day),
    maker: namnd,
    form: "provning",
    outcome: "fortsatt",
  });
  it("is met when each prövning came within six months of the last", () => {
    expect(verdicts([...inCare, review("2025-05-20")], "2025-08-01").lvu_overvagande?.verdict).toBe("met");
  });
  it("is not met when a prövning came late, or when six months passed without one", () => {
    expect(verdicts([...inCare, review("2025-06-10")], "2025-08-01").lvu_overvagande?.verdict).toBe("not_met");
    const missed = verdicts([...inCare, review("2025-05-20")], "2025-12-01").lvu_overvagande;
    expect(missed?.verdict).toBe("not_met");
    expect(missed?.ref?.date).toBe("2025-11-20");
  });
  it("is not applicable before the first is due", () => {
    expect(verdicts(inCare, "2025-03-01").lvu_overvagande?.verdict).toBe("not_applicable");
  });
  it("stops counting when care ended before the six months", () => {
    const ended: LvuStep = { kind: "upphorande", decidedAt: noon("2025-04-01"), maker: namnd, reason: "Behovet upphört" };
    expect(verdicts([...inCare, ended], "2025-12-01").lvu_overvagande?.verdict).toBe("not_applicable");
  });
});

describe("who decided: urgent decisions reported at the nämnd's next meeting", () => {
  const ansokan: LvuStep = {
    kind: "ansokan",
    decidedAt: noon("2024-10-31"),
    maker: namnd,
    submittedOn: "2024-11-01",
    reason: "Vård behövs",
  };
  it("is met when the chair's decision was reported before the nämnd next decided", () => {
    const r = verdicts(
      [...omhandertagen, { kind: "anmalt_till_namnd", on: "2024-10-15", decisionSeq: 1 }, ansokan],
      "2024-12-01",
    ).lvu_beslutsfattare;
    expect(r?.verdict).toBe("met");
    expect(r?.law).toContain("6 § LVU (1990:52)");
  });
  it("is not met when the nämnd met without it being reported, or it was reported at a later meeting", () => {
    const unreported = verdicts([...omhandertagen, ansokan], "2024-12-01").lvu_beslutsfattare;
    expect(unreported?.verdict).toBe("not_met");
    expect(unreported?.detail.sv).toContain("nämnden sammanträdde 2024-10-31");
    expect(
      verdicts([...omhandertagen, ansokan, { kind: "anmalt_till_namnd", on: "2024-11-20", decisionSeq: 1 }], "2024-12-01")
        .lvu_beslutsfattare?.verdict,
    ).toBe("not_met");
  });
  it("is not applicable while the nämnd has not met since", () => {
    expect(verdicts(omhandertagen, "2024-10-10").lvu_beslutsfattare?.verdict).toBe("not_applicable");
  });
  it("is not met for a decision someone was not entitled to take", () => {
    const byStaff: LvuStep = { ...ansokan, maker: { kind: "tjansteman" } };
    expect(verdicts([byStaff], "2024-12-01").lvu_beslutsfattare?.verdict).toBe("not_met");
  });
});

describe("which investigation's file a process belongs to", () => {
  const investigations = [
    { id: "first", openedOn: "2024-01-10" },
    { id: "second", openedOn: "2024-09-01" },
  ];
  const beginning = (day: string, id: string) =>
    process([{ kind: "omedelbart_beslut", decidedAt: noon(day), maker: chair, reason: "-" }], id);
  it("goes to the latest investigation opened by its first step, or the first when it came before any", () => {
    const processes = [beginning("2024-10-07", "late"), beginning("2024-03-01", "early"), beginning("2024-01-05", "before")];
    expect(processesOfInvestigation("second", investigations, processes).map((p) => p.id)).toEqual(["late"]);
    expect(processesOfInvestigation("first", investigations, processes).map((p) => p.id)).toEqual(["early", "before"]);
  });
});
