/**
 * The automatic verdicts of a file review: pure functions from a file's recorded events to a
 * verdict per criterion, each resting on one record (type, id, date) the reviewer can open. The
 * deadlines come from the rules the rest of Vägval uses — clocks.ts (24 h, 14 days), the
 * handling-time indicators (4 months and förlängning in time), the interventions' rules (plan,
 * follow-up, IVO, övervägande) — so a file review and the overview never disagree.
 *
 * Every verdict is as of `asOf`, the instant the review was made: what had not happened by then
 * has not happened, and a clock still running is "not applicable" (not yet decidable).
 */
import { ASSESSMENT_CONCERNS, NO_ASSESSMENT_REASON_LABELS, type NoAssessmentReason } from "../assessment-policy";
import { forhandsbedomningDeadline, skyddsbedomningDeadline } from "../clocks";
import { clockOutcome } from "../indicators/clock-outcome";
import { dueDateInForce, investigationOutcome } from "../indicators/investigation-time";
import {
  followUpInTime,
  ivoDueDate,
  nextOvervagande,
  PLAN_DUE_DAYS_DEFAULT,
  planDueDate,
  planState,
} from "../interventions/rules";
import {
  type InsatsKind,
  isPlacement,
  type Label,
  LEGAL_FORM_LABELS,
  type LegalForm,
  NOT_STARTED_REASON_LABELS,
  type NotStartedReason,
} from "../interventions/vocabulary";
import { stockholmDate } from "../time";
import { CRITERIA, type CriterionCode, type FileKind, type Verdict } from "./definitions";
import { evaluateLvu, type LvuFileProcess } from "./lvu-criteria";
import { type CriterionResult, combine, fromClock, type Part, type RecordRef, result } from "./verdict";

export type { CriterionResult, RecordRef } from "./verdict";

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────

export interface FileReport {
  id: string;
  receivedAt: Date;
  concerns: readonly string[];
  protection: { assessedAt: Date } | null;
  pre: { decidedAt: Date; outcome: string; investigationId: string | null; linkedInvestigationId: string | null } | null;
}

export interface InvestigationFile {
  investigation: {
    id: string;
    openedOn: string;
    completedOn: string | null;
    noAssessmentReason: string | null;
    noAssessmentNote: string | null;
  };
  /** The decision the investigation rests on (its openingDecisionId), when it exists. */
  openingDecision: { id: string; type: string; decidedAt: Date; reason: string } | null;
  /** Förlängning decisions (type "forlangning", details.newEndDate). */
  extensions: readonly { id: string; decidedAt: Date; newEndDate: string }[];
  /** Every report of the case; the file's own are picked by reportsOf. */
  reports: readonly FileReport[];
  signedAssessments: readonly { id: string; signedAt: Date }[];
  /** The case's LVU processes this investigation answers for (lvu-criteria.ts processesOfInvestigation). */
  lvuProcesses: readonly LvuFileProcess[];
}

export interface InsatsFile {
  insats: {
    id: string;
    legalForm: string;
    kind: InsatsKind;
    decidedOn: string;
    startedOn: string | null;
    endedOn: string | null;
    carePlanOn: string | null;
    notStartedReason: string | null;
  };
  /** The district's days from start to a signed plan. */
  planDueDays: number;
  plans: readonly {
    id: string;
    version: number;
    signedAt: Date | null;
    /** The plan's follow-up days: its listed dates and each goal's follow-up day. */
    followUpDays: readonly string[];
    youngPersonViews: string;
  }[];
  followUps: readonly { id: string; dueOn: string | null; doneOn: string }[];
  overvaganden: readonly { id: string; decidedOn: string }[];
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────

const day = (d: Date) => stockholmDate(d);

const manual = (code: CriterionCode, ref: RecordRef | null, fallbackDay: string): CriterionResult =>
  result(code, "manual", { sv: "Granskarens bedömning", en: "The reviewer's judgement" }, ref, fallbackDay);

// ── Utredning ───────────────────────────────────────────────────────────────────────────────────

/**
 * The reports of an investigation's file: the one whose förhandsbedömning opened it, those linked
 * to it, and every other report of the case received after it was opened and by the end of the day
 * it was completed (they arrived during the investigation, whatever was done with them).
 */
export function reportsOf(file: InvestigationFile): { opening: FileReport[]; during: FileReport[] } {
  const inv = file.investigation;
  const opening = file.reports.filter((r) => r.pre?.investigationId === inv.id);
  const openedAt = file.openingDecision?.decidedAt ?? null;
  const during = file.reports.filter((r) => {
    if (opening.includes(r)) return false;
    if (r.pre?.linkedInvestigationId === inv.id) return true;
    const received = day(r.receivedAt);
    const after = openedAt ? r.receivedAt.getTime() > openedAt.getTime() : received >= inv.openedOn;
    return after && (inv.completedOn === null || received <= inv.completedOn);
  });
  return { opening, during };
}

const reportRef = (r: FileReport): RecordRef => ({ type: "report", id: r.id, date: day(r.receivedAt) });

export function skyddsbedomning(file: InvestigationFile, asOf: Date): CriterionResult {
  const { opening, during } = reportsOf(file);
  const parts = [...opening, ...during].map((r): Part => {
    const o = clockOutcome(skyddsbedomningDeadline(r.receivedAt), r.protection?.assessedAt ?? null, asOf);
    const detail: Label =
      o === "within"
        ? { sv: "Gjord inom 24 timmar", en: "Made within 24 hours" }
        : o === "late"
          ? { sv: "Gjord senare än 24 timmar", en: "Made later than 24 hours" }
          : o === "overdue"
            ? { sv: "Ingen skyddsbedömning", en: "No protection assessment" }
            : { sv: "Tiden löper", en: "Time still running" };
    return { outcome: fromClock(o), ref: reportRef(r), detail };
  });
  return combine(
    "skyddsbedomning",
    parts,
    { sv: "Ingen anmälan i akten", en: "No report in the file" },
    file.investigation.openedOn,
  );
}

export function forhandsbedomning(file: InvestigationFile, asOf: Date): CriterionResult {
  const { opening, during } = reportsOf(file);
  const parts = [...opening, ...during].map((r): Part => {
    const o = clockOutcome(forhandsbedomningDeadline(r.receivedAt), r.pre?.decidedAt ?? null, asOf);
    const detail: Label =
      o === "within"
        ? { sv: "Beslut inom 14 dagar", en: "Decided within 14 days" }
        : o === "late"
          ? {
              sv: "Beslut efter 14 dagar (synnerliga skäl registreras inte)",
              en: "Decided after 14 days (synnerliga skäl are not recorded)",
            }
          : o === "overdue"
            ? { sv: "Ingen förhandsbedömning", en: "No pre-assessment" }
            : { sv: "Tiden löper", en: "Time still running" };
    return { outcome: fromClock(o), ref: reportRef(r), detail };
  });
  return combine(
    "forhandsbedomning",
    parts,
    { sv: "Ingen anmälan i akten", en: "No report in the file" },
    file.investigation.openedOn,
  );
}

export function beslutInleda(file: InvestigationFile): CriterionResult {
  const d = file.openingDecision;
  const inv = file.investigation;
  if (d && d.type === "inleda_utredning" && d.reason.trim() !== "") {
    return result(
      "beslut_inleda",
      "met",
      { sv: "Beslut att inleda finns", en: "Decision to open recorded" },
      { type: "decision", id: d.id, date: day(d.decidedAt) },
      inv.openedOn,
    );
  }
  return result(
    "beslut_inleda",
    "not_met",
    { sv: "Inget dokumenterat beslut att inleda", en: "No documented decision to open" },
    { type: "investigation", id: inv.id, date: inv.openedOn },
    inv.openedOn,
  );
}

export function koppling(file: InvestigationFile, asOf: Date): CriterionResult {
  const inv = file.investigation;
  const parts = reportsOf(file).during.map((r): Part => {
    if (r.pre?.outcome === "koppla" && r.pre.linkedInvestigationId === inv.id)
      return { outcome: "ok", ref: reportRef(r), detail: { sv: "Kopplad till utredningen", en: "Linked to the investigation" } };
    // Without a förhandsbedömning yet, the report may still be linked within its 14 days.
    if (r.pre === null && clockOutcome(forhandsbedomningDeadline(r.receivedAt), null, asOf) === "pending")
      return { outcome: "pending", ref: reportRef(r), detail: { sv: "Tiden löper", en: "Time still running" } };
    return {
      outcome: "missing",
      ref: reportRef(r),
      detail: { sv: "Anmälan under pågående utredning inte kopplad", en: "Report during the investigation not linked" },
    };
  });
  return combine(
    "koppling",
    parts,
    { sv: "Inga anmälningar under pågående utredning", en: "No reports during the investigation" },
    inv.openedOn,
  );
}

/**
 * The first förlängning that came too late, and the last day it came after: found by asking the
 * handling-time rule (dueDateInForce) about each prefix of the decisions, so the rule stays in one place.
 */
function lateExtension(openedOn: string, extensions: InvestigationFile["extensions"], asOf: Date) {
  const sorted = extensions
    .filter((e) => e.decidedAt.getTime() <= asOf.getTime())
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  for (let k = 0; k < sorted.length; k++) {
    const extension = sorted[k] as (typeof sorted)[number];
    if (dueDateInForce(openedOn, sorted.slice(0, k + 1), asOf).lateExtension)
      return { extension, dueDate: dueDateInForce(openedOn, sorted.slice(0, k), asOf).dueDate };
  }
  return null;
}

export function utredningstid(file: InvestigationFile, asOf: Date): CriterionResult {
  const inv = file.investigation;
  const outcome = investigationOutcome(
    { openedOn: inv.openedOn, completedOn: inv.completedOn, extensions: file.extensions },
    asOf,
  );
  const invRef: RecordRef = { type: "investigation", id: inv.id, date: inv.completedOn ?? outcome.statutoryDueDate };
  if (outcome.lateExtension && (outcome.within4MonthsOrExtended === "late" || outcome.within4MonthsOrExtended === "overdue")) {
    const late = lateExtension(inv.openedOn, file.extensions, asOf);
    return result(
      "utredningstid",
      "not_met",
      late
        ? {
            sv: `Förlängning beslutad ${day(late.extension.decidedAt)}, efter slutdagen ${late.dueDate}: räknas inte`,
            en: `Förlängning decided ${day(late.extension.decidedAt)}, after the last day ${late.dueDate}: does not count`,
          }
        : {
            sv: "Förlängning beslutad efter slutdagen räknas inte",
            en: "A förlängning decided after the last day does not count",
          },
      late ? { type: "decision", id: late.extension.id, date: day(late.extension.decidedAt) } : invRef,
      inv.openedOn,
    );
  }
  switch (outcome.within4MonthsOrExtended) {
    case "within":
      return result(
        "utredningstid",
        "met",
        outcome.within4Months === "within"
          ? { sv: "Avslutad inom 4 månader", en: "Completed within 4 months" }
          : { sv: "Avslutad inom förlängd tid", en: "Completed within the extended time" },
        invRef,
        inv.openedOn,
      );
    case "late":
      return result(
        "utredningstid",
        "not_met",
        { sv: "Avslutad efter slutdagen utan förlängning i tid", en: "Completed after the last day without a timely extension" },
        invRef,
        inv.openedOn,
      );
    case "overdue":
      return result(
        "utredningstid",
        "not_met",
        { sv: "Pågår efter slutdagen", en: "Still running after the last day" },
        invRef,
        inv.openedOn,
      );
    default:
      return result(
        "utredningstid",
        "not_applicable",
        { sv: "Pågår, tiden löper", en: "Running, time not run out" },
        invRef,
        inv.openedOn,
      );
  }
}

/** The reason given for completing without a structured assessment, as a reader sees it. */
export function noAssessmentReasonText(reason: string | null, note: string | null): Label | null {
  if (!reason) return null;
  const label = NO_ASSESSMENT_REASON_LABELS[reason as NoAssessmentReason] ?? { sv: reason, en: reason };
  const tail = note?.trim() ? `: ${note.trim()}` : "";
  return { sv: `${label.sv}${tail}`, en: `${label.en}${tail}` };
}

export function struktureradBedomning(file: InvestigationFile, asOf: Date): CriterionResult {
  const inv = file.investigation;
  const signed = file.signedAssessments
    .filter((a) => a.signedAt.getTime() <= asOf.getTime())
    .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime())[0];
  if (signed) {
    return result(
      "strukturerad_bedomning",
      "met",
      { sv: "Signerad strukturerad bedömning", en: "Signed structured assessment" },
      { type: "assessment", id: signed.id, date: day(signed.signedAt) },
      inv.openedOn,
    );
  }
  const completed = inv.completedOn !== null && inv.completedOn <= day(asOf);
  const invRef: RecordRef = { type: "investigation", id: inv.id, date: inv.completedOn ?? inv.openedOn };
  const reason = completed ? noAssessmentReasonText(inv.noAssessmentReason, inv.noAssessmentNote) : null;
  if (reason) {
    return result(
      "strukturerad_bedomning",
      "met",
      { sv: `Skäl dokumenterat: ${reason.sv}`, en: `Reason documented: ${reason.en}` },
      invRef,
      inv.openedOn,
    );
  }
  if (!completed)
    return result(
      "strukturerad_bedomning",
      "not_applicable",
      { sv: "Utredningen pågår", en: "The investigation is running" },
      invRef,
      inv.openedOn,
    );
  const { opening, during } = reportsOf(file);
  const concerned = [...opening, ...during].some((r) =>
    r.concerns.some((c) => (ASSESSMENT_CONCERNS as readonly string[]).includes(c)),
  );
  if (!concerned)
    return result(
      "strukturerad_bedomning",
      "not_applicable",
      { sv: "Anmälningarna gäller inte brott eller våld", en: "The reports do not concern crime or violence" },
      invRef,
      inv.openedOn,
    );
  return result(
    "strukturerad_bedomning",
    "not_met",
    { sv: "Ingen signerad bedömning och inget skäl", en: "No signed assessment and no reason" },
    invRef,
    inv.openedOn,
  );
}

/** Every criterion of an utredning's file, in the order of CRITERION_CODES. */
export function evaluateInvestigation(file: InvestigationFile, asOf: Date): CriterionResult[] {
  const inv = file.investigation;
  const invRef: RecordRef = { type: "investigation", id: inv.id, date: inv.openedOn };
  return [
    skyddsbedomning(file, asOf),
    forhandsbedomning(file, asOf),
    beslutInleda(file),
    koppling(file, asOf),
    utredningstid(file, asOf),
    struktureradBedomning(file, asOf),
    manual("barnets_syn_utredning", invRef, inv.openedOn),
    manual("analys_kvalitet", invRef, inv.openedOn),
    ...evaluateLvu(file.lvuProcesses, asOf, inv.openedOn),
  ];
}

// ── Insats ──────────────────────────────────────────────────────────────────────────────────────

const insatsRef = (file: InsatsFile, date: string): RecordRef => ({ type: "insats", id: file.insats.id, date });

/** Signed plans as of `asOf`, first version first. */
const signedPlans = (file: InsatsFile, asOf: Date) =>
  file.plans.filter((p) => p.signedAt !== null && p.signedAt.getTime() <= asOf.getTime()).sort((a, b) => a.version - b.version);

export function verkstallighet(file: InsatsFile, asOf: Date): CriterionResult {
  const i = file.insats;
  if (i.legalForm !== "bistand") {
    // Only a bistånd decision has the three-month limit; a serviceinsats, LVU care or a påföljd does not.
    const form = LEGAL_FORM_LABELS[i.legalForm as LegalForm] ?? { sv: i.legalForm, en: i.legalForm };
    return result(
      "verkstallighet",
      "not_applicable",
      { sv: `${form.sv}: inget biståndsbeslut`, en: `${form.en}: no bistånd decision` },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  }
  const due = ivoDueDate(i.decidedOn);
  const today = day(asOf);
  const started = i.startedOn !== null && i.startedOn <= today ? i.startedOn : null;
  if (started !== null && started <= due)
    return result(
      "verkstallighet",
      "met",
      { sv: `Verkställt ${started}, senast ${due}`, en: `Executed ${started}, due ${due}` },
      insatsRef(file, started),
      i.decidedOn,
    );
  if (started === null && (today <= due || (i.endedOn !== null && i.endedOn <= due)))
    return result(
      "verkstallighet",
      "not_applicable",
      today <= due
        ? { sv: `Tiden löper till ${due}`, en: `Time runs until ${due}` }
        : { sv: "Avslutat utan verkställighet inom tiden", en: "Ended without execution within the time" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  const late: Label = started
    ? { sv: `Verkställt ${started}, efter ${due}`, en: `Executed ${started}, after ${due}` }
    : { sv: `Inte verkställt, senast ${due}`, en: `Not executed, due ${due}` };
  const reason = i.notStartedReason ? NOT_STARTED_REASON_LABELS[i.notStartedReason as NotStartedReason] : null;
  if (reason || i.notStartedReason) {
    const r = reason ?? { sv: i.notStartedReason as string, en: i.notStartedReason as string };
    return result(
      "verkstallighet",
      "manual",
      {
        sv: `${late.sv}; skäl för IVO-rapporten: ${r.sv} — kontrollera att rapporten lämnats`,
        en: `${late.en}; reason for the IVO report: ${r.en} — check that the report was made`,
      },
      insatsRef(file, started ?? due),
      i.decidedOn,
    );
  }
  return result("verkstallighet", "not_met", late, insatsRef(file, started ?? due), i.decidedOn);
}

export function genomforandeplan(file: InsatsFile, asOf: Date): CriterionResult {
  const i = file.insats;
  const today = day(asOf);
  if (i.startedOn === null || i.startedOn > today)
    return result(
      "genomforandeplan",
      "not_applicable",
      { sv: "Insatsen har inte startat", en: "The insats has not started" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  const days = file.planDueDays ?? PLAN_DUE_DAYS_DEFAULT;
  const first = signedPlans(file, asOf)[0];
  const signedOn = first?.signedAt ? day(first.signedAt) : null;
  const due = planDueDate(i.startedOn, days);
  const state = planState({ startDate: i.startedOn, signedOn, today, days });
  const planRef: RecordRef | null = first && signedOn ? { type: "plan", id: first.id, date: signedOn } : null;
  switch (state) {
    case "ok":
      return result(
        "genomforandeplan",
        "met",
        { sv: `Signerad ${signedOn}, senast ${due}`, en: `Signed ${signedOn}, due ${due}` },
        planRef,
        i.startedOn,
      );
    case "late":
      return result(
        "genomforandeplan",
        "not_met",
        { sv: `Signerad ${signedOn}, efter ${due}`, en: `Signed ${signedOn}, after ${due}` },
        planRef,
        i.startedOn,
      );
    case "missing":
      return result(
        "genomforandeplan",
        "not_met",
        { sv: `Ingen signerad plan, senast ${due}`, en: `No signed plan, due ${due}` },
        insatsRef(file, due),
        i.startedOn,
      );
    default:
      return result(
        "genomforandeplan",
        "not_applicable",
        { sv: `Tiden löper till ${due}`, en: `Time runs until ${due}` },
        insatsRef(file, i.startedOn),
        i.startedOn,
      );
  }
}

export function uppfoljning(file: InsatsFile, asOf: Date): CriterionResult {
  const i = file.insats;
  const today = day(asOf);
  const inForce = signedPlans(file, asOf).at(-1);
  if (!inForce)
    return result(
      "uppfoljning",
      "not_applicable",
      { sv: "Ingen signerad plan", en: "No signed plan" },
      insatsRef(file, i.startedOn ?? i.decidedOn),
      i.decidedOn,
    );
  // A follow-up day after the insats ended is no longer due.
  const dates = [...new Set(inForce.followUpDays)].filter((d) => i.endedOn === null || d <= i.endedOn).sort();
  const parts = dates.map((due): Part => {
    const done = file.followUps
      .filter((f) => f.dueOn === due && f.doneOn <= today)
      .sort((a, b) => (a.doneOn < b.doneOn ? -1 : 1))[0];
    const inTime = followUpInTime(due, done?.doneOn ?? null, today);
    const ref: RecordRef = done
      ? { type: "follow_up", id: done.id, date: done.doneOn }
      : { type: "plan", id: inForce.id, date: due };
    if (inTime === true)
      return {
        outcome: "ok",
        ref,
        detail: { sv: `Följd upp ${done?.doneOn} (${due})`, en: `Followed up ${done?.doneOn} (${due})` },
      };
    if (inTime === false)
      return {
        outcome: "missing",
        ref,
        detail: done
          ? { sv: `Uppföljning ${due} gjord sent (${done.doneOn})`, en: `Follow-up ${due} done late (${done.doneOn})` }
          : { sv: `Uppföljning ${due} inte gjord`, en: `Follow-up ${due} not done` },
      };
    return { outcome: "pending", ref, detail: { sv: `Nästa uppföljning ${due}`, en: `Next follow-up ${due}` } };
  });
  return combine(
    "uppfoljning",
    parts,
    { sv: "Planen har inga uppföljningsdagar", en: "The plan has no follow-up days" },
    i.startedOn ?? i.decidedOn,
  );
}

export function barnetsSynInsats(file: InsatsFile, asOf: Date): CriterionResult {
  const i = file.insats;
  const inForce = signedPlans(file, asOf).at(-1);
  if (!inForce?.signedAt)
    return result(
      "barnets_syn_insats",
      "not_applicable",
      { sv: "Ingen signerad plan", en: "No signed plan" },
      insatsRef(file, i.startedOn ?? i.decidedOn),
      i.decidedOn,
    );
  const ref: RecordRef = { type: "plan", id: inForce.id, date: day(inForce.signedAt) };
  return inForce.youngPersonViews.trim() !== ""
    ? result(
        "barnets_syn_insats",
        "met",
        { sv: "Den unges synpunkter ifyllda", en: "The young person's views filled in" },
        ref,
        i.decidedOn,
      )
    : result(
        "barnets_syn_insats",
        "not_met",
        { sv: "Den unges synpunkter saknas i planen", en: "The young person's views missing from the plan" },
        ref,
        i.decidedOn,
      );
}

export function vardplan(file: InsatsFile, asOf: Date): CriterionResult {
  const i = file.insats;
  const today = day(asOf);
  if (!isPlacement(i.kind))
    return result(
      "vardplan",
      "not_applicable",
      { sv: "Inte en placering", en: "Not a placement" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  const carePlanOn = i.carePlanOn !== null && i.carePlanOn <= today ? i.carePlanOn : null;
  const started = i.startedOn !== null && i.startedOn <= today ? i.startedOn : null;
  if (carePlanOn !== null && (started === null || carePlanOn <= started))
    return result(
      "vardplan",
      "met",
      started
        ? { sv: `Vårdplan ${carePlanOn}, placering ${started}`, en: `Care plan ${carePlanOn}, placement ${started}` }
        : { sv: `Vårdplan ${carePlanOn}`, en: `Care plan ${carePlanOn}` },
      insatsRef(file, carePlanOn),
      i.decidedOn,
    );
  if (started === null)
    return result(
      "vardplan",
      "not_applicable",
      { sv: "Placeringen har inte börjat", en: "The placement has not begun" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  return result(
    "vardplan",
    "not_met",
    carePlanOn
      ? {
          sv: `Vårdplan ${carePlanOn}, efter placeringen ${started}`,
          en: `Care plan ${carePlanOn}, after the placement ${started}`,
        }
      : { sv: `Ingen vårdplan, placering ${started}`, en: `No care plan, placement ${started}` },
    insatsRef(file, started),
    i.decidedOn,
  );
}

export function overvagande(file: InsatsFile, asOf: Date): CriterionResult {
  const i = file.insats;
  const today = day(asOf);
  if (!isPlacement(i.kind))
    return result(
      "overvagande",
      "not_applicable",
      { sv: "Inte en placering", en: "Not a placement" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  // Care under LVU is considered or tried under 13 § LVU: the LVU criteria of the investigation's file.
  if (i.legalForm === "lvu")
    return result(
      "overvagande",
      "not_applicable",
      { sv: "Vård enligt LVU: prövas enligt 13 § LVU", en: "Care under LVU: reviewed under 13 § LVU" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  if (i.startedOn === null || i.startedOn > today)
    return result(
      "overvagande",
      "not_applicable",
      { sv: "Placeringen har inte börjat", en: "The placement has not begun" },
      insatsRef(file, i.decidedOn),
      i.decidedOn,
    );
  const start = i.startedOn;
  const done = file.overvaganden.filter((o) => o.decidedOn <= today).sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : 1));
  let last: string | null = null;
  for (const o of done) {
    const due = nextOvervagande(start, last);
    if (o.decidedOn > due)
      return result(
        "overvagande",
        "not_met",
        { sv: `Övervägande ${o.decidedOn}, senast ${due}`, en: `Review ${o.decidedOn}, due ${due}` },
        { type: "overvagande", id: o.id, date: o.decidedOn },
        start,
      );
    last = o.decidedOn;
  }
  const due = nextOvervagande(start, last);
  // The placement lasts until it ends, or until the review's day.
  const until = i.endedOn !== null && i.endedOn <= today ? i.endedOn : today;
  if (until > due)
    return result(
      "overvagande",
      "not_met",
      { sv: `Inget övervägande, senast ${due}`, en: `No review, due ${due}` },
      insatsRef(file, due),
      start,
    );
  const lastDone = done.at(-1);
  if (!lastDone)
    return result(
      "overvagande",
      "not_applicable",
      { sv: `Första övervägande senast ${due}`, en: `First review due ${due}` },
      insatsRef(file, start),
      start,
    );
  return result(
    "overvagande",
    "met",
    { sv: `Övervägt i tid, nästa senast ${due}`, en: `Reviewed on time, next due ${due}` },
    { type: "overvagande", id: lastDone.id, date: lastDone.decidedOn },
    start,
  );
}

/** Every criterion of an insats's file, in the order of CRITERION_CODES. */
export function evaluateInsats(file: InsatsFile, asOf: Date): CriterionResult[] {
  const i = file.insats;
  const plan = signedPlans(file, asOf).at(-1);
  const planRef: RecordRef | null = plan?.signedAt ? { type: "plan", id: plan.id, date: day(plan.signedAt) } : null;
  return [
    verkstallighet(file, asOf),
    genomforandeplan(file, asOf),
    uppfoljning(file, asOf),
    barnetsSynInsats(file, asOf),
    vardplan(file, asOf),
    overvagande(file, asOf),
    manual("plan_kvalitet", planRef ?? insatsRef(file, i.startedOn ?? i.decidedOn), i.decidedOn),
  ];
}

// ── A reviewer's answers ────────────────────────────────────────────────────────────────────────

/**
 * The verdict that counts: a reviewer's answer on a criterion the system left to judgement
 * ("manual"), otherwise the automatic verdict. Answers on automatically decided criteria are not
 * accepted in the first place (the service refuses them), so they cannot override a record.
 */
export function effectiveVerdict(automatic: Verdict, answer: Verdict | null | undefined): Verdict {
  return automatic === "manual" && answer && answer !== "manual" ? answer : automatic;
}

export interface CriterionSummary {
  code: CriterionCode;
  met: number;
  notMet: number;
  notApplicable: number;
  manual: number;
  /** met / (met + not met); null when nothing was decided. */
  share: number | null;
}

/** Counts per criterion over a review's items (effective verdicts), for the page, export and comparison. */
export function summarise(
  codes: readonly CriterionCode[],
  items: readonly { verdicts: readonly { code: CriterionCode; verdict: Verdict }[] }[],
): CriterionSummary[] {
  return codes.map((code) => {
    const all = items.flatMap((i) => i.verdicts.filter((v) => v.code === code).map((v) => v.verdict));
    const met = all.filter((v) => v === "met").length;
    const notMet = all.filter((v) => v === "not_met").length;
    return {
      code,
      met,
      notMet,
      notApplicable: all.filter((v) => v === "not_applicable").length,
      manual: all.filter((v) => v === "manual").length,
      share: met + notMet === 0 ? null : met / (met + notMet),
    };
  });
}

/** The criteria evaluated for a kind of file (the columns of a review). */
export const codesOf = (kinds: readonly FileKind[]): CriterionCode[] =>
  (Object.keys(CRITERIA) as CriterionCode[]).filter((c) => kinds.includes(CRITERIA[c].fileKind));
