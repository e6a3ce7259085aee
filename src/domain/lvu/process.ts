/**
 * An LVU process as a pure state machine: the recorded steps, folded in the order they were
 * recorded, give the state; a new step is checked against it (which steps may come next, and that
 * its dates follow the steps it depends on); the state gives the clocks (./clocks.ts) and what has
 * lapsed. Sections are of lag (1990:52) med särskilda bestämmelser om vård av unga (LVU). No I/O.
 *
 * Two ways in: omedelbart omhändertagande (6 §) then application (8 §), or an application for care
 * straight away (4 §). Then the court's judgment, care begun (5 §), placements (11 §), reviews
 * (13 §) and the end of care (21 §).
 */
import { addCalendarDays, clockState, type Deadline } from "../clocks";
import { startOfStockholmDay, stockholmDate } from "../time";
import {
  ageLimitDeadline,
  ansokanDeadline,
  type LvuDeadline,
  reviewDeadline,
  understallningDeadline,
  vardstartDeadline,
} from "./clocks";
import {
  ALLOWED_MAKERS,
  type DecisionMakerKind,
  isDecisionStep,
  type LvuBehaviour,
  type LvuGround,
  type LvuStepKind,
  type PlacementForm,
  type ReviewForm,
  reviewFormOf,
  URGENT_MAKERS,
} from "./vocabulary";

export interface DecisionMaker {
  kind: DecisionMakerKind;
  /** The chair's or member's name (ordförande, ledamot). */
  memberName?: string | null;
  /** The minutes' paragraph (nämnd). */
  paragraph?: string | null;
}

export type LvuStep =
  | { kind: "omedelbart_beslut"; decidedAt: Date; maker: DecisionMaker; reason: string }
  | { kind: "verkstallt"; on: string }
  | { kind: "anmalt_till_namnd"; on: string; decisionSeq: number; paragraph?: string | null }
  | { kind: "understalld"; on: string }
  | { kind: "understallning_provad"; on: string; outcome: "faststallt" | "upphavt" }
  | { kind: "ansokningstid_forlangd"; on: string; until: string }
  | { kind: "ansokan"; decidedAt: Date; maker: DecisionMaker; submittedOn: string; reason: string }
  | { kind: "dom"; on: string; outcome: "bifall" | "avslag"; grounds: LvuGround[] }
  | { kind: "laga_kraft"; on: string }
  | { kind: "vard_paborjad"; on: string }
  | { kind: "placering"; decidedAt: Date; maker: DecisionMaker; form: PlacementForm; place: string; from: string }
  | { kind: "vardplan"; on: string }
  | { kind: "overvagande"; decidedAt: Date; maker: DecisionMaker; form: ReviewForm; outcome: "fortsatt" | "upphora" }
  | { kind: "upphorande"; decidedAt: Date; maker: DecisionMaker; reason: string }
  | { kind: "avslutad"; on: string; reason: string };

/** A step as recorded: its place in the order (1, 2, …). */
export type RecordedStep = LvuStep & { seq: number };

export interface ProcessFacts {
  grounds: readonly LvuGround[];
  behaviours: readonly LvuBehaviour[];
  birthDate: string;
}

/** The Stockholm day a step happened on (for a decision, the day it was taken). */
export function stepDay(step: LvuStep): string {
  return "on" in step ? step.on : stockholmDate(step.decidedAt);
}

// ── State ────────────────────────────────────────────────────────────────────────────────────────

export interface LvuState {
  omedelbart: {
    seq: number;
    decidedAt: Date;
    decidedOn: string;
    maker: DecisionMaker;
    verkstalltOn: string | null;
    understalldOn: string | null;
    provad: { on: string; outcome: "faststallt" | "upphavt" } | null;
  } | null;
  /** The last day the court has set for the application (8 § andra stycket). */
  applicationExtendedUntil: string | null;
  ansokan: { decidedOn: string; submittedOn: string } | null;
  dom: { on: string; outcome: "bifall" | "avslag"; grounds: LvuGround[] } | null;
  lagaKraftOn: string | null;
  careStartedOn: string | null;
  placements: { seq: number; form: PlacementForm; place: string; from: string }[];
  vardplanOn: string | null;
  reviews: { form: ReviewForm; on: string; outcome: "fortsatt" | "upphora" }[];
  /** Urgent decisions (ordförande, ledamot) and whether each has been reported to the nämnd. */
  urgent: { seq: number; kind: LvuStepKind; decidedOn: string; memberName: string | null; reportedOn: string | null }[];
  ended: { on: string; how: "upphorande" | "avslutad" | "avslag" } | null;
  /** The day of the latest step, for "not before the previous step". */
  lastDay: string | null;
}

export function emptyState(): LvuState {
  return {
    omedelbart: null,
    applicationExtendedUntil: null,
    ansokan: null,
    dom: null,
    lagaKraftOn: null,
    careStartedOn: null,
    placements: [],
    vardplanOn: null,
    reviews: [],
    urgent: [],
    ended: null,
    lastDay: null,
  };
}

/** The state after a step (assumed valid: checkStep first). Returns a new state. */
export function applyStep(state: LvuState, step: RecordedStep): LvuState {
  const s: LvuState = {
    ...state,
    placements: [...state.placements],
    reviews: [...state.reviews],
    urgent: state.urgent.map((u) => ({ ...u })),
    omedelbart: state.omedelbart ? { ...state.omedelbart } : null,
  };
  const day = stepDay(step);
  s.lastDay = s.lastDay && s.lastDay > day ? s.lastDay : day;
  if ("maker" in step && URGENT_MAKERS.includes(step.maker.kind)) {
    s.urgent.push({
      seq: step.seq,
      kind: step.kind,
      decidedOn: day,
      memberName: step.maker.memberName ?? null,
      reportedOn: null,
    });
  }
  switch (step.kind) {
    case "omedelbart_beslut":
      s.omedelbart = {
        seq: step.seq,
        decidedAt: step.decidedAt,
        decidedOn: day,
        maker: step.maker,
        verkstalltOn: null,
        understalldOn: null,
        provad: null,
      };
      break;
    case "verkstallt":
      if (s.omedelbart) s.omedelbart.verkstalltOn = step.on;
      break;
    case "anmalt_till_namnd": {
      const u = s.urgent.find((x) => x.seq === step.decisionSeq);
      if (u) u.reportedOn = step.on;
      break;
    }
    case "understalld":
      if (s.omedelbart) s.omedelbart.understalldOn = step.on;
      break;
    case "understallning_provad":
      if (s.omedelbart) s.omedelbart.provad = { on: step.on, outcome: step.outcome };
      break;
    case "ansokningstid_forlangd":
      s.applicationExtendedUntil = step.until;
      break;
    case "ansokan":
      s.ansokan = { decidedOn: day, submittedOn: step.submittedOn };
      break;
    case "dom":
      s.dom = { on: step.on, outcome: step.outcome, grounds: [...step.grounds] };
      if (step.outcome === "avslag") s.ended = { on: step.on, how: "avslag" };
      break;
    case "laga_kraft":
      s.lagaKraftOn = step.on;
      break;
    case "vard_paborjad":
      s.careStartedOn = step.on;
      break;
    case "placering":
      s.placements.push({ seq: step.seq, form: step.form, place: step.place, from: step.from });
      break;
    case "vardplan":
      s.vardplanOn = step.on;
      break;
    case "overvagande":
      s.reviews.push({ form: step.form, on: day, outcome: step.outcome });
      break;
    case "upphorande":
      s.ended = { on: day, how: "upphorande" };
      break;
    case "avslutad":
      s.ended = { on: step.on, how: "avslutad" };
      break;
  }
  return s;
}

export function foldSteps(steps: readonly RecordedStep[]): LvuState {
  return [...steps].sort((a, b) => a.seq - b.seq).reduce(applyStep, emptyState());
}

// ── The omhändertagande's end and lapses ────────────────────────────────────────────────────────

export type OmhandertagandeEnd =
  /** 7 §: not underställt within its week. */
  | "lapsed_7"
  /** 9 §: no application within the time of 8 §. */
  | "lapsed_9"
  /** The court did not confirm it (upphävt) on underställning. */
  | "upphavt"
  /** 9 §: it ends when the court decides the question of care. */
  | "dom"
  | "avslutad";

export interface OmhandertagandeStatus {
  /** The first day it no longer applied, and why; null while it applies (or never was). */
  endedOn: string | null;
  reason: OmhandertagandeEnd | null;
  /** Every lapse that has happened (a late underställning and a missed application may both). */
  lapses: { section: "7 §" | "9 §"; from: string }[];
}

/** The last day of the 8 § clock, when the omhändertagande has been carried out. */
function application(state: LvuState): LvuDeadline | null {
  const o = state.omedelbart;
  if (!o?.verkstalltOn) return null;
  return ansokanDeadline(o.verkstalltOn, state.applicationExtendedUntil);
}

/** Whether and when the omedelbart omhändertagande stopped applying, as of `today`. */
export function omhandertagandeStatus(state: LvuState, today: string): OmhandertagandeStatus {
  const o = state.omedelbart;
  if (!o) return { endedOn: null, reason: null, lapses: [] };
  // Ends that are not lapses: the court's upphävande, its decision on care (9 §), closing the process.
  const ends: { on: string; reason: OmhandertagandeEnd }[] = [];
  if (o.provad?.outcome === "upphavt") ends.push({ on: o.provad.on, reason: "upphavt" });
  if (state.dom) ends.push({ on: state.dom.on, reason: "dom" });
  if (state.ended?.how === "avslutad") ends.push({ on: state.ended.on, reason: "avslutad" });
  const firstEnd = () => ends.reduce<string | null>((m, e) => (m === null || e.on < m ? e.on : m), null);
  // A lapse counts when it came before anything else had ended the omhändertagande.
  const lapses: OmhandertagandeStatus["lapses"] = [];
  const lapse = (section: "7 §" | "9 §", lastDay: string, doneOn: string | null, reason: OmhandertagandeEnd) => {
    if ((doneOn === null && today > lastDay) || (doneOn !== null && doneOn > lastDay)) {
      const from = addCalendarDays(lastDay, 1);
      const earlier = firstEnd();
      if (earlier === null || from <= earlier) {
        lapses.push({ section, from });
        ends.push({ on: from, reason });
      }
    }
  };
  lapse("7 §", understallningDeadline(o.decidedAt).dueDate, o.understalldOn, "lapsed_7");
  const eight = application(state)?.dueDate;
  if (eight) lapse("9 §", eight, state.ansokan?.submittedOn ?? null, "lapsed_9");
  const first = ends.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0];
  return { endedOn: first?.on ?? null, reason: first?.reason ?? null, lapses };
}

/** Care on the court's decision is running: begun and not ended. */
export function careRunning(state: LvuState): boolean {
  return state.careStartedOn !== null && state.ended === null;
}

// ── Checking a new step ──────────────────────────────────────────────────────────────────────────

export interface StepProblem {
  status: 400 | 409;
  code: string;
  message: string;
  path: string;
}

const outOfOrder = (message: string, path = "body.kind"): StepProblem => ({
  status: 409,
  code: "lvu_out_of_order",
  message,
  path,
});
const before = (path: string, what: string): StepProblem => ({
  status: 400,
  code: "before_previous_step",
  message: `Datumet ligger före ${what} / The date is before ${what}`,
  path,
});

/**
 * What is wrong with recording `step` next, or null. 409 when the step cannot come now (out of
 * order, already done, the process has ended, the decision maker may not take it); 400 when its own
 * data is wrong (a date in the future or before the step it follows, a ground not applied for).
 * Delegation of a tjänsteman's decision is checked by the caller against the district's list.
 */
export function checkStep(facts: ProcessFacts, state: LvuState, step: LvuStep, today: string): StepProblem | null {
  const day = stepDay(step);
  const path = "decidedAt" in step ? "body.decidedAt" : "body.on";
  if (day > today)
    return { status: 400, code: "in_future", message: "Datumet ligger i framtiden / The date is in the future", path };
  if (state.ended && step.kind !== "anmalt_till_namnd") {
    return {
      status: 409,
      code: "lvu_process_ended",
      message: "LVU-processen är avslutad / The LVU process has ended",
      path: "body.kind",
    };
  }
  if (isDecisionStep(step.kind) && "maker" in step) {
    const allowed = ALLOWED_MAKERS[step.kind];
    if (!allowed.includes(step.maker.kind)) {
      return {
        status: 409,
        code: "no_delegation",
        message: `Beslutet får fattas endast av: ${allowed.join(", ")} / The decision may only be taken by: ${allowed.join(", ")}`,
        path: "body.maker.kind",
      };
    }
    if (URGENT_MAKERS.includes(step.maker.kind) && !step.maker.memberName?.trim()) {
      return {
        status: 400,
        code: "member_name_required",
        message: "Ange ordförandens eller ledamotens namn / Give the chair's or member's name",
        path: "body.maker.memberName",
      };
    }
  }
  const o = state.omedelbart;
  const status = omhandertagandeStatus(state, today);
  switch (step.kind) {
    case "omedelbart_beslut":
      if (o) return outOfOrder("Ett omedelbart omhändertagande är redan beslutat i processen / Already decided in this process");
      if (state.dom) return outOfOrder("Rätten har redan avgjort frågan om vård / The court has already decided on care");
      return null;
    case "verkstallt":
      if (!o) return outOfOrder("Besluta om omedelbart omhändertagande först / Decide the omhändertagande first");
      if (o.verkstalltOn) return outOfOrder("Omhändertagandet är redan verkställt / Already carried out");
      if (step.on < o.decidedOn) return before("body.on", "beslutet");
      if (status.endedOn !== null && step.on >= status.endedOn) {
        return {
          status: 409,
          code: "lvu_omhandertagande_ended",
          message: `Omhändertagandet hade upphört ${status.endedOn} och kan inte verkställas / It had ended on ${status.endedOn} and cannot be carried out`,
          path: "body.on",
        };
      }
      return null;
    case "anmalt_till_namnd": {
      const u = state.urgent.find((x) => x.seq === step.decisionSeq);
      if (!u)
        return outOfOrder(
          "Det finns inget brådskande beslut med det numret / No urgent decision with that number",
          "body.decisionSeq",
        );
      if (u.reportedOn) return outOfOrder("Beslutet är redan anmält till nämnden / Already reported", "body.decisionSeq");
      if (step.on < u.decidedOn) return before("body.on", "beslutet");
      return null;
    }
    case "understalld":
      if (!o) return outOfOrder("Besluta om omedelbart omhändertagande först / Decide the omhändertagande first");
      if (o.understalldOn) return outOfOrder("Beslutet är redan underställt / Already submitted to the court");
      // A late underställning is recorded: the clock shows it late and the lapse (7 §) is stated.
      if (step.on < o.decidedOn) return before("body.on", "beslutet");
      return null;
    case "understallning_provad":
      if (!o?.understalldOn) return outOfOrder("Underställ beslutet först / Submit the decision to the court first");
      if (o.provad) return outOfOrder("Rätten har redan prövat underställningen / Already tried");
      if (step.on < o.understalldOn) return before("body.on", "underställningen");
      return null;
    case "ansokningstid_forlangd":
      if (!o?.verkstalltOn)
        return outOfOrder("Tiden räknas från verkställigheten: registrera den först / Record the carrying out first");
      if (state.ansokan) return outOfOrder("Ansökan är redan gjord / The application is made");
      if (step.on < o.verkstalltOn) return before("body.on", "verkställigheten");
      if (step.until <= step.on) return before("body.until", "rättens beslut");
      return null;
    case "ansokan":
      if (state.ansokan) return outOfOrder("Ansökan om vård är redan gjord i processen / Already applied");
      if (step.submittedOn < day) return before("body.submittedOn", "nämndens beslut");
      if (step.submittedOn > today) {
        return {
          status: 400,
          code: "in_future",
          message: "Datumet ligger i framtiden / The date is in the future",
          path: "body.submittedOn",
        };
      }
      return null;
    case "dom":
      if (!state.ansokan) return outOfOrder("Ansök om vård först / Apply for care first");
      if (state.dom) return outOfOrder("Rätten har redan dömt / The court has already decided");
      if (step.on < state.ansokan.submittedOn) return before("body.on", "ansökan");
      if (step.outcome === "bifall" && step.grounds.length === 0) {
        return {
          status: 400,
          code: "grounds_required",
          message: "Ange grunden rätten biföll / Give the ground granted",
          path: "body.grounds",
        };
      }
      if (step.outcome === "avslag" && step.grounds.length > 0) {
        return {
          status: 400,
          code: "grounds_not_allowed",
          message: "Ett avslag har ingen grund / A refusal grants no ground",
          path: "body.grounds",
        };
      }
      if (step.grounds.some((g) => !facts.grounds.includes(g))) {
        return {
          status: 400,
          code: "ground_not_applied_for",
          message: "Rätten kan bara bifalla en grund som nämnden ansökt om / Only a ground applied for can be granted",
          path: "body.grounds",
        };
      }
      return null;
    case "laga_kraft":
      if (!state.dom) return outOfOrder("Registrera domen först / Record the judgment first");
      if (state.lagaKraftOn) return outOfOrder("Laga kraft är redan registrerad / Already recorded");
      if (step.on < state.dom.on) return before("body.on", "domen");
      return null;
    case "vard_paborjad":
      if (state.dom?.outcome !== "bifall")
        return outOfOrder("Vård börjar efter en dom som bifaller ansökan / Care begins after a judgment granting it");
      if (state.careStartedOn) return outOfOrder("Vården är redan påbörjad / Care has already begun");
      if (step.on < state.dom.on) return before("body.on", "domen");
      return null;
    case "placering": {
      // In force on the day it is decided: decided by then, not yet ended (a lapse dates from its day).
      const omhandertagen = o !== null && o.decidedOn <= day && (status.endedOn === null || day < status.endedOn);
      if (!omhandertagen && !careRunning(state)) {
        return outOfOrder("Placering beslutas under ett omhändertagande eller pågående vård / Only while taken into care");
      }
      if (step.from < day) return before("body.from", "beslutet");
      return null;
    }
    case "vardplan":
      if (!o && !state.ansokan)
        return outOfOrder(
          "Vårdplanen hör till ett omhändertagande eller en ansökan / Belongs to an omhändertagande or application",
        );
      return null;
    case "overvagande": {
      if (!careRunning(state))
        return outOfOrder("Övervägande och prövning görs under pågående vård / Only while care is running");
      if (day < (state.careStartedOn as string)) return before("body.decidedAt", "vårdens början");
      const forms = (state.dom?.grounds ?? []).map(reviewFormOf);
      if (!forms.includes(step.form)) {
        return {
          status: 400,
          code: "review_form_not_applicable",
          message:
            "13 §: övervägande gäller vård enligt 2 §, prövning vård enligt 3 § — vården har inte den grunden / The care has no such ground",
          path: "body.form",
        };
      }
      return null;
    }
    case "upphorande":
      if (!careRunning(state)) return outOfOrder("Det finns ingen pågående vård att avsluta / No care running");
      if (day < (state.careStartedOn as string)) return before("body.decidedAt", "vårdens början");
      return null;
    case "avslutad":
      if (careRunning(state))
        return outOfOrder("Vården pågår: nämnden beslutar om upphörande (21 §) / Care is running: end it under 21 §");
      if (state.lastDay && step.on < state.lastDay) return before("body.on", "föregående steg");
      return null;
  }
}

// ── Clocks ───────────────────────────────────────────────────────────────────────────────────────

export const LVU_CLOCK_KINDS = [
  "lvu_understallning",
  "lvu_ansokan",
  "lvu_vardstart",
  "lvu_overvagande",
  "lvu_provning",
  "lvu_aldersgrans",
] as const;
export type LvuClockKind = (typeof LVU_CLOCK_KINDS)[number];

export interface LvuClock {
  kind: LvuClockKind;
  /** The section the clock comes from, e.g. "7 § LVU". */
  section: string;
  deadline: LvuDeadline;
  /** When it was met (start of the Stockholm day of the step that met it), or null. */
  completedAt: Date | null;
  /** Set when the clock no longer runs because something else ended what it guarded. */
  stoppedBecause: OmhandertagandeEnd | "care_ended" | null;
  /** What the law says followed from missing it, once it has been missed. */
  lapse: string | null;
}

const doneOn = (day: string | null) => (day ? startOfStockholmDay(day) : null);

/**
 * Every clock of the process as of `today`, including met ones: the 7 § and 8 § clocks of an
 * omedelbart omhändertagande, the 5 § clock of a judgment that gained legal force, the next 13 §
 * review for each ground care runs on, and the 21 § age limit.
 */
export function lvuClocks(facts: ProcessFacts, state: LvuState, today: string): LvuClock[] {
  const clocks: LvuClock[] = [];
  const o = state.omedelbart;
  const status = omhandertagandeStatus(state, today);
  if (o) {
    const deadline = understallningDeadline(o.decidedAt);
    const late = (o.understalldOn === null && today > deadline.dueDate) || (o.understalldOn ?? "") > deadline.dueDate;
    const endedFirst = o.understalldOn === null && status.endedOn !== null && status.endedOn <= deadline.dueDate;
    clocks.push({
      kind: "lvu_understallning",
      section: "7 § LVU",
      deadline,
      completedAt: doneOn(o.understalldOn),
      stoppedBecause: endedFirst ? status.reason : null,
      lapse: late && !endedFirst ? "Omhändertagandet upphörde att gälla (7 § LVU) / The omhändertagande lapsed (7 § LVU)" : null,
    });
    const eight = application(state);
    if (eight) {
      const submitted = state.ansokan?.submittedOn ?? null;
      const missed = (submitted === null && today > eight.dueDate) || (submitted ?? "") > eight.dueDate;
      const endedFirst8 = submitted === null && status.endedOn !== null && status.endedOn <= eight.dueDate;
      clocks.push({
        kind: "lvu_ansokan",
        section: "8 § LVU",
        deadline: eight,
        completedAt: doneOn(submitted),
        stoppedBecause: endedFirst8 ? status.reason : null,
        lapse:
          missed && !endedFirst8
            ? "Omhändertagandet upphörde: ingen ansökan i tid (9 § LVU) / The omhändertagande lapsed: no application in time (9 § LVU)"
            : null,
      });
    }
  }
  if (state.dom?.outcome === "bifall" && state.lagaKraftOn) {
    const deadline = vardstartDeadline(state.lagaKraftOn);
    const started = state.careStartedOn;
    const missed = (started === null && today > deadline.dueDate) || (started ?? "") > deadline.dueDate;
    clocks.push({
      kind: "lvu_vardstart",
      section: "5 § LVU",
      deadline,
      completedAt: doneOn(started),
      stoppedBecause: started === null && state.ended ? "care_ended" : null,
      lapse: missed ? "Rättens beslut om vård upphörde att gälla (5 § LVU) / The care decision lapsed (5 § LVU)" : null,
    });
  }
  if (state.careStartedOn && state.dom) {
    const careStartedOn = state.careStartedOn;
    for (const ground of state.dom.grounds) {
      const form = reviewFormOf(ground);
      const last = state.reviews.filter((r) => r.form === form).at(-1)?.on ?? null;
      clocks.push({
        kind: form === "overvagande" ? "lvu_overvagande" : "lvu_provning",
        section: form === "overvagande" ? "13 § första stycket LVU" : "13 § andra stycket LVU",
        deadline: reviewDeadline(careStartedOn, last),
        completedAt: null,
        stoppedBecause: state.ended ? "care_ended" : null,
        lapse: null,
      });
    }
    const limit = ageLimitDeadline(facts.birthDate, state.dom.grounds);
    clocks.push({
      kind: "lvu_aldersgrans",
      section: "21 § andra–tredje stycket LVU",
      deadline: limit,
      completedAt: state.ended?.how === "upphorande" ? startOfStockholmDay(state.ended.on) : null,
      stoppedBecause: null,
      lapse: null,
    });
  }
  return clocks;
}

/** The reviews held so far, each against the deadline that ran when it was held (met or met late). */
export function reviewHistory(state: LvuState): { form: ReviewForm; on: string; deadline: Deadline; inTime: boolean }[] {
  if (!state.careStartedOn) return [];
  const out: { form: ReviewForm; on: string; deadline: Deadline; inTime: boolean }[] = [];
  const previous: Partial<Record<ReviewForm, string>> = {};
  for (const r of state.reviews) {
    const deadline = reviewDeadline(state.careStartedOn, previous[r.form] ?? null);
    out.push({ form: r.form, on: r.on, deadline, inTime: r.on <= deadline.dueDate });
    previous[r.form] = r.on;
  }
  return out;
}

/** A clock's state now, by the one rule of src/domain/clocks.ts. */
export function lvuClockState(clock: LvuClock, now: Date, dueSoonDays?: number) {
  return clockState({ deadline: clock.deadline, completedAt: clock.completedAt, now, dueSoonDays });
}

/** Whether a process's status line: where it stands, for lists. */
export type LvuPhase = "omhandertagen" | "ansokan" | "vard" | "avslutad" | "inledd";

export function lvuPhase(state: LvuState, today: string): LvuPhase {
  if (state.ended) return "avslutad";
  if (careRunning(state)) return "vard";
  if (state.omedelbart && omhandertagandeStatus(state, today).endedOn === null) return "omhandertagen";
  if (state.ansokan) return "ansokan";
  return "inledd";
}

/**
 * The kinds of step the machine would take next as of `today` (for the page's choices; each step is
 * checked in full when recorded). A kind is offered when a plausible step of it dated today is not
 * refused as out of order.
 */
export function allowedNextKinds(facts: ProcessFacts, state: LvuState, today: string): LvuStepKind[] {
  const at = startOfStockholmDay(today);
  const namnd: DecisionMaker = { kind: "namnd" };
  const unreported = state.urgent.find((u) => u.reportedOn === null)?.seq ?? 0;
  const probes: LvuStep[] = [
    { kind: "omedelbart_beslut", decidedAt: at, maker: namnd, reason: "-" },
    { kind: "verkstallt", on: today },
    { kind: "anmalt_till_namnd", on: today, decisionSeq: unreported },
    { kind: "understalld", on: today },
    { kind: "understallning_provad", on: today, outcome: "faststallt" },
    { kind: "ansokningstid_forlangd", on: today, until: addCalendarDays(today, 1) },
    { kind: "ansokan", decidedAt: at, maker: namnd, submittedOn: today, reason: "-" },
    { kind: "dom", on: today, outcome: "bifall", grounds: [...facts.grounds] },
    { kind: "laga_kraft", on: today },
    { kind: "vard_paborjad", on: today },
    { kind: "placering", decidedAt: at, maker: namnd, form: "hvb", place: "-", from: today },
    { kind: "vardplan", on: today },
    {
      kind: "overvagande",
      decidedAt: at,
      maker: namnd,
      form: reviewFormOf(state.dom?.grounds[0] ?? facts.grounds[0] ?? "3"),
      outcome: "fortsatt",
    },
    { kind: "upphorande", decidedAt: at, maker: namnd, reason: "-" },
    { kind: "avslutad", on: today, reason: "-" },
  ];
  return probes.filter((p) => checkStep(facts, state, p, today)?.status !== 409).map((p) => p.kind);
}

/**
 * What is wrong with opening a process for these grounds for someone of this age, or null.
 * LVU 1 § andra stycket: care under 2 § or 3 § for someone under 18; tredje stycket: under 3 § also
 * for someone who has turned 18 but not 20 (and 6 §: omedelbart omhändertagande of someone under 20).
 * 3 § names the behaviour (missbruk, brottslig verksamhet, annat socialt nedbrytande beteende).
 */
export function openProblem(grounds: readonly LvuGround[], behaviours: readonly LvuBehaviour[], age: number): StepProblem | null {
  const has3 = grounds.includes("3");
  if (has3 && behaviours.length === 0) {
    return {
      status: 400,
      code: "behaviour_required",
      message: "Ange beteendet enligt 3 § / Give the behaviour (3 §)",
      path: "body.behaviours",
    };
  }
  if (!has3 && behaviours.length > 0) {
    return {
      status: 400,
      code: "behaviour_not_applicable",
      message: "Beteende anges bara för 3 § / Behaviour applies to 3 § only",
      path: "body.behaviours",
    };
  }
  if (age >= 20) {
    return {
      status: 400,
      code: "lvu_age",
      message: `LVU gäller den som är under 20 år (1 §, 6 §); den unge är ${age} / LVU applies under 20`,
      path: "body.grounds",
    };
  }
  if (age >= 18 && grounds.includes("2")) {
    return {
      status: 400,
      code: "lvu_age",
      message: `Vård enligt 2 § gäller den som är under 18 år (1 § andra stycket); den unge är ${age} / 2 § applies under 18`,
      path: "body.grounds",
    };
  }
  return null;
}
