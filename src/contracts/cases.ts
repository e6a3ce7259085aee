import { z } from "zod";
import { NO_ASSESSMENT_REASONS } from "../domain/assessment-policy";
import { CONCERNS, DECISION_TYPES, PRE_ASSESSMENT_OUTCOMES, REPORT_KINDS, REPORTER_CATEGORIES } from "../domain/case-flow";
import { DUE_SOON_DAYS } from "../domain/clocks";
import { LVU_CLOCK_KINDS } from "../domain/lvu/process";
import { UNGDOMSTJANST_CLOCK_KINDS } from "../domain/ungdomstjanst/ungdomstjanst";
import { noAssessmentFields } from "./assessments";
import { coHandler } from "./co-handlers";
import { day, instant, pageQuery, safeText, textUpTo } from "./common";
import { disclosureNote } from "./disclosure";
import { completionChildViewFields } from "./guardians";

const text = (max: number) => textUpTo(max).trim().min(1);

export const createReportBody = z.strictObject({
  personId: z.uuid(),
  districtId: z.uuid(),
  kind: z.enum(REPORT_KINDS).default("orosanmalan"),
  receivedAt: instant,
  reporterCategory: z.enum(REPORTER_CATEGORIES),
  reporterOrganisation: safeText.trim().max(200).optional(),
  reporterContact: safeText.trim().max(200).optional(),
  concerns: z.array(z.enum(CONCERNS)).max(CONCERNS.length).default([]),
  text: text(10_000),
});

export const protectionAssessmentBody = z.strictObject({
  assessedAt: instant,
  immediateProtectionNeeded: z.boolean(),
  notes: text(5_000),
});

export const preAssessmentBody = z.strictObject({
  decidedAt: instant,
  outcome: z.enum(PRE_ASSESSMENT_OUTCOMES),
  reason: text(5_000),
  linkedInvestigationId: z.uuid().optional(),
});

export const extensionBody = z.strictObject({ decidedAt: instant, reason: text(5_000), newEndDate: day });
export const methodsBody = z.strictObject({ methods: z.array(text(200)).max(30) });
export const completeInvestigationBody = z.strictObject({
  completedOn: day,
  guardiansDeclined: z.boolean().default(false),
  ...noAssessmentFields,
  // Barnets syn (issue 18 point 3): given here unless already documented in the investigation.
  ...completionChildViewFields,
});

export const decisionBody = z.strictObject({
  type: z.enum(["bistand", "avslag", "ingen_atgard", "uppfoljning", "lvu_ansokan"]),
  decidedAt: instant,
  reason: text(5_000),
  investigationId: z.uuid().optional(),
  insats: safeText.trim().max(200).optional(),
});

export const journalBody = z.strictObject({
  step: z.enum([
    "aktualisering",
    "skyddsbedomning",
    "forhandsbedomning",
    "utredning",
    "beslut",
    "uppfoljning",
    "avslut",
    "ovrigt",
  ]),
  text: text(20_000),
  sign: z.boolean().default(false),
  correctsId: z.uuid().optional(),
});

export const closeCaseBody = z.strictObject({ closedAt: instant, reason: text(60), outcome: text(2_000) });
export const assignBody = z.strictObject({ userId: z.uuid(), unitId: z.uuid().optional() });

export const CLOCK_KINDS = [
  "skyddsbedomning",
  "forhandsbedomning",
  "utredning",
  "uppfoljning",
  "verkstallighet",
  "genomforandeplan",
  "insats_uppfoljning",
  "overvagande",
] as const;
/** Every clock of the deadline overview and the case list: the case flow's and those of LUL yttranden and LVU. */
export const OVERVIEW_CLOCK_KINDS = [
  ...CLOCK_KINDS,
  "lul_yttrande",
  ...LVU_CLOCK_KINDS,
  ...UNGDOMSTJANST_CLOCK_KINDS,
  "ungdomsovervakning_uppfoljning",
  // Joint action plans (issue 21 point 3): an open task past its day, the plan's next follow-up.
  "atgardsplan_uppgift",
  "atgardsplan_uppfoljning",
  // Avhopparverksamhet (issue 21 point 4): a planned follow-up of an avhopp process.
  "avhopp_uppfoljning",
] as const;
export const CLOCK_STATES = ["due", "due_soon", "overdue", "met", "met_late"] as const;

export const deadlinesQuery = z.strictObject({
  unitId: z.uuid().optional(),
  assignedTo: z.uuid().optional(),
  clock: z.enum(OVERVIEW_CLOCK_KINDS).optional(),
  state: z.enum(CLOCK_STATES).optional(),
  /** Include clocks already met (default: running and overdue only). */
  includeMet: z.enum(["true", "false"]).default("false"),
  dueSoonDays: z.coerce.number().int().min(0).max(30).default(DUE_SOON_DAYS),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const deadlineRow = z.object({
  clock: z.enum(OVERVIEW_CLOCK_KINDS),
  state: z.enum(CLOCK_STATES),
  dueDate: z.string(),
  dueAt: z.string(),
  daysLeft: z.number().int(),
  completedAt: z.string().nullable(),
  extended: z.boolean(),
  caseId: z.uuid(),
  recordId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
});
export const deadlinesResponse = z.object({
  items: z.array(deadlineRow),
  counts: z.array(
    z.object({
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      overdue: z.number(),
      dueSoon: z.number(),
      due: z.number(),
    }),
  ),
  asOf: z.string(),
});

export const handlingTimesQuery = z.strictObject({
  from: day,
  to: day,
  districtId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});

/** A count or share as the disclosure module publishes it (domain/disclosure/publish.ts): null when hidden. */
const published = z.number().nullable();
/** One clock's outcomes (domain/indicators/clock-outcome.ts); the share is within / settled. */
const outcome = z.object({
  settled: published,
  within: published,
  late: published,
  /** Not done and the deadline run out: in the share's denominator as not within. */
  overdue: published,
  /** Not done and the deadline still running: apart, not in the share. */
  pending: published,
  share: published,
});
const days = { medianDays: published, meanDays: published, p90Days: published };
const clock = outcome.extend(days);
const investigationTime = z.object({
  /** Investigations whose statutory last day is in the period. */
  investigations: published,
  within4Months: outcome,
  within4MonthsOrExtended: outcome,
  /** With a förlängning decided after the time had run out (counted late). */
  lateExtensions: published,
  ...days,
});
const byGender = <T extends z.ZodType>(t: T) => z.object({ all: t, pojke: t, flicka: t, other: t });
/** The handling-time report (domain/indicators/handling-times.ts; definitions in domain/indicators/definitions.ts). */
export const handlingTimesResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** The moment every clock was evaluated at (when the report was made). */
  asOf: z.string(),
  disclosure: disclosureNote,
  reports: byGender(published),
  skyddsbedomning: byGender(clock),
  forhandsbedomning: byGender(clock),
  utredning: byGender(investigationTime),
  linkedToOngoingInvestigation: published,
  reReferrals: published,
  reReferralShare: published,
});
export type HandlingTimes = z.infer<typeof handlingTimesResponse>;

export const caseListQuery = z.strictObject({
  assignedTo: z.enum(["me", "any", "none"]).default("any"),
  /** One person's cases, for the person page. */
  personId: z.uuid().optional(),
  status: z.enum(["open", "closed", "all"]).default("open"),
  ...pageQuery,
});

// Responses: only what is declared here leaves the server.
export const reportCreated = z.object({ id: z.uuid(), caseId: z.uuid(), isReReferral: z.boolean(), receivedAt: z.string() });
export const protectionRecorded = z.object({ reportId: z.uuid(), assessedAt: z.string() });
export const preAssessmentRecorded = z.object({
  reportId: z.uuid(),
  outcome: z.enum(PRE_ASSESSMENT_OUTCOMES),
  investigationId: z.uuid().nullable(),
  linkedInvestigationId: z.uuid().nullable(),
});
export const extensionRecorded = z.object({ investigationId: z.uuid(), extendedTo: z.string(), decisionId: z.uuid() });
export const methodsSet = z.object({ investigationId: z.uuid(), methods: z.array(z.string()) });
export const investigationCompleted = z.object({ investigationId: z.uuid(), completedOn: z.string() });
export const decisionRecorded = z.object({
  id: z.uuid(),
  type: z.enum(DECISION_TYPES),
  decidedAt: z.string(),
  decidedAsRole: z.string(),
});
export const journalRecorded = z.object({ id: z.uuid(), signedAt: z.string().nullable() });
export const caseClosed = z.object({ id: z.uuid(), closedAt: z.string() });
export const caseAssigned = z.object({ id: z.uuid(), assignedTo: z.uuid(), unitId: z.uuid() });
export const caseloadResponse = z.object({
  items: z.array(
    z.object({ userId: z.uuid(), name: z.string(), unitId: z.uuid(), unitName: z.string(), open: z.number().int() }),
  ),
});
export const closeReasonsResponse = z.object({
  items: z.array(z.object({ code: z.string(), label: z.string(), active: z.boolean() })),
});
export const caseListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      personId: z.uuid(),
      personName: z.string(),
      districtId: z.uuid(),
      districtName: z.string(),
      assignedTo: z.uuid().nullable(),
      assignedToName: z.string().nullable(),
      /** The signed-in user works the case as medhandläggare. */
      coHandledByMe: z.boolean(),
      openedAt: z.string(),
      closedAt: z.string().nullable(),
      /** The case's running clocks (not yet met), the one that runs out first first. */
      clocks: z.array(
        z.object({
          clock: z.enum(OVERVIEW_CLOCK_KINDS),
          state: z.enum(CLOCK_STATES),
          dueDate: z.string(),
          daysLeft: z.number().int(),
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export const caseDetail = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  /** Skyddade personuppgifter: the page shows the marker. */
  protectedIdentity: z.boolean(),
  /** For the age on a given day: which assessment instruments fit. */
  personBirthDate: z.string(),
  districtId: z.uuid(),
  unitId: z.uuid().nullable(),
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
  /** Medhandläggare now working the case beside the responsible handläggare. */
  coHandlers: z.array(coHandler),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  closeOutcome: z.string().nullable(),
  reports: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      receivedAt: z.string(),
      reporterCategory: z.string(),
      reporterOrganisation: z.string().nullable(),
      concerns: z.array(z.string()),
      text: z.string(),
      isReReferral: z.boolean(),
      protection: z.object({ assessedAt: z.string(), immediateProtectionNeeded: z.boolean(), notes: z.string() }).nullable(),
      preAssessment: z
        .object({
          decidedAt: z.string(),
          outcome: z.string(),
          reason: z.string(),
          investigationId: z.uuid().nullable(),
          linkedInvestigationId: z.uuid().nullable(),
        })
        .nullable(),
    }),
  ),
  investigations: z.array(
    z.object({
      id: z.uuid(),
      openedOn: z.string(),
      extendedTo: z.string().nullable(),
      completedOn: z.string().nullable(),
      guardiansDeclined: z.boolean(),
      methods: z.array(z.string()),
      /** Completed without a structured assessment: the reason code given and its explanation. */
      noAssessmentReason: z.enum(NO_ASSESSMENT_REASONS).nullable(),
      noAssessmentNote: z.string().nullable(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      type: z.string(),
      investigationId: z.uuid().nullable(),
      decidedAt: z.string(),
      decidedBy: z.uuid(),
      decidedByName: z.string(),
      decidedAsRole: z.string(),
      reason: z.string(),
    }),
  ),
  journal: z.array(
    z.object({
      id: z.uuid(),
      step: z.string(),
      text: z.string(),
      authorId: z.uuid(),
      authorName: z.string(),
      createdAt: z.string(),
      signedAt: z.string().nullable(),
      correctsId: z.uuid().nullable(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetail>;
