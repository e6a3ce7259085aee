/**
 * The fältarbete log and händelserapporter hold no personal data. A personnummer in their free text
 * is the one kind the system can recognise for sure, so it refuses such text: a worker who has a
 * named young person to report makes an orosanmälan through the case flow instead. Pure.
 */
import { parsePersonnummer } from "../personnummer";

/** Digits that could be a personnummer: 6 or 8 digits, an optional separator, 4 digits, not inside a longer number. */
const CANDIDATE = /(?<!\d)(\d{6}|\d{8})\s?([-+])?\s?(\d{4})(?!\d)/g;

/** Whether the text holds a valid personnummer or samordningsnummer (Luhn and date checked). */
export function containsPersonnummer(text: string): boolean {
  for (const m of text.matchAll(CANDIDATE)) {
    if (parsePersonnummer(`${m[1]}${m[2] ?? "-"}${m[3]}`)) return true;
  }
  return false;
}

/** The fields of a record whose text holds a personnummer, as `{ path, message }` for a 400. */
export function personalDataFields(texts: Record<string, string | readonly string[] | undefined>) {
  const hits: { path: string; message: string }[] = [];
  for (const [path, value] of Object.entries(texts)) {
    const list = typeof value === "string" ? [value] : (value ?? []);
    if (list.some(containsPersonnummer))
      hits.push({
        path,
        message: "Personnummer är inte tillåtet här / A personnummer is not allowed here",
      });
  }
  return hits;
}

export const PERSONAL_DATA_MESSAGE =
  "Texten innehåller ett personnummer. Fältloggen får inte innehålla personuppgifter: gör en orosanmälan via ärendeflödet i stället / The text holds a personnummer. The field log must not hold personal data: make a report of concern (orosanmälan) through the case flow instead";
