// CPU time of a measured child by thread, sampled from /proc while it runs (Linux only). A thread's
// total is its last reading, so one that ends between two samples loses up to one interval of its
// time; the process total (GNU time) stays the exact figure. It tells where a row's CPU goes: wren's
// own workers name themselves (src-main/workers/thread-name.ts), V8's helpers (its background
// compiler and GC) and libuv's pool are all "node", the main thread is "main".
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux
const SAMPLE_MS = 50;

export type ThreadCpu = Record<string, number>;

/** Samples the threads of `pid`, or of its only child when it is a wrapper (GNU time), until stopped. */
export function sampleThreadCpu(pid: number | undefined): { stop(): ThreadCpu | null } {
  const last = new Map<string, { name: string; ms: number }>();
  let target: number | null = null;
  const read = () => {
    target ??= measuredPid(pid);
    if (target === null) return;
    for (const [tid, thread] of threadsOf(target)) last.set(tid, thread);
  };
  const timer = setInterval(read, SAMPLE_MS);
  read();
  return {
    stop() {
      clearInterval(timer);
      if (last.size === 0) return null;
      const byName: ThreadCpu = {};
      for (const { name, ms } of last.values()) byName[name] = (byName[name] ?? 0) + ms;
      return Object.fromEntries(Object.entries(byName).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
    },
  };
}

/** The program under GNU time is its one child; without a wrapper, the process itself. */
function measuredPid(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'latin1').trim();
    if (comm !== 'time') return pid;
    const child = readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(' ')[0];
    return child ? Number(child) : null;
  } catch {
    return null;
  }
}

/** Every live thread of `pid` by thread id: its name ("main" for the process's own) and CPU ms; empty without /proc. */
export function threadsOf(pid: number): Map<string, { name: string; ms: number }> {
  const found = new Map<string, { name: string; ms: number }>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found; // ended, or no /proc
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'latin1');
      // The name sits in parentheses and may hold spaces; utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      found.set(tid, { name, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // That thread ended between the listing and the read.
    }
  }
  return found;
}
