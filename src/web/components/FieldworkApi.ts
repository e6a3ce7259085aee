import type { z } from "zod";
import type {
  areaList,
  CreateAreaInput,
  CreateIncidentInput,
  CreateShiftInput,
  HeatReport,
  Incident,
  incidentList,
  ResubmitIncidentInput,
  ShiftDetail,
  shiftList,
  staffList,
  UpdateAreaInput,
} from "../../contracts/fieldwork";
import type { IncidentStatus } from "../../domain/fieldwork/vocabulary";
import { qs, request } from "../api";

export type AreaList = z.infer<typeof areaList>;
export type ShiftList = z.infer<typeof shiftList>;
export type StaffList = z.infer<typeof staffList>;
export type IncidentList = z.infer<typeof incidentList>;
export type { HeatReport, Incident, ShiftDetail };

/** The API of fältarbete: areas, shifts, heat and händelserapporter. */
export const fieldworkApi = {
  areas: () => request<AreaList>("GET", "/api/fieldwork/areas"),
  createArea: (body: CreateAreaInput) => request<{ id: string }>("POST", "/api/fieldwork/areas", body),
  updateArea: (id: string, body: UpdateAreaInput) => request<{ ok: true }>("PATCH", `/api/fieldwork/areas/${id}`, body),
  staff: () => request<StaffList>("GET", "/api/fieldwork/staff"),
  shifts: (from: string, to: string) => request<ShiftList>("GET", `/api/fieldwork/shifts${qs({ from, to })}`),
  shift: (id: string) => request<ShiftDetail>("GET", `/api/fieldwork/shifts/${id}`),
  createShift: (body: CreateShiftInput) => request<{ id: string }>("POST", "/api/fieldwork/shifts", body),
  heat: (from: string, to: string, districtId?: string) =>
    request<HeatReport>("GET", `/api/fieldwork/heat${qs({ from, to, districtId })}`),
  incidents: (status?: IncidentStatus) => request<IncidentList>("GET", `/api/incidents${qs({ status })}`),
  createIncident: (body: CreateIncidentInput) => request<{ id: string }>("POST", "/api/incidents", body),
  reviewIncident: (id: string, body: { decision: "approve" | "return"; comment?: string }) =>
    request<{ ok: true; status: IncidentStatus }>("POST", `/api/incidents/${id}/review`, body),
  resubmitIncident: (id: string, body: ResubmitIncidentInput) =>
    request<{ ok: true; status: "submitted" }>("POST", `/api/incidents/${id}/resubmit`, body),
};
