/**
 * How Swedish statute counts a period and where its last day falls. Pure, no I/O; days are
 * Stockholm calendar days as 'YYYY-MM-DD'.
 *
 * Lag (1930:173) om beräkning av lagstadgad tid:
 * - 1 §: a period counted in weeks, months or years ends on the day that by its name in the week or
 *   its number in the month corresponds to the day the counting starts from; when the end month has
 *   no such day, on that month's last day. "Inom en vecka från den dag då beslutet fattades" (LVU
 *   7 §) therefore ends on the same weekday a week later (the start day itself is not counted), and
 *   "inom sex månader" on the same day number six months later (addCalendarMonths).
 * - 2 § första stycket: when the last day on which an act must be done under a law falls on a
 *   Sunday, another allmän helgdag, a Saturday, midsommarafton, julafton or nyårsafton, the act may
 *   be done on the next vardag. Its second paragraph excepts only the time limits for häktning
 *   (RB 24 kap.), for a meeting on kontaktförbud (1988:688 19 §) and for övervakningsnämndens
 *   review (BrB 26:22, 28:11) — not LVU's. So the rule applies to LVU's periods (7 §, 8 §, 5 §,
 *   13 §), as Socialstyrelsen applies it to the parallel LVM period (ansökan within a week, 18 §
 *   LVM). It does not apply to a date a court or a prosecutor sets (not "enligt lag"), nor to a
 *   limit at which something ends by itself (LVU 21 §: care ends when the young person turns 18/21).
 *
 * Lag (1989:253) om allmänna helgdagar 1–2 §§ (lydelse SFS 2004:1320, in force 2005-04-01):
 * Sundays (påskdagen and pingstdagen among them), nyårsdagen 1/1, trettondedag jul 6/1, långfredagen,
 * annandag påsk, Kristi himmelsfärdsdag (sixth Thursday after påskdagen), första maj, nationaldagen
 * 6/6, midsommardagen (the Saturday 20–26 June), alla helgons dag (the Saturday 31 Oct–6 Nov),
 * juldagen 25/12 and annandag jul 26/12. Before 2005 annandag pingst was a holiday and nationaldagen
 * was not (the older wording, SFS 1989:253).
 *
 * Påskdagen: 2 § says "the Sunday next after the full moon on or next after 21 March". The official
 * almanac and every authority count it by the Gregorian church computus (the ecclesiastical full
 * moon), which is what is implemented here. In 2019 the two readings differed: the astronomical full
 * moon fell on 21 March, but påskdagen was 21 April — as the computus gives and as Sweden kept it.
 */
import { addCalendarDays, addCalendarMonths } from "./clocks";

function parts(date: string): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}
function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Påskdagen by the Gregorian computus (the anonymous algorithm of 1876, Meeus/Jones/Butcher). */
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
  return ymd(year, month, day);
}

/** The Saturday within [firstDay, firstDay + 6] of a month (midsommardagen, alla helgons dag). */
function saturdayFrom(year: number, month: number, firstDay: number): string {
  const start = ymd(year, month, firstDay);
  return addCalendarDays(start, (6 - weekday(start) + 7) % 7);
}

const holidayCache = new Map<number, Map<string, string>>();

/**
 * The allmänna helgdagar of a year other than ordinary Sundays (1989:253 1–2 §§), by date, with
 * their names. Sundays are holidays too: isAllmanHelgdag checks them.
 */
export function namedHolidays(year: number): Map<string, string> {
  const known = holidayCache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const days = new Map<string, string>([
    [ymd(year, 1, 1), "nyårsdagen"],
    [ymd(year, 1, 6), "trettondedag jul"],
    [addCalendarDays(easter, -2), "långfredagen"],
    [easter, "påskdagen"],
    [addCalendarDays(easter, 1), "annandag påsk"],
    [addCalendarDays(easter, 39), "Kristi himmelsfärdsdag"],
    [ymd(year, 5, 1), "första maj"],
    [addCalendarDays(easter, 49), "pingstdagen"],
    [saturdayFrom(year, 6, 20), "midsommardagen"],
    [saturdayFrom(year, 10, 31), "alla helgons dag"],
    [ymd(year, 12, 25), "juldagen"],
    [ymd(year, 12, 26), "annandag jul"],
  ]);
  if (year >= 2005) days.set(ymd(year, 6, 6), "nationaldagen");
  else days.set(addCalendarDays(easter, 50), "annandag pingst");
  holidayCache.set(year, days);
  return days;
}

/** Allmän helgdag under lag (1989:253): every Sunday and the named holidays. */
export function isAllmanHelgdag(date: string): boolean {
  return weekday(date) === 0 || namedHolidays(parts(date)[0]).has(date);
}

/**
 * The eves 1930:173 2 § names beside the holidays: midsommarafton (the Friday before midsommardagen),
 * julafton and nyårsafton.
 */
function isNamedEve(date: string): boolean {
  const [y, m, d] = parts(date);
  if (m === 12 && (d === 24 || d === 31)) return true;
  return addCalendarDays(saturdayFrom(y, 6, 20), -1) === date;
}

/** A day on which 1930:173 2 § lets a last day not fall: Sat, Sun, allmän helgdag, midsommar-, jul-, nyårsafton. */
export function isNonVardag(date: string): boolean {
  return weekday(date) === 6 || isAllmanHelgdag(date) || isNamedEve(date);
}

/** The first vardag on or after a day (1930:173 2 §). */
export function nextVardag(date: string): string {
  let day = date;
  while (isNonVardag(day)) day = addCalendarDays(day, 1);
  return day;
}

/** A statutory last day: the day the period ends (1 §) and the day the act may still be done (2 §). */
export interface StatutoryLastDay {
  /** The end of the period as 1930:173 1 § counts it. */
  nominal: string;
  /** The last day the act may be done: the nominal day, or the next vardag (1930:173 2 §). */
  lastDay: string;
  /** Whether 2 § moved it. */
  moved: boolean;
}

export function statutoryLastDay(nominal: string): StatutoryLastDay {
  const lastDay = nextVardag(nominal);
  return { nominal, lastDay, moved: lastDay !== nominal };
}

/** "Inom n veckor från den dag …": the same weekday n weeks later (1930:173 1 §), moved by 2 §. */
export function weeksFromDay(day: string, weeks: number): StatutoryLastDay {
  return statutoryLastDay(addCalendarDays(day, 7 * weeks));
}

/** "Inom n månader från …": the same day number n months later or the month's last day (1 §), moved by 2 §. */
export function monthsFromDay(day: string, months: number): StatutoryLastDay {
  return statutoryLastDay(addCalendarMonths(day, months));
}
