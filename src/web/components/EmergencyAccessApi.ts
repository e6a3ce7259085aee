import type { z } from "zod";
import type {
  EmergencyGrant,
  EmergencyReviewItem,
  emergencyGrantList,
  emergencyReviewList,
} from "../../contracts/emergency-access";
import { qs, request } from "../api";

/** Nödåtkomst: ask for, list and end one's own grants; review them (egenkontroll). */
export const emergencyApi = {
  request: (body: { personnummer: string; category: string; reason: string }) =>
    request<EmergencyGrant>("POST", "/api/emergency-access", body),
  mine: () => request<z.infer<typeof emergencyGrantList>>("GET", "/api/emergency-access/mine"),
  end: (id: string) => request<EmergencyGrant>("POST", `/api/emergency-access/${id}/end`),
  reviews: (status: string, cursor?: string) =>
    request<z.infer<typeof emergencyReviewList>>("GET", `/api/emergency-access/reviews${qs({ status, cursor, limit: 25 })}`),
  review: (id: string, body: { verdict: string; note?: string }) =>
    request<EmergencyReviewItem>("POST", `/api/emergency-access/${id}/review`, body),
};
