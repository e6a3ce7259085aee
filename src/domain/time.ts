/** Swedish law counts days in Swedish time: "today" is the calendar date in Europe/Stockholm. */
export const TIME_ZONE = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function stockholmDate(instant: Date): string {
  return dateFormat.format(instant);
}

export function stockholmToday(): string {
  return stockholmDate(new Date());
}
