import { z } from "zod";
import { pageQuery } from "./common";

export const GENDERS = ["pojke", "flicka", "annat", "okant"] as const;
export const PERSON_KINDS = ["ung", "vardnadshavare"] as const;

export const personSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  ...pageQuery,
});
/** Search with the term in the body, so a personnummer never travels in a URL. */
export const personSearchBody = z.strictObject({
  q: z.string().trim().min(1).max(100),
  limit: pageQuery.limit,
  cursor: pageQuery.cursor,
});

export const personSummary = z.object({
  id: z.uuid(),
  kind: z.enum(PERSON_KINDS),
  firstName: z.string(),
  lastName: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  age: z.number().int(),
  /** Birth date and four X: lists never show the full number. */
  personnummerMasked: z.string(),
  protectedIdentity: z.boolean(),
  districtId: z.uuid(),
  districtName: z.string(),
});
export const personSearchResponse = z.object({
  items: z.array(personSummary),
  nextCursor: z.string().nullable(),
});

export const personDetail = personSummary.extend({
  personnummer: z.string(),
  isSamordningsnummer: z.boolean(),
  /** Null both when empty and when hidden; `contactHidden` tells which. */
  address: z.string().nullable(),
  phone: z.string().nullable(),
  contactHidden: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof personDetail>;

const name = z.string().trim().min(1).max(100);
export const createPersonBody = z.strictObject({
  personnummer: z.string().trim().min(10).max(13),
  kind: z.enum(PERSON_KINDS).default("ung"),
  firstName: name,
  lastName: name,
  gender: z.enum(GENDERS),
  protectedIdentity: z.boolean().default(false),
  address: z.string().trim().max(300).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  districtId: z.uuid(),
});
export const updatePersonBody = z.strictObject({
  firstName: name.optional(),
  lastName: name.optional(),
  gender: z.enum(GENDERS).optional(),
  protectedIdentity: z.boolean().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});

export const createShareBody = z.strictObject({
  userId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  reason: z.string().trim().min(3).max(500),
  validUntil: z.iso.datetime({ offset: true }).optional(),
});
export const shareResponse = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  reason: z.string(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
});
