// Everything the bench starts is registered here, so it all stops on success, failure or
// Ctrl-C: child processes first (and waited for, so nothing writes into a folder being
// removed), then the cleanup tasks (the lab, the temp folders) newest first.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const children = new Set<ChildProcess>();
const tasks: Array<() => Promise<void> | void> = [];
let workDir: string | undefined;

/** Children run in their own process group (spawn with detached: true), so the whole group can be stopped. */
export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

export function atCleanup(task: () => Promise<void> | void): void {
  tasks.push(task);
}

/** The bench's one temp folder; everything else it creates lives inside, so one rm clears it all. */
function benchDir(): string {
  if (!workDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wren-bench-'));
    workDir = dir;
    atCleanup(() => rm(dir, { recursive: true, force: true }));
  }
  return workDir;
}

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(benchDir(), prefix));
}

export function tempPath(name: string): string {
  return path.join(benchDir(), `${name}-${Math.random().toString(36).slice(2)}`);
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

let cleaning: Promise<void> | undefined;

/** True once cleanup began (Ctrl-C): the bench must not report half-finished runs as results. */
export function stopping(): boolean {
  return cleaning !== undefined;
}

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    await stopChildren();
    while (tasks.length) {
      const task = tasks.pop()!;
      try {
        await task();
      } catch (error) {
        process.stderr.write(`bench: cleanup step failed: ${(error as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}

async function stopChildren(): Promise<void> {
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const signalGroup = (signal: NodeJS.Signals) => {
    for (const child of running) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    }
  };
  signalGroup('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
  if ((await Promise.race([Promise.all(exited).then(() => 'done'), timeout])) !== 'done') signalGroup('SIGKILL');
}

/**
 * Ctrl-C or a kill: stop children, clean up, exit with 128 + the signal number.
 * `on`, not `once`: the lab's own handler re-raises the signal (killing us before cleanup)
 * when it believes it is the only listener left.
 */
export function cleanUpOnSignals(): void {
  let handled = false;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      if (handled) return;
      handled = true;
      process.stderr.write(`\nbench: ${signal}, stopping and cleaning up...\n`);
      cleanupAll().finally(() => process.exit(code));
    });
  }
}
