/**
 * Reproducible random samples for egenkontroll: the same seed and the same population always give
 * the same sample, in whatever order the population was read, so a reviewer (or an auditor) can
 * draw it again and get the same rows. Pure, no I/O.
 */

/**
 * cyrb53 (a public-domain 53-bit string hash, bryc): fast and well mixed, not cryptographic. A
 * sample needs to be unpredictable only to someone who does not know the seed, and reproducible
 * by anyone who does.
 */
export function hash53(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The method, stated with every sample drawn (it is stored with the review). */
export const SAMPLE_METHOD =
  'Varje post i urvalsramen får nyckeln cyrb53("<frö>:<id>"); de n poster som har lägst nyckel dras (lika nycklar ordnas efter id). ' +
  "Samma frö och samma urvalsram ger alltid samma urval, oavsett i vilken ordning posterna lästes. / " +
  'Each record in the frame gets the key cyrb53("<seed>:<id>"); the n records with the lowest keys are drawn (ties by id). ' +
  "The same seed and frame always give the same sample, whatever order the records were read in.";

export interface Sample<T> {
  drawn: T[];
  /** How many were in the frame. */
  population: number;
  /** The sample asked for was larger than the frame: all were taken. */
  tookAll: boolean;
}

/** Draws `size` of `items` by seed (see SAMPLE_METHOD); the drawn items come in key order. */
export function drawSample<T>(items: readonly T[], size: number, seed: string, idOf: (item: T) => string): Sample<T> {
  const keyed = items.map((item) => {
    const id = idOf(item);
    return { item, id, key: hash53(`${seed}:${id}`) };
  });
  keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = Math.max(0, Math.min(size, keyed.length));
  return { drawn: keyed.slice(0, n).map((k) => k.item), population: items.length, tookAll: size >= items.length };
}
