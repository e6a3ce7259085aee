import { z } from "zod";
import { DEVIATION_KINDS, DEVIATION_SOURCES, LEX_SARAH_KINDS, ROOT_CAUSES, SEVERITIES } from "../domain/deviations/vocabulary";
import { DEVIATION_STATES, DEVIATION_STEPS } from "../domain/deviations/workflow";
import { CLOCK_KINDS } from "./cases";
import { day, instant, pageQuery, safeText, textUpTo } from "./common";
import { disclosureNote } from "./disclosure";

const text = (max: number) => textUpTo(max).trim().min(1);

/**
 * Where a report came from when another module raised it: ids and dates only, never free text.
 * - late_deadline: a row of the late-deadline list (the clock, its record, its dates);
 * - file_review: a finding of a file review (aktgranskning): the review, its item, the criterion;
 * - log_review: a flagged row of a log review.
 */
export const deviationOrigin = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("late_deadline"),
    clock: z.enum(CLOCK_KINDS),
    recordId: z.uuid(),
    dueDate: day,
    completedOn: day.nullable().optional(),
  }),
  z.strictObject({
    kind: z.literal("file_review"),
    reviewId: z.uuid(),
    itemId: z.uuid().optional(),
    criterion: safeText.trim().min(1).max(60),
  }),
  z.strictObject({ kind: z.literal("log_review"), reviewId: z.uuid(), itemId: z.uuid().optional() }),
]);

/**
 * Report an avvikelse (deviation:report). The unit is where it happened; the case, insats or person
 * it concerns is optional and must be one the reporter may see, in the unit's district.
 * Also the body of `createDeviation(tx, actor, input, now)` for other modules (file review, log review).
 */
export const createDeviationBody = z.strictObject({
  unitId: z.uuid(),
  occurredAt: instant,
  kind: z.enum(DEVIATION_KINDS),
  description: text(10_000),
  caseId: z.uuid().optional(),
  insatsId: z.uuid().optional(),
  personId: z.uuid().optional(),
  origin: deviationOrigin.optional(),
});
export type CreateDeviationInput = z.infer<typeof createDeviationBody>;

export const classifyBody = z.strictObject({
  kind: z.enum(DEVIATION_KINDS),
  severity: z.enum(SEVERITIES),
  /** Lex Sarah: a missförhållande or a påtaglig risk för missförhållande; "none" for an ordinary deviation. */
  lexSarah: z.enum(LEX_SARAH_KINDS),
  /** Allvarligt: only for lex Sarah; the investigation decides it in the end. */
  serious: z.boolean().default(false),
});

export const investigationBody = z.strictObject({
  investigatedOn: day,
  rootCause: z.enum(ROOT_CAUSES),
  analysis: text(20_000),
  /** Required on the lex Sarah path: whether the missförhållande (or risk) is allvarligt. */
  serious: z.boolean().optional(),
});

export const actionBody = z.strictObject({
  description: text(2_000),
  responsibleId: z.uuid(),
  dueOn: day,
});

export const ivoNotificationBody = z.strictObject({
  notifiedOn: day,
  /** IVO's diarienummer or the municipality's own reference of the notification. */
  reference: text(60),
});

export const followUpBody = z.strictObject({
  followedUpOn: day,
  text: text(5_000),
  /** Did the actions remedy the deviation? */
  effective: z.boolean(),
});

export const closeBody = z.strictObject({
  note: safeText.trim().max(2_000).optional(),
  /** Needed when closing straight after the investigation: why no action is needed. */
  noActionReason: safeText.trim().max(2_000).optional(),
});

export const deviationListQuery = z.strictObject({
  state: z.enum(DEVIATION_STATES).optional(),
  /** "any" lists the lex Sarah path only. */
  lexSarah: z.enum([...LEX_SARAH_KINDS, "any"]).optional(),
  unitId: z.uuid().optional(),
  /** Only the reader's own reports. */
  mine: z.enum(["true", "false"]).optional(),
  ...pageQuery,
});

export const deviationListItem = z.object({
  id: z.uuid(),
  state: z.enum(DEVIATION_STATES),
  kind: z.enum(DEVIATION_KINDS),
  severity: z.enum(SEVERITIES).nullable(),
  lexSarah: z.enum(LEX_SARAH_KINDS),
  serious: z.boolean(),
  source: z.enum(DEVIATION_SOURCES),
  districtId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  occurredAt: z.string(),
  reportedAt: z.string(),
  reportedByName: z.string(),
  ivoNotifiedOn: z.string().nullable(),
  /** The reader's own report. */
  own: z.boolean(),
});
export const deviationList = z.object({ items: z.array(deviationListItem), nextCursor: z.string().nullable() });

const provision = z.object({ law: z.string(), section: z.string(), citation: z.string() });

export const deviationDetail = deviationListItem.extend({
  version: z.number().int(),
  description: z.string(),
  caseId: z.uuid().nullable(),
  insatsId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  origin: deviationOrigin.nullable(),
  classifiedAt: z.string().nullable(),
  rootCause: z.enum(ROOT_CAUSES).nullable(),
  analysis: z.string().nullable(),
  investigatedOn: z.string().nullable(),
  ivoReference: z.string().nullable(),
  followedUpOn: z.string().nullable(),
  followUpText: z.string().nullable(),
  followUpEffective: z.boolean().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  actions: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      responsibleId: z.uuid(),
      responsibleName: z.string(),
      dueOn: z.string(),
      createdAt: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number().int(),
      step: z.string(),
      toState: z.enum(DEVIATION_STATES),
      at: z.string(),
      byName: z.string(),
    }),
  ),
  /** The lex Sarah path: the provision each recorded step rests on, by the law in force on its date. */
  lexSarahPath: z
    .object({
      report: provision,
      investigation: provision.nullable(),
      ivoNotification: provision.nullable(),
      ivoRequired: z.boolean(),
      regulations: z.string(),
    })
    .nullable(),
  /** The steps the reader may take now. */
  availableSteps: z.array(z.enum(DEVIATION_STEPS)),
});
export type DeviationDetail = z.infer<typeof deviationDetail>;

export const stepResult = z.object({ id: z.uuid(), state: z.enum(DEVIATION_STATES), version: z.number().int() });

export const deviationStaff = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string(), districtId: z.uuid() })),
});

export const deviationStatsQuery = z.strictObject({
  from: day,
  to: day,
  districtId: z.uuid().optional(),
  unitId: z.uuid().optional(),
});

const count = z.number().nullable();
export const deviationStats = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  districtIds: z.array(z.uuid()),
  unitId: z.uuid().nullable(),
  disclosure: disclosureNote,
  total: count,
  byKind: z.array(z.object({ kind: z.enum(DEVIATION_KINDS), count })),
  byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), count })),
  byMonth: z.array(z.object({ month: z.string(), count })),
  lexSarah: z.object({
    none: count,
    lexSarah: count,
    missforhallande: count,
    risk: count,
    serious: count,
    notSerious: count,
  }),
});
export type DeviationStats = z.infer<typeof deviationStats>;
