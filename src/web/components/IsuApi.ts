import type { z } from "zod";
import type {
  EffectReport,
  effectQuery,
  InsatsIsu,
  IsuSettings,
  isuScaleBody,
  measurementBody,
  measurementPlanBody,
  SelfReportForm,
  selfReportAnswersBody,
  selfReportLinkBody,
  selfReportLinkCreated,
  surveyQuestionsBody,
  unitResults,
  unitResultsQuery,
} from "../../contracts/effects";
import { qs, request } from "../api";

/* ISU calls: settings, an insats's measurements and links, the self-report form, the effect reports. */

export type EffectQuery = z.infer<typeof effectQuery>;
export type UnitResultsQuery = z.infer<typeof unitResultsQuery>;
export type UnitResults = z.infer<typeof unitResults>;
export type MeasurementBody = z.input<typeof measurementBody>;
export type SelfReportLinkBody = z.input<typeof selfReportLinkBody>;
export type SelfReportLinkCreated = z.infer<typeof selfReportLinkCreated>;
export type SelfReportAnswers = z.input<typeof selfReportAnswersBody>;
export type IsuScaleBody = z.input<typeof isuScaleBody>;
export type MeasurementPlanBody = z.input<typeof measurementPlanBody>;
export type SurveyQuestionsBody = z.input<typeof surveyQuestionsBody>;
export type { EffectReport, InsatsIsu, IsuSettings, SelfReportForm };

type Created = { id: string };

export const effectExportUrl = (q: EffectQuery, format: "pdf" | "xlsx") => `/api/reports/effects/export${qs({ ...q, format })}`;

export const isuApi = {
  settings: () => request<IsuSettings>("GET", "/api/isu/settings"),
  createScale: (body: IsuScaleBody) => request<Created>("POST", "/api/admin/isu/scales", body),
  updateScale: (id: string, body: IsuScaleBody) => request<Created>("PUT", `/api/admin/isu/scales/${id}`, body),
  setQuestions: (body: SurveyQuestionsBody) => request<{ ok: true }>("PUT", "/api/admin/isu/survey-questions", body),
  setMeasurementPlan: (catalogueId: string, body: MeasurementPlanBody) =>
    request<{ ok: true }>("PUT", `/api/admin/isu/measurement-plans/${catalogueId}`, body),

  insats: (insatsId: string) => request<InsatsIsu>("GET", `/api/insatser/${insatsId}/isu`),
  recordMeasurement: (insatsId: string, body: MeasurementBody) =>
    request<Created>("POST", `/api/insatser/${insatsId}/measurements`, body),
  createLink: (insatsId: string, body: SelfReportLinkBody) =>
    request<SelfReportLinkCreated>("POST", `/api/insatser/${insatsId}/self-report-links`, body),

  selfReportForm: (token: string) => request<SelfReportForm>("POST", "/api/self-report/form", { token }),
  selfReportAnswer: (body: SelfReportAnswers) => request<{ ok: true }>("POST", "/api/self-report/answers", body),

  effects: (q: EffectQuery) => request<EffectReport>("GET", `/api/reports/effects${qs({ ...q })}`),
  unitResults: (q: UnitResultsQuery) => request<UnitResults>("GET", `/api/isu/unit-results${qs({ ...q })}`),
};
