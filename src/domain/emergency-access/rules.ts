/**
 * Nödåtkomst (emergency access) as pure rules: how long a grant lives, whether it is live at an
 * instant, what a request must state, and what a review must hold. No I/O: the service asks these
 * functions and refuses with the problem they name.
 *
 * Why the access scope may be widened at all, and why only like this:
 * - Lag (2001:454) om behandling av personuppgifter inom socialtjänsten, 6 §: personal data may be
 *   processed only when it is needed for work within the social services. Staff see their own
 *   district's persons because that is their work; an acute case outside it (akut skyddsbehov, a
 *   jourärende out of office hours) can make another district's file needed for a few hours. The
 *   grant is the documented reason why it was needed, and its limits keep it to that need.
 * - Offentlighets- och sekretesslagen (2009:400) 26 kap. 1 §: the files are secret within the
 *   authority too, so every read under a grant is logged with the stated reason and the grant is
 *   reviewed afterwards, as HSLF-FS 2016:40 4 kap. 9 § asks of health care's log review (applied
 *   here by analogy, as the log review of egenkontroll does).
 * The four hours, the categories and the minimum length of the reason are local choices, not law.
 */

/** How long a grant lives from the moment it is given. */
export const EMERGENCY_ACCESS_HOURS = 4;
export const EMERGENCY_ACCESS_MS = EMERGENCY_ACCESS_HOURS * 3_600_000;
/** A reason shorter than this says nothing a reviewer can judge ("akut", "jour"). */
export const MIN_REASON_LENGTH = 20;
export const MAX_REASON_LENGTH = 1000;
export const MAX_REVIEW_NOTE_LENGTH = 2000;

export const EMERGENCY_CATEGORIES = ["akut_skyddsbehov", "jourarende", "annat"] as const;
export type EmergencyCategory = (typeof EMERGENCY_CATEGORIES)[number];

export const EMERGENCY_CATEGORY_LABELS: Record<EmergencyCategory, { sv: string; en: string }> = {
  akut_skyddsbehov: { sv: "Akut skyddsbehov", en: "Acute need of protection" },
  jourarende: { sv: "Jourärende", en: "Out-of-hours case" },
  annat: { sv: "Annat akut behov", en: "Other urgent need" },
};

export const REVIEW_VERDICTS = ["godkand", "ifragasatt"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const REVIEW_VERDICT_LABELS: Record<ReviewVerdict, { sv: string; en: string }> = {
  godkand: { sv: "Godkänd", en: "Approved" },
  ifragasatt: { sv: "Ifrågasatt", en: "Questioned" },
};

/** When a grant given at `grantedAt` ends by itself. */
export function grantExpiresAt(grantedAt: Date): Date {
  return new Date(grantedAt.getTime() + EMERGENCY_ACCESS_MS);
}

export interface GrantTimes {
  grantedAt: Date;
  expiresAt: Date;
  /** Set when the user ended the access before it ran out. */
  endedAt: Date | null;
}

/** The instant the access stops: the end the user chose, or the expiry, whichever came first. */
export function grantClosesAt(grant: GrantTimes): Date {
  return grant.endedAt && grant.endedAt < grant.expiresAt ? grant.endedAt : grant.expiresAt;
}

/** Live from the instant it is given up to (not including) its expiry or end. */
export function isGrantLive(grant: GrantTimes, now: Date): boolean {
  return now >= grant.grantedAt && now < grantClosesAt(grant);
}

/** Milliseconds left of a grant at `now`: 0 once it is over, never more than the full period. */
export function timeLeftMs(grant: GrantTimes, now: Date): number {
  if (now < grant.grantedAt) return Math.min(EMERGENCY_ACCESS_MS, grantClosesAt(grant).getTime() - grant.grantedAt.getTime());
  return Math.max(0, grantClosesAt(grant).getTime() - now.getTime());
}

/** Whole minutes left, rounded up, for the banner: "1 minute" until the last second has passed. */
export function minutesLeft(grant: GrantTimes, now: Date): number {
  return Math.ceil(timeLeftMs(grant, now) / 60_000);
}

export type RequestProblem = "reason_required" | "reason_too_short" | "reason_too_long" | "category_required";

/** What is wrong with a request's reason and category; an empty list when it may be granted. */
export function requestProblems(input: {
  category: string | null | undefined;
  reason: string | null | undefined;
}): RequestProblem[] {
  const problems: RequestProblem[] = [];
  if (!input.category || !(EMERGENCY_CATEGORIES as readonly string[]).includes(input.category))
    problems.push("category_required");
  const reason = (input.reason ?? "").trim();
  if (reason.length === 0) problems.push("reason_required");
  else if (reason.length < MIN_REASON_LENGTH) problems.push("reason_too_short");
  else if (reason.length > MAX_REASON_LENGTH) problems.push("reason_too_long");
  return problems;
}

export type ReviewProblem = "note_required" | "grant_still_live" | "already_reviewed" | "own_grant";

/**
 * Whether a reviewer may record this verdict now. A grant is reviewed once it is over, so the
 * review covers every read made under it; nobody reviews their own grant; a questioned grant
 * carries a note saying what was questioned (an approval may have one).
 */
export function reviewProblem(
  input: { verdict: ReviewVerdict; note: string | null | undefined },
  grant: GrantTimes & { userId: string; reviewedAt: Date | null },
  reviewerId: string,
  now: Date,
): ReviewProblem | null {
  if (grant.userId === reviewerId) return "own_grant";
  if (grant.reviewedAt) return "already_reviewed";
  if (isGrantLive(grant, now)) return "grant_still_live";
  if (input.verdict === "ifragasatt" && (input.note ?? "").trim().length === 0) return "note_required";
  return null;
}
