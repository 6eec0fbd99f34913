import { spawn } from 'node:child_process';

/**
 * What the kill tests share: a `wren` process started, killed with SIGKILL
 * at a random point, the next round started; the random points come from a
 * seeded PRNG whose seed is logged, so a failing run can be repeated
 * (WREN_KILL_SEED=N).
 */

/** A seeded PRNG (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kill points of a test named `name`: WREN_KILL_SEED's when set, else a new seed, logged either way. */
export function killPoints(name: string): () => number {
  const seed = Number(process.env.WREN_KILL_SEED ?? Date.now() % 100_000);
  console.log(`${name} seed ${seed} (WREN_KILL_SEED to repeat)`);
  return seededRandom(seed);
}

/** When the kill clock starts: at once, at a line on stderr, or when a condition polled on the side holds. */
export type KillClock = { from: 'spawn' } | { from: 'stderr'; includes: string } | { from: 'poll'; until: () => boolean };

export interface KilledRun {
  /** The arguments after `wren`. */
  args: string[];
  env: Record<string, string | undefined>;
  /** How long after the clock starts the kill comes; a process that ends first is not killed. */
  delayMs: number;
  clock: KillClock;
}

/** Runs the built `wren` CLI, kills it as `run` says, and resolves once it has exited. */
export async function runKilled(run: KilledRun): Promise<void> {
  const child = spawn(process.execPath, ['bin/wren.cjs', ...run.args], {
    env: run.env, stdio: ['ignore', 'ignore', run.clock.from === 'stderr' ? 'pipe' : 'ignore'],
  });
  let running = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running = false;
    resolve();
  }));
  let timer: NodeJS.Timeout | undefined;
  const startClock = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), run.delayMs));
  const { clock } = run;
  if (clock.from === 'spawn') startClock();
  if (clock.from === 'stderr') {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(clock.includes)) startClock();
    });
  }
  if (clock.from === 'poll') {
    while (running && !clock.until()) await new Promise((resolve) => setTimeout(resolve, 2));
    if (running) startClock();
  }
  await exited;
  clearTimeout(timer);
}
