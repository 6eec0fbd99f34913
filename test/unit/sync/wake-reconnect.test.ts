import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import { WrenError } from '../../../src-main/errors/wren-error';
import type { SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { standInLogin, standInStore } from './sync-service-stand-ins';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The app's sync service (5-minute checks, push on) over a runner that records what it is asked. */
function appCore(fail?: () => WrenError | undefined) {
  const calls: string[] = [];
  const runner: SyncRunner = {
    run: async (job) => {
      calls.push(`run ${job.accountId}`);
      const fault = fail?.();
      if (fault) throw fault;
      return { accountId: job.accountId, folders: 1, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
    },
    dropConnection: (id) => void calls.push(`drop ${id}`),
    watch: (job) => void calls.push(`watch ${job.accountId}`),
    unwatch: (id) => void calls.push(`unwatch ${id}`),
    close: async () => undefined,
  };
  const events = new EventBus();
  const status = new AccountStatusBoard(events);
  const sync = new SyncService(standInStore(), runner, standInLogin, status, events, { intervalMs: 5 * 60_000, push: true });
  return { sync, calls, status };
}

describe('waking from sleep', () => {
  it('cuts the push and sync connections (dead after a sleep, they took minutes to notice) and syncs at once, which pushes again', async () => {
    const { sync, calls } = appCore();
    await sync.run(1, false);
    expect(calls).toEqual(['run 1', 'watch 1']);
    sync.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.slice(2)).toEqual(['unwatch 1', 'drop 1', 'run 1', 'watch 1']);
    await sync.stop();
  });

  it('retries an offline account at once instead of at the end of its backoff', async () => {
    let offline = true;
    const { sync, calls, status } = appCore(() => (offline ? new WrenError('HostNotFound', 'no network') : undefined));
    await sync.run(1, false).catch(() => undefined);
    expect(status.get(1).state).toBe('offline');
    offline = false;
    sync.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.filter((c) => c === 'run 1')).toHaveLength(2);
    expect(status.get(1).state).toBe('idle');
    await sync.stop();
  });

  it('leaves alone an account in an error no retry helps (a refused login)', async () => {
    const { sync, calls } = appCore(() => new WrenError('AuthFailed', 'refused'));
    await sync.run(1, false).catch(() => undefined);
    sync.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['run 1']);
    await sync.stop();
  });
});
