import Personnummer from "personnummer";

export interface ParsedPersonnummer {
  /** 12 digits, YYYYMMDDNNNC. */
  normalized: string;
  birthDate: string;
  isSamordningsnummer: boolean;
  /** From the second-to-last digit: odd for men. Users record gender themselves; this is a hint. */
  legalSex: "man" | "kvinna";
}

/**
 * Validates a personnummer or samordningsnummer (Luhn, date, century from the separator or the
 * 12-digit form) and returns its parts, or null. The number itself never goes into an error.
 */
export function parsePersonnummer(input: string): ParsedPersonnummer | null {
  const trimmed = input.trim();
  if (!Personnummer.valid(trimmed)) return null;
  const p = Personnummer.parse(trimmed);
  const normalized = p.format(true).replace(/\D/g, "");
  const day = Number(normalized.slice(6, 8));
  const isSamordningsnummer = p.isCoordinationNumber();
  const realDay = isSamordningsnummer ? day - 60 : day;
  const birthDate = `${normalized.slice(0, 4)}-${normalized.slice(4, 6)}-${String(realDay).padStart(2, "0")}`;
  return { normalized, birthDate, isSamordningsnummer, legalSex: p.isMale() ? "man" : "kvinna" };
}

/** The oldest age a registered person can plausibly have. */
export const MAX_PLAUSIBLE_AGE = 110;

export type Implausibility = "future_birth_date" | "over_max_age";

/**
 * Why a well-formed number cannot belong to a living person on `today` (a Europe/Stockholm ISO
 * date), or null when it can: the birth date (for a samordningsnummer, the day less 60, as
 * `parsePersonnummer` derives it) is after today, or the age exceeds MAX_PLAUSIBLE_AGE, which is
 * what a mistaken "+" separator gives a young person. Today is a parameter so the rule stays pure.
 */
export function personnummerImplausibility(parsed: Pick<ParsedPersonnummer, "birthDate">, today: string): Implausibility | null {
  // ISO dates of four-digit years order as strings.
  if (parsed.birthDate > today) return "future_birth_date";
  if (ageOn(parsed.birthDate, today) > MAX_PLAUSIBLE_AGE) return "over_max_age";
  return null;
}

/** Looks like a personnummer (10 or 12 digits, optional separator): search treats it as one. */
export function looksLikePersonnummer(q: string): boolean {
  return /^\s*(\d{6}|\d{8})[-+]?\d{4}\s*$/.test(q);
}

/** Masks all but the birth date, for lists: 20080512-XXXX. */
export function maskPersonnummer(normalized: string): string {
  return `${normalized.slice(0, 8)}-XXXX`;
}

export function formatPersonnummer(normalized: string): string {
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** Age in whole years on a given day (ISO dates). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Luhn check digit over the 9 digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Builds a valid 12-digit number from a birth date and a three-digit birth number. Synthetic data
 * and tests use birth numbers 980–999 only: Skatteverket's test series, never given to real people.
 */
export function buildPersonnummer(birthDate: string, birthNumber: number, samordningsnummer = false): string {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const day = String(Number(d) + (samordningsnummer ? 60 : 0)).padStart(2, "0");
  const nnn = String(birthNumber).padStart(3, "0");
  return `${y}${m}${day}${nnn}${luhnCheckDigit(`${y.slice(2)}${m}${day}${nnn}`)}`;
}
