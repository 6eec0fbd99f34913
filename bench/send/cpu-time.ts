// CPU time spent while some work runs: the main thread's own (Linux: /proc, the
// thread whose id is the process id), the whole process's (every thread: the outbox workers, the
// sink's thread too, which does the same work for every row), and by thread name (Wren's workers name
// themselves, see src-main/workers/thread-name.ts; V8's helpers (its optimising compiler, its GC) and libuv's pool stay "node").
import { threadsOf } from '../thread-cpu';

export interface CpuTime {
  /** The main thread's CPU time in ms; null where /proc cannot tell. */
  mainMs: number | null;
  processMs: number;
  /** CPU ms by thread name ("main" for the main thread), largest first; empty where /proc cannot tell. */
  byThread: Record<string, number>;
}

export async function withCpuTime<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuTime }> {
  const before = threadsOf(process.pid);
  const processBefore = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(processBefore);
  const after = threadsOf(process.pid);
  const byThread: Record<string, number> = {};
  // A thread that ended meanwhile is missing here (the process figure still counts it); one that began counts from 0.
  for (const [tid, now] of after) byThread[now.name] = (byThread[now.name] ?? 0) + now.ms - (before.get(tid)?.ms ?? 0);
  const sorted = Object.fromEntries(Object.entries(byThread).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
  return { result, cpu: { mainMs: sorted.main ?? (after.size > 0 ? 0 : null), processMs: Math.round((used.user + used.system) / 1000), byThread: sorted } };
}
