import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import type { Store } from '../../../src-main/store/store';
import type { SyncJob, SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { standInLogin } from './sync-service-stand-ins';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The CLI's sync service (no background sync) over a recording runner, with one account of this protocol. */
function cliCore(protocol: 'imap' | 'pop3') {
  const account = { id: 1, protocol };
  const store = { accounts: { get: () => account, list: () => [account] }, db: { open: true }, write: (fn: () => unknown) => fn(), operations: { takeFailures: () => [] } } as unknown as Store;
  const runs: SyncJob[] = [];
  const watched: number[] = [];
  const runner: SyncRunner = {
    run: async (job) => {
      runs.push(job);
      return { accountId: job.accountId, folders: 1, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
    },
    dropConnection: () => undefined,
    watch: (job) => void watched.push(job.accountId),
    unwatch: () => undefined,
    close: async () => undefined,
  };
  const events = new EventBus();
  const sync = new SyncService(store, runner, standInLogin, new AccountStatusBoard(events), events, { intervalMs: 0, intervalFor: () => 2 * 60_000 });
  return { sync, runs, watched };
}

describe('wren watch on an account without push', () => {
  it('checks a POP3 account on its check interval while watched (POP3 has no IDLE: it checked once and never again)', async () => {
    const { sync, runs } = cliCore('pop3');
    await sync.watch(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000 - 1000);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(runs).toHaveLength(3);
    await sync.stop();
  });

  it('leaves a watched IMAP account to push: no timed checks in the CLI', async () => {
    const { sync, runs, watched } = cliCore('imap');
    await sync.watch(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toHaveLength(1);
    expect(watched).toEqual([1]);
    await sync.stop();
  });
});
