import { buildPersonnummer } from "../../src/domain/personnummer";

/** Skatteverket's test series: birth numbers 980–999, never given to a real person. */
const FIRST_TEST_NUMBER = 980;
/** Ten numbers per birth date and legal sex (the last digit of the three is odd for men). */
const SLOTS_PER_SEX = 10;
const DAY_MS = 86_400_000;

const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const toDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The nearest date with a free number, per legal sex. Full dates are skipped with path-compressed
 * pointers (a union–find in each direction), so even a nearly full series answers at once.
 */
class NearestFree {
  private readonly taken = new Map<number, number>();
  private readonly right = new Map<number, number>();
  private readonly left = new Map<number, number>();

  constructor(private readonly capacity: number) {}

  private full(day: number) {
    return (this.taken.get(day) ?? 0) >= this.capacity;
  }

  private find(pointers: Map<number, number>, day: number, step: 1 | -1): number {
    let d = day;
    const path: number[] = [];
    while (this.full(d)) {
      path.push(d);
      d = pointers.get(d) ?? d + step;
    }
    for (const p of path) pointers.set(p, d);
    return d;
  }

  /** Takes a slot on the nearest date to `day` not after `latest`; returns the date and the slot. */
  take(day: number, latest: number): { day: number; slot: number } {
    const after = Math.min(day, latest);
    const r = this.find(this.right, after, 1);
    const l = this.find(this.left, after, -1);
    const chosen = r <= latest && r - after <= after - l ? r : l;
    const slot = this.taken.get(chosen) ?? 0;
    this.taken.set(chosen, slot + 1);
    return { day: chosen, slot };
  }
}

/**
 * Hands out unique test-series personnummer. With 20 numbers per birth date (10 per legal sex) the
 * series holds about 150,000 young people aged 0–20; a date's samordningsnummer (day + 60) double
 * that. When a date is full the pool moves to the nearest date with room on either side (never
 * after `latest`), so a nation-scale run stays unique and valid at the price of a flatter age
 * spread (see README).
 */
export class PersonnummerPool {
  private readonly bySex = [new NearestFree(2 * SLOTS_PER_SEX), new NearestFree(2 * SLOTS_PER_SEX)];

  constructor(private readonly latest = "9999-12-31") {}

  take(birthDate: string, male: boolean): { personnummer: string; birthDate: string; samordningsnummer: boolean } {
    const { day, slot } = (this.bySex[male ? 1 : 0] as NearestFree).take(toDay(birthDate), toDay(this.latest));
    const date = toDate(day);
    // The first ten of a date are ordinary numbers; the next ten samordningsnummer.
    const samordningsnummer = slot >= SLOTS_PER_SEX;
    const birthNumber = FIRST_TEST_NUMBER + (slot % SLOTS_PER_SEX) * 2 + (male ? 1 : 0);
    return { personnummer: buildPersonnummer(date, birthNumber, samordningsnummer), birthDate: date, samordningsnummer };
  }
}
