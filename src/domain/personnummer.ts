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
