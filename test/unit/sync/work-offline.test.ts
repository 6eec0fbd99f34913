import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import { WorkOffline, workingOfflineError } from '../../../src-main/app/work-offline';
import { DEFAULT_APP_SETTINGS, type Settings } from '../../../src-main/ipc/contract';
import type { SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { failureOutcome } from '../../../src-main/sync/failure-policy';
import { standInLogin, standInStore } from './sync-service-stand-ins';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const settings = (workOffline: boolean): Settings => ({ app: { ...DEFAULT_APP_SETTINGS, workOffline }, accounts: {} });

/** The app's sync service (5-minute checks, push on) over a runner that records what it is asked, with Work Offline as set. */
function appCore() {
  const calls: string[] = [];
  const runner: SyncRunner = {
    run: async (job) => {
      calls.push(`run ${job.accountId}`);
      return { accountId: job.accountId, folders: 1, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
    },
    dropConnection: (id) => void calls.push(`drop ${id}`),
    watch: (job) => void calls.push(`watch ${job.accountId}`),
    unwatch: (id) => void calls.push(`unwatch ${id}`),
    close: async () => undefined,
  };
  let current = settings(false);
  const workOffline = new WorkOffline(() => current);
  const events = new EventBus();
  const status = new AccountStatusBoard(events);
  const sync = new SyncService(standInStore(), runner, standInLogin, status, events, { intervalMs: 5 * 60_000, push: true, workingOffline: () => workOffline.fault() });
  const sent: string[] = [];
  const toggle = (on: boolean) => {
    const previous = current;
    current = settings(on);
    workOffline.apply(current, previous, { sync, sessions: { closeAll: () => void sent.push('sessions closed') } as never, sendWhatWaits: () => void sent.push('outbox') });
  };
  return { sync, calls, status, toggle, sent, workOffline };
}

describe('Work Offline', () => {
  it('turned on: push and connections end, no check is scheduled, the account says why at once, and a sync asked for fails without running', async () => {
    const { sync, calls, status, toggle, sent } = appCore();
    await sync.run(1, false);
    expect(sync.hasTimer(1)).toBe(true);
    toggle(true);
    expect(calls.slice(2)).toEqual(['unwatch 1', 'drop 1']);
    expect(sent).toEqual(['sessions closed']);
    expect(sync.hasTimer(1)).toBe(false);
    expect(status.get(1)).toMatchObject({ state: 'offline', error: { code: 'WorkingOffline' }, retryAt: null });
    await expect(sync.run(1, false)).rejects.toMatchObject({ code: 'WorkingOffline' });
    sync.wake();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(calls.filter((call) => call === 'run 1')).toHaveLength(1);
    expect(status.get(1).retryAt).toBeNull();
    await sync.stop();
  });

  it('turned off: every account syncs at once (push follows), and the outboxes are worked through', async () => {
    const { sync, calls, status, toggle, sent } = appCore();
    toggle(true);
    toggle(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.slice(-2)).toEqual(['run 1', 'watch 1']);
    expect(sent).toEqual(['sessions closed', 'outbox']);
    expect(status.get(1).state).toBe('idle');
    await sync.stop();
  });

  it('a change that leaves it as it was does nothing; every login is refused while it is on', () => {
    const { calls, toggle, sent, workOffline } = appCore();
    toggle(false);
    expect([calls, sent]).toEqual([[], []]);
    expect(() => workOffline.check()).not.toThrow();
    toggle(true);
    expect(() => workOffline.check()).toThrow(expect.objectContaining({ code: 'WorkingOffline' }));
  });

  it('is never retried on a timer, and never counts towards the backoff', () => {
    expect(failureOutcome(workingOfflineError(), 3, true, 1000)).toEqual({
      status: { state: 'offline', error: expect.objectContaining({ code: 'WorkingOffline' }), retryAt: null }, retryInMs: null, backsOff: false,
    });
  });
});
