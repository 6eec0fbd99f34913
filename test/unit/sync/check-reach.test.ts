import { describe, expect, it } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import type { SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { standInLogin, standInStore } from './sync-service-stand-ins';

/** A sync service (checks every `intervalMs`; 0: the CLI) over a runner that counts its syncs. */
function core(intervalMs: number) {
  let runs = 0;
  const runner: SyncRunner = {
    run: async (job) => {
      runs += 1;
      return { accountId: job.accountId, folders: 1, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
    },
    dropConnection: () => undefined,
    watch: () => undefined,
    unwatch: () => undefined,
    close: async () => undefined,
  };
  const events = new EventBus();
  const status = new AccountStatusBoard(events);
  const sync = new SyncService(standInStore(), runner, standInLogin, status, events, { intervalMs });
  return { sync, status, runs: () => runs };
}

describe('checking an account whose server a message could not reach', () => {
  it('syncs an account shown as fine at once, so it is found offline now and not at its next check', async () => {
    const { sync, runs } = core(60 * 60_000);
    await sync.run(1, false);
    sync.checkReach(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs()).toBe(2);
    await sync.stop();
  });

  it('leaves alone an account already offline (its retry is scheduled), and the CLI, which syncs only when asked', async () => {
    const offline = core(60 * 60_000);
    offline.status.set(1, { state: 'offline', error: { code: 'ConnectionRefused', message: 'refused' }, retryAt: Date.now() + 15_000 });
    offline.sync.checkReach(1);
    const cli = core(0);
    await cli.sync.run(1, false);
    cli.sync.checkReach(1);
    expect(offline.runs()).toBe(0);
    expect(cli.runs()).toBe(1);
    await offline.sync.stop();
    await cli.sync.stop();
  });
});
