// Runs one child process and measures it from outside: wall time, peak RSS, and the moments
// its stderr first shows given markers (to split a run into phases).
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tempPath, trackChild } from './cleanup';
import { sampleThreadCpu, type ThreadCpu } from './thread-cpu';

export interface ChildRun {
  wallMs: number;
  /** Peak resident set size; null when it could not be measured. */
  maxRssBytes: number | null;
  /** CPU time of the process, user and system, all its threads (GNU time only); null without it. */
  cpuMs: number | null;
  /** CPU ms by thread name, as last sampled (see thread-cpu.ts); null where /proc cannot tell. */
  cpuByThread: ThreadCpu | null;
  exitCode: number | null;
  stdout: string;
  /** The last part of stderr (progress output can be long). */
  stderr: string;
  /** Milliseconds from start until stderr first matched each marker. */
  marks: Record<string, number>;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** GNU time (`/usr/bin/time`), which reports the peak RSS exactly; without it /proc is polled. */
  timeTool: string | null;
  markers?: Record<string, RegExp>;
}

const STDERR_KEEP = 256 * 1024;

export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<ChildRun> {
  const rssFile = tempPath('rss');
  const [file, argv] = options.timeTool ? [options.timeTool, ['-o', rssFile, '-f', '%U %S %M', command, ...args]] : [command, args];
  const started = performance.now();
  // Own process group: Ctrl-C reaches only the bench, which then stops the whole group
  // (GNU time and the program under it) and waits for it before removing its folders.
  const child = spawn(file, argv, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  trackChild(child);
  const polledRss = options.timeTool ? null : pollPeakRss(child.pid);
  const threadCpu = sampleThreadCpu(child.pid);
  let stdout = '';
  let stderr = '';
  const marks: Record<string, number> = {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    for (const [name, pattern] of Object.entries(options.markers ?? {})) {
      if (marks[name] === undefined && pattern.test(chunk)) marks[name] = performance.now() - started;
    }
    // Trimmed only now and then: re-slicing on every progress line would cost the bench
    // enough CPU to slow the measured process on a 2-core machine.
    stderr += chunk;
    if (stderr.length > 2 * STDERR_KEEP) stderr = stderr.slice(-STDERR_KEEP);
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  const cpuByThread = threadCpu.stop();
  stderr = stderr.slice(-STDERR_KEEP);
  const { maxRssBytes, cpuMs } = options.timeTool ? await readTimeOutput(rssFile) : { maxRssBytes: polledRss!.stop(), cpuMs: null };
  return { wallMs, maxRssBytes, cpuMs, cpuByThread, exitCode, stdout, stderr, marks };
}

/** GNU time writes "%U %S %M" (CPU seconds, peak RSS in KiB) as its last line; a signal note may come before it. */
async function readTimeOutput(file: string): Promise<{ maxRssBytes: number | null; cpuMs: number | null }> {
  try {
    const [user, system, kib] = (await readFile(file, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
    return {
      maxRssBytes: Number.isFinite(kib) ? kib! * 1024 : null,
      cpuMs: Number.isFinite(user) && Number.isFinite(system) ? (user! + system!) * 1000 : null,
    };
  } catch {
    return { maxRssBytes: null, cpuMs: null };
  } finally {
    await rm(file, { force: true });
  }
}

/** Fallback without GNU time: VmHWM (the kernel's own high-water mark) read every 50 ms while the child lives. */
function pollPeakRss(pid: number | undefined): { stop(): number | null } {
  let peak: number | null = null;
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak ?? 0, Number(match[1]) * 1024);
    } catch {
      // The process has exited; keep the last reading.
    }
  };
  const timer = setInterval(read, 50);
  read();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
