import { writeFileSync } from 'node:fs';

/**
 * Names the calling thread for the operating system (Linux: what `top -H`,
 * `ps -L` and the benchmarks' per-thread CPU figures show), as every Node
 * thread is otherwise called "node". A synchronous write runs on the
 * calling thread, so /proc/thread-self is this one. Best effort: elsewhere,
 * or without /proc, the name stays as it was.
 */
export function nameThisThread(name: string): void {
  if (process.platform !== 'linux') return;
  try {
    // The kernel keeps 15 bytes of it.
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // Not worth a word: only a name for diagnostics.
  }
}
