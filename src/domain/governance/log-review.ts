/**
 * Loggkontroll: the rules that flag unusual access to persons' data, computed from audit rows.
 *
 * Socialstyrelsen's HSLF-FS 2016:40, 4 kap. 9 § (IMY's checklist now places the log contents in
 * 9 a §), asks a vårdgivare under patientdatalagen to log access to a person's data (what was done,
 * in which unit, when, by whom, about whom), to check the logs by systematic and recurrent samples,
 * to document the checks, and to keep the logs at least five years. IMY's checklist adds that the
 * selection should combine a random part with several selecting parameters. The regulation is
 * written for health care; socialtjänsten has none this detailed, so Vägval follows it by analogy, as
 * municipal log-review routines do: each month a seeded random sample plus the rows these rules flag.
 *
 * Pure, no I/O: the service reads audit rows and the context each rule needs (the person's district
 * and protection, who has a case on them) and hands them here.
 */
import { TIME_ZONE } from "../time";
import { drawSample, hash53 } from "./sample";

/** In order of seriousness: a review over its limit of flagged rows takes the most serious first. */
export const ACCESS_FLAGS = [
  "protected_identity",
  "other_district",
  "many_persons",
  "no_case_relation",
  "outside_hours",
] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];

export interface FlagOptions {
  /** More distinct persons than this within `windowMinutes` is unusual. */
  manyPersons: number;
  windowMinutes: number;
  /** Working hours in Stockholm time: from `workStartHour`:00 up to, not including, `workEndHour`:00. */
  workStartHour: number;
  workEndHour: number;
  /** Swedish public holidays (and the eves treated as such) count as outside working hours. */
  holidaysOff: boolean;
}

export const DEFAULT_FLAG_OPTIONS: FlagOptions = {
  manyPersons: 50,
  windowMinutes: 60,
  workStartHour: 7,
  workEndHour: 19,
  holidaysOff: true,
};

/** One access to a person's data, with the context the rules need. */
export interface AccessRow {
  id: string;
  at: Date;
  userId: string | null;
  action: string;
  personId: string;
  personDistrictId: string;
  personProtected: boolean;
  /** Districts the reader acted in: the district of the unit the audit row names, else the reader's. */
  readerDistrictIds: readonly string[];
  /** The reader (or their unit) has a case, an uppdrag or a share concerning the person. */
  hasCaseRelation: boolean;
  /** The person is shared on purpose with the reader or their unit (so another district is expected). */
  sharedWithReader: boolean;
}

export interface RowFlags {
  flags: AccessFlag[];
  /** For many_persons: the burst the row completed. */
  burst?: { persons: number; from: Date; to: Date };
}

/**
 * Audit rows that open a person's data. A list or search result shows a name and a date, not the
 * file, so it is not an access here; reading for the log review itself has its purpose stated and
 * is left to the random sample (flagging it would flag every review the month after).
 */
export function isPersonAccess(action: string): boolean {
  return !action.endsWith(".list_result") && !action.endsWith(".search_result") && !action.startsWith("logreview.");
}

// ── Working hours in Stockholm time ─────────────────────────────────────────────────────────────

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
  weekday: "short",
});
interface LocalHour {
  date: string;
  hour: number;
  weekday: string;
}
/** Stockholm's offset is whole hours, so one UTC hour is one local hour: remembered per hour. */
const localByHour = new Map<number, LocalHour>();
function localHour(at: Date): LocalHour {
  const key = Math.floor(at.getTime() / 3_600_000);
  const known = localByHour.get(key);
  if (known) return known;
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const value = { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday: String(parts.weekday) };
  if (localByHour.size > 50_000) localByHour.clear();
  localByHour.set(key, value);
  return value;
}

/** Easter Sunday of a year (the anonymous Gregorian algorithm), as 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const holidayCache = new Map<number, Set<string>>();
/**
 * Swedish public holidays (lag 1989:253 om allmänna helgdagar) on weekdays that matter, with the
 * eves workplaces keep as holidays (midsommarafton, julafton, nyårsafton).
 */
export function swedishHolidays(year: number): Set<string> {
  const known = holidayCache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  // Midsommarafton: the Friday between 19 and 25 June.
  let midsummerEve = `${year}-06-19`;
  while (new Date(`${midsummerEve}T12:00:00Z`).getUTCDay() !== 5) midsummerEve = addDays(midsummerEve, 1);
  const days = new Set([
    `${year}-01-01`,
    `${year}-01-06`,
    addDays(easter, -2),
    addDays(easter, 1),
    `${year}-05-01`,
    addDays(easter, 39),
    `${year}-06-06`,
    midsummerEve,
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
    `${year}-12-31`,
  ]);
  holidayCache.set(year, days);
  return days;
}

/** Whether an instant lies outside working hours in Stockholm: early, late, a weekend or a holiday. */
export function outsideWorkingHours(at: Date, options: FlagOptions = DEFAULT_FLAG_OPTIONS): boolean {
  const local = localHour(at);
  if (local.weekday === "Sat" || local.weekday === "Sun") return true;
  if (local.hour < options.workStartHour || local.hour >= options.workEndHour) return true;
  return options.holidaysOff && swedishHolidays(Number(local.date.slice(0, 4))).has(local.date);
}

// ── Case relation ───────────────────────────────────────────────────────────────────────────────

/** Who has something to do with a person: their cases' handläggare and units, their uppdrag, their shares. */
export interface PersonRelations {
  assignedUserIds: readonly string[];
  caseUnitIds: readonly string[];
  providerUnitIds: readonly string[];
  sharedUserIds: readonly string[];
  sharedUnitIds: readonly string[];
}

export interface Reader {
  userId: string | null;
  unitIds: readonly string[];
}

/** The reader is shared the person on purpose (personally or through a unit). */
export function isSharedWith(reader: Reader, rel: PersonRelations): boolean {
  if (reader.userId && rel.sharedUserIds.includes(reader.userId)) return true;
  return reader.unitIds.some((u) => rel.sharedUnitIds.includes(u));
}

/**
 * Whether the reader has a case on the person: is a case's handläggare, works in a unit that has one
 * of the person's cases or uppdrag, or has the person shared with them.
 */
export function hasCaseRelation(reader: Reader, rel: PersonRelations): boolean {
  if (reader.userId && rel.assignedUserIds.includes(reader.userId)) return true;
  if (reader.unitIds.some((u) => rel.caseUnitIds.includes(u) || rel.providerUnitIds.includes(u))) return true;
  return isSharedWith(reader, rel);
}

// ── The rules ───────────────────────────────────────────────────────────────────────────────────

/**
 * Flags each access row (rows that are no person access per isPersonAccess get none):
 * - protected_identity: the person has skyddade personuppgifter;
 * - other_district: the person belongs to a district the reader did not act in, and is not shared
 *   with them;
 * - many_persons: the row at which one reader has opened more than `manyPersons` distinct persons
 *   within `windowMinutes` (one flag per burst: the next can come an hour after this one);
 * - outside_hours: before `workStartHour`, from `workEndHour`, on a weekend or a public holiday,
 *   Stockholm time (19:00:00 is outside, 18:59:59 inside; DST follows the zone);
 * - no_case_relation: the reader has no case, uppdrag or share concerning the person.
 */
export function flagAccessRows(rows: readonly AccessRow[], options: FlagOptions = DEFAULT_FLAG_OPTIONS): Map<string, RowFlags> {
  const result = new Map<string, RowFlags>();
  const flagged = (id: string) => {
    let r = result.get(id);
    if (!r) {
      r = { flags: [] };
      result.set(id, r);
    }
    return r;
  };
  const accesses = rows.filter((r) => isPersonAccess(r.action));
  for (const r of accesses) {
    if (r.personProtected) flagged(r.id).flags.push("protected_identity");
    if (!r.readerDistrictIds.includes(r.personDistrictId) && !r.sharedWithReader) flagged(r.id).flags.push("other_district");
    if (outsideWorkingHours(r.at, options)) flagged(r.id).flags.push("outside_hours");
    if (!r.hasCaseRelation) flagged(r.id).flags.push("no_case_relation");
  }
  for (const burst of personBursts(accesses, options)) {
    const f = flagged(burst.rowId);
    f.flags.push("many_persons");
    f.burst = { persons: burst.persons, from: burst.from, to: burst.to };
  }
  // Rule order, not discovery order, so results compare equal however rows arrive.
  for (const r of result.values()) r.flags.sort((a, b) => ACCESS_FLAGS.indexOf(a) - ACCESS_FLAGS.indexOf(b));
  return result;
}

interface Burst {
  rowId: string;
  persons: number;
  from: Date;
  to: Date;
}

/** Per reader, a sliding window over time counting distinct persons; a flag where it first exceeds the limit. */
function personBursts(rows: readonly AccessRow[], options: FlagOptions): Burst[] {
  const windowMs = options.windowMinutes * 60_000;
  const byUser = new Map<string, AccessRow[]>();
  for (const r of rows) {
    if (!r.userId) continue;
    const list = byUser.get(r.userId) ?? [];
    list.push(r);
    byUser.set(r.userId, list);
  }
  const bursts: Burst[] = [];
  for (const list of byUser.values()) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
    const counts = new Map<string, number>();
    let start = 0;
    let lastFlag = Number.NEGATIVE_INFINITY;
    for (let end = 0; end < list.length; end++) {
      const row = list[end] as AccessRow;
      const t = row.at.getTime();
      counts.set(row.personId, (counts.get(row.personId) ?? 0) + 1);
      // Keep (t − window, t]: a row exactly one window earlier has left it.
      while (start <= end && (list[start] as AccessRow).at.getTime() <= t - windowMs) {
        const p = (list[start] as AccessRow).personId;
        const n = (counts.get(p) ?? 0) - 1;
        if (n === 0) counts.delete(p);
        else counts.set(p, n);
        start++;
      }
      if (counts.size > options.manyPersons && t - lastFlag >= windowMs) {
        bursts.push({ rowId: row.id, persons: counts.size, from: (list[start] as AccessRow).at, to: row.at });
        lastFlag = t;
      }
    }
  }
  return bursts;
}

// ── The monthly draw ────────────────────────────────────────────────────────────────────────────

/** Bounds of a calendar month in Stockholm time, as the instants [from, to). */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

export interface DrawOptions {
  seed: string;
  /** Random access rows drawn from the whole frame (besides the flagged ones). */
  rowSample: number;
  /** Readers drawn, each judged on their month of access as a whole. */
  userSample: number;
  /** At most this many flagged rows go into one review. */
  maxFlagged: number;
}

export interface DrawnRow {
  row: AccessRow;
  flags: AccessFlag[];
  burst?: RowFlags["burst"];
  /** In the review because a rule flagged it, because the random draw picked it, or both. */
  flagged: boolean;
  random: boolean;
}

export interface ReviewDraw {
  rows: DrawnRow[];
  users: string[];
  frame: { rows: number; accesses: number; users: number; flagged: number };
  /** Flagged rows past maxFlagged were left out (the most serious were kept). */
  flaggedLeftOut: number;
  /** The random samples asked for more than the frame held: all were taken. */
  rowSampleTookAll: boolean;
  userSampleTookAll: boolean;
}

const seriousness = (flags: readonly AccessFlag[]) =>
  flags.length === 0 ? ACCESS_FLAGS.length : Math.min(...flags.map((f) => ACCESS_FLAGS.indexOf(f)));

/**
 * A month's review from its frame (every audit row in scope for the month): every flagged row, up
 * to maxFlagged taken by seriousness (the most serious flag, then the number of flags, then the seed
 * key); a seeded random sample of rowSample rows of the rest; and a seeded sample of userSample
 * readers. The samples are drawSample's (SAMPLE_METHOD), with the seed suffixed ":rows" and ":users".
 */
export function drawReview(
  frame: readonly AccessRow[],
  options: DrawOptions,
  flagOptions: FlagOptions = DEFAULT_FLAG_OPTIONS,
): ReviewDraw {
  const flags = flagAccessRows(frame, flagOptions);
  const flaggedRows = frame.filter((r) => flags.has(r.id));
  const keys = new Map(flaggedRows.map((r) => [r.id, hash53(`${options.seed}:flagged:${r.id}`)]));
  const key = (r: AccessRow) => keys.get(r.id) as number;
  flaggedRows.sort((a, b) => {
    const fa = flags.get(a.id)?.flags ?? [];
    const fb = flags.get(b.id)?.flags ?? [];
    return seriousness(fa) - seriousness(fb) || fb.length - fa.length || key(a) - key(b) || (a.id < b.id ? -1 : 1);
  });
  const keptFlagged = flaggedRows.slice(0, Math.max(0, options.maxFlagged));
  const kept = new Set(keptFlagged.map((r) => r.id));
  const random = drawSample(
    frame.filter((r) => !kept.has(r.id)),
    options.rowSample,
    `${options.seed}:rows`,
    (r) => r.id,
  );
  const readers = [...new Set(frame.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const users = drawSample(readers, options.userSample, `${options.seed}:users`, (u) => u);
  const drawn: DrawnRow[] = [
    ...keptFlagged.map((row) => ({ row, ...(flags.get(row.id) as RowFlags), flagged: true, random: false })),
    ...random.drawn.map((row) => ({ row, flags: flags.get(row.id)?.flags ?? [], flagged: false, random: true })),
  ];
  return {
    rows: drawn,
    users: users.drawn,
    frame: {
      rows: frame.length,
      accesses: frame.filter((r) => isPersonAccess(r.action)).length,
      users: readers.length,
      flagged: flaggedRows.length,
    },
    flaggedLeftOut: flaggedRows.length - keptFlagged.length,
    rowSampleTookAll: random.tookAll,
    userSampleTookAll: users.tookAll,
  };
}
