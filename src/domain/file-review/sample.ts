/**
 * The random sample (stickprov) of a file review: reproducible from the seed and the population,
 * so anyone can draw it again and get the same files. Pure, no I/O.
 */

/** The largest seed: the PRNG takes a 32-bit unsigned integer. */
export const MAX_SEED = 0xffff_ffff;
/** The largest sample a review may ask for (the auditors drew 10 files per district). */
export const MAX_SAMPLE_SIZE = 500;

/**
 * mulberry32 (Tommy Ettinger, public domain): a small, well-known 32-bit PRNG. Returns numbers in
 * [0, 1). Chosen because it is short enough to state in a review and to re-implement in a
 * spreadsheet or another language, and gives the same sequence on every platform.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The draw method as the review states it, in Swedish and English. */
export const DRAW_METHOD = {
  sv: "Populationen sorteras på id (teckenordning). Fisher–Yates med mulberry32(frö): för i = 0 … n−1 väljs j = i + ⌊u·(N−i)⌋, där u är nästa tal från mulberry32, och plats i och j byter; de n första är urvalet. Samma frö och samma population ger samma urval.",
  en: "The population is sorted by id (code-point order). Fisher–Yates with mulberry32(seed): for i = 0 … n−1, j = i + ⌊u·(N−i)⌋, where u is the next number from mulberry32, and places i and j swap; the first n are the sample. The same seed and population give the same sample.",
} as const;

export interface Drawn<T> {
  /** The sample in the order drawn. */
  items: T[];
  populationSize: number;
  /** The sample size asked for. */
  requested: number;
  /** The population was no larger than the sample asked for: every file is in it. */
  tookAll: boolean;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Draws `size` members of the population as DRAW_METHOD states: sorted by id first, so the order
 * the database returned them in does not matter; then a partial Fisher–Yates shuffle driven by
 * mulberry32(seed). When the population is no larger than `size`, all of it is taken (in id order)
 * and `tookAll` says so. Ids must be unique.
 */
export function drawSample<T extends { id: string }>(population: readonly T[], size: number, seed: number): Drawn<T> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Not a sample size: ${size}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`Not a seed: ${seed}`);
  const sorted = [...population].sort(byId);
  const n = sorted.length;
  if (n <= size) return { items: sorted, populationSize: n, requested: size, tookAll: true };
  const next = mulberry32(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(next() * (n - i));
    const picked = sorted[j] as T;
    sorted[j] = sorted[i] as T;
    sorted[i] = picked;
  }
  return { items: sorted.slice(0, size), populationSize: n, requested: size, tookAll: false };
}
