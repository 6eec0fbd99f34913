// CPU time spent while some work runs: the main thread's own (Linux: /proc/self/task/<pid>/stat, the
// thread whose id is the process id), the whole process's (every thread: the outbox workers, the
// sink's thread too, which does the same work for every row), and by thread name (Wren's workers name
// themselves, see src-main/workers/thread-name.ts; V8's helpers (its optimising compiler, its GC) and libuv's pool stay "node").
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTime {
  /** The main thread's CPU time in ms; null where /proc cannot tell. */
  mainMs: number | null;
  processMs: number;
  /** CPU ms by thread name ("main" for the main thread), largest first; empty where /proc cannot tell. */
  byThread: Record<string, number>;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function threadMs(tid: string): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // Fields after the command name (which may hold spaces) : state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Every live thread's name and CPU ms, by thread id. */
function threads(): Map<string, { name: string; ms: number }> {
  const found = new Map<string, { name: string; ms: number }>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const ms = threadMs(tid);
      if (ms === null) continue;
      const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'latin1').trim();
      found.set(tid, { name, ms });
    }
  } catch {
    // No /proc: no breakdown.
  }
  return found;
}

export async function withCpuTime<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuTime }> {
  const before = threads();
  const processBefore = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(processBefore);
  const after = threads();
  const byThread: Record<string, number> = {};
  // A thread that ended meanwhile is missing here (the process figure still counts it); one that began counts from 0.
  for (const [tid, now] of after) byThread[now.name] = (byThread[now.name] ?? 0) + now.ms - (before.get(tid)?.ms ?? 0);
  const sorted = Object.fromEntries(Object.entries(byThread).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
  return { result, cpu: { mainMs: sorted.main ?? (after.size > 0 ? 0 : null), processMs: Math.round((used.user + used.system) / 1000), byThread: sorted } };
}
