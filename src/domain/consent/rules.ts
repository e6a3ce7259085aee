import { addCalendarDays, addCalendarMonths } from "../clocks";
import { ageOn } from "../personnummer";
import type { Agency, ConsentGiver, ForumType, Guardianship, InformationCategory } from "./vocabulary";

/**
 * Samtycke (consent) as pure rules: who must give it, how long it may run, and whether it covers a
 * forum meeting or a disclosure to an agency on a given day. No I/O: the services ask these
 * functions and refuse with the reason they give.
 *
 * The law behind the guardians' rule, as far as it was checked:
 * - Offentlighets- och sekretesslagen (2009:400) 12 kap. 2 §: the one the secrecy protects may
 *   waive it, wholly or in part; information about a young person may go to school, police,
 *   fritid or health care on the strength of that waiver (the samtycke).
 * - OSL 12 kap. 3 §: secrecy protecting a minor holds against the guardian too, except as far as
 *   the guardian decides the child's personal matters under föräldrabalken 6 kap. 11 §; where it
 *   does not hold against the guardian, the guardian disposes of it alone or, depending on the
 *   minor's age and maturity, together with the minor.
 * The law states no fixed ages: "age and maturity". The thresholds below are the working practice
 * of social services (and the issue's decision), not the law's words: under 15 the guardians
 * decide; 15–17 the young person and the guardians together; from 18 the young person alone.
 * With joint custody both guardians decide (that they must act together is föräldrabalken 6 kap.;
 * the exact section was not verified here), so both must consent; with sole custody one suffices.
 */
export const ADULT_AGE = 18;
export const OWN_SAY_AGE = 15;
/** The longest a consent may run: a new one is asked for at least yearly (a local choice, not law). */
export const MAX_VALIDITY_MONTHS = 12;
/** How far ahead the start page warns of consents about to run out. */
export const EXPIRY_WARNING_DAYS = 30;

export interface Givers {
  givenBy: readonly ConsentGiver[];
  /** Needed for a minor: whether one guardian has custody alone. */
  guardianship: Guardianship | null;
}

export type GiverProblem = "young_person_required" | "guardians_required" | "both_guardians_required" | "guardianship_required";

/** The givers a consent needs for a person of this age, and what is missing; null when it is enough. */
export function giverProblem(input: Givers, age: number): GiverProblem | null {
  const given = new Set(input.givenBy);
  const young = given.has("den_unge");
  const guardians = (given.has("vardnadshavare_1") ? 1 : 0) + (given.has("vardnadshavare_2") ? 1 : 0);
  if (age >= ADULT_AGE) {
    // An adult disposes of their own secrecy: a guardian's signature beside theirs changes nothing.
    return young ? null : "young_person_required";
  }
  if (age >= OWN_SAY_AGE && !young) return "young_person_required";
  if (!input.guardianship) return "guardianship_required";
  if (guardians === 0) return "guardians_required";
  if (input.guardianship === "gemensam" && guardians < 2) return "both_guardians_required";
  return null;
}

/** The person's age on the day the consent starts: the day its givers must have had the say. */
export function giverProblemFor(input: Givers, birthDate: string, validFrom: string): GiverProblem | null {
  return giverProblem(input, ageOn(birthDate, validFrom));
}

export type ValidityProblem = "until_before_from" | "too_long";

/** A consent runs from one day to another, at most MAX_VALIDITY_MONTHS. */
export function validityProblem(validFrom: string, validUntil: string): ValidityProblem | null {
  if (validUntil < validFrom) return "until_before_from";
  if (validUntil > addCalendarMonths(validFrom, MAX_VALIDITY_MONTHS)) return "too_long";
  return null;
}

export interface ConsentScope {
  agencies: readonly Agency[];
  categories: readonly InformationCategory[];
  /** Forums named one by one. */
  forumIds: readonly string[];
  /** "Any forum of this type", e.g. every SIG meeting of the district. */
  forumTypes: readonly ForumType[];
}

export interface ConsentFacts extends ConsentScope {
  validFrom: string;
  validUntil: string;
  /** The day the revocation took effect; the consent covers nothing from that day on. */
  revokedOn: string | null;
}

export type CoverTarget =
  | { kind: "forum"; forumId: string; forumType: ForumType; agencies: readonly Agency[] }
  | { kind: "agency"; agency: Agency; categories: readonly InformationCategory[] };

export type CoverReason =
  | "not_yet_valid"
  | "expired"
  | "revoked"
  | "forum_not_covered"
  | "agency_not_covered"
  | "category_not_covered";

export type Cover = { ok: true } | { ok: false; reason: CoverReason; missing?: string[] };

/**
 * Whether a consent covers sharing on day `at`. A forum meeting is covered when the consent names
 * the forum or its type and every agency that sits in the forum: the person agreed to those
 * agencies hearing about them, and a forum with police in it is not covered by a consent for the
 * school alone. A disclosure is covered when the agency and every category shared are named.
 */
export function covers(consent: ConsentFacts, target: CoverTarget, at: string): Cover {
  if (consent.revokedOn !== null && consent.revokedOn <= at) return { ok: false, reason: "revoked" };
  if (at < consent.validFrom) return { ok: false, reason: "not_yet_valid" };
  if (at > consent.validUntil) return { ok: false, reason: "expired" };
  if (target.kind === "forum") {
    if (!consent.forumIds.includes(target.forumId) && !consent.forumTypes.includes(target.forumType))
      return { ok: false, reason: "forum_not_covered" };
    const missing = target.agencies.filter((a) => !consent.agencies.includes(a));
    if (missing.length) return { ok: false, reason: "agency_not_covered", missing };
    return { ok: true };
  }
  if (!consent.agencies.includes(target.agency)) return { ok: false, reason: "agency_not_covered", missing: [target.agency] };
  const missing = target.categories.filter((c) => !consent.categories.includes(c));
  if (missing.length) return { ok: false, reason: "category_not_covered", missing };
  return { ok: true };
}

/**
 * The first consent that covers the target, or why none does (the reason of the consent that came
 * closest, in the order below, so the refusal names the most useful fix).
 */
export function findCover<C extends ConsentFacts>(
  consents: readonly C[],
  target: CoverTarget,
  at: string,
): { ok: true; consent: C } | { ok: false; reason: CoverReason | "no_consent"; missing?: string[] } {
  const order: CoverReason[] = [
    "category_not_covered",
    "agency_not_covered",
    "revoked",
    "expired",
    "not_yet_valid",
    "forum_not_covered",
  ];
  let best: { reason: CoverReason; missing?: string[] } | null = null;
  for (const c of consents) {
    const r = covers(c, target, at);
    if (r.ok) return { ok: true, consent: c };
    if (!best || order.indexOf(r.reason) < order.indexOf(best.reason)) best = { reason: r.reason, missing: r.missing };
  }
  return best ? { ok: false, ...best } : { ok: false, reason: "no_consent" };
}

export type RevocationProblem = "already_revoked" | "in_future" | "before_recorded";

/**
 * A consent may be revoked at any time, from today or a past day it was said (e.g. on the phone
 * yesterday), but not before it was recorded, and only once: the record is never deleted.
 */
export function revocationProblem(
  consent: { revokedOn: string | null; recordedOn: string },
  on: string,
  today: string,
): RevocationProblem | null {
  if (consent.revokedOn !== null) return "already_revoked";
  if (on > today) return "in_future";
  if (on < consent.recordedOn) return "before_recorded";
  return null;
}

/** A consent in force today that ends within EXPIRY_WARNING_DAYS: time to ask for a new one. */
export function expiresSoon(consent: ConsentFacts, today: string, days = EXPIRY_WARNING_DAYS): boolean {
  if (consent.revokedOn !== null && consent.revokedOn <= today) return false;
  return consent.validUntil >= today && consent.validUntil <= addCalendarDays(today, days);
}

/** The state shown beside a consent. */
export function consentState(consent: ConsentFacts, today: string): "aktivt" | "kommande" | "utganget" | "aterkallat" {
  if (consent.revokedOn !== null && consent.revokedOn <= today) return "aterkallat";
  if (today < consent.validFrom) return "kommande";
  if (today > consent.validUntil) return "utganget";
  return "aktivt";
}
