import { z } from "zod";
import {
  CONTROL_AREAS,
  CONTROL_FREQUENCIES,
  CONTROL_METHODS,
  CONTROL_METRIC_KEYS,
  NAMND_REPORTS,
  RESULT_OUTCOMES,
  RISK_LEVELS,
} from "../domain/governance/internal-control";
import { day, safeText } from "./common";

const text = (max: number) => safeText.trim().min(1).max(max);
const scale = z.number().int().min(1).max(4);

export const planQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  districtId: z.uuid().optional(),
});
export const createPlanBody = z.strictObject({
  districtId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  summary: safeText.trim().max(4000).default(""),
});
export const updatePlanBody = z.strictObject({
  revision: z.number().int().min(1),
  adoptedOn: day.nullable().optional(),
  summary: safeText.trim().max(4000).optional(),
});

const target = z.strictObject({ op: z.enum([">=", "<="]), value: z.number().finite() });

const pointFields = z.strictObject({
  area: z.enum(CONTROL_AREAS),
  title: text(200),
  risk: text(2000),
  probability: scale,
  consequence: scale,
  method: z.enum(CONTROL_METHODS),
  methodDescription: safeText.trim().max(2000).default(""),
  metric: z
    .enum(CONTROL_METRIC_KEYS as [string, ...string[]])
    .nullable()
    .default(null),
  target: target.nullable().default(null),
  fileReviewId: z.uuid().nullable().default(null),
  frequency: z.enum(CONTROL_FREQUENCIES),
  responsibleId: z.uuid(),
  reportTo: z.enum(NAMND_REPORTS),
});
type PointFields = z.infer<typeof pointFields>;
function checkMethod(p: PointFields, ctx: z.RefinementCtx) {
  if (p.method === "nyckeltal" && !p.metric)
    ctx.addIssue({ code: "custom", path: ["metric"], message: "Välj nyckeltal / Choose a figure" });
  if (p.method !== "nyckeltal" && (p.metric || p.target))
    ctx.addIssue({ code: "custom", path: ["metric"], message: "Bara för metoden nyckeltal / Only for the figure method" });
  if (p.method !== "aktgranskning" && p.fileReviewId)
    ctx.addIssue({ code: "custom", path: ["fileReviewId"], message: "Bara för aktgranskning / Only for a file review" });
}

/** A control point. "nyckeltal" needs its metric (and may have a target); "aktgranskning" may name its file review. */
export const pointBody = pointFields.superRefine(checkMethod);
/** The whole point again, with the revision it was edited on (409 when someone else came first). */
export const updatePointBody = pointFields.extend({ revision: z.number().int().min(1) }).superRefine(checkMethod);

export const resultBody = z
  .strictObject({
    performedOn: day,
    periodFrom: day.nullable().default(null),
    periodTo: day.nullable().default(null),
    outcome: z.enum(RESULT_OUTCOMES),
    comment: safeText.trim().max(4000).default(""),
    deviationsFound: z.number().int().min(0).max(100000).default(0),
  })
  .superRefine((r, ctx) => {
    if (r.periodFrom && r.periodTo && r.periodTo < r.periodFrom)
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "Före periodens början / Before the period's start" });
  });
/** A system result: the figure for the period (default: the plan year until today). */
export const systemResultBody = z.strictObject({ periodFrom: day.optional(), periodTo: day.optional() });

export const controlResult = z.object({
  id: z.uuid(),
  performedOn: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  outcome: z.enum(RESULT_OUTCOMES),
  comment: z.string(),
  deviationsFound: z.number().int(),
  source: z.enum(["manuell", "system"]),
  value: z.number().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

export const controlPoint = z.object({
  id: z.uuid(),
  area: z.enum(CONTROL_AREAS),
  title: z.string(),
  risk: z.string(),
  probability: z.number().int(),
  consequence: z.number().int(),
  riskScore: z.number().int(),
  riskLevel: z.enum(RISK_LEVELS),
  method: z.enum(CONTROL_METHODS),
  methodDescription: z.string(),
  metric: z.string().nullable(),
  target: target.nullable(),
  fileReviewId: z.uuid().nullable(),
  frequency: z.enum(CONTROL_FREQUENCIES),
  responsibleId: z.uuid(),
  responsibleName: z.string(),
  reportTo: z.enum(NAMND_REPORTS),
  revision: z.number().int(),
  results: z.array(controlResult),
});

export const planSummary = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  districtName: z.string(),
  year: z.number().int(),
  adoptedOn: z.string().nullable(),
  points: z.number().int(),
  pointsWithResult: z.number().int(),
});
export const planList = z.object({ items: z.array(planSummary) });
export const planDetail = planSummary.extend({
  summary: z.string(),
  revision: z.number().int(),
  controlPoints: z.array(controlPoint),
});

export type PlanDetail = z.infer<typeof planDetail>;
export type ControlPoint = z.infer<typeof controlPoint>;
export type PlanSummary = z.infer<typeof planSummary>;

/** Staff who can be picked as responsible (or owner): of the caller's districts. */
export const staffList = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string(), districtId: z.uuid() })),
});
