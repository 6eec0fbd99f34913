// CPU time spent while some work runs: the main thread's own (Linux: /proc/self/task/<pid>/stat, the
// thread whose id is the process id) and the whole process's (every thread: the outbox worker, the
// sink's thread too, which does the same work for every row).
import { readFileSync } from 'node:fs';

export interface CpuTime {
  /** The main thread's CPU time in ms; null where /proc cannot tell. */
  mainMs: number | null;
  processMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function mainThreadMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1');
    // Fields after the command name (which may hold spaces) : state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export async function withCpuTime<T>(work: () => Promise<T>): Promise<{ result: T; cpu: CpuTime }> {
  const mainBefore = mainThreadMs();
  const processBefore = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(processBefore);
  const mainAfter = mainThreadMs();
  const mainMs = mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore;
  return { result, cpu: { mainMs, processMs: Math.round((used.user + used.system) / 1000) } };
}
