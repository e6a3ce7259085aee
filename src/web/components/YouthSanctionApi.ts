import type { z } from "zod";
import type {
  attendanceBody,
  createJudgmentBody,
  createUoPlanBody,
  endJudgmentBody,
  JudgmentView,
  misconductBody,
  placementBody,
  sessionBody,
  UoPlanView,
  uoFollowUpBody,
  uoItemBody,
  updateJudgmentBody,
} from "../../contracts/ungdomstjanst";
import { request } from "../api";

/** The ungdomstjänst and ungdomsövervakning endpoints (src/server/modules/young-offenders/sanction.routes.ts). */
export const youthSanctionApi = {
  judgments: (caseId: string) => request<{ items: JudgmentView[] }>("GET", `/api/cases/${caseId}/ungdomstjanst`),
  createJudgment: (caseId: string, body: z.input<typeof createJudgmentBody>) =>
    request<JudgmentView>("POST", `/api/cases/${caseId}/ungdomstjanst`, body),
  personJudgments: (personId: string) => request<{ items: JudgmentView[] }>("GET", `/api/persons/${personId}/ungdomstjanst`),
  update: (id: string, body: z.input<typeof updateJudgmentBody>) =>
    request<JudgmentView>("PATCH", `/api/ungdomstjanst/${id}`, body),
  end: (id: string, body: z.input<typeof endJudgmentBody>) => request<JudgmentView>("POST", `/api/ungdomstjanst/${id}/end`, body),
  place: (id: string, body: z.input<typeof placementBody>) =>
    request<JudgmentView>("PUT", `/api/ungdomstjanst/${id}/placement`, body),
  addSession: (id: string, body: z.input<typeof sessionBody>) =>
    request<JudgmentView>("POST", `/api/ungdomstjanst/${id}/sessions`, body),
  attendance: (sessionId: string, body: z.input<typeof attendanceBody>) =>
    request<JudgmentView>("PUT", `/api/ungdomstjanst-sessions/${sessionId}/attendance`, body),
  misconduct: (id: string, body: z.input<typeof misconductBody>) =>
    request<JudgmentView>("POST", `/api/ungdomstjanst/${id}/misconduct`, body),
  complete: (id: string, completedOn: string) =>
    request<JudgmentView>("POST", `/api/ungdomstjanst/${id}/complete`, { completedOn }),
  plans: (caseId: string) => request<{ items: UoPlanView[] }>("GET", `/api/cases/${caseId}/ungdomsovervakning`),
  createPlan: (caseId: string, body: z.input<typeof createUoPlanBody>) =>
    request<UoPlanView>("POST", `/api/cases/${caseId}/ungdomsovervakning`, body),
  addItem: (planId: string, body: z.input<typeof uoItemBody>) =>
    request<UoPlanView>("POST", `/api/ungdomsovervakning/${planId}/items`, body),
  followUp: (itemId: string, body: z.input<typeof uoFollowUpBody>) =>
    request<UoPlanView>("POST", `/api/ungdomsovervakning-items/${itemId}/follow-up`, body),
};
