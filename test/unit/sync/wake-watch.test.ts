import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForWake } from '../../../src-main/sync/wake-watch';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Clocks a test moves by hand: a sleep moves the wall clock only. */
function handClocks() {
  const clocks = { wallMs: 1_000_000, monotonicMs: 0 };
  const tick = (ms: number) => {
    clocks.wallMs += ms;
    clocks.monotonicMs += ms;
  };
  return { clocks, tick, read: { wall: () => clocks.wallMs, monotonic: () => clocks.monotonicMs } };
}

describe('watchForWake', () => {
  it('tells of a wake when the wall clock jumped ahead of the monotonic one (a suspend of 10 minutes)', async () => {
    const { clocks, tick, read } = handClocks();
    const onWake = vi.fn();
    const stop = watchForWake(onWake, read, 1000);
    tick(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(onWake).not.toHaveBeenCalled();
    clocks.wallMs += 10 * 60_000; // asleep: the monotonic clock stood still
    tick(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(onWake).toHaveBeenCalledTimes(1);
    tick(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(onWake).toHaveBeenCalledTimes(1);
    stop();
  });

  it('ignores small corrections of the wall clock and a clock set back', async () => {
    const { clocks, tick, read } = handClocks();
    const onWake = vi.fn();
    const stop = watchForWake(onWake, read, 1000);
    clocks.wallMs += 5000;
    tick(1000);
    await vi.advanceTimersByTimeAsync(1000);
    clocks.wallMs -= 60 * 60_000;
    tick(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(onWake).not.toHaveBeenCalled();
    stop();
  });
});
