import { z } from "zod";
import { AGE_GROUPS } from "../domain/interventions/rules";
import { OFFENCE_CATEGORIES, PROPOSED_MEASURES, YTTRANDE_REQUESTERS } from "../domain/lul/yttrande";
import { LVU_CLOCK_KINDS } from "../domain/lvu/process";
import {
  DECISION_MAKERS,
  JUDGMENT_OUTCOMES,
  LVU_BEHAVIOURS,
  LVU_GROUNDS,
  LVU_STEP_KINDS,
  PLACEMENT_FORMS,
  REVIEW_FORMS,
  REVIEW_OUTCOMES,
  UNDERSTALLNING_OUTCOMES,
} from "../domain/lvu/vocabulary";
import { CLOCK_STATES } from "./cases";
import { day, instant, safeText, textUpTo } from "./common";
import { disclosureNote } from "./disclosure";

const text = (max: number) => safeText.trim().min(1).max(max);
/** A text section: may be emptied (null) until the yttrande is signed. */
const section = textUpTo(20_000).trim().nullable();

// ── LUL yttranden ───────────────────────────────────────────────────────────────────────────────

export const createYttrandeBody = z.strictObject({
  requesterKind: z.enum(YTTRANDE_REQUESTERS),
  requesterReference: text(60),
  offenceCategory: z.enum(OFFENCE_CATEGORIES),
  askedOn: day,
  dueOn: day,
});

export const updateYttrandeBody = z.strictObject({
  previousMeasures: section.optional(),
  needAssessment: section.optional(),
  plannedMeasures: section.optional(),
  youngPersonsView: section.optional(),
  proposedMeasure: z.enum(PROPOSED_MEASURES).nullable().optional(),
  investigationIds: z.array(z.uuid()).max(20).optional(),
  assessmentIds: z.array(z.uuid()).max(50).optional(),
});

export const signYttrandeBody = z.strictObject({ signedAt: instant });
export const sendYttrandeBody = z.strictObject({ sentOn: day });

const clockView = z.object({
  state: z.enum(CLOCK_STATES),
  dueDate: z.string(),
  dueAt: z.string(),
  daysLeft: z.number().int(),
  completedAt: z.string().nullable(),
});

export const yttrandeView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  requesterKind: z.enum(YTTRANDE_REQUESTERS),
  requesterReference: z.string(),
  offenceCategory: z.enum(OFFENCE_CATEGORIES),
  /** The section of LUL the request was made under. */
  legalBasis: z.string(),
  askedOn: z.string(),
  dueOn: z.string(),
  previousMeasures: z.string().nullable(),
  needAssessment: z.string().nullable(),
  plannedMeasures: z.string().nullable(),
  youngPersonsView: z.string().nullable(),
  proposedMeasure: z.enum(PROPOSED_MEASURES).nullable(),
  investigationIds: z.array(z.uuid()),
  assessmentIds: z.array(z.uuid()),
  status: z.enum(["requested", "signed", "sent"]),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAsRole: z.string().nullable(),
  decisionId: z.uuid().nullable(),
  sentOn: z.string().nullable(),
  clock: clockView,
});
export type YttrandeView = z.infer<typeof yttrandeView>;
export const yttrandeList = z.object({ items: z.array(yttrandeView) });

// ── LVU ─────────────────────────────────────────────────────────────────────────────────────────

export const openLvuBody = z.strictObject({
  grounds: z
    .array(z.enum(LVU_GROUNDS))
    .min(1)
    .max(2)
    .refine((g) => new Set(g).size === g.length, "Samma grund två gånger / A ground listed twice"),
  behaviours: z.array(z.enum(LVU_BEHAVIOURS)).max(3).default([]),
});

const maker = z.strictObject({
  kind: z.enum(DECISION_MAKERS),
  memberName: safeText.trim().max(120).nullable().optional(),
  paragraph: safeText.trim().max(40).nullable().optional(),
});

/** One step of the process: the body of POST /api/lvu/:id/steps, and how a recorded step is shown. */
export const lvuStepBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("omedelbart_beslut"), decidedAt: instant, maker, reason: text(5_000) }),
  z.strictObject({ kind: z.literal("verkstallt"), on: day }),
  z.strictObject({
    kind: z.literal("anmalt_till_namnd"),
    on: day,
    decisionSeq: z.number().int().min(1),
    paragraph: safeText.trim().max(40).nullable().optional(),
  }),
  z.strictObject({ kind: z.literal("understalld"), on: day }),
  z.strictObject({ kind: z.literal("understallning_provad"), on: day, outcome: z.enum(UNDERSTALLNING_OUTCOMES) }),
  z.strictObject({ kind: z.literal("ansokningstid_forlangd"), on: day, until: day }),
  z.strictObject({ kind: z.literal("ansokan"), decidedAt: instant, maker, submittedOn: day, reason: text(5_000) }),
  z.strictObject({
    kind: z.literal("dom"),
    on: day,
    outcome: z.enum(JUDGMENT_OUTCOMES),
    grounds: z.array(z.enum(LVU_GROUNDS)).max(2),
  }),
  z.strictObject({ kind: z.literal("laga_kraft"), on: day }),
  z.strictObject({ kind: z.literal("vard_paborjad"), on: day }),
  z.strictObject({
    kind: z.literal("placering"),
    decidedAt: instant,
    maker,
    form: z.enum(PLACEMENT_FORMS),
    place: text(200),
    from: day,
  }),
  z.strictObject({ kind: z.literal("vardplan"), on: day }),
  z.strictObject({
    kind: z.literal("overvagande"),
    decidedAt: instant,
    maker,
    form: z.enum(REVIEW_FORMS),
    outcome: z.enum(REVIEW_OUTCOMES),
  }),
  z.strictObject({ kind: z.literal("upphorande"), decidedAt: instant, maker, reason: text(5_000) }),
  z.strictObject({ kind: z.literal("avslutad"), on: day, reason: text(2_000) }),
]);
export type LvuStepBody = z.infer<typeof lvuStepBody>;

const lvuClockView = clockView.extend({
  kind: z.enum(LVU_CLOCK_KINDS),
  section: z.string(),
  /** The end of the period before lag (1930:173) 2 § moved it off a non-vardag. */
  nominalDueDate: z.string(),
  moved: z.boolean(),
  /** The clock no longer runs: what it guarded ended first. */
  stoppedBecause: z.string().nullable(),
  /** What followed from missing it (a lapse), once missed. */
  lapse: z.string().nullable(),
});

export const lvuProcessView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  grounds: z.array(z.enum(LVU_GROUNDS)),
  behaviours: z.array(z.enum(LVU_BEHAVIOURS)),
  openedAt: z.string(),
  endedOn: z.string().nullable(),
  phase: z.enum(["inledd", "omhandertagen", "ansokan", "vard", "avslutad"]),
  omhandertagande: z.object({
    endedOn: z.string().nullable(),
    reason: z.string().nullable(),
    lapses: z.array(z.object({ section: z.string(), from: z.string() })),
  }),
  steps: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(LVU_STEP_KINDS),
      occurredOn: z.string(),
      step: lvuStepBody,
      decisionId: z.uuid().nullable(),
      recordedByName: z.string(),
      recordedAt: z.string(),
    }),
  ),
  clocks: z.array(lvuClockView),
  /** Urgent decisions of the chair or a member and whether each was reported to the nämnd (6 § andra stycket). */
  urgentDecisions: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(LVU_STEP_KINDS),
      decidedOn: z.string(),
      memberName: z.string().nullable(),
      reportedOn: z.string().nullable(),
    }),
  ),
  reviews: z.array(z.object({ form: z.enum(REVIEW_FORMS), on: z.string(), dueDate: z.string(), inTime: z.boolean() })),
  /** The next steps the state machine allows (for the page's choices; the server checks again). */
  allowedNext: z.array(z.enum(LVU_STEP_KINDS)),
});
export type LvuProcessView = z.infer<typeof lvuProcessView>;
export const lvuProcessList = z.object({ items: z.array(lvuProcessView) });

// ── The nämnd's figures ─────────────────────────────────────────────────────────────────────────

export const youngOffendersQuery = z.strictObject({ from: day, to: day, districtId: z.uuid().optional() });

const published = z.number().nullable();
const outcome = z.object({
  settled: published,
  within: published,
  late: published,
  overdue: published,
  pending: published,
  share: published,
});
const byGender = <T extends z.ZodType>(t: T) => z.object({ all: t, pojke: t, flicka: t, other: t });

export const youngOffendersReport = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  districtIds: z.array(z.uuid()),
  disclosure: disclosureNote,
  yttranden: z.object({
    requested: byGender(published),
    byAgeGroup: z.array(z.object({ ageGroup: z.enum(AGE_GROUPS), count: published })),
    byRequester: z.array(z.object({ requester: z.enum(YTTRANDE_REQUESTERS), count: published })),
    due: byGender(published),
    timeliness: byGender(outcome),
  }),
  lvu: z.object({
    omedelbara: byGender(published),
    understallning: byGender(outcome),
    ansokan: byGender(outcome),
    lapsed: byGender(published),
  }),
  /** Ungdomstjänst and ungdomsövervakning (src/domain/young-offenders/sanction-figures.ts). */
  ungdomstjanst: z.object({ judged: byGender(published), completed: byGender(published), misconduct: byGender(published) }),
  ungdomsovervakning: z.object({ judged: byGender(published), followedUp: byGender(published) }),
  /** Too few sanction records for the filter: every sanction figure is hidden. */
  sanctionsProtectedWhole: z.boolean(),
});
export type YoungOffendersReport = z.infer<typeof youngOffendersReport>;
