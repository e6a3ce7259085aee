import { z } from "zod";
import {
  AGENCIES,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  FORUM_TYPES,
  GUARDIANSHIPS,
  INFORMATION_CATEGORIES,
} from "../domain/consent/vocabulary";
import { day, safeText } from "./common";

/** Request and response shapes of samverkan: forums, meetings, agendas, samtycke and disclosures. */

const forumType = z.enum(FORUM_TYPES);
const agency = z.enum(AGENCIES);
const category = z.enum(INFORMATION_CATEGORIES);
/** A list of distinct choices: a duplicate is a client's mistake, not something to store twice. */
const distinct = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: "Dubbletter / Duplicates" });

export const forumListQuery = z.strictObject({ districtId: z.uuid().optional() });

export const createForumBody = z.strictObject({
  districtId: z.uuid(),
  name: safeText.trim().min(1).max(200),
  type: forumType,
  ageMin: z.number().int().min(0).max(30),
  ageMax: z.number().int().min(0).max(30),
  agencies: distinct(agency, 1, AGENCIES.length),
  cadence: safeText.trim().max(200).optional(),
});
export type CreateForumInput = z.infer<typeof createForumBody>;

export const updateForumBody = z.strictObject({
  name: safeText.trim().min(1).max(200).optional(),
  ageMin: z.number().int().min(0).max(30).optional(),
  ageMax: z.number().int().min(0).max(30).optional(),
  agencies: distinct(agency, 1, AGENCIES.length).optional(),
  cadence: safeText.trim().max(200).optional(),
  active: z.boolean().optional(),
});
export type UpdateForumInput = z.infer<typeof updateForumBody>;

export const forumSummary = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  districtName: z.string(),
  name: z.string(),
  type: forumType,
  ageMin: z.number(),
  ageMax: z.number(),
  agencies: z.array(agency),
  cadence: z.string(),
  active: z.boolean(),
  nextMeetingOn: z.string().nullable(),
});
export const forumList = z.object({ items: z.array(forumSummary) });

export const meetingSummary = z.object({
  id: z.uuid(),
  meetingOn: z.string(),
  place: z.string(),
  agendaCount: z.number(),
  hasMinutes: z.boolean(),
});
export const forumDetail = forumSummary.extend({ meetings: z.array(meetingSummary) });
export type ForumDetail = z.infer<typeof forumDetail>;

export const externalParticipant = z.strictObject({
  name: safeText.trim().min(1).max(200),
  agency,
  role: safeText.trim().max(200),
});
export const createMeetingBody = z.strictObject({
  meetingOn: day,
  place: safeText.trim().max(200).optional(),
});
export const updateMeetingBody = z.strictObject({
  meetingOn: day.optional(),
  place: safeText.trim().max(200).optional(),
  staffParticipantIds: distinct(z.uuid(), 0, 50).optional(),
  externalParticipants: z.array(externalParticipant).max(50).optional(),
  minutes: safeText.max(10_000).optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const agendaItem = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  consentId: z.uuid(),
  note: z.string(),
  /** Whether a consent still covers the person on the meeting's day (it may have been revoked since). */
  covered: z.boolean(),
  coverReason: z.string().nullable(),
});
export const meetingDetail = z.object({
  id: z.uuid(),
  forumId: z.uuid(),
  forumName: z.string(),
  forumType: forumType,
  forumAgencies: z.array(agency),
  districtId: z.uuid(),
  meetingOn: z.string(),
  place: z.string(),
  staffParticipants: z.array(z.object({ id: z.uuid(), name: z.string() })),
  externalParticipants: z.array(z.object({ name: z.string(), agency, role: z.string() })),
  minutes: z.string().nullable(),
  minutesByName: z.string().nullable(),
  minutesAt: z.string().nullable(),
  agenda: z.array(agendaItem),
  /** Staff of the forum's district who may be listed as participants. */
  staffChoices: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const addAgendaBody = z.strictObject({
  personId: z.uuid(),
  note: safeText.trim().max(1000).optional(),
});

export const createConsentBody = z.strictObject({
  givenBy: distinct(z.enum(CONSENT_GIVERS), 1, CONSENT_GIVERS.length),
  guardianship: z.enum(GUARDIANSHIPS).optional(),
  method: z.enum(CONSENT_METHODS),
  agencies: distinct(agency, 1, AGENCIES.length),
  categories: distinct(category, 1, INFORMATION_CATEGORIES.length),
  forumIds: distinct(z.uuid(), 0, 20).optional(),
  forumTypes: distinct(forumType, 0, FORUM_TYPES.length).optional(),
  validFrom: day,
  validUntil: day,
  note: safeText.trim().max(1000).optional(),
});
export type CreateConsentInput = z.infer<typeof createConsentBody>;

export const revokeConsentBody = z.strictObject({
  revokedOn: day,
  note: safeText.trim().max(1000).optional(),
});

export const createDisclosureBody = z.strictObject({
  agency,
  categories: distinct(category, 1, INFORMATION_CATEGORIES.length),
  sharedOn: day,
  recipient: safeText.trim().max(200).optional(),
  description: safeText.trim().min(1).max(2000),
  meetingId: z.uuid().optional(),
});
export type CreateDisclosureInput = z.infer<typeof createDisclosureBody>;

export const consentView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  givenBy: z.array(z.enum(CONSENT_GIVERS)),
  guardianship: z.enum(GUARDIANSHIPS).nullable(),
  method: z.enum(CONSENT_METHODS),
  agencies: z.array(agency),
  categories: z.array(category),
  forumIds: z.array(z.uuid()),
  forums: z.array(z.object({ id: z.uuid(), name: z.string() })),
  forumTypes: z.array(forumType),
  validFrom: z.string(),
  validUntil: z.string(),
  note: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  revokedOn: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revocationNote: z.string().nullable(),
  state: z.enum(["aktivt", "kommande", "utganget", "aterkallat"]),
});
export type ConsentView = z.infer<typeof consentView>;

export const disclosureView = z.object({
  id: z.uuid(),
  consentId: z.uuid(),
  agency,
  categories: z.array(category),
  sharedOn: z.string(),
  recipient: z.string(),
  description: z.string(),
  meetingId: z.uuid().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

export const personConsents = z.object({
  consents: z.array(consentView),
  disclosures: z.array(disclosureView),
  agendaItems: z.array(z.object({ meetingId: z.uuid(), meetingOn: z.string(), forumName: z.string(), consentId: z.uuid() })),
  /** Forums the person could be put forward to, for the consent form's forum choice. */
  forumChoices: z.array(z.object({ id: z.uuid(), name: z.string(), type: forumType })),
});
export type PersonConsents = z.infer<typeof personConsents>;

export const expiringConsents = z.object({
  days: z.number(),
  items: z.array(z.object({ id: z.uuid(), personId: z.uuid(), personName: z.string(), validUntil: z.string() })),
});

export const created = z.object({ id: z.uuid() });
