/** Runs `task` `total` times with `concurrency` in flight; returns throughput and latency percentiles. */
export interface Measurement {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Every request's latency in ms, sorted. */
  latencies: number[];
}

function pct(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

export async function measure(total: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return summarise(total, seconds, latencies);
}

function summarise(requests: number, seconds: number, sorted: number[]): Measurement {
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    latencies: sorted,
  };
}

/** Several rounds of one path as one measurement: all their requests, time and latencies together. */
export function combine(rounds: Measurement[]): Measurement {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (f: (m: Measurement) => number) => rounds.reduce((total, r) => total + f(r), 0);
  return summarise(
    sum((r) => r.requests),
    sum((r) => r.seconds),
    latencies,
  );
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
