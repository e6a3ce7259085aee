import type { z } from "zod";
import type { auditListResponse, verifyResponse } from "../contracts/audit";
import type { Me } from "../contracts/auth";
import type { CaseDetail, deadlinesResponse, HandlingTimes, reportCreated } from "../contracts/cases";
import type { adminUser, adminUserList, organisationResponse, protectedAccessGrantList } from "../contracts/organisation";
import type { PersonDetail, personSearchResponse } from "../contracts/persons";

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message);
  }
  /** The message for a body field, e.g. fieldMessage("personnummer"). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.path === `body.${name}` || f.path === name || f.path.endsWith(`.${name}`))?.message;
  }
}

/** Called on 401 so the app can return to the sign-in page. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/** One JSON request; a non-2xx answer becomes an ApiError carrying `{error:{code,message,fields}}`. */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
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
  if (res.status === 401 && !url.endsWith("/auth/login")) onUnauthenticated();
  throw new ApiError(
    res.status,
    payload.error?.code ?? "error",
    payload.error?.message ?? res.statusText,
    payload.error?.fields ?? [],
  );
}

export interface HandlingTimesFilter {
  from: string;
  to: string;
  districtId?: string;
  unitId?: string;
}
export const handlingTimesExportUrl = (q: HandlingTimesFilter, format: "csv" | "xlsx") =>
  `/api/reports/handling-times/export${qs({ ...q, format })}`;

export const qs = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
};

type PersonSearch = z.infer<typeof personSearchResponse>;
type AuditList = z.infer<typeof auditListResponse>;
type Organisation = z.infer<typeof organisationResponse>;
type AdminUser = z.infer<typeof adminUser>;
export type Deadlines = z.infer<typeof deadlinesResponse>;

export const api = {
  login: (username: string, password: string) => request<Me>("POST", "/api/auth/login", { username, password }),
  logout: () => request<{ ok: true }>("POST", "/api/auth/logout"),
  me: () => request<Me>("GET", "/api/auth/me"),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: true }>("POST", "/api/auth/password", { currentPassword, newPassword }),

  searchPersons: (q: string, cursor?: string) => request<PersonSearch>("POST", "/api/persons/search", { q, cursor }),
  person: (id: string) => request<PersonDetail>("GET", `/api/persons/${id}`),
  createPerson: (body: Record<string, unknown>) => request<PersonDetail>("POST", "/api/persons", body),

  audit: (params: {
    personId?: string;
    userId?: string;
    action?: string;
    category?: string;
    from?: string;
    to?: string;
    cursor?: string;
  }) => request<AuditList>("GET", `/api/audit${qs(params)}`),
  verifyAudit: () => request<z.infer<typeof verifyResponse>>("GET", "/api/audit/verify"),

  organisation: () => request<Organisation>("GET", "/api/organisation"),
  users: () => request<{ items: AdminUser[] }>("GET", "/api/admin/users") as Promise<z.infer<typeof adminUserList>>,
  createUser: (body: Record<string, unknown>) => request<AdminUser>("POST", "/api/admin/users", body),
  updateUser: (id: string, body: Record<string, unknown>) => request<AdminUser>("PATCH", `/api/admin/users/${id}`, body),
  setRoles: (id: string, assignments: { unitId: string; role: string }[]) =>
    request<AdminUser>("PUT", `/api/admin/users/${id}/roles`, { assignments }),
  protectedAccessGrants: () => request<z.infer<typeof protectedAccessGrantList>>("GET", "/api/admin/protected-access-grants"),
  decideProtectedAccess: (id: string, verb: "approve" | "reject") =>
    request<AdminUser>("POST", `/api/admin/protected-access-grants/${id}/${verb}`),
  resetPassword: (id: string, password: string) => request<{ ok: true }>("POST", `/api/admin/users/${id}/password`, { password }),
  createDistrict: (code: string, name: string) => request<unknown>("POST", "/api/admin/districts", { code, name }),
  createUnit: (districtId: string, name: string, kind: string) =>
    request<unknown>("POST", "/api/admin/units", { districtId, name, kind }),

  deadlines: (params: {
    unitId?: string;
    assignedTo?: string;
    clock?: string;
    state?: string;
    includeMet?: string;
    dueSoonDays?: number;
  }) => request<Deadlines>("GET", `/api/deadlines${qs(params)}`),
  caseFile: (id: string) => request<CaseDetail>("GET", `/api/cases/${id}`),
  createReport: (body: Record<string, unknown>) => request<z.infer<typeof reportCreated>>("POST", "/api/reports", body),
  protection: (reportId: string, body: Record<string, unknown>) =>
    request<unknown>("POST", `/api/reports/${reportId}/protection-assessment`, body),
  preAssessment: (reportId: string, body: Record<string, unknown>) =>
    request<unknown>("POST", `/api/reports/${reportId}/pre-assessment`, body),
  extend: (investigationId: string, body: Record<string, unknown>) =>
    request<unknown>("POST", `/api/investigations/${investigationId}/extensions`, body),
  completeInvestigation: (investigationId: string, body: Record<string, unknown>) =>
    request<unknown>("POST", `/api/investigations/${investigationId}/complete`, body),
  decide: (caseId: string, body: Record<string, unknown>) => request<unknown>("POST", `/api/cases/${caseId}/decisions`, body),
  journal: (caseId: string, body: Record<string, unknown>) => request<unknown>("POST", `/api/cases/${caseId}/journal`, body),
  handlingTimes: (q: HandlingTimesFilter) => request<HandlingTimes>("GET", `/api/reports/handling-times${qs({ ...q })}`),
};
