import { z } from "zod";
import { ANSWERS, CRITERION_CODES, FILE_KINDS, REVIEW_KINDS, VERDICTS } from "../domain/file-review/definitions";
import { MAX_SAMPLE_SIZE, MAX_SEED } from "../domain/file-review/sample";
import { day, pageQuery, safeText } from "./common";

const label = z.object({ sv: z.string(), en: z.string() });

// ── Requests ────────────────────────────────────────────────────────────────────────────────────

export const createFileReviewBody = z
  .strictObject({
    districtIds: z.array(z.uuid()).min(1).max(100),
    unitIds: z.array(z.uuid()).max(200).default([]),
    from: day,
    to: day,
    kind: z.enum(REVIEW_KINDS),
    sampleSize: z.number().int().min(1).max(MAX_SAMPLE_SIZE),
    seed: z.number().int().min(0).max(MAX_SEED),
  })
  .refine((b) => b.from <= b.to, { path: ["to"], message: "Före periodens början / Before the period's start" });

export const fileReviewListQuery = z.strictObject({ ...pageQuery });

export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const actionParams = z.strictObject({ id: z.uuid(), actionId: z.uuid() });
/** A finding is named "<itemId>:<criterion>" (see `finding` below). */
export const findingParams = z.strictObject({
  id: z.uuid(),
  findingId: safeText.regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[a-z_]{1,40}$/,
    "<item id>:<criterion>",
  ),
});

/** Answers on the criteria left to judgement (null clears one), and the comment on the file. */
export const updateItemBody = z
  .strictObject({
    answers: z.partialRecord(z.enum(CRITERION_CODES), z.enum(ANSWERS).nullable()).optional(),
    comment: safeText.trim().max(5_000).optional(),
  })
  .refine((b) => b.answers !== undefined || b.comment !== undefined, {
    path: ["answers"],
    message: "Ange svar eller kommentar / Give answers or a comment",
  });

/** Optional: a sign request may carry the conclusion, or no body at all. */
export const signBody = z.strictObject({ conclusion: safeText.trim().max(10_000).optional() }).nullish();

export const exportQuery = z.strictObject({ format: z.enum(["xlsx", "pdf"]) });

export const createActionBody = z.strictObject({
  /** The finding acted on: an item and one of its criteria, or neither for the review as a whole. */
  itemId: z.uuid().optional(),
  criterionCode: z.enum(CRITERION_CODES).optional(),
  finding: safeText.trim().min(1).max(2_000),
  action: safeText.trim().min(1).max(2_000),
  responsibleId: z.uuid(),
  dueOn: day,
});

export const updateActionBody = z
  .strictObject({
    action: safeText.trim().min(1).max(2_000).optional(),
    responsibleId: z.uuid().optional(),
    dueOn: day.optional(),
    followUpNote: safeText.trim().max(5_000).optional(),
    /** The day the action was done; null reopens it. */
    doneOn: day.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { path: ["action"], message: "Inget att ändra / Nothing to change" });

// ── Responses ───────────────────────────────────────────────────────────────────────────────────

const recordRef = z.object({
  type: z.enum([
    "report",
    "investigation",
    "decision",
    "assessment",
    "insats",
    "plan",
    "follow_up",
    "overvagande",
    "lvu_process",
  ]),
  id: z.uuid(),
  date: z.string(),
});

export const criterionDefinition = z.object({
  code: z.enum(CRITERION_CODES),
  fileKind: z.enum(FILE_KINDS),
  automatic: z.boolean(),
  name: label,
  rule: label,
});

export const itemVerdict = z.object({
  code: z.enum(CRITERION_CODES),
  /** The verdict that counts: the reviewer's answer where the system left it to them, else the computed one. */
  verdict: z.enum(VERDICTS),
  /** The verdict the records gave; "manual" where a reviewer must judge. */
  automaticVerdict: z.enum(VERDICTS),
  detail: label,
  ref: recordRef.nullable(),
  /** The rule's source, as in force on the ref's date. */
  law: z.string(),
});

export const reviewItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  recordType: z.enum(["investigation", "insats"]),
  recordId: z.uuid(),
  fileKind: z.enum(FILE_KINDS),
  caseId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  districtId: z.uuid(),
  fileDate: z.string(),
  label: z.string(),
  verdicts: z.array(itemVerdict),
  comment: z.string(),
  updatedAt: z.string().nullable(),
});

const counts = z.object({
  met: z.number().int(),
  notMet: z.number().int(),
  notApplicable: z.number().int(),
  manual: z.number().int(),
  share: z.number().nullable(),
});
export const criterionSummary = counts.extend({ code: z.enum(CRITERION_CODES) });

/**
 * A finding: a file whose criterion was not met. The hook for avvikelser and actions: the id
 * ("<itemId>:<criterion>") names it, the text says what was found without naming the person.
 */
export const finding = z.object({
  id: z.string(),
  itemId: z.uuid(),
  criterionCode: z.enum(CRITERION_CODES),
  text: z.string(),
  caseId: z.uuid(),
  recordType: z.enum(["investigation", "insats"]),
  recordId: z.uuid(),
  ref: recordRef.nullable(),
  /** The avvikelse raised from this finding (in this version or another of the series), if any. */
  deviationId: z.uuid().nullable(),
});

/** The answer to "make an avvikelse of this finding": the finding and the avvikelse made. */
export const findingDeviation = z.object({ findingId: z.string(), deviationId: z.uuid() });

export const reviewAction = z.object({
  id: z.uuid(),
  itemId: z.uuid().nullable(),
  criterionCode: z.enum(CRITERION_CODES).nullable(),
  findingId: z.string().nullable(),
  finding: z.string(),
  action: z.string(),
  responsibleId: z.uuid(),
  responsibleName: z.string(),
  dueOn: z.string(),
  followUpNote: z.string(),
  doneOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const comparison = z.object({
  previousId: z.uuid(),
  previousVersion: z.number().int(),
  previousFrom: z.string(),
  previousTo: z.string(),
  previousSignedAt: z.string().nullable(),
  rows: z.array(z.object({ code: z.enum(CRITERION_CODES), before: counts, now: counts })),
});

const reviewHeader = {
  id: z.uuid(),
  seriesId: z.uuid(),
  version: z.number().int(),
  previousVersionId: z.uuid().nullable(),
  /** No later version of the series exists. */
  latest: z.boolean(),
  districts: z.array(z.object({ id: z.uuid(), name: safeText })),
  unitIds: z.array(z.uuid()),
  from: safeText,
  to: safeText,
  kind: z.enum(REVIEW_KINDS),
  sampleSize: z.number().int(),
  seed: z.number().int(),
  populationSize: z.number().int(),
  drawn: z.number().int(),
  tookAll: z.boolean(),
  asOf: safeText,
  createdAt: safeText,
  createdByName: safeText,
  signedAt: safeText.nullable(),
  signedByName: safeText.nullable(),
};

export const fileReviewSummary = z.object(reviewHeader);
export const fileReviewList = z.object({ items: z.array(fileReviewSummary), nextCursor: z.string().nullable() });

export const fileReview = z.object({
  ...reviewHeader,
  conclusion: z.string(),
  /** How the sample was drawn, in words. */
  method: label,
  /** What the reader must know about the sample: it took every file, or there were none. */
  notes: z.array(z.object({ code: z.enum(["took_all", "empty_population"]), text: label })),
  criteria: z.array(criterionDefinition),
  items: z.array(reviewItem),
  summary: z.array(criterionSummary),
  comparison: comparison.nullable(),
  findings: z.array(finding),
  actions: z.array(reviewAction),
  /** Staff of the review's districts, who can be made responsible for an action. */
  staff: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type FileReview = z.infer<typeof fileReview>;
export type FileReviewSummary = z.infer<typeof fileReviewSummary>;
