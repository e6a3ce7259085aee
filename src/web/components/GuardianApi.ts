import type { z } from "zod";
import type {
  childViewRecorded,
  createChildViewBody,
  createNoticeBody,
  createRelationBody,
  noticeRecorded,
  Participation,
  RelatedPerson,
} from "../../contracts/guardians";
import { request } from "../api";

export type { Participation, RelatedPerson };

/** The API of guardians and the child's voice (issue 18 point 3). */
export const guardianApi = {
  relations: (personId: string) => request<{ items: RelatedPerson[] }>("GET", `/api/persons/${personId}/relations`),
  link: (personId: string, body: z.input<typeof createRelationBody>) =>
    request<RelatedPerson>("POST", `/api/persons/${personId}/relations`, body),
  unlink: (personId: string, relationId: string) =>
    request<{ ok: true }>("DELETE", `/api/persons/${personId}/relations/${relationId}`),
  participation: (caseId: string) => request<Participation>("GET", `/api/cases/${caseId}/participation`),
  recordNotice: (investigationId: string, body: z.input<typeof createNoticeBody>) =>
    request<z.infer<typeof noticeRecorded>>("POST", `/api/investigations/${investigationId}/guardian-notices`, body),
  recordChildView: (caseId: string, body: z.input<typeof createChildViewBody>) =>
    request<z.infer<typeof childViewRecorded>>("POST", `/api/cases/${caseId}/child-views`, body),
};
