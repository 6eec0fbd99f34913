import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import { WrenError } from '../../../src-main/errors/wren-error';
import type { SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { standInLogin, standInStore } from './sync-service-stand-ins';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The app's sync service (push on) over a server that is up or down as the test says; its push can be cut. */
function appCore() {
  const server = { up: true, runs: 0 };
  let pushLost: ((fault: WrenError) => void) | null = null;
  const runner: SyncRunner = {
    run: async (job) => {
      server.runs += 1;
      if (!server.up) throw new WrenError('ConnectionRefused', 'refused');
      return { accountId: job.accountId, folders: 1, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
    },
    dropConnection: () => undefined,
    watch: (_job, onLost) => void (pushLost = onLost),
    unwatch: () => undefined,
    close: async () => undefined,
  };
  const events = new EventBus();
  const status = new AccountStatusBoard(events);
  const sync = new SyncService(standInStore(), runner, standInLogin, status, events, { intervalMs: 60 * 60_000, push: true });
  /** The server goes away: the push line drops, and Wren reconnects at once (which fails). */
  const serverGoes = async () => {
    server.up = false;
    const lost = pushLost!;
    pushLost = null;
    lost(new WrenError('ConnectionLost', 'cut'));
    await vi.advanceTimersByTimeAsync(0);
  };
  const retryIn = () => status.get(1).retryAt! - Date.now();
  return { sync, status, server, serverGoes, retryIn };
}

describe('the retry after an outage', () => {
  it('is 15 s after the first failure, growing only with the background retries that fail', async () => {
    const { sync, serverGoes, retryIn } = appCore();
    await sync.run(1, false);
    await serverGoes();
    const delays = [retryIn()];
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(retryIn());
      delays.push(retryIn());
    }
    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000]);
    await sync.stop();
  });

  it('is not pushed back by Sync now pressed while the server is down (it was 5 minutes after four presses)', async () => {
    const { sync, server, serverGoes, retryIn, status } = appCore();
    await sync.run(1, false);
    await serverGoes();
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(2_000);
      await expect(sync.run(1, false)).rejects.toMatchObject({ code: 'ConnectionRefused' });
      expect(status.get(1).state).toBe('offline');
      expect(retryIn()).toBe(15_000);
    }
    // The server is back within 20 s: the retry scheduled finds it.
    server.up = true;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(status.get(1).state).toBe('idle');
    await sync.stop();
  });

  it('starts again from 15 s after a sync that succeeded, however many failures came before', async () => {
    const { sync, server, serverGoes, retryIn, status } = appCore();
    await sync.run(1, false);
    await serverGoes();
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(retryIn());
    expect(retryIn()).toBe(600_000);
    server.up = true;
    await vi.advanceTimersByTimeAsync(retryIn());
    expect(status.get(1).state).toBe('idle');
    // Healthy for a while, then another outage (more than a minute after the last drop: reconnected at once first).
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await serverGoes();
    expect(retryIn()).toBe(15_000);
    await sync.stop();
  });

  it('is not pushed back by a replay of a change made while the server is down', async () => {
    const { sync, serverGoes, retryIn } = appCore();
    await sync.run(1, false);
    await serverGoes();
    for (let i = 0; i < 3; i++) await expect(sync.replay(1)).rejects.toMatchObject({ code: 'ConnectionRefused' });
    expect(retryIn()).toBe(15_000);
    await sync.stop();
  });
});
