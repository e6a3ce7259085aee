import type { z } from "zod";
import type {
  CreateConsentInput,
  CreateDisclosureInput,
  CreateForumInput,
  expiringConsents,
  ForumDetail,
  forumList,
  MeetingDetail,
  PersonConsents,
  UpdateMeetingInput,
} from "../../contracts/samverkan";
import { request } from "../api";

export type ForumList = z.infer<typeof forumList>;
export type ExpiringConsents = z.infer<typeof expiringConsents>;
export type { ForumDetail, MeetingDetail, PersonConsents };

/** The API of samverkan: forums, meetings, agendas, samtycke and disclosures. */
export const samverkanApi = {
  forums: () => request<ForumList>("GET", "/api/forums"),
  createForum: (body: CreateForumInput) => request<{ id: string }>("POST", "/api/forums", body),
  forum: (id: string) => request<ForumDetail>("GET", `/api/forums/${id}`),
  createMeeting: (forumId: string, body: { meetingOn: string; place?: string }) =>
    request<{ id: string }>("POST", `/api/forums/${forumId}/meetings`, body),
  meeting: (id: string) => request<MeetingDetail>("GET", `/api/meetings/${id}`),
  updateMeeting: (id: string, body: UpdateMeetingInput) => request<{ ok: true }>("PATCH", `/api/meetings/${id}`, body),
  addToAgenda: (meetingId: string, body: { personId: string; note?: string }) =>
    request<{ id: string }>("POST", `/api/meetings/${meetingId}/agenda`, body),
  consents: (personId: string) => request<PersonConsents>("GET", `/api/persons/${personId}/consents`),
  createConsent: (personId: string, body: CreateConsentInput) =>
    request<{ id: string }>("POST", `/api/persons/${personId}/consents`, body),
  revokeConsent: (id: string, body: { revokedOn: string; note?: string }) =>
    request<{ ok: true }>("POST", `/api/consents/${id}/revoke`, body),
  createDisclosure: (personId: string, body: CreateDisclosureInput) =>
    request<{ id: string }>("POST", `/api/persons/${personId}/disclosures`, body),
  expiring: () => request<ExpiringConsents>("GET", "/api/consents/expiring"),
};
