import type { FolderProgress } from './sync-folder';

/** At most about five progress events per second: enough for a moving count, cheap for every front end. */
export const PROGRESS_INTERVAL_MS = 200;

export interface ThrottledProgress {
  report: FolderProgress;
  /** Sends the last report held back, so a phase always ends on its final count. */
  flush: () => void;
}

/**
 * Thins out one phase's progress reports. The first (0 of n) and the last
 * (n of n) always go out at once; between them at most one per interval, and
 * whatever was held back goes out on `flush`.
 */
export function throttleProgress(send: FolderProgress, intervalMs = PROGRESS_INTERVAL_MS, now: () => number = Date.now): ThrottledProgress {
  let sentAt = -Infinity;
  let held: [done: number, total: number] | null = null;
  const pass = (done: number, total: number) => {
    held = null;
    sentAt = now();
    send(done, total);
  };
  return {
    report(done, total) {
      if (done === 0 || done >= total || now() - sentAt >= intervalMs) pass(done, total);
      else held = [done, total];
    },
    flush() {
      if (held) pass(...held);
    },
  };
}
