import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** The sampling timer's period. The histogram records whole timer intervals, so this is subtracted again. */
const RESOLUTION_MS = 10;

export interface RunStats {
  /** Since the process started (includes Node start-up and loading the CLI). */
  wallMs: number;
  maxRssBytes: number;
  /** How late the event loop ran a 10 ms timer: main-thread work that would freeze a window. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

/**
 * `wren --stats`: measures the run for benchmarks (npm run bench). Call the
 * returned function once at the end; it prints one line to stderr,
 * `wren-stats {json}`, which scripts can pick out of the progress output.
 */
export function startRunStats(err: NodeJS.WritableStream = process.stderr): () => RunStats {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return () => {
    histogram.disable();
    const lagMs = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS));
    const stats: RunStats = {
      wallMs: round(performance.now()),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      // An empty histogram (a run shorter than one interval) reports nonsense; call it no lag.
      eventLoopDelayMs: histogram.count === 0
        ? { p50: 0, p99: 0, max: 0 }
        : { p50: lagMs(histogram.percentile(50)), p99: lagMs(histogram.percentile(99)), max: lagMs(histogram.max) },
    };
    err.write(`wren-stats ${JSON.stringify(stats)}\n`);
    return stats;
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
