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
};

/** Only these roles take decisions in a case; a delegation list names no others. */
export const DELEGABLE_ROLES: readonly Role[] = ["handlaggare", "samordnare", "enhetschef"];

/** Roles allowed to take a decision type, given a district's configured rows (empty = default). */
export function delegatedRoles(configured: { decisionType: string; role: string }[], type: DecisionType): readonly Role[] {
  if (configured.length === 0) return DEFAULT_DELEGATION[type];
  return configured.filter((d) => d.decisionType === type).map((d) => d.role as Role);
}

/** A report within 12 months of a closed case is an återaktualisering. */
export function isReReferral(receivedOn: string, lastClosedOn: string | null): boolean {
  if (!lastClosedOn) return false;
  const [y, m, d] = lastClosedOn.split("-").map(Number) as [number, number, number];
  const limit = `${String(y + 1).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return receivedOn >= lastClosedOn && receivedOn <= limit;
}
