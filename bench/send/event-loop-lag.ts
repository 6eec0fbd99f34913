// The main thread's event-loop lag while some work runs, measured as `wren --stats` does (a 10 ms
// timer's lateness): what the core's thread would make a window wait for.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

export interface Lag {
  p50: number;
  p99: number;
  max: number;
}

export async function withLag<T>(work: () => Promise<T>): Promise<{ result: T; lag: Lag }> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  try {
    const result = await work();
    histogram.disable();
    const ms = (nanoseconds: number) => Math.round(Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS) * 10) / 10;
    const lag = histogram.count === 0 ? { p50: 0, p99: 0, max: 0 } : { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    return { result, lag };
  } finally {
    histogram.disable();
  }
}
