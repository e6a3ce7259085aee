import { expect } from "vitest";
import { MAX_NOISE, MIN_COUNT } from "../../domain/disclosure/publish";

/*
 * What the disclosure module promises of a published figure, for tests to assert the rule rather
 * than one outcome: the record keys are drawn per database, and secondary suppression decides on the
 * perturbed values, so whether a count of 5 or more is shown or hidden differs from run to run.
 */

/** A count whose true value is `truth`: 0 shown as 0, 1–4 hidden, otherwise hidden or within ±2 and never below 5. */
export function expectPublished(value: number | null, truth: number): void {
  if (truth === 0) expect(value).toBe(0);
  else if (truth < MIN_COUNT) expect(value).toBeNull();
  else if (value !== null) {
    expect(Math.abs(value - truth)).toBeLessThanOrEqual(MAX_NOISE);
    expect(value).toBeGreaterThanOrEqual(MIN_COUNT);
  }
}

/**
 * A count beside a shown total that a small complement could be worked out from: hidden, or shown
 * (by `expectPublished`) only where the shown total minus it is no lone small count.
 */
export function expectHiddenOrSafe(shown: number | null, truth: number, total: number | null): void {
  expectPublished(shown, truth);
  if (shown === null || total === null) return;
  const rest = total - shown;
  expect(rest <= 0 || rest >= MIN_COUNT).toBe(true);
}
