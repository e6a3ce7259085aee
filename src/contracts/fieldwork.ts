import { z } from "zod";
import { AGE_BANDS, FIELD_TAGS, GENDERS, INCIDENT_CATEGORIES, INCIDENT_STATUSES } from "../domain/fieldwork/vocabulary";
import { day, instant, safeText } from "./common";
import { disclosureNote } from "./disclosure";

/** Request and response shapes of fältarbete: areas, shifts, heat per area and händelserapporter. */

const distinct = <T extends z.ZodType>(item: T, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: "Dubbletter / Duplicates" });

/**
 * A GeoJSON Polygon as sent. Only its shape is checked here; closure, ring length and ranges are
 * checked by domain/fieldwork/polygon.ts in the service, which names the fault (e.g. not_closed).
 */
export const polygonInput = z.object({
  type: z.literal("Polygon"),
  coordinates: z.array(z.array(z.array(z.number()).max(3)).max(2000)).max(20),
});

export const districtQuery = z.strictObject({ districtId: z.uuid().optional() });

export const createAreaBody = z.strictObject({
  districtId: z.uuid(),
  name: safeText.trim().min(1).max(200),
  polygon: polygonInput,
});
export type CreateAreaInput = z.infer<typeof createAreaBody>;

export const updateAreaBody = z.strictObject({
  name: safeText.trim().min(1).max(200).optional(),
  polygon: polygonInput.optional(),
  active: z.boolean().optional(),
});
export type UpdateAreaInput = z.infer<typeof updateAreaBody>;

export const area = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  districtName: z.string(),
  name: z.string(),
  polygon: z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) }),
  active: z.boolean(),
});
export const areaList = z.object({ items: z.array(area) });
export type FieldArea = z.infer<typeof area>;

export const contactCount = z.strictObject({
  ageBand: z.enum(AGE_BANDS),
  gender: z.enum(GENDERS),
  count: z.number().int().min(0).max(1000),
});

export const createShiftBody = z.strictObject({
  districtId: z.uuid(),
  areaIds: distinct(z.uuid(), 1, 20),
  startedAt: instant,
  endedAt: instant,
  staffIds: distinct(z.uuid(), 1, 20),
  contacts: z.array(contactCount).max(AGE_BANDS.length * GENDERS.length),
  places: z.array(safeText.trim().min(1).max(200)).max(30),
  observations: safeText.trim().max(5000),
  tags: distinct(z.enum(FIELD_TAGS), 0, FIELD_TAGS.length),
  followUpWanted: z.boolean(),
  followUpNote: safeText.trim().max(2000).optional(),
});
export type CreateShiftInput = z.infer<typeof createShiftBody>;

export const shiftListQuery = z.strictObject({ from: day, to: day, districtId: z.uuid().optional() });

const named = z.object({ id: z.uuid(), name: z.string() });

export const shiftSummary = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  areas: z.array(named),
  startedAt: z.string(),
  endedAt: z.string(),
  staff: z.array(named),
  contactsTotal: z.number(),
  tags: z.array(z.enum(FIELD_TAGS)),
  followUpWanted: z.boolean(),
});
export const shiftList = z.object({ items: z.array(shiftSummary), truncated: z.boolean() });

export const shiftDetail = shiftSummary.extend({
  contacts: z.array(contactCount),
  places: z.array(z.string()),
  observations: z.string(),
  followUpNote: z.string(),
  createdBy: named,
});
export type ShiftDetail = z.infer<typeof shiftDetail>;

export const staffList = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), districtId: z.uuid() })) });

export const heatQuery = z.strictObject({ from: day, to: day, districtId: z.uuid().optional() });

const count = z.number().nullable();
export const heatReport = z.object({
  from: z.string(),
  to: z.string(),
  districtIds: z.array(z.uuid()),
  disclosure: disclosureNote,
  areas: z.array(
    z.object({
      areaId: z.uuid(),
      name: z.string(),
      districtId: z.uuid(),
      polygon: z.unknown(),
      shifts: count,
      contacts: count,
      girls: count,
      boys: count,
      otherGender: count,
      incidents: count,
      tags: z.array(z.object({ tag: z.enum(FIELD_TAGS), count })),
    }),
  ),
  shifts: count,
  incidents: count,
});
export type HeatReport = z.infer<typeof heatReport>;

export const createIncidentBody = z.strictObject({
  areaId: z.uuid(),
  occurredAt: instant,
  category: z.enum(INCIDENT_CATEGORIES),
  description: safeText.trim().min(1).max(5000),
});
export type CreateIncidentInput = z.infer<typeof createIncidentBody>;

/** The corrected report its reporter sends anew after a return: every field of the report, as when it was written. */
export const resubmitIncidentBody = createIncidentBody;
export type ResubmitIncidentInput = z.infer<typeof resubmitIncidentBody>;

export const incidentListQuery = z.strictObject({
  status: z.enum(INCIDENT_STATUSES).optional(),
  districtId: z.uuid().optional(),
});

export const reviewIncidentBody = z.strictObject({
  decision: z.enum(["approve", "return"]),
  comment: safeText.trim().max(2000).optional(),
});

export const incident = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  area: named,
  occurredAt: z.string(),
  category: z.enum(INCIDENT_CATEGORIES),
  description: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  reportedBy: named,
  reportedAt: z.string(),
  reviewedBy: named.nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string(),
  /** Whether the signed-in user may approve or return it now. */
  canReview: z.boolean(),
});
export type Incident = z.infer<typeof incident>;
export const incidentList = z.object({ items: z.array(incident), truncated: z.boolean() });

export const created = z.object({ id: z.uuid() });
