import { addCalendarDays } from "../../../domain/clocks";
import { startOfStockholmDay } from "../../../domain/time";

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * A period as instants [start, end): 'YYYY-MM-DD' days are Stockholm days and `to` is inclusive
 * (as every report takes them: 2026-01-01 … 2026-12-31 is the year); full instants are used as given.
 */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  return {
    start: isDay(from) ? startOfStockholmDay(from) : new Date(from),
    end: isDay(to) ? startOfStockholmDay(addCalendarDays(to, 1)) : new Date(to),
  };
}
