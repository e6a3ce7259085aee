import type { z } from "zod";
import type {
  createYttrandeBody,
  LvuProcessView,
  LvuStepBody,
  openLvuBody,
  updateYttrandeBody,
  YoungOffendersReport,
  YttrandeView,
} from "../../contracts/young-offenders";
import { request } from "../api";

/** The LUL yttrande and LVU endpoints (src/server/modules/young-offenders/routes.ts). */
export const youngOffenderApi = {
  yttranden: (caseId: string) => request<{ items: YttrandeView[] }>("GET", `/api/cases/${caseId}/lul-yttranden`),
  createYttrande: (caseId: string, body: z.input<typeof createYttrandeBody>) =>
    request<YttrandeView>("POST", `/api/cases/${caseId}/lul-yttranden`, body),
  updateYttrande: (id: string, body: z.input<typeof updateYttrandeBody>) =>
    request<YttrandeView>("PUT", `/api/lul-yttranden/${id}`, body),
  signYttrande: (id: string, signedAt: string) => request<YttrandeView>("POST", `/api/lul-yttranden/${id}/sign`, { signedAt }),
  sendYttrande: (id: string, sentOn: string) => request<YttrandeView>("POST", `/api/lul-yttranden/${id}/sent`, { sentOn }),
  lvu: (caseId: string) => request<{ items: LvuProcessView[] }>("GET", `/api/cases/${caseId}/lvu`),
  openLvu: (caseId: string, body: z.input<typeof openLvuBody>) =>
    request<LvuProcessView>("POST", `/api/cases/${caseId}/lvu`, body),
  step: (processId: string, body: LvuStepBody) => request<LvuProcessView>("POST", `/api/lvu/${processId}/steps`, body),
  report: (q: { from: string; to: string; districtId?: string }) => {
    const params = new URLSearchParams({ from: q.from, to: q.to, ...(q.districtId ? { districtId: q.districtId } : {}) });
    return request<YoungOffendersReport>("GET", `/api/reports/young-offenders?${params}`);
  },
};
