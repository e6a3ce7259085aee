import { z } from "zod";

/** What a report says about the disclosure control applied to it (domain/disclosure/publish.ts). */
export const disclosureNote = z.object({
  method: z.literal("cell-key"),
  /** Counts below this are hidden ("–"), never shown as 0. */
  minCount: z.number().int(),
  /** Every shown count may be off by up to this many, in either direction. */
  maxNoise: z.number().int(),
  /** Means, medians and effect sizes need a group (and its complements) at least this large. */
  minStatisticN: z.number().int(),
  /** The finest period the reader may ask for. */
  granularity: z.enum(["day", "calendar"]),
  /** The filter left too few records: every figure is hidden. */
  protectedWhole: z.boolean(),
});
