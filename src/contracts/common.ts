import { z } from "zod";
import { ROLES } from "../domain/roles";

/**
 * A NUL byte (PostgreSQL's text cannot hold one) or a lone UTF-16 surrogate (not Unicode: it
 * would be stored as U+FFFD, or refused inside JSON).
 */
const FORBIDDEN_CHARACTER = /[\u0000\uD800-\uDFFF]/u;
export const hasForbiddenCharacter = (s: string): boolean => FORBIDDEN_CHARACTER.test(s);

const checkedText = z.string().refine((s) => !hasForbiddenCharacter(s), {
  message: "Otillåtet tecken (NUL eller ensamt surrogat) / Forbidden character (NUL or lone surrogate)",
});

/** The longest text a field takes unless its contract says otherwise: a long free-text note. */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * The one string type for text a client sends (bodies, query strings, headers): every contract
 * builds its text fields from it (`safeText.trim().max(200)`), so bad characters and over-long
 * text are refused with 400 at the schema, before any service or the database sees them. It holds
 * at most MAX_TEXT_LENGTH characters even where a contract forgets its own bound; a `.max()` can
 * only lower that (zod runs both checks), so a longer field is built with `textUpTo`. Responses
 * use plain `z.string()`: what the database gives back cannot hold these characters.
 */
export const safeText = checkedText.max(MAX_TEXT_LENGTH, {
  // One message per field: a field's own, lower bound would otherwise report the same text again.
  abort: true,
  message: "Texten är för lång / Text too long",
});

/** Safe text with a bound above the default: a journal entry, an analysis, an uploaded file's base64. */
export const textUpTo = (max: number) => checkedText.max(max);

/** Dates and instants a client sends lie within 1900–2100: year 0000 is not a date PostgreSQL takes, 0001 not one anyone means. */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2100-12-31";
const OUT_OF_RANGE = { message: "Datum utanför 1900–2100 / Date outside 1900–2100" };
export const day = z.iso.date().refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, OUT_OF_RANGE);
export const instant = z.iso.datetime({ offset: true }).refine((t) => {
  const ms = Date.parse(t);
  return ms >= Date.parse(`${EARLIEST_DATE}T00:00:00Z`) && ms <= Date.parse(`${LATEST_DATE}T23:59:59.999Z`);
}, OUT_OF_RANGE);

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });
export const roleSchema = z.enum(ROLES);

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

/** Opaque keyset cursor: lists are never unbounded. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]*$/, "Ogiltig sidmarkör / Invalid cursor")
    .optional(),
};
export const okResponse = z.object({ ok: z.literal(true) });
