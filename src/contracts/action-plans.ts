import { z } from "zod";
import { AGENCIES, INFORMATION_CATEGORIES } from "../domain/consent/vocabulary";
import { PLAN_AGENCIES, PLAN_STAGES, TASK_STATUSES } from "../domain/samverkan-plan/rules";
import { day, safeText } from "./common";

/** Request and response shapes of the gemensam åtgärdsplan (joint action plan, issue 21 point 3). */

const stage = z.enum(PLAN_STAGES);
const planAgency = z.enum(PLAN_AGENCIES);
const status = z.enum(TASK_STATUSES);
const distinct = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: "Dubbletter / Duplicates" });
const goal = safeText.trim().min(1, { message: "Tomt mål / Empty goal" }).max(1000);

export const createTaskBody = z.strictObject({
  agency: planAgency,
  description: safeText.trim().min(1).max(2000),
  responsibleName: safeText.trim().max(200).optional(),
  responsibleUserId: z.uuid().optional(),
  dueOn: day,
});
export type CreateTaskInput = z.infer<typeof createTaskBody>;

export const createPlanBody = z.strictObject({
  title: safeText.trim().min(1).max(200),
  goals: z.array(goal).min(1).max(20),
  /** The agencies outside socialtjänsten the plan is shared with: the consent must cover each. */
  agencies: distinct(z.enum(AGENCIES), 1, AGENCIES.length),
  categories: distinct(z.enum(INFORMATION_CATEGORIES), 1, INFORMATION_CATEGORIES.length),
  forumId: z.uuid().optional(),
  nextFollowUpOn: day.optional(),
  tasks: z.array(createTaskBody).max(30).optional(),
});
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const updatePlanBody = z.strictObject({
  title: safeText.trim().min(1).max(200).optional(),
  goals: z.array(goal).min(1).max(20).optional(),
  nextFollowUpOn: day.nullable().optional(),
});
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const updateTaskBody = z.strictObject({
  description: safeText.trim().min(1).max(2000).optional(),
  responsibleName: safeText.trim().max(200).optional(),
  responsibleUserId: z.uuid().nullable().optional(),
  dueOn: day.optional(),
  status: status.optional(),
});
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;

export const taskParams = z.strictObject({ id: z.uuid(), taskId: z.uuid() });

export const createFollowUpBody = z.strictObject({
  heldOn: day,
  meetingId: z.uuid().optional(),
  note: safeText.trim().min(1).max(5000),
  taskStatuses: z
    .array(z.strictObject({ taskId: z.uuid(), status }))
    .max(30)
    .optional(),
  nextFollowUpOn: day.optional(),
});
export type CreateFollowUpInput = z.infer<typeof createFollowUpBody>;

export const stageBody = z.strictObject({ to: stage, note: safeText.trim().max(1000).optional() });

export const planSummary = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  title: z.string(),
  stage,
  forumId: z.uuid().nullable(),
  forumName: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  openTasks: z.number(),
  overdueTasks: z.number(),
  createdAt: z.string(),
});
export const personPlans = z.object({
  items: z.array(planSummary),
  /** Forums of the person's district a plan may belong to. */
  forumChoices: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PersonPlans = z.infer<typeof personPlans>;

export const taskView = z.object({
  id: z.uuid(),
  agency: planAgency,
  description: z.string(),
  responsibleName: z.string(),
  responsibleUserId: z.uuid().nullable(),
  responsibleUserName: z.string().nullable(),
  dueOn: z.string(),
  status,
  overdue: z.boolean(),
});
export const followUpView = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  meetingId: z.uuid().nullable(),
  note: z.string(),
  taskStatuses: z.array(z.object({ taskId: z.uuid(), status })),
  nextFollowUpOn: z.string().nullable(),
  recordedByName: z.string(),
});
export const planDetail = planSummary.extend({
  personName: z.string(),
  goals: z.array(z.string()),
  agencies: z.array(z.enum(AGENCIES)),
  categories: z.array(z.enum(INFORMATION_CATEGORIES)),
  tasks: z.array(taskView),
  followUps: z.array(followUpView),
  stageChanges: z.array(
    z.object({ fromStage: stage, toStage: stage, note: z.string(), changedByName: z.string(), changedAt: z.string() }),
  ),
  allowedMoves: z.array(stage),
  /** Meetings of the plan's forum the person was on the agenda of: where a follow-up may be recorded. */
  meetingChoices: z.array(z.object({ id: z.uuid(), meetingOn: z.string(), forumName: z.string() })),
  staffChoices: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const createdResponse = z.object({ id: z.uuid() });
