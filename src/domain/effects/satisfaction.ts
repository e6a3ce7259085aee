/**
 * Satisfaction survey at the end of an insats (ISU). Pure, no I/O.
 */

/** The survey's answer scale: 1 (not at all satisfied) – 5 (very satisfied). */
export const SURVEY_SCALE = { min: 1, max: 5 } as const;

export interface Scale {
  min: number;
  max: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * answered / sent, in [0, 1]; null when nothing was sent. Throws RangeError for counts that are not
 * non-negative integers or when more answered than were sent.
 */
export function responseRate(sent: number, answered: number): number | null {
  assertCount("sent", sent);
  assertCount("answered", answered);
  if (answered > sent) throw new RangeError(`answered (${answered}) exceeds sent (${sent})`);
  if (sent === 0) return null;
  return answered / sent;
}

/**
 * Mean of the answers; null when there are none. Throws RangeError when an answer is not a finite
 * number within [scale.min, scale.max] (a 0 or 6 on a 1–5 survey is a data-entry error, and
 * averaging it in would hide it), or when the scale itself is not min < max.
 */
export function meanScore(answers: readonly number[], scale: Scale = SURVEY_SCALE): number | null {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.min >= scale.max) {
    throw new RangeError(`Not a scale: ${scale.min}–${scale.max}`);
  }
  let sum = 0;
  for (const a of answers) {
    if (!Number.isFinite(a) || a < scale.min || a > scale.max) {
      throw new RangeError(`Answer ${a} is outside the scale ${scale.min}–${scale.max}`);
    }
    sum += a;
  }
  return answers.length === 0 ? null : sum / answers.length;
}
