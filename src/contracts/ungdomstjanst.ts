import { z } from "zod";
import { UO_ITEM_KINDS, UO_OUTCOMES } from "../domain/ungdomstjanst/ungdomsovervakning";
import {
  ATTENDANCE,
  END_REASONS,
  MAX_HOURS,
  SESSION_KINDS,
  UNGDOMSTJANST_CLOCK_KINDS,
  UNGDOMSTJANST_STATUSES,
} from "../domain/ungdomstjanst/ungdomstjanst";
import { CLOCK_STATES } from "./cases";
import { day, safeText } from "./common";

const text = (max: number) => safeText.trim().min(1).max(max);
/** Hours in halves: a session of 2.5 hours is recorded as such. */
const hours = z.number().multipleOf(0.5).min(0.5).max(12);

// ── Ungdomstjänst ───────────────────────────────────────────────────────────────────────────────

/** The range (20–150) is checked by the domain so the answer names the law; here only a sane integer. */
export const createJudgmentBody = z.strictObject({
  court: text(120),
  caseNumber: text(40),
  judgmentOn: day,
  hours: z.number().int().min(0).max(1_000),
  programmeHours: z.number().int().min(0).max(MAX_HOURS),
  startBy: day.nullable().optional(),
  completeBy: day.nullable().optional(),
});

/**
 * A correction of the judgment as registered: any of its facts, at least one. The domain checks the
 * corrected judgment as a new one and against what was recorded under it.
 */
export const updateJudgmentBody = createJudgmentBody.partial().refine((b) => Object.values(b).some((v) => v !== undefined), {
  message: "Ange minst ett fält att ändra / Give at least one field to change",
});

/** Ended without every hour done: the day, the reason code and a note (required for "annat"). */
export const endJudgmentBody = z.strictObject({
  endedOn: day,
  reason: z.enum(END_REASONS),
  note: safeText.trim().max(2_000).nullable().optional(),
});

export const placementBody = z.strictObject({ workplace: text(200), supervisorName: text(120), placedOn: day });

export const sessionBody = z.strictObject({
  on: day,
  kind: z.enum(SESSION_KINDS),
  hours,
  attendance: z.enum(ATTENDANCE),
  note: safeText.trim().max(2_000).nullable().optional(),
});

/** The attendance of a planned session, once it has taken place. */
export const attendanceBody = z.strictObject({
  attendance: z.enum(ATTENDANCE).exclude(["planerad"]),
  hours: hours.optional(),
  note: safeText.trim().max(2_000).nullable().optional(),
});

export const misconductBody = z.strictObject({ reportedOn: day, prosecutorReference: text(60), note: text(2_000) });
export const completeBody = z.strictObject({ completedOn: day });

const clockView = z.object({
  kind: z.enum(UNGDOMSTJANST_CLOCK_KINDS),
  state: z.enum(CLOCK_STATES),
  dueDate: z.string(),
  daysLeft: z.number().int(),
  completedAt: z.string().nullable(),
});

export const judgmentView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  legalBasis: z.string(),
  court: z.string(),
  caseNumber: z.string(),
  judgmentOn: z.string(),
  startBy: z.string().nullable(),
  completeBy: z.string().nullable(),
  workplace: z.string().nullable(),
  supervisorName: z.string().nullable(),
  placedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  endNote: z.string().nullable(),
  status: z.enum(UNGDOMSTJANST_STATUSES),
  progress: z.object({
    hours: z.number(),
    done: z.number(),
    left: z.number(),
    programmeHours: z.number(),
    programmeDone: z.number(),
    workDone: z.number(),
  }),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      on: z.string(),
      kind: z.enum(SESSION_KINDS),
      hours: z.number(),
      attendance: z.enum(ATTENDANCE),
      note: z.string().nullable(),
    }),
  ),
  misconduct: z.array(z.object({ id: z.uuid(), reportedOn: z.string(), prosecutorReference: z.string(), note: z.string() })),
  clocks: z.array(clockView),
});
export type JudgmentView = z.infer<typeof judgmentView>;
export const judgmentList = z.object({ items: z.array(judgmentView) });

// ── Ungdomsövervakning ──────────────────────────────────────────────────────────────────────────

export const createUoPlanBody = z.strictObject({
  court: text(120),
  judgmentOn: day,
  months: z.number().int().min(0).max(60),
  koordinator: text(120),
});
export const uoItemBody = z.strictObject({
  kind: z.enum(UO_ITEM_KINDS),
  description: text(2_000),
  startsOn: day,
  followUpBy: day,
});
export const uoFollowUpBody = z.strictObject({
  on: day,
  outcome: z.enum(UO_OUTCOMES),
  note: safeText.trim().max(2_000).nullable().optional(),
});

export const uoPlanView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  legalBasis: z.string(),
  court: z.string(),
  judgmentOn: z.string(),
  months: z.number().int(),
  koordinator: z.string(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(UO_ITEM_KINDS),
      description: z.string(),
      startsOn: z.string(),
      followUpBy: z.string(),
      followedUpOn: z.string().nullable(),
      outcome: z.enum(UO_OUTCOMES).nullable(),
      outcomeNote: z.string().nullable(),
      clock: z.object({ state: z.enum(CLOCK_STATES), daysLeft: z.number().int() }),
    }),
  ),
});
export type UoPlanView = z.infer<typeof uoPlanView>;
export const uoPlanList = z.object({ items: z.array(uoPlanView) });
