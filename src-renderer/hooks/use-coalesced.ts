import { useEffect, useRef } from 'react';

/**
 * Wraps `run(key)` so that many calls for one key within `delayMs` run it
 * once: a sync announces a change per batch, and one reload covers them all.
 */
export function useCoalesced(run: (key: number) => void, delayMs: number): (key: number) => void {
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
  });
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  return (key) => {
    if (timers.current.has(key)) return;
    const timer = setTimeout(() => {
      timers.current.delete(key);
      latestRun.current(key);
    }, delayMs);
    timers.current.set(key, timer);
  };
}
