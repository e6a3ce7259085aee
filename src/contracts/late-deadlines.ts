import { z } from "zod";
import { CLOCK_KINDS } from "./cases";
import { day, safeText } from "./common";

export const LATE_STATES = ["met_late", "missed"] as const;
/** A period the list covers at most: its clocks are read and computed in one go. */
export const LATE_LIST_MAX_DAYS = 366;

export const lateDeadlinesQuery = z.strictObject({
  from: day,
  to: day,
  districtId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  handlaggareId: z.uuid().optional(),
  clock: z.enum(CLOCK_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: safeText.max(300).optional(),
});
export type LateDeadlinesQuery = z.infer<typeof lateDeadlinesQuery>;

export const lateDeadlinesExportQuery = lateDeadlinesQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(["csv", "xlsx"]),
});

export const lateDeadlineRow = z.object({
  clock: z.enum(CLOCK_KINDS),
  state: z.enum(LATE_STATES),
  /** The last allowed Stockholm day. */
  dueDate: z.string(),
  dueAt: z.string(),
  completedAt: z.string().nullable(),
  /** Calendar days from the last allowed day to the day it was met (or to today, when missed). */
  daysLate: z.number().int(),
  /** The 24-hour clock only: whole hours past its deadline. */
  hoursLate: z.number().int().nullable(),
  /** The record the clock belongs to: a report, an investigation or an insats. */
  recordType: z.enum(["report", "investigation", "insats"]),
  recordId: z.uuid(),
  caseId: z.uuid(),
  insatsId: z.uuid().nullable(),
  personId: z.uuid(),
  personName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  handlaggareId: z.uuid().nullable(),
  handlaggareName: z.string().nullable(),
  /** A reason recorded in the file: the code (a förlängning, a not-started reason) and its text. */
  reasonCode: z.string().nullable(),
  reason: z.string().nullable(),
});
export type LateDeadlineRow = z.infer<typeof lateDeadlineRow>;

const group = z.object({ id: z.uuid().nullable(), name: z.string().nullable(), metLate: z.number(), missed: z.number() });

export const lateDeadlinesResponse = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** Every late clock the filter matches (all pages). */
  total: z.number(),
  items: z.array(lateDeadlineRow),
  nextCursor: z.string().nullable(),
  /** Counts over all pages, per clock, district, unit and handläggare (rows the reader may see). */
  summary: z.object({
    byClock: z.array(z.object({ clock: z.enum(CLOCK_KINDS), metLate: z.number(), missed: z.number() })),
    byDistrict: z.array(group),
    byUnit: z.array(group),
    byHandlaggare: z.array(group),
  }),
});
export type LateDeadlines = z.infer<typeof lateDeadlinesResponse>;
