import type { z } from "zod";
import type { FileReview, FileReviewSummary, fileReviewList, reviewAction, reviewItem } from "../../contracts/file-reviews";
import { qs, request } from "../api";

/* File review (aktgranskning) calls, on the shared request helper of api.ts. */

export type { FileReview, FileReviewSummary };
export type ReviewItem = z.infer<typeof reviewItem>;
export type ReviewAction = z.infer<typeof reviewAction>;
type List = z.infer<typeof fileReviewList>;

export interface CreateReviewBody {
  districtIds: string[];
  unitIds: string[];
  from: string;
  to: string;
  kind: FileReview["kind"];
  sampleSize: number;
  seed: number;
}

export const fileReviewApi = {
  list: (cursor?: string) => request<List>("GET", `/api/file-reviews${qs({ limit: 50, cursor })}`),
  get: (id: string) => request<FileReview>("GET", `/api/file-reviews/${id}`),
  create: (body: CreateReviewBody) => request<FileReview>("POST", "/api/file-reviews", body),
  updateItem: (id: string, itemId: string, body: { answers?: Record<string, string | null>; comment?: string }) =>
    request<ReviewItem>("PATCH", `/api/file-reviews/${id}/items/${itemId}`, body),
  sign: (id: string, conclusion: string) => request<FileReview>("POST", `/api/file-reviews/${id}/sign`, { conclusion }),
  newVersion: (id: string) => request<FileReview>("POST", `/api/file-reviews/${id}/versions`),
  createAction: (
    id: string,
    body: { itemId?: string; criterionCode?: string; finding: string; action: string; responsibleId: string; dueOn: string },
  ) => request<ReviewAction>("POST", `/api/file-reviews/${id}/actions`, body),
  /** One click: an avvikelse from a finding ("<itemId>:<criterion>"); 409 when one was already made. */
  deviationFromFinding: (id: string, findingId: string) =>
    request<{ findingId: string; deviationId: string }>(
      "POST",
      `/api/file-reviews/${id}/findings/${encodeURIComponent(findingId)}/deviation`,
    ),
  updateAction: (id: string, actionId: string, body: { followUpNote?: string; doneOn?: string | null }) =>
    request<ReviewAction>("PATCH", `/api/file-reviews/${id}/actions/${actionId}`, body),
};

export const fileReviewExportUrl = (id: string, format: "xlsx" | "pdf") => `/api/file-reviews/${id}/export?format=${format}`;

/** A random seed for a new review: 32 bits from the browser's CSPRNG. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number;
}
