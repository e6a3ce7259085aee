import { z } from "zod";
import { MEASURE_STATUSES, SOURCE_UNITS } from "../domain/lagesbild/definitions";
import { day, safeText, textUpTo } from "./common";

/** Request and response shapes of the lägesbild and åtgärdsplan (lag 2023:196). */

const text = z.object({ sv: z.string(), en: z.string() });

export const lagesbildListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const createLagesbildBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** One district, or several (the municipality's): each must be one the caller manages lägesbilder in. */
  districtIds: z
    .array(z.uuid())
    .min(1)
    .max(100)
    .refine((a) => new Set(a).size === a.length, { message: "Dubbletter / Duplicates" }),
  title: safeText.trim().min(1).max(200).optional(),
});

export const manualSource = z.strictObject({
  label: safeText.trim().min(1).max(200),
  value: z.number(),
  unit: z.enum(SOURCE_UNITS),
  periodFrom: day,
  periodTo: day,
  source: safeText.trim().min(1).max(200),
  note: safeText.trim().max(1000).default(""),
});
export type ManualSourceInput = z.infer<typeof manualSource>;

export const updateLagesbildBody = z.strictObject({
  analysis: textUpTo(50_000).optional(),
  sources: z.array(manualSource).max(100).optional(),
  /** The version the change was made on: a change made on an older one is refused (409), not merged. */
  baseVersion: z.number().int().min(1).optional(),
});
export type UpdateLagesbildInput = z.infer<typeof updateLagesbildBody>;

export const decideLagesbildBody = z.strictObject({
  body: safeText.trim().min(1).max(200),
  decidedOn: day,
  note: safeText.trim().max(1000).optional(),
});

export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const createMeasureBody = z.strictObject({
  priority: z.number().int().min(1).max(99),
  area: safeText.trim().min(1).max(200),
  problem: safeText.trim().min(1).max(2000),
  measure: safeText.trim().min(1).max(2000),
  responsible: safeText.trim().min(1).max(200),
  dueOn: day.nullable().optional(),
});
export const updateMeasureBody = z.strictObject({
  priority: z.number().int().min(1).max(99).optional(),
  area: safeText.trim().min(1).max(200).optional(),
  problem: safeText.trim().min(1).max(2000).optional(),
  measure: safeText.trim().min(1).max(2000).optional(),
  responsible: safeText.trim().min(1).max(200).optional(),
  dueOn: day.nullable().optional(),
  status: z.enum(MEASURE_STATUSES).optional(),
  followUpNote: safeText.trim().max(2000).optional(),
  followUpOn: day.nullable().optional(),
});
export type UpdateMeasureInput = z.infer<typeof updateMeasureBody>;

export const measureParams = z.strictObject({ id: z.uuid(), measureId: z.uuid() });

export const lagesbildSummary = z.object({
  id: z.uuid(),
  year: z.number(),
  title: z.string(),
  districts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  latestVersion: z.number(),
  decided: z.boolean(),
  decidedOn: z.string().nullable(),
  decidedBody: z.string().nullable(),
  measures: z.number(),
  overdueMeasures: z.number(),
});
export const lagesbildList = z.object({ items: z.array(lagesbildSummary) });
export type LagesbildSummary = z.infer<typeof lagesbildSummary>;

const count = z.number().nullable();
const tableRow = z.object({ key: z.string(), label: text, all: count, boys: count, girls: count, other: count });
const table = z.object({
  indicator: z.string(),
  name: text,
  definition: text,
  rows: z.array(tableRow),
  total: tableRow.nullable(),
});

export const measure = z.object({
  id: z.uuid(),
  priority: z.number(),
  area: z.string(),
  problem: z.string(),
  measure: z.string(),
  responsible: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  followUpNote: z.string(),
  followUpOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type Measure = z.infer<typeof measure>;

export const lagesbildDetail = lagesbildSummary.extend({
  from: z.string(),
  to: z.string(),
  /** The version shown (the latest unless another was asked for) and every version there is. */
  version: z.number(),
  versions: z.array(z.object({ version: z.number(), createdAt: z.string(), createdByName: z.string() })),
  analysis: z.string(),
  sources: z.array(
    z.object({
      label: z.string(),
      value: z.number(),
      unit: z.enum(SOURCE_UNITS),
      periodFrom: z.string(),
      periodTo: z.string(),
      source: z.string(),
      note: z.string(),
    }),
  ),
  decidedNote: z.string().nullable(),
  decidedVersion: z.number().nullable(),
  /** Whether the figures are as they were published on the decision (frozen) or computed now. */
  figuresAsDecided: z.boolean(),
  generatedAt: z.string(),
  protectedWhole: z.boolean(),
  tables: z.array(table),
  fieldwork: z
    .object({
      name: text,
      definition: text,
      areas: z.array(
        z.object({
          areaId: z.string(),
          name: z.string(),
          polygon: z.unknown(),
          shifts: count,
          contacts: count,
          girls: count,
          boys: count,
          incidents: count,
          tags: z.array(z.object({ tag: z.string(), count })),
        }),
      ),
    })
    .nullable(),
  definitions: z.array(z.object({ name: text, definition: text })),
  law: z.object({ name: text, parts: z.record(z.string(), text) }),
  measuresList: z.array(measure),
  canManage: z.boolean(),
  canDecide: z.boolean(),
});
export type LagesbildDetail = z.infer<typeof lagesbildDetail>;

export const created = z.object({ id: z.uuid() });
export const versionCreated = z.object({ version: z.number() });
