import type { z } from "zod";
import type {
  carePlanBody,
  catalogueBody,
  catalogueEntry,
  catalogueList,
  createInsatsBody,
  endBody,
  followUpBody,
  IvoReport,
  insatsDetail,
  insatsList,
  insatsSummary,
  ivoQuery,
  notStartedBody,
  overvagandeBody,
  planBody,
  SamladBild,
  samladBildQuery,
  startBody,
} from "../../contracts/interventions";
import { type ApiError, qs, request } from "../api";

/* Intervention (insats) calls, on the shared request helper of api.ts. */

export type CatalogueEntry = z.infer<typeof catalogueEntry>;
export type CatalogueBody = z.input<typeof catalogueBody>;
export type InsatsSummary = z.infer<typeof insatsSummary>;
export type InsatsDetail = z.infer<typeof insatsDetail>;
export type InsatsPlan = InsatsDetail["plans"][number];
export type InsatsFollowUp = InsatsDetail["followUps"][number];
export type PlanBody = z.input<typeof planBody>;
export type CreateInsatsBody = z.input<typeof createInsatsBody>;
export type FollowUpBody = z.input<typeof followUpBody>;
type Created = { id: string };
export type SamladBildQuery = z.infer<typeof samladBildQuery>;
export type SamladBildFigures = SamladBild["total"]["all"];
export type IvoQuery = z.infer<typeof ivoQuery>;
export type { IvoReport, SamladBild };

/** The export links of the reports (downloads, so plain URLs rather than requests). */
export const samladBildExportUrl = (q: SamladBildQuery, format: "pdf" | "xlsx") =>
  `/api/reports/samlad-bild/export${qs({ ...q, format })}`;
export const ivoExportUrl = (q: IvoQuery, format: "pdf" | "xlsx", version: "ivo" | "namnd") =>
  `/api/reports/ivo/export${qs({ ...q, format, version })}`;

export const insatsApi = {
  policy: (districtId: string) =>
    request<{ districtId: string; planDueDays: number }>("GET", `/api/admin/districts/${districtId}/insats-policy`),
  setPolicy: (districtId: string, planDueDays: number) =>
    request<{ districtId: string; planDueDays: number }>("PUT", `/api/admin/districts/${districtId}/insats-policy`, {
      planDueDays,
    }),
  catalogue: () => request<z.infer<typeof catalogueList>>("GET", "/api/insats-catalogue"),
  createCatalogueEntry: (body: CatalogueBody) => request<Created>("POST", "/api/admin/insats-catalogue", body),
  updateCatalogueEntry: (id: string, body: CatalogueBody) => request<Created>("PUT", `/api/admin/insats-catalogue/${id}`, body),

  caseInsatser: (caseId: string) => request<z.infer<typeof insatsList>>("GET", `/api/cases/${caseId}/insatser`),
  create: (caseId: string, body: CreateInsatsBody) => request<Created>("POST", `/api/cases/${caseId}/insatser`, body),
  uppdrag: () => request<z.infer<typeof insatsList>>("GET", "/api/uppdrag"),
  get: (id: string) => request<InsatsDetail>("GET", `/api/insatser/${id}`),

  start: (id: string, body: z.input<typeof startBody>) => request<Created>("POST", `/api/insatser/${id}/start`, body),
  notStarted: (id: string, body: z.input<typeof notStartedBody>) =>
    request<Created>("POST", `/api/insatser/${id}/not-started`, body),
  carePlan: (id: string, body: z.input<typeof carePlanBody>) => request<Created>("POST", `/api/insatser/${id}/care-plan`, body),
  overvagande: (id: string, body: z.input<typeof overvagandeBody>) =>
    request<Created>("POST", `/api/insatser/${id}/overvaganden`, body),
  end: (id: string, body: z.input<typeof endBody>) => request<Created>("POST", `/api/insatser/${id}/end`, body),

  createPlan: (insatsId: string, body: PlanBody) => request<Created>("POST", `/api/insatser/${insatsId}/plans`, body),
  updatePlan: (planId: string, body: PlanBody) => request<Created>("PUT", `/api/plans/${planId}`, body),
  signPlan: (planId: string) => request<Created>("POST", `/api/plans/${planId}/sign`),
  followUp: (insatsId: string, body: FollowUpBody) => request<Created>("POST", `/api/insatser/${insatsId}/follow-ups`, body),

  samladBild: (q: SamladBildQuery) => request<SamladBild>("GET", `/api/reports/samlad-bild${qs({ ...q })}`),
  ivo: (q: IvoQuery) => request<IvoReport>("GET", `/api/reports/ivo${qs({ ...q })}`),
};

/** The message for an exact body path, e.g. fieldAt(error, "goals.0.followUpOn"). */
export function fieldAt(error: ApiError | null, path: string): string | undefined {
  return error?.fields.find((f) => f.path === `body.${path}` || f.path === path)?.message;
}

/** The plan in force: the signed version with the highest number. */
export function planInForce(plans: InsatsPlan[]): InsatsPlan | undefined {
  return plans.filter((p) => p.status === "signed").sort((a, b) => b.version - a.version)[0];
}
