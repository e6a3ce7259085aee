import type {
  CreateFollowUpInput,
  CreatePlanInput,
  CreateTaskInput,
  PersonPlans,
  PlanDetail,
  UpdatePlanInput,
  UpdateTaskInput,
} from "../../contracts/action-plans";
import type { PlanStage } from "../../domain/samverkan-plan/rules";
import { request } from "../api";

export type { PersonPlans, PlanDetail };

/** The API of the gemensam åtgärdsplan. */
export const actionPlanApi = {
  list: (personId: string) => request<PersonPlans>("GET", `/api/persons/${personId}/action-plans`),
  create: (personId: string, body: CreatePlanInput) =>
    request<{ id: string }>("POST", `/api/persons/${personId}/action-plans`, body),
  get: (id: string) => request<PlanDetail>("GET", `/api/action-plans/${id}`),
  update: (id: string, body: UpdatePlanInput) => request<{ ok: true }>("PATCH", `/api/action-plans/${id}`, body),
  addTask: (id: string, body: CreateTaskInput) => request<{ id: string }>("POST", `/api/action-plans/${id}/tasks`, body),
  updateTask: (id: string, taskId: string, body: UpdateTaskInput) =>
    request<{ ok: true }>("PATCH", `/api/action-plans/${id}/tasks/${taskId}`, body),
  addFollowUp: (id: string, body: CreateFollowUpInput) =>
    request<{ id: string }>("POST", `/api/action-plans/${id}/follow-ups`, body),
  stage: (id: string, body: { to: PlanStage; note?: string }) =>
    request<{ ok: true }>("POST", `/api/action-plans/${id}/stage`, body),
};
