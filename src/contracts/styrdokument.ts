import { z } from "zod";
import {
  DECISION_LEVELS,
  DOCUMENT_FILE_TYPES,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  PROCESS_STEPS,
} from "../domain/governance/styrdokument";
import { day, safeText, textUpTo } from "./common";

const text = (max: number) => safeText.trim().min(1).max(max);

const editable = {
  title: text(200),
  kind: z.enum(DOCUMENT_KINDS),
  description: safeText.trim().max(4000),
  processSteps: z.array(z.enum(PROCESS_STEPS)).max(PROCESS_STEPS.length),
  ownerId: z.uuid(),
  districtIds: z.array(z.uuid()).min(1).max(100),
  decidedBy: z.enum(DECISION_LEVELS).nullable(),
  decidedOn: day.nullable(),
  validFrom: day.nullable(),
  nextReviewOn: day.nullable(),
};

export const createDocumentBody = z.strictObject({
  ...editable,
  description: editable.description.default(""),
  processSteps: editable.processSteps.default([]),
  decidedBy: editable.decidedBy.default(null),
  decidedOn: editable.decidedOn.default(null),
  validFrom: editable.validFrom.default(null),
  nextReviewOn: editable.nextReviewOn.default(null),
});

/** Any subset of the fields, with the revision the edit was made on (409 when another came first). */
export const updateDocumentBody = z
  .strictObject(editable)
  .partial()
  .extend({ revision: z.number().int().min(1) });

export const revisionBody = z.strictObject({ revision: z.number().int().min(1) });

/**
 * A file as base64 in JSON: the API takes JSON only (no multipart dependency), and a 10 MB file is
 * 13.4 MB of base64, under this route's own body limit.
 */
export const uploadVersionBody = z.strictObject({
  revision: z.number().int().min(1),
  filename: safeText
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\\/\u0000-\u001f]+$/, "Ogiltigt filnamn / Invalid file name"),
  contentBase64: textUpTo(15_000_000).min(1),
  note: safeText.trim().max(2000).default(""),
});

export const documentQuery = z.strictObject({
  status: z.enum(DOCUMENT_STATUSES).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  processStep: z.enum(PROCESS_STEPS).optional(),
  districtId: z.uuid().optional(),
  q: safeText.trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: safeText.max(400).optional(),
});

export const documentVersionParams = z.strictObject({ id: z.uuid(), versionId: z.uuid() });

const reviewState = z.enum(["ok", "due_soon", "due", "overdue", "none"]);

const decision = z.object({
  decidedBy: z.enum(DECISION_LEVELS).nullable(),
  decidedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
});

export const documentVersion = z.object({
  id: z.uuid(),
  number: z.number().int(),
  filename: z.string(),
  contentType: z.enum(Object.values(DOCUMENT_FILE_TYPES) as [string, ...string[]]),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  note: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  ...decision.shape,
});

export const documentSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  processSteps: z.array(z.enum(PROCESS_STEPS)),
  ownerId: z.uuid(),
  ownerName: z.string(),
  districtIds: z.array(z.uuid()),
  nextReviewOn: z.string().nullable(),
  reviewState,
  daysToReview: z.number().int().nullable(),
  /** The decision of the version in force (null fields when none is published). */
  inForce: decision.extend({ versionNumber: z.number().int().nullable() }),
});

export const documentList = z.object({ items: z.array(documentSummary), nextCursor: z.string().nullable() });

export const documentDetail = documentSummary.extend({
  description: z.string(),
  revision: z.number().int(),
  /** The draft decision the next publication will carry. */
  draft: decision.extend({ nextReviewOn: z.string().nullable() }),
  versions: z.array(documentVersion),
  /** Whether the caller may edit, upload and publish. */
  canManage: z.boolean(),
  /** What keeps the document from being published today (empty when it may be). */
  publishProblems: z.array(z.object({ field: z.string(), code: z.string() })),
});

export const myReviews = z.object({ items: z.array(documentSummary), soonDays: z.number().int() });

export type DocumentSummary = z.infer<typeof documentSummary>;
export type DocumentDetail = z.infer<typeof documentDetail>;
