/** Swedish law counts days in Swedish time: "today" is the calendar date in Europe/Stockholm. */
export const TIME_ZONE = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

const HOUR_MS = 3_600_000;
/**
 * Overviews turn thousands of instants into days, and Intl formatting is slow. Stockholm's offset
 * from UTC is always whole hours, so every instant within one UTC hour falls on the same Stockholm
 * day: the day is remembered per hour (a bounded cache, emptied when full).
 */
const dayOfHour = new Map<number, string>();
const dayOfDate = new Map<string, Date>();
const CACHE_MAX = 50_000;

export function stockholmDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = dateFormat.format(instant);
    if (dayOfHour.size >= CACHE_MAX) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

export function stockholmToday(): string {
  return stockholmDate(new Date());
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });

/** Minutes Stockholm is ahead of UTC at an instant (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant a Stockholm calendar day begins (midnight local time, whatever the season). */
export function startOfStockholmDay(date: string): Date {
  const known = dayOfDate.get(date);
  if (known) return new Date(known.getTime());
  const start = computeStartOfDay(date);
  if (dayOfDate.size >= CACHE_MAX) dayOfDate.clear();
  dayOfDate.set(date, start);
  return new Date(start.getTime());
}

function computeStartOfDay(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Midnight is never inside a DST gap in Sweden (changes happen at 02:00/03:00), so one
  // correction with the offset at the guessed instant lands exactly.
  const guess = utcMidnight - stockholmOffsetMinutes(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - stockholmOffsetMinutes(new Date(guess)) * 60_000);
}

/** Orders ISO-8601 UTC instants ("…Z", all of one format) without locale rules, which are slow and not needed. */
export function byInstant(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
