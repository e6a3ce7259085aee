import type { z } from "zod";
import type {
  ControlPoint,
  createPlanBody,
  PlanDetail,
  PlanSummary,
  pointBody,
  resultBody,
  staffList,
} from "../../contracts/internal-control";
import type { drawLogReviewBody, LogReviewDetail, LogReviewItem, LogReviewSummary } from "../../contracts/log-review";
import type { createDocumentBody, DocumentDetail, DocumentSummary, updateDocumentBody } from "../../contracts/styrdokument";
import { qs, request } from "../api";

/* Styrdokument, loggkontroll and internkontrollplan calls, on the shared request helper of api.ts. */

export type {
  ControlPoint,
  DocumentDetail,
  DocumentSummary,
  LogReviewDetail,
  LogReviewItem,
  LogReviewSummary,
  PlanDetail,
  PlanSummary,
};
export type Staff = z.infer<typeof staffList>["items"][number];
export type CreateDocumentBody = z.input<typeof createDocumentBody>;
export type UpdateDocumentBody = z.input<typeof updateDocumentBody>;
export type PointBody = z.input<typeof pointBody>;
export type ResultBody = z.input<typeof resultBody>;
type Changed = { id: string; revision: number };

export const governanceApi = {
  documents: (params: { status?: string; kind?: string; processStep?: string; q?: string; cursor?: string }) =>
    request<{ items: DocumentSummary[]; nextCursor: string | null }>("GET", `/api/styrdokument${qs(params)}`),
  myReviews: () => request<{ items: DocumentSummary[]; soonDays: number }>("GET", "/api/styrdokument/reviews/mine"),
  documentStaff: () => request<{ items: Staff[] }>("GET", "/api/styrdokument/staff"),
  document: (id: string) => request<DocumentDetail>("GET", `/api/styrdokument/${id}`),
  createDocument: (body: CreateDocumentBody) => request<Changed>("POST", "/api/styrdokument", body),
  updateDocument: (id: string, body: UpdateDocumentBody) => request<Changed>("PATCH", `/api/styrdokument/${id}`, body),
  uploadVersion: (id: string, body: { revision: number; filename: string; contentBase64: string; note: string }) =>
    request<{ id: string; number: number; revision: number }>("POST", `/api/styrdokument/${id}/versions`, body),
  publish: (id: string, revision: number) =>
    request<Changed & { versionNumber: number }>("POST", `/api/styrdokument/${id}/publish`, { revision }),
  revoke: (id: string, revision: number) => request<Changed>("POST", `/api/styrdokument/${id}/revoke`, { revision }),
  fileUrl: (id: string, versionId: string) => `/api/styrdokument/${id}/versions/${versionId}/file`,

  logReviews: () => request<{ items: LogReviewSummary[] }>("GET", "/api/log-reviews"),
  drawLogReview: (body: z.input<typeof drawLogReviewBody>) => request<{ id: string }>("POST", "/api/log-reviews", body),
  logReview: (id: string) => request<LogReviewDetail>("GET", `/api/log-reviews/${id}`),
  verifyLogReview: (id: string) =>
    request<{ matches: boolean; onlyStored: number[]; onlyRedrawn: number[]; usersMatch: boolean }>(
      "GET",
      `/api/log-reviews/${id}/verify`,
    ),
  judge: (id: string, itemId: string, verdict: "ok" | "flagged", note: string) =>
    request<{ id: string; verdict: string; deviationId: string | null }>(
      "POST",
      `/api/log-reviews/${id}/items/${itemId}/verdict`,
      {
        verdict,
        note,
      },
    ),
  completeLogReview: (id: string, summary: string) =>
    request<{ id: string; completedAt: string }>("POST", `/api/log-reviews/${id}/complete`, { summary }),

  plans: () => request<{ items: PlanSummary[] }>("GET", "/api/internal-control/plans"),
  controlStaff: () => request<{ items: Staff[] }>("GET", "/api/internal-control/staff"),
  createPlan: (body: z.input<typeof createPlanBody>) => request<Changed>("POST", "/api/internal-control/plans", body),
  plan: (id: string) => request<PlanDetail>("GET", `/api/internal-control/plans/${id}`),
  updatePlan: (id: string, body: { revision: number; adoptedOn?: string | null; summary?: string }) =>
    request<Changed>("PATCH", `/api/internal-control/plans/${id}`, body),
  planPdfUrl: (id: string) => `/api/internal-control/plans/${id}/pdf`,
  addPoint: (planId: string, body: PointBody) => request<Changed>("POST", `/api/internal-control/plans/${planId}/points`, body),
  updatePoint: (pointId: string, body: PointBody & { revision: number }) =>
    request<Changed>("PUT", `/api/internal-control/points/${pointId}`, body),
  addResult: (pointId: string, body: ResultBody) =>
    request<{ id: string }>("POST", `/api/internal-control/points/${pointId}/results`, body),
  systemResult: (pointId: string, body: { periodFrom?: string; periodTo?: string }) =>
    request<{ id: string; outcome: string; value: number | null }>(
      "POST",
      `/api/internal-control/points/${pointId}/results/system`,
      body,
    ),
};

/** A file as base64 (without the data-URL prefix), read in the browser. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
