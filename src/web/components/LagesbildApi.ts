import type { z } from "zod";
import type {
  createMeasureBody,
  LagesbildDetail,
  LagesbildSummary,
  ManualSourceInput,
  Measure,
  UpdateMeasureInput,
} from "../../contracts/lagesbild";
import { request } from "../api";

export type { LagesbildDetail, LagesbildSummary, ManualSourceInput, Measure };

/** The API of the lägesbild and åtgärdsplan (lag 2023:196). */
export const lagesbildApi = {
  list: () => request<{ items: LagesbildSummary[] }>("GET", "/api/lagesbilder"),
  create: (body: { year: number; districtIds: string[]; title?: string }) =>
    request<{ id: string }>("POST", "/api/lagesbilder", body),
  get: (id: string, version?: number) =>
    request<LagesbildDetail>("GET", `/api/lagesbilder/${id}${version ? `?version=${version}` : ""}`),
  update: (id: string, body: { analysis?: string; sources?: ManualSourceInput[]; baseVersion?: number }) =>
    request<{ version: number }>("PATCH", `/api/lagesbilder/${id}`, body),
  decide: (id: string, body: { body: string; decidedOn: string; note?: string }) =>
    request<{ version: number }>("POST", `/api/lagesbilder/${id}/decide`, body),
  addMeasure: (id: string, body: z.input<typeof createMeasureBody>) =>
    request<Measure>("POST", `/api/lagesbilder/${id}/measures`, body),
  updateMeasure: (id: string, measureId: string, body: UpdateMeasureInput) =>
    request<Measure>("PATCH", `/api/lagesbilder/${id}/measures/${measureId}`, body),
  exportUrl: (id: string, format: "pdf" | "xlsx", version: number) =>
    `/api/lagesbilder/${id}/export.${format}?version=${version}`,
};
