import type { z } from "zod";
import type {
  CaseDetail,
  caseAssigned,
  caseClosed,
  caseListResponse,
  caseloadResponse,
  closeReasonsResponse,
  journalRecorded,
  methodsSet,
} from "../../contracts/cases";
import type { delegationsResponse } from "../../contracts/organisation";
import { ApiError, qs, request } from "../api";

/* Case-flow calls, on the shared request helper of api.ts. */

export type CaseList = z.infer<typeof caseListResponse>;
export type CaseListItem = CaseList["items"][number];
export type Caseload = z.infer<typeof caseloadResponse>;
export type CaseloadItem = Caseload["items"][number];
export type CloseReasons = z.infer<typeof closeReasonsResponse>;
export type Delegations = z.infer<typeof delegationsResponse>;
export type CaseFile = CaseDetail;
export type CaseReport = CaseDetail["reports"][number];
export type CaseInvestigation = CaseDetail["investigations"][number];
export type CaseJournalEntry = CaseDetail["journal"][number];

export const caseApi = {
  list: (params: { assignedTo?: string; status?: string; limit?: number; cursor?: string; personId?: string }) =>
    request<CaseList>("GET", `/api/cases${qs(params)}`),
  get: (id: string) => request<CaseFile>("GET", `/api/cases/${id}`),
  setMethods: (investigationId: string, methods: string[]) =>
    request<z.infer<typeof methodsSet>>("PUT", `/api/investigations/${investigationId}/methods`, { methods }),
  updateJournal: (entryId: string, text: string, sign: boolean) =>
    request<z.infer<typeof journalRecorded>>("PATCH", `/api/journal/${entryId}`, { text, sign }),
  close: (caseId: string, body: { closedAt: string; reason: string; outcome: string }) =>
    request<z.infer<typeof caseClosed>>("POST", `/api/cases/${caseId}/close`, body),
  assign: (caseId: string, body: { userId: string; unitId?: string }) =>
    request<z.infer<typeof caseAssigned>>("PUT", `/api/cases/${caseId}/assignment`, body),
  caseload: () => request<Caseload>("GET", "/api/caseload"),
  closeReasons: () => request<CloseReasons>("GET", "/api/close-reasons"),
  delegations: (districtId: string) => request<Delegations>("GET", `/api/admin/districts/${districtId}/delegations`),
  setDelegations: (districtId: string, rows: { decisionType: string; roles: string[] }[]) =>
    request<Delegations>("PUT", `/api/admin/districts/${districtId}/delegations`, { rows }),
};

/** Any thrown value as an ApiError, so forms can show message and field errors the same way. */
export function asApiError(e: unknown, fallback: string): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "error", fallback, []);
}
