import type { z } from "zod";
import type {
  assessmentDetail,
  assessmentList,
  assessmentPolicy,
  createAssessmentBody,
  instrumentDetail,
  instrumentList,
  training,
  trainingBody,
  trainingList,
  updateAssessmentBody,
  usageQuery,
  usageResponse,
} from "../../contracts/assessments";
import { type InstrumentDefinition, instrumentDefinitionSchema } from "../../domain/instruments/definition";
import { qs, request } from "../api";

/* Structured assessments: instruments, the training register, assessments and their statistics. */

export type InstrumentList = z.infer<typeof instrumentList>;
export type InstrumentSummary = InstrumentList["items"][number];
export type InstrumentDetail = z.infer<typeof instrumentDetail>;
export type TrainingList = z.infer<typeof trainingList>;
export type Training = z.infer<typeof training>;
export type TrainingBody = z.input<typeof trainingBody>;
export type AssessmentList = z.infer<typeof assessmentList>;
export type AssessmentSummary = AssessmentList["items"][number];
export type AssessmentDetail = z.infer<typeof assessmentDetail>;
export type CreateAssessmentBody = z.input<typeof createAssessmentBody>;
export type UpdateAssessmentBody = z.input<typeof updateAssessmentBody>;
export type AssessmentPolicy = z.infer<typeof assessmentPolicy>;
export type UsageQuery = z.infer<typeof usageQuery>;
export type Usage = z.infer<typeof usageResponse>;
export type Staff = { id: string; displayName: string };

export const assessmentApi = {
  instruments: (includeRetired: boolean) =>
    request<InstrumentList>("GET", `/api/instruments${qs({ includeRetired: String(includeRetired) })}`),
  instrument: (id: string) => request<InstrumentDetail>("GET", `/api/instruments/${id}`),
  importInstrument: (definition: unknown) => request<{ id: string }>("POST", "/api/admin/instruments", definition),
  retireInstrument: (id: string) => request<{ ok: true }>("POST", `/api/admin/instruments/${id}/retire`),

  trainings: (params: { userId?: string; instrumentKey?: string; expiringWithinDays?: number }) =>
    request<TrainingList>("GET", `/api/trainings${qs(params)}`),
  registerTraining: (body: TrainingBody) => request<Training>("POST", "/api/trainings", body),
  trainingStaff: () => request<{ items: Staff[] }>("GET", "/api/trainings/staff"),

  assessments: (caseId: string) => request<AssessmentList>("GET", `/api/cases/${caseId}/assessments`),
  createAssessment: (caseId: string, body: CreateAssessmentBody) =>
    request<{ id: string }>("POST", `/api/cases/${caseId}/assessments`, body),
  assessment: (id: string) => request<AssessmentDetail>("GET", `/api/assessments/${id}`),
  updateAssessment: (id: string, body: UpdateAssessmentBody) => request<{ id: string }>("PUT", `/api/assessments/${id}`, body),
  signAssessment: (id: string) => request<{ id: string }>("POST", `/api/assessments/${id}/sign`),

  policy: (districtId: string) => request<AssessmentPolicy>("GET", `/api/admin/districts/${districtId}/assessment-policy`),
  setPolicy: (districtId: string, requireStructuredAssessment: boolean) =>
    request<AssessmentPolicy>("PUT", `/api/admin/districts/${districtId}/assessment-policy`, { requireStructuredAssessment }),

  usage: (q: UsageQuery) => request<Usage>("GET", `/api/reports/assessment-usage${qs({ ...q })}`),
};

export const instrumentExportUrl = (id: string) => `/api/instruments/${id}/export`;
export const usageExportUrl = (q: UsageQuery) => `/api/reports/assessment-usage/export${qs({ ...q, format: "xlsx" })}`;

/** The stored definition with the domain schema's defaults applied; null if it no longer parses. */
export function parseStoredDefinition(definition: Record<string, unknown>): InstrumentDefinition | null {
  const parsed = instrumentDefinitionSchema.safeParse(definition);
  return parsed.success ? parsed.data : null;
}
