import { addCalendarMonths } from "./clocks";
import type { Role } from "./roles";

export const REPORT_KINDS = ["orosanmalan", "ansokan"] as const;

/** Reporter categories; fritid/civilsamhälle is the one Stockholm's system lacked. */
export const REPORTER_CATEGORIES = [
  "polis",
  "skola",
  "forskola",
  "halso_sjukvard",
  "bup",
  "socialtjanst",
  "fritid_civilsamhalle",
  "familj_anhorig",
  "den_unge",
  "anonym",
  "annan",
] as const;

export const CONCERNS = ["brott", "vald", "missbruk", "skolfranvaro", "hemforhallanden", "psykisk_ohalsa", "annat"] as const;

export const PRE_ASSESSMENT_OUTCOMES = ["inleda", "inte_inleda", "overlamna", "koppla"] as const;
export type PreAssessmentOutcome = (typeof PRE_ASSESSMENT_OUTCOMES)[number];

export const DECISION_TYPES = [
  "inleda_utredning",
  "inte_inleda_utredning",
  "forlangning",
  "bistand",
  "avslag",
  "ingen_atgard",
  "uppfoljning",
  "lvu_ansokan",
  "lul_yttrande",
  "lvu_placering",
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** Decisions that end an investigation (the beslut after utredning). */
export const CONCLUDING_DECISIONS: readonly DecisionType[] = ["bistand", "avslag", "ingen_atgard", "lvu_ansokan"];

/**
 * The delegation that applies in a district that has not configured its own: opening and not
 * opening, no action and follow-up by the handläggare; the rest by the enhetschef.
 */
export const DEFAULT_DELEGATION: Record<DecisionType, readonly Role[]> = {
  inleda_utredning: ["handlaggare", "enhetschef"],
  inte_inleda_utredning: ["handlaggare", "enhetschef"],
  forlangning: ["enhetschef"],
  bistand: ["enhetschef"],
  avslag: ["enhetschef"],
  ingen_atgard: ["handlaggare", "enhetschef"],
  uppfoljning: ["handlaggare", "enhetschef"],
  lvu_ansokan: ["enhetschef"],
  /** To issue (sign) a yttrande under LUL 11 §/28 § on the nämnd's behalf. */
  lul_yttrande: ["enhetschef"],
  /** Where LVU care is given (LVU 11 §). */
  lvu_placering: ["enhetschef"],
};

/**
 * LVU decisions the law reserves for the nämnd or its särskild avdelning (SoL (2001:453) 10 kap.
 * 4 §) or, for an urgent omedelbart omhändertagande, its chair or an appointed member (LVU 6 §
 * andra stycket): recorded with who took them (src/domain/lvu/vocabulary.ts ALLOWED_MAKERS), never
 * delegated to staff, so they are not in the delegation list.
 */
export const NAMND_DECISION_TYPES = ["lvu_omedelbart_omhandertagande", "lvu_overvagande", "lvu_upphorande"] as const;

/** Only these roles take decisions in a case; a delegation list names no others. */
export const DELEGABLE_ROLES: readonly Role[] = ["handlaggare", "samordnare", "enhetschef"];

/**
 * Roles allowed to take a decision type, given a district's configured rows (empty = default). A
 * type the district's list does not name yet (added after the list was saved) follows the default
 * until the list is saved again, which must name every type.
 */
export function delegatedRoles(configured: { decisionType: string; role: string }[], type: DecisionType): readonly Role[] {
  if (configured.length === 0) return DEFAULT_DELEGATION[type];
  const rows = configured.filter((d) => d.decisionType === type).map((d) => d.role as Role);
  return rows.length > 0 ? rows : DEFAULT_DELEGATION[type];
}

// ── Återaktualisering (re-referral): the one definition of the whole system ───────────────────────

/** How long after an end (a closed case, an ended insats) a new report makes it a re-referral. */
export const RE_REFERRAL_MONTHS = 12;

/**
 * The last day of the re-referral window of an end day: RE_REFERRAL_MONTHS calendar months later
 * (addCalendarMonths: 2024-02-29 → 2025-02-28, 2024-05-31 → 2025-05-31).
 */
export function reReferralWindowEnd(endDay: string): string {
  return addCalendarMonths(endDay, RE_REFERRAL_MONTHS);
}

/**
 * Återaktualisering: a report (orosanmälan or ansökan) received on a later Stockholm day than the
 * end day and at most RE_REFERRAL_MONTHS calendar months after it (the window's last day
 * included). A report on the end day itself belongs to what just ended, not to a new need.
 * Used by the case flow (a new report after the person's last closed case in the district) and by
 * the effect report (a new report on the person after an insats ended); only the end event
 * differs. Days are 'YYYY-MM-DD'.
 */
export function isWithinReReferralWindow(endDay: string, reportDay: string): boolean {
  return reportDay > endDay && reportDay <= reReferralWindowEnd(endDay);
}

/**
 * Whether an end has been followed by a re-referral, as an indicator counts it on `today`: only
 * once its window has closed (today after the window's last day) is it "yes" or "no"; until then
 * it is "pending", whether or not a report already came. Counting an early "yes" while the "no"s
 * must wait would make every recent period look like 100 % re-referred. `firstReportDay` is the
 * first day after the end day with a report on the person (null when none).
 */
export function reReferralOutcome(endDay: string, firstReportDay: string | null, today: string): "yes" | "no" | "pending" {
  if (today <= reReferralWindowEnd(endDay)) return "pending";
  return firstReportDay !== null && isWithinReReferralWindow(endDay, firstReportDay) ? "yes" : "no";
}

/** A report received after the day the person's last case closed, within its window, is an återaktualisering. */
export function isReReferral(receivedOn: string, lastClosedOn: string | null): boolean {
  return lastClosedOn !== null && isWithinReReferralWindow(lastClosedOn, receivedOn);
}

/**
 * Work done in a case, as far as closing the case matters to it. A closed case is closed: new work
 * goes into a new case, which a new report opens (an återaktualisering when it comes within
 * RE_REFERRAL_MONTHS). Two things remain possible, because the law asks for them after the end:
 * the uppföljning decision when guardians declined an insats (SoL (2025:400), formerly 11 kap.
 * 4 a § SoL (2001:453)), and a correction of a journal entry (a record is corrected, never erased).
 * Insatser already decided run to their end under their own rules; they are not new work.
 */
export const CASE_WORK = [
  "decision",
  "uppfoljning",
  "insats",
  "assessment",
  "journal",
  "journal_correction",
  "assignment",
  "record",
] as const;
export type CaseWork = (typeof CASE_WORK)[number];
export const CLOSED_CASE_ACCEPTS: readonly CaseWork[] = ["uppfoljning", "journal_correction"];

/** Whether a case closed or open accepts the work. */
export function caseAccepts(closed: boolean, work: CaseWork): boolean {
  return !closed || CLOSED_CASE_ACCEPTS.includes(work);
}
