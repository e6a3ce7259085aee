import type { z } from "zod";
import type {
  CreateDeviationInput,
  DeviationDetail,
  DeviationStats,
  deviationList,
  deviationStaff,
  stepResult,
} from "../../contracts/deviations";
import type { LateDeadlines, LateDeadlinesQuery } from "../../contracts/late-deadlines";
import { qs, request } from "../api";

export type DeviationList = z.infer<typeof deviationList>;
export type DeviationListItem = DeviationList["items"][number];
export type StepResult = z.infer<typeof stepResult>;
export type { DeviationDetail, DeviationStats, LateDeadlines };

export type LateFilter = Omit<LateDeadlinesQuery, "limit" | "cursor">;
type Query = Record<string, string | number | undefined>;

export const lateExportUrl = (f: LateFilter, format: "csv" | "xlsx") =>
  `/api/egenkontroll/late-deadlines/export${qs({ ...f, format })}`;

/** The API of avvikelser, lex Sarah and the late-deadline list. */
export const deviationApi = {
  report: (body: CreateDeviationInput) => request<{ id: string }>("POST", "/api/deviations", body),
  list: (q: Query) => request<DeviationList>("GET", `/api/deviations${qs(q)}`),
  get: (id: string) => request<DeviationDetail>("GET", `/api/deviations/${id}`),
  step: (id: string, path: string, body: unknown) => request<StepResult>("POST", `/api/deviations/${id}/${path}`, body),
  staff: () => request<z.infer<typeof deviationStaff>>("GET", "/api/deviations/staff"),
  statistics: (q: Query) => request<DeviationStats>("GET", `/api/deviations/statistics${qs(q)}`),
  late: (q: Query) => request<LateDeadlines>("GET", `/api/egenkontroll/late-deadlines${qs(q)}`),
};
