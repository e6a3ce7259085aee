import type { Agency } from "../consent/vocabulary";

/**
 * Gemensam åtgärdsplan (joint action plan, issue 21 point 3) as pure rules: the plan's stage and
 * its moves, the tasks per agency and when a task or the plan's next follow-up is overdue. No I/O.
 *
 * The flow follows seed 000 (the Växjö 2024 audit): the beredningsgrupp (twice a month, unit
 * managers with police and school) discusses whether the young person is for one of the insatser
 * (SSPF, SIG or IA) and which; the operativ grupp (the samordnare of SIG, SSPF and IA, weekly)
 * takes the case on and works it with the agencies; every such case rests on a samtycke to the
 * exchange of information, joint network meetings and a gemensam åtgärdsplan with the other
 * agencies. The stages are that working practice, not law. Sharing information with school, police,
 * fritid or health care rests on the young person's samtycke (offentlighets- och sekretesslagen
 * 2009:400, 12 kap. 2 §; see src/domain/consent/rules.ts): the services ask the consent rules.
 */
export const PLAN_STAGES = ["beredning", "operativ", "avslutad"] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];
export const PLAN_STAGE_LABELS: Record<PlanStage, { sv: string; en: string }> = {
  beredning: { sv: "Beredningsgrupp", en: "Preparation group" },
  operativ: { sv: "Operativ grupp", en: "Operational group" },
  avslutad: { sv: "Avslutad", en: "Closed" },
};

/**
 * The moves allowed: forward from beredning to operativ; back to beredning when the operativ grupp
 * finds the plan must be prepared anew; closing from either (a plan may end already in beredning,
 * e.g. when the consent is revoked or the young person is not taken on). A closed plan stays closed:
 * a new plan is made instead, so the record of what was agreed is kept.
 */
const MOVES: Record<PlanStage, readonly PlanStage[]> = {
  beredning: ["operativ", "avslutad"],
  operativ: ["beredning", "avslutad"],
  avslutad: [],
};

export type StageProblem = "same_stage" | "closed" | "not_allowed";

export function stageProblem(from: PlanStage, to: PlanStage): StageProblem | null {
  if (from === to) return "same_stage";
  if (from === "avslutad") return "closed";
  return MOVES[from].includes(to) ? null : "not_allowed";
}

export function allowedMoves(from: PlanStage): readonly PlanStage[] {
  return MOVES[from];
}

/** Socialtjänsten owns the plan; the other agencies are those of the samtycke vocabulary. */
export const PLAN_AGENCIES = ["socialtjanst", "skola", "polis", "fritid", "halsa_bup", "annan"] as const;
export type PlanAgency = (typeof PLAN_AGENCIES)[number];
export const PLAN_AGENCY_LABELS: Record<PlanAgency, { sv: string; en: string }> = {
  socialtjanst: { sv: "Socialtjänst", en: "Social services" },
  skola: { sv: "Skola", en: "School" },
  polis: { sv: "Polis", en: "Police" },
  fritid: { sv: "Fritid", en: "Leisure" },
  halsa_bup: { sv: "Hälso- och sjukvård / BUP", en: "Health care / child psychiatry" },
  annan: { sv: "Annan aktör", en: "Other party" },
};

/** The agencies outside socialtjänsten a plan shares information with: each needs the consent. */
export function externalAgencies(agencies: readonly PlanAgency[]): Agency[] {
  return [...new Set(agencies.filter((a): a is Agency => a !== "socialtjanst"))];
}

export const TASK_STATUSES = ["planerad", "pagaende", "klar", "installd"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, { sv: string; en: string }> = {
  planerad: { sv: "Planerad", en: "Planned" },
  pagaende: { sv: "Pågående", en: "In progress" },
  klar: { sv: "Klar", en: "Done" },
  installd: { sv: "Inställd", en: "Cancelled" },
};

/** A task is finished when done or cancelled: it no longer runs a clock. */
export const taskOpen = (status: TaskStatus) => status === "planerad" || status === "pagaende";

/** A task of a plan still running is overdue once its due day has passed and it is not finished. */
export function taskOverdue(task: { status: TaskStatus; dueOn: string }, stage: PlanStage, today: string): boolean {
  return stage !== "avslutad" && taskOpen(task.status) && task.dueOn < today;
}

/** The plan's next follow-up is due (has a clock) while the plan runs and a date is set. */
export function followUpClockDay(plan: { stage: PlanStage; nextFollowUpOn: string | null }): string | null {
  return plan.stage === "avslutad" ? null : plan.nextFollowUpOn;
}

export type FollowUpProblem = "in_future" | "next_not_after" | "plan_closed" | "unknown_task";

/**
 * A follow-up is recorded on a day already come (at a meeting held), sets each named task's
 * status, and may set the next follow-up day, which must lie after the follow-up's day.
 */
export function followUpProblem(
  input: { heldOn: string; nextFollowUpOn: string | null; taskIds: readonly string[] },
  plan: { stage: PlanStage; taskIds: readonly string[] },
  today: string,
): FollowUpProblem | null {
  if (plan.stage === "avslutad") return "plan_closed";
  if (input.heldOn > today) return "in_future";
  if (input.nextFollowUpOn !== null && input.nextFollowUpOn <= input.heldOn) return "next_not_after";
  if (input.taskIds.some((t) => !plan.taskIds.includes(t))) return "unknown_task";
  return null;
}
