/**
 * The styrdokument register's rules: what a routine or guideline must show before it may be
 * published (who decided it, when, from when it applies, when it is next reviewed) and how its
 * review date stands. Växjö 2024 (seed 000): every routine in the audit lacked a decision-maker, and
 * most a date. Pure, no I/O; dates are Stockholm calendar days ('YYYY-MM-DD').
 */

export const DOCUMENT_KINDS = [
  "rutin",
  "riktlinje",
  "delegationsordning",
  "policy",
  "instruktion",
  "checklista",
  "overenskommelse",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who decided: the nämnd, the förvaltning (its head or management), or a unit. */
export const DECISION_LEVELS = ["namnd", "forvaltning", "enhet"] as const;
export type DecisionLevel = (typeof DECISION_LEVELS)[number];

/** The steps of the case flow (DOMAIN.md) a document can govern, and the whole flow. */
export const PROCESS_STEPS = [
  "aktualisering",
  "skyddsbedomning",
  "forhandsbedomning",
  "utredning",
  "beslut",
  "verkstallighet",
  "genomforande",
  "uppfoljning",
  "avslut",
  "samverkan",
  "hela_processen",
] as const;
export type ProcessStep = (typeof PROCESS_STEPS)[number];

export const DOCUMENT_STATUSES = ["utkast", "publicerad", "upphavd"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A review date this close (days) or closer counts as due soon. */
export const REVIEW_SOON_DAYS = 30;

export interface PublishCandidate {
  decidedBy: DecisionLevel | null;
  decidedOn: string | null;
  validFrom: string | null;
  nextReviewOn: string | null;
  /** The newest version's number, or null when no document is attached. */
  latestVersion: number | null;
  /** The version in force now, if any. */
  publishedVersion: { number: number; decidedOn: string | null } | null;
}

export type PublishProblemCode =
  | "missing"
  | "in_future"
  | "before_decision"
  | "not_after_decision"
  | "in_past"
  | "earlier_than_in_force"
  | "no_version"
  | "already_published";

export interface PublishProblem {
  field: "decidedBy" | "decidedOn" | "validFrom" | "nextReviewOn" | "versions";
  code: PublishProblemCode;
}

/**
 * Everything that keeps a document from being published as of `today`; empty when it may be. A
 * decision needs a decision-maker and a date that has come; the review date lies after both the
 * decision and today; a document is attached and its newest version is not already the one in force;
 * a new version's decision is not older than the one it replaces. An empty validFrom means "from
 * the decision date"; a given one is not before the decision.
 */
export function publishProblems(doc: PublishCandidate, today: string): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (!doc.decidedBy) problems.push({ field: "decidedBy", code: "missing" });
  if (!doc.decidedOn) problems.push({ field: "decidedOn", code: "missing" });
  else if (doc.decidedOn > today) problems.push({ field: "decidedOn", code: "in_future" });
  else if (doc.publishedVersion?.decidedOn && doc.decidedOn < doc.publishedVersion.decidedOn)
    problems.push({ field: "decidedOn", code: "earlier_than_in_force" });
  if (doc.validFrom && doc.decidedOn && doc.validFrom < doc.decidedOn)
    problems.push({ field: "validFrom", code: "before_decision" });
  if (!doc.nextReviewOn) problems.push({ field: "nextReviewOn", code: "missing" });
  else if (doc.decidedOn && doc.nextReviewOn <= doc.decidedOn)
    problems.push({ field: "nextReviewOn", code: "not_after_decision" });
  else if (doc.nextReviewOn <= today) problems.push({ field: "nextReviewOn", code: "in_past" });
  if (doc.latestVersion === null) problems.push({ field: "versions", code: "no_version" });
  else if (doc.publishedVersion?.number === doc.latestVersion) problems.push({ field: "versions", code: "already_published" });
  return problems;
}

export function isPublishable(doc: PublishCandidate, today: string): boolean {
  return publishProblems(doc, today).length === 0;
}

export type ReviewState = "ok" | "due_soon" | "due" | "overdue" | "none";

/** Whole days from `from` to `to` (calendar dates, no time zone involved). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * How a review date stands on `today`: overdue after it, due on the day, due soon within
 * `soonDays` days before it, otherwise ok; none without a date.
 */
export function reviewState(nextReviewOn: string | null, today: string, soonDays = REVIEW_SOON_DAYS): ReviewState {
  if (!nextReviewOn) return "none";
  const left = daysBetween(today, nextReviewOn);
  if (left < 0) return "overdue";
  if (left === 0) return "due";
  if (left <= soonDays) return "due_soon";
  return "ok";
}

/** Days until the review date (negative when past), or null without one. */
export function daysToReview(nextReviewOn: string | null, today: string): number | null {
  return nextReviewOn ? daysBetween(today, nextReviewOn) : null;
}

// ── Attached files ──────────────────────────────────────────────────────────────────────────────

/** The largest document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_FILE_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
} as const;
export type DocumentFileType = keyof typeof DOCUMENT_FILE_TYPES;

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(bytes.length, from + length)));

/** Whether `needle` occurs in the bytes (ASCII), e.g. a ZIP entry name in the central directory. */
function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/**
 * The type of a file judged by its content, never by its name or the declared type: a PDF starts
 * with "%PDF-"; an ODF text document is a ZIP whose first entry is the uncompressed "mimetype" file
 * naming the ODT type (the ODF packaging rule); a DOCX is a ZIP holding "word/document.xml".
 */
export function detectDocumentType(bytes: Uint8Array): DocumentFileType | null {
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  if (ascii(bytes, 0, 4) !== "PK\u0003\u0004") return null;
  if (ascii(bytes, 30, 8) === "mimetype" && ascii(bytes, 38, DOCUMENT_FILE_TYPES.odt.length) === DOCUMENT_FILE_TYPES.odt)
    return "odt";
  if (containsAscii(bytes, "word/document.xml")) return "docx";
  return null;
}
