/** How often the clocks are compared; a tick costs two clock reads. */
const TICK_MS = 15_000;
/**
 * How far the wall clock may run ahead of the monotonic one between two ticks before it means a sleep.
 * The monotonic clock stops while the machine sleeps (Linux, macOS) and the wall clock does not; NTP
 * slews of a few seconds and a busy event loop (both clocks advance alike) stay well under this.
 */
const JUMP_MS = 30_000;

export interface WakeClocks {
  wall(): number;
  monotonic(): number;
}

const SYSTEM_CLOCKS: WakeClocks = { wall: () => Date.now(), monotonic: () => performance.now() };

/**
 * Calls `onWake` when the wall clock jumps ahead of the monotonic clock, as it does across a
 * suspend: the plain Node way to learn of a wake (the CLI's `wren watch`, the web mode), which
 * Electron's powerMonitor 'resume' tells the app directly. Returns a function that stops it.
 */
export function watchForWake(onWake: () => void, clocks: WakeClocks = SYSTEM_CLOCKS, tickMs = TICK_MS): () => void {
  let wall = clocks.wall();
  let monotonic = clocks.monotonic();
  const timer = setInterval(() => {
    const nextWall = clocks.wall();
    const nextMonotonic = clocks.monotonic();
    const gap = (nextWall - wall) - (nextMonotonic - monotonic);
    wall = nextWall;
    monotonic = nextMonotonic;
    if (gap > JUMP_MS) onWake();
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
