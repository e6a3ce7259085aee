/**
 * The cell-key method (ABS TableBuilder; Eurostat's recommendation for flexible table builders):
 * every record carries a fixed random key, a cell's key is the sum of its records' keys, and the
 * cell's small perturbation is looked up from that key. The same set of records therefore always
 * gets the same perturbation, whatever filter or report produced it — asking again, or in another
 * report, teaches a reader nothing — while two sets that differ by one record get independent
 * ones, so a difference of two published counts no longer gives the hidden record away.
 *
 * Keys are unsigned 32-bit integers summed modulo 2^32: exact, so the sum does not depend on the
 * order in which a report happens to add the records (a floating-point sum would). The server
 * derives each record's key from its id with a secret the readers never see (record-keys.ts).
 * Pure, no I/O.
 */

/** Largest perturbation of a count, in either direction; published with the reports. */
export const MAX_NOISE = 2;

/**
 * Perturbation by cell key: P(−2) = 0.05, P(−1) = 0.20, P(0) = 0.50, P(+1) = 0.20, P(+2) = 0.05.
 * Symmetric, so totals stay unbiased; bounded, so no figure moves by more than MAX_NOISE.
 */
const NOISE_TABLE: readonly { upTo: number; noise: number }[] = [
  { upTo: 0.05, noise: -2 },
  { upTo: 0.25, noise: -1 },
  { upTo: 0.75, noise: 0 },
  { upTo: 0.95, noise: 1 },
  { upTo: 1, noise: 2 },
];

const TWO_32 = 2 ** 32;

/** A count under way: how many records, and the sum of their keys modulo 2^32. */
export class Tally {
  n = 0;
  key = 0;

  add(recordKey: number, times = 1): this {
    this.n += times;
    this.key = (this.key + Math.imul(recordKey >>> 0, times)) >>> 0;
    return this;
  }

  static of(keys: Iterable<number>): Tally {
    const t = new Tally();
    for (const k of keys) t.add(k);
    return t;
  }
}

/** The murmur3 finaliser: spreads a 32-bit key over all 32 bits (a second, independent draw). */
function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The cell's perturbation of its count, in −MAX_NOISE…MAX_NOISE; 0 for an empty cell. */
export function countNoise(t: Tally): number {
  if (t.n === 0) return 0;
  const u = mix(t.key) / TWO_32;
  for (const row of NOISE_TABLE) if (u < row.upTo) return row.noise;
  return MAX_NOISE;
}

/**
 * A second uniform draw in [−1, 1) from the same cell key, for the perturbation of a magnitude (a
 * mean) of that cell; independent of the count's draw.
 */
export function magnitudeDraw(t: Tally): number {
  return (mix(t.key ^ 0x9e3779b9) / TWO_32) * 2 - 1;
}
