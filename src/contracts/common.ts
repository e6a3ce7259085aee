import { z } from "zod";
import { ROLES } from "../domain/roles";

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
  cursor: z.string().max(200).optional(),
};
export const okResponse = z.object({ ok: z.literal(true) });
