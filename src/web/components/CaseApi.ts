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
import { ApiError, api, type FieldError } from "../api";

/*
 * Case-flow calls that src/web/api.ts does not have yet. Same error contract as api.ts: a non-2xx
 * answer becomes an ApiError carrying `{error:{code,message,fields}}`.
 */

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

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.ok) return (await res.json()) as T;
  let payload: { error?: { code: string; message: string; fields: FieldError[] } } = {};
  try {
    payload = await res.json();
  } catch {
    // not JSON: keep the generic error below
  }
  // Let api.ts notice the lost session and return to the sign-in page.
  if (res.status === 401) void api.me().catch(() => {});
  throw new ApiError(
    res.status,
    payload.error?.code ?? "error",
    payload.error?.message ?? res.statusText,
    payload.error?.fields ?? [],
  );
}

const qs = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
};

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
