/**
 * One young person's change on one scale between two measurements, as the unit and the nämnd see
 * it: raw change, Reliable Change Index, its class, and clinically significant change where the
 * scale has a cut-off. Pure, no I/O.
 */
import { type ChangeClass, classifyChange, clinicallySignificant, reliableChangeIndex } from "./rci";

/** The psychometric facts of a scale that the classification needs (from its definition). */
export interface ScaleNorms {
  higherIsBetter: boolean;
  /** Test–retest reliability or α, in (0, 1); null when unknown (then no RCI). */
  reliability: number | null;
  /** SD in a reference population; null when unknown (then no RCI). */
  referenceSd: number | null;
  /** Clinical cut-off; null when the scale has none. */
  cutoff: number | null;
}

export interface PersonChange {
  before: number;
  after: number;
  change: number;
  rci: number | null;
  changeClass: ChangeClass | null;
  /** Reliably improved and crossed the cut-off; null when the scale has no cut-off or no RCI. */
  clinicallySignificant: boolean | null;
}

export function personChange(norms: ScaleNorms, before: number, after: number): PersonChange {
  const { reliability, referenceSd, cutoff, higherIsBetter } = norms;
  if (reliability === null || referenceSd === null) {
    return { before, after, change: after - before, rci: null, changeClass: null, clinicallySignificant: null };
  }
  const rci = reliableChangeIndex(before, after, referenceSd, reliability);
  const changeClass = classifyChange({ before, after, sd: referenceSd, reliability, higherIsBetter });
  const significant =
    cutoff === null
      ? null
      : clinicallySignificant({ before, after, cutoff, higherIsBetter, reliableImproved: changeClass === "improved" });
  return { before, after, change: after - before, rci, changeClass, clinicallySignificant: significant };
}
