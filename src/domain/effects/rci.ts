/**
 * Reliable Change Index and clinically significant change for one person's before/after scores
 * on the same scale (individbaserad systematisk uppföljning, ISU).
 *
 * Jacobson, N. S. & Truax, P. (1991). Clinical significance: A statistical approach to defining
 * meaningful change in psychotherapy research. Journal of Consulting and Clinical Psychology,
 * 59(1), 12–19.
 *
 *   SE     = sd · √(1 − r)            (standard error of measurement)
 *   Sdiff  = √(2 · SE²) = sd · √2 · √(1 − r)
 *   RCI    = (after − before) / Sdiff
 *
 * where sd is the standard deviation of the scale in a reference population (normally the
 * pre-treatment or normative sample) and r its reliability (test–retest or Cronbach's α).
 * A change is reliable when |RCI| exceeds the criterion (1.96 ⇒ p < .05, two-sided). Whether a
 * reliable change is an improvement depends on the scale's direction.
 *
 * Pure functions, no I/O.
 */

export type ChangeClass = "improved" | "unchanged" | "deteriorated";

export const RCI_CRITERION = 1.96;

/**
 * Rounding noise tolerance at the criterion: an |RCI| within this distance of the criterion counts
 * as *at* the criterion, which is not reliable ("larger than 1.96", Jacobson & Truax 1991 p. 14).
 * Without it, 9.8 / 5 = 1.9600000000000002 in floating point would flip a boundary case.
 */
const BOUNDARY_EPSILON = 1e-9;

function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/**
 * Sdiff = sd · √2 · √(1 − r). Throws RangeError unless sd > 0 and 0 ≤ r < 1 (with r = 1 every
 * difference would be "reliable" and the index is undefined).
 */
export function standardErrorOfDifference(sd: number, reliability: number): number {
  assertFinite("sd", sd);
  assertFinite("reliability", reliability);
  if (sd <= 0) throw new RangeError(`sd must be positive, got ${sd}`);
  if (reliability < 0 || reliability >= 1) throw new RangeError(`reliability must be in [0, 1), got ${reliability}`);
  // √2 · √(1 − r) computed as √(2(1 − r)): the same number, one rounding fewer.
  return sd * Math.sqrt(2 * (1 - reliability));
}

/** RCI = (after − before) / Sdiff. Positive when the score rose, whatever the scale's direction. */
export function reliableChangeIndex(before: number, after: number, sd: number, reliability: number): number {
  assertFinite("before", before);
  assertFinite("after", after);
  return (after - before) / standardErrorOfDifference(sd, reliability);
}

export interface ClassifyChangeInput {
  before: number;
  after: number;
  /** Standard deviation of the scale in the reference population. */
  sd: number;
  /** Reliability of the scale (test–retest or α), in [0, 1). */
  reliability: number;
  /** True when a higher score is better (e.g. functioning); false for symptom/problem scales. */
  higherIsBetter: boolean;
  /** |RCI| must be strictly larger than this for a reliable change. Default 1.96. */
  criterion?: number;
}

/**
 * "improved" / "deteriorated" when |RCI| > criterion, in the direction given by higherIsBetter;
 * otherwise "unchanged". |RCI| exactly at the criterion is "unchanged".
 */
export function classifyChange(input: ClassifyChangeInput): ChangeClass {
  const criterion = input.criterion ?? RCI_CRITERION;
  assertFinite("criterion", criterion);
  if (criterion < 0) throw new RangeError(`criterion must be non-negative, got ${criterion}`);
  const rci = reliableChangeIndex(input.before, input.after, input.sd, input.reliability);
  if (Math.abs(rci) <= criterion + BOUNDARY_EPSILON) return "unchanged";
  const rose = rci > 0;
  return rose === input.higherIsBetter ? "improved" : "deteriorated";
}

export interface PopulationStats {
  meanClinical: number;
  sdClinical: number;
  meanFunctional: number;
  sdFunctional: number;
}

/**
 * Jacobson & Truax (1991) cut-off c: the point between the clinical (dysfunctional) and the
 * functional population means weighted by their spreads,
 *
 *   c = (sdClinical · meanFunctional + sdFunctional · meanClinical) / (sdClinical + sdFunctional)
 *
 * i.e. the score equally many of its own population's SDs from each mean. Use it when norms for
 * both populations exist; otherwise pass an instrument's published cut-off directly to
 * clinicallySignificant.
 */
export function clinicalCutoff(stats: PopulationStats): number {
  const { meanClinical, sdClinical, meanFunctional, sdFunctional } = stats;
  for (const [name, v] of Object.entries(stats)) assertFinite(name, v);
  if (sdClinical <= 0 || sdFunctional <= 0) throw new RangeError("standard deviations must be positive");
  return (sdClinical * meanFunctional + sdFunctional * meanClinical) / (sdClinical + sdFunctional);
}

export interface ClinicallySignificantInput {
  before: number;
  after: number;
  cutoff: number;
  higherIsBetter: boolean;
  /** Whether the change was classified as reliably improved (classifyChange(...) === "improved"). */
  reliableImproved: boolean;
}

/**
 * Clinically significant change (recovered): reliably improved AND crossed the cut-off in the good
 * direction — started in the dysfunctional range or at the cut-off, ended strictly inside the
 * functional range. Ending exactly at c is equidistant from both populations, so not "closer to
 * the functional mean" (Jacobson & Truax 1991, criterion c) and not counted.
 */
export function clinicallySignificant(input: ClinicallySignificantInput): boolean {
  const { before, after, cutoff, higherIsBetter, reliableImproved } = input;
  assertFinite("before", before);
  assertFinite("after", after);
  assertFinite("cutoff", cutoff);
  if (!reliableImproved) return false;
  return higherIsBetter ? before <= cutoff && after > cutoff : before >= cutoff && after < cutoff;
}
