import { z } from "zod";
import { instant, pageQuery, safeText } from "./common";

export const GENDERS = ["pojke", "flicka", "annat", "okant"] as const;
export const PERSON_KINDS = ["ung", "vardnadshavare"] as const;

/** Digits enough for a birth date or more: what a URL (kept by proxies and browser history) must never carry. */
const URL_DIGITS_LIMIT = 6;
/** GET search takes names only; a personnummer goes in the body of POST /api/persons/search. */
export const personSearchQuery = z.strictObject({
  q: safeText
    .trim()
    .min(1)
    .max(100)
    .refine((q) => (q.match(/\d/g)?.length ?? 0) < URL_DIGITS_LIMIT, {
      message: "Personnummer söks med POST /api/persons/search / Search by personnummer with POST /api/persons/search",
    }),
  ...pageQuery,
});
/** Search with the term in the body, so a personnummer never travels in a URL. */
export const personSearchBody = z.strictObject({
  q: safeText.trim().min(1).max(100),
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

/**
 * A registration made in another district of a person with skyddade personuppgifter: shown only
 * to staff with protected-identity access in the person's district, who take the case over.
 */
export const protectedMatchList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      protectedPersonId: z.uuid(),
      protectedPersonName: z.string(),
      /** The district that registered the number (it was answered as for an unknown number). */
      districtId: z.uuid(),
      districtName: z.string(),
      registeredBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
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

const name = safeText.trim().min(1).max(100);
export const createPersonBody = z.strictObject({
  personnummer: safeText.trim().min(10).max(13),
  kind: z.enum(PERSON_KINDS).default("ung"),
  firstName: name,
  lastName: name,
  gender: z.enum(GENDERS),
  protectedIdentity: z.boolean().default(false),
  address: safeText.trim().max(300).nullable().optional(),
  phone: safeText.trim().max(40).nullable().optional(),
  districtId: z.uuid(),
});
export const updatePersonBody = z.strictObject({
  firstName: name.optional(),
  lastName: name.optional(),
  gender: z.enum(GENDERS).optional(),
  protectedIdentity: z.boolean().optional(),
  address: safeText.trim().max(300).nullable().optional(),
  phone: safeText.trim().max(40).nullable().optional(),
});

export const createShareBody = z.strictObject({
  userId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  reason: safeText.trim().min(3).max(500),
  validUntil: instant.optional(),
});
export const shareResponse = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  reason: z.string(),
  validUntil: z.string().nullable(),
  createdAt: z.string(),
});
