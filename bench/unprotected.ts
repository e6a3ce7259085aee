import type { Publisher } from "../src/domain/disclosure/publish";

/**
 * A publisher that protects nothing: true counts, exact shares, means and statistics for any group,
 * no record keys, no secondary suppression. Only the benchmark uses it, to run the very same report
 * with and without disclosure control and measure what the protection costs.
 */
export const unprotected: Publisher = {
  count: (t) => t.n,
  share: (numerator, denominator) => (denominator.n === 0 ? null : numerator.n / denominator.n),
  mean: (values) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length),
  statistic: (value) => value,
  populationTooSmall: () => false,
  protects: false,
};
