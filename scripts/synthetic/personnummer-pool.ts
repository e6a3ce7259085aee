import { addCalendarDays } from "../../src/domain/clocks";
import { buildPersonnummer } from "../../src/domain/personnummer";

/** Skatteverket's test series: birth numbers 980–999, never given to a real person. */
const FIRST_TEST_NUMBER = 980;
/** Ten numbers per birth date and legal sex (the last digit of the three is odd for men). */
const SLOTS_PER_SEX = 10;

/**
 * Hands out unique test-series personnummer. With 20 numbers per birth date the series holds
 * about 150,000 young people aged 0–20; when a date is full the pool moves on to samordningsnummer
 * of the same date, then to the nearest dates on either side (never after `latest`), so a
 * nation-scale run stays unique and valid at the price of a flatter age spread (see README).
 */
export class PersonnummerPool {
  private readonly used = new Map<string, number>();

  constructor(private readonly latest = "9999-12-31") {}

  private tryDate(date: string, male: boolean) {
    for (const samordningsnummer of [false, true]) {
      const key = `${date}|${male ? 1 : 0}|${samordningsnummer ? 1 : 0}`;
      const slot = this.used.get(key) ?? 0;
      if (slot < SLOTS_PER_SEX) {
        this.used.set(key, slot + 1);
        const birthNumber = FIRST_TEST_NUMBER + slot * 2 + (male ? 1 : 0);
        return { personnummer: buildPersonnummer(date, birthNumber, samordningsnummer), birthDate: date, samordningsnummer };
      }
    }
    return null;
  }

  take(birthDate: string, male: boolean): { personnummer: string; birthDate: string; samordningsnummer: boolean } {
    for (let distance = 0; distance < 20_000; distance++) {
      for (const date of distance === 0
        ? [birthDate]
        : [addCalendarDays(birthDate, distance), addCalendarDays(birthDate, -distance)]) {
        if (date > this.latest) continue;
        const taken = this.tryDate(date, male);
        if (taken) return taken;
      }
    }
    throw new Error("the personnummer test series is exhausted");
  }
}
