/**
 * Secondary suppression applied to a report's breakdown as shown: for each count figure, the
 * boys/girls/other parts and the age-group parts of a group are protected against being worked out
 * from the group's total (protectComplement). Pure; mutates the figures it is given.
 *
 * Not covered: the same relation across insatser (the total is the sum of the insatser) and across
 * dimensions at once; see the README's known gaps.
 */
import { protectComplement } from "./rules";

type Counts<K extends string> = { [key in K]: number | null };

/** Protects `keys` of `parts` against their sum being the shown `total`. */
export function protectParts<K extends string>(total: Counts<K>, parts: Counts<K>[], keys: readonly K[]): void {
  for (const key of keys) {
    const shown = protectComplement(
      total[key],
      parts.map((p) => p[key]),
    );
    parts.forEach((p, i) => {
      p[key] = shown[i] ?? null;
    });
  }
}
