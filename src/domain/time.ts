/** Swedish law counts days in Swedish time: "today" is the calendar date in Europe/Stockholm. */
export const TIME_ZONE = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function stockholmDate(instant: Date): string {
  return dateFormat.format(instant);
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
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  // Midnight is never inside a DST gap in Sweden (changes happen at 02:00/03:00), so one
  // correction with the offset at the guessed instant lands exactly.
  const guess = utcMidnight - stockholmOffsetMinutes(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - stockholmOffsetMinutes(new Date(guess)) * 60_000);
}
