import type { z } from "zod";
import type {
  caseProposalsResponse,
  DecisionProposal,
  proposalHandled,
  proposalQueueResponse,
} from "../../contracts/decision-proposals";
import { qs, request } from "../api";

/* Förslag till beslut: sent from the case, decided from the delegate's queue on the start page. */

export type ProposalQueue = z.infer<typeof proposalQueueResponse>;
export type { DecisionProposal };

type Handled = z.infer<typeof proposalHandled>;

export interface ProposalFields {
  type: string;
  reason: string;
  investigationId?: string | undefined;
  insats?: string | undefined;
  newEndDate?: string | undefined;
}

export const proposalApi = {
  create: (caseId: string, body: ProposalFields) =>
    request<DecisionProposal>("POST", `/api/cases/${caseId}/decision-proposals`, body),
  ofCase: (caseId: string) => request<z.infer<typeof caseProposalsResponse>>("GET", `/api/cases/${caseId}/decision-proposals`),
  queue: (state = "pending") => request<ProposalQueue>("GET", `/api/decision-proposals${qs({ state })}`),
  approve: (id: string) => request<Handled>("POST", `/api/decision-proposals/${id}/approve`),
  sendBack: (id: string, verb: "return" | "reject", comment: string) =>
    request<Handled>("POST", `/api/decision-proposals/${id}/${verb}`, { comment }),
  resubmit: (id: string, body: Omit<ProposalFields, "type" | "investigationId">) =>
    request<Handled>("POST", `/api/decision-proposals/${id}/resubmit`, body),
};
