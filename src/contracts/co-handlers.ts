import { z } from "zod";

/** Medhandläggare (issue 18 point 9): handläggare who work a case beside the responsible one. */
export const coHandlerBody = z.strictObject({ userId: z.uuid() });
export const coHandlerParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
export const coHandler = z.object({
  userId: z.uuid(),
  name: z.string(),
  addedAt: z.string(),
  addedByName: z.string(),
});
export const coHandlerChanged = z.object({ caseId: z.uuid(), userId: z.uuid() });
