/**
 * The LVU criteria of an investigation's file (lag (1990:52) med särskilda bestämmelser om vård av
 * unga): computed from the recorded steps of the case's LVU processes by the same state machine and
 * clocks the LVU page and the deadline overview use (../lvu/process.ts), so the three never disagree.
 * As every criterion, each verdict is as of the review's instant: steps dated after it are left out.
 */
import {
  foldSteps,
  type LvuClock,
  type LvuClockKind,
  lvuClocks,
  type ProcessFacts,
  type RecordedStep,
  reviewHistory,
  stepDay,
} from "../lvu/process";
import { ALLOWED_MAKERS } from "../lvu/vocabulary";
import { stockholmDate } from "../time";
import type { CriterionCode } from "./definitions";
import { type CriterionResult, combine, type Part, type RecordRef } from "./verdict";

/** One LVU process of the case: its facts and its steps in the order recorded. */
export interface LvuFileProcess {
  id: string;
  facts: ProcessFacts;
  steps: readonly RecordedStep[];
}

/**
 * The processes an investigation's file answers for. Each process of the case goes to the
 * investigation it grew from: the latest one opened on or before the process's first step, or the
 * case's first investigation when the process began before any (an omedelbart omhändertagande may
 * come before the investigation is opened). So every process is reviewed in one file only.
 */
export function processesOfInvestigation(
  investigationId: string,
  caseInvestigations: readonly { id: string; openedOn: string }[],
  processes: readonly LvuFileProcess[],
): LvuFileProcess[] {
  const byOpening = [...caseInvestigations].sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0));
  const owner = (p: LvuFileProcess) => {
    const first = p.steps[0];
    if (!first) return byOpening[0]?.id;
    const began = stepDay(first);
    return byOpening.filter((i) => i.openedOn <= began).at(-1)?.id ?? byOpening[0]?.id;
  };
  return processes.filter((p) => owner(p) === investigationId);
}

const processRef = (p: LvuFileProcess, date: string): RecordRef => ({ type: "lvu_process", id: p.id, date });

/** The process as it stood on `today`: only the steps that had happened by then. */
function asOfDay(p: LvuFileProcess, today: string) {
  const steps = p.steps.filter((s) => stepDay(s) <= today);
  const state = foldSteps(steps);
  return { steps, state, clocks: lvuClocks(p.facts, state, today) };
}

/**
 * A one-off clock (7 §, 8 §) as a part: met on or before its last day, missed after it; not a part
 * at all when the process never started it or what it guarded ended first.
 */
function clockPart(p: LvuFileProcess, clock: LvuClock | undefined, today: string): Part | null {
  if (!clock || clock.stoppedBecause !== null) return null;
  const due = clock.deadline.dueDate;
  const done = clock.completedAt ? stockholmDate(clock.completedAt) : null;
  if (done !== null && done <= due)
    return { outcome: "ok", ref: processRef(p, done), detail: { sv: `${done}, senast ${due}`, en: `${done}, due ${due}` } };
  if (done !== null)
    return {
      outcome: "missing",
      ref: processRef(p, done),
      detail: { sv: `${done}, efter ${due} (${clock.section})`, en: `${done}, after ${due} (${clock.section})` },
    };
  if (today > due)
    return {
      outcome: "missing",
      ref: processRef(p, due),
      detail: { sv: `Inte gjort, senast ${due} (${clock.section})`, en: `Not done, due ${due} (${clock.section})` },
    };
  return { outcome: "pending", ref: processRef(p, due), detail: { sv: `Tiden löper till ${due}`, en: `Time runs until ${due}` } };
}

function oneOffClock(
  code: CriterionCode,
  kind: LvuClockKind,
  processes: readonly LvuFileProcess[],
  today: string,
  fallbackDay: string,
): CriterionResult {
  const parts = processes.flatMap((p) => {
    const part = clockPart(
      p,
      asOfDay(p, today).clocks.find((c) => c.kind === kind),
      today,
    );
    return part ? [part] : [];
  });
  return combine(code, parts, { sv: "Inget omedelbart omhändertagande", en: "No omedelbart omhändertagande" }, fallbackDay);
}

/**
 * 13 §: every review held by its six-month day, and, while care ran (until it ended or the review's
 * day), no six-month day passed without one.
 */
function reviewPart(p: LvuFileProcess, today: string): Part | null {
  const { state, clocks } = asOfDay(p, today);
  if (!state.careStartedOn) return null;
  const late = reviewHistory(state).find((r) => !r.inTime);
  if (late)
    return {
      outcome: "missing",
      ref: processRef(p, late.on),
      detail: { sv: `${late.on}, senast ${late.deadline.dueDate}`, en: `${late.on}, due ${late.deadline.dueDate}` },
    };
  const until = state.ended && state.ended.on <= today ? state.ended.on : today;
  const next = clocks.filter((c) => c.kind === "lvu_overvagande" || c.kind === "lvu_provning");
  const missed = next.find((c) => until > c.deadline.dueDate);
  if (missed)
    return {
      outcome: "missing",
      ref: processRef(p, missed.deadline.dueDate),
      detail: {
        sv: `Ingen ${missed.kind === "lvu_provning" ? "prövning" : "övervägande"}, senast ${missed.deadline.dueDate}`,
        en: `No review, due ${missed.deadline.dueDate}`,
      },
    };
  const last = state.reviews.at(-1);
  const due = next.map((c) => c.deadline.dueDate).sort()[0] ?? null;
  if (!last)
    return {
      outcome: "pending",
      ref: processRef(p, state.careStartedOn),
      detail: { sv: `Första senast ${due}`, en: `First due ${due}` },
    };
  return {
    outcome: "ok",
    ref: processRef(p, last.on),
    detail: { sv: `I tid, senast ${last.on}`, en: `On time, latest ${last.on}` },
  };
}

/**
 * Who decided: each decision by a maker the law allows for it (vocabulary.ts ALLOWED_MAKERS), and
 * each urgent decision (ordförande, ledamot) reported to the nämnd by its next meeting. The nämnd's
 * meetings are known from the process: the first nämnd decision after the urgent one was taken at a
 * meeting, so a report after that day came late, and no report by then is missing.
 */
function makerPart(p: LvuFileProcess, today: string): Part | null {
  const { steps, state } = asOfDay(p, today);
  // The steps with a maker are the decisions (vocabulary.ts LVU_DECISIONS).
  const decisions = steps.flatMap((s) => ("maker" in s ? [{ step: s, day: stepDay(s) }] : []));
  if (decisions.length === 0) return null;
  const wrong = decisions.find(({ step }) => !ALLOWED_MAKERS[step.kind].includes(step.maker.kind));
  if (wrong)
    return {
      outcome: "missing",
      ref: processRef(p, wrong.day),
      detail: {
        sv: `Beslut (${wrong.step.kind}) av ${wrong.step.maker.kind}, som inte får fatta det`,
        en: `Decision (${wrong.step.kind}) by ${wrong.step.maker.kind}, who may not take it`,
      },
    };
  let pending: Part | null = null;
  for (const u of state.urgent) {
    const nextMeeting = decisions.find((d) => d.step.maker.kind === "namnd" && d.day > u.decidedOn)?.day ?? null;
    if (u.reportedOn !== null && (nextMeeting === null || u.reportedOn <= nextMeeting)) continue;
    if (u.reportedOn === null && nextMeeting === null) {
      pending ??= {
        outcome: "pending",
        ref: processRef(p, u.decidedOn),
        detail: { sv: `Beslut ${u.decidedOn} ska anmälas vid nästa sammanträde`, en: `Decision ${u.decidedOn} to be reported` },
      };
      continue;
    }
    return {
      outcome: "missing",
      ref: processRef(p, u.reportedOn ?? (nextMeeting as string)),
      detail:
        u.reportedOn === null
          ? {
              sv: `Brådskande beslut ${u.decidedOn} inte anmält; nämnden sammanträdde ${nextMeeting}`,
              en: `Urgent decision ${u.decidedOn} not reported; the nämnd met ${nextMeeting}`,
            }
          : {
              sv: `Brådskande beslut ${u.decidedOn} anmält ${u.reportedOn}, efter nämndens sammanträde ${nextMeeting}`,
              en: `Urgent decision ${u.decidedOn} reported ${u.reportedOn}, after the nämnd met ${nextMeeting}`,
            },
    };
  }
  return (
    pending ?? {
      outcome: "ok",
      ref: processRef(p, decisions.at(-1)?.day as string),
      detail: { sv: "Behöriga beslutsfattare", en: "Entitled decision makers" },
    }
  );
}

const each = (
  code: CriterionCode,
  processes: readonly LvuFileProcess[],
  part: (p: LvuFileProcess, today: string) => Part | null,
  today: string,
  none: { sv: string; en: string },
  fallbackDay: string,
) =>
  combine(
    code,
    processes.flatMap((p) => part(p, today) ?? []),
    none,
    fallbackDay,
  );

/** The four LVU criteria of an investigation's file, in the order of CRITERION_CODES. */
export function evaluateLvu(processes: readonly LvuFileProcess[], asOf: Date, fallbackDay: string): CriterionResult[] {
  const today = stockholmDate(asOf);
  return [
    oneOffClock("lvu_understallning", "lvu_understallning", processes, today, fallbackDay),
    oneOffClock("lvu_ansokan", "lvu_ansokan", processes, today, fallbackDay),
    each(
      "lvu_overvagande",
      processes,
      reviewPart,
      today,
      { sv: "Ingen påbörjad LVU-vård", en: "No LVU care begun" },
      fallbackDay,
    ),
    each("lvu_beslutsfattare", processes, makerPart, today, { sv: "Inga LVU-beslut", en: "No LVU decisions" }, fallbackDay),
  ];
}
