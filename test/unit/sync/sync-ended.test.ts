import { describe, expect, it } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import { WrenError } from '../../../src-main/errors/wren-error';
import type { SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { standInLogin, standInStore } from './sync-service-stand-ins';

const SUMMARY = { accountId: 1, folders: 1, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };

/** A runner that reports progress as a POP3 check does (its replay is a whole check), then ends well or fails. */
function checkingRunner(fault: WrenError | null): SyncRunner {
  return {
    run: async (job, onProgress) => {
      onProgress({ accountId: job.accountId, folderPath: 'INBOX', phase: 'headers', done: 0, total: 0 });
      if (fault) throw fault;
      return SUMMARY;
    },
    dropConnection: () => undefined,
    watch: () => undefined,
    unwatch: () => undefined,
    close: async () => undefined,
  };
}

/** The account's events in order, as a front end sees them. */
function service(fault: WrenError | null = null) {
  const events = new EventBus();
  const seen: string[] = [];
  events.onAny((event) => seen.push(event), ['sync.progress', 'sync.ended', 'account.status']);
  const sync = new SyncService(standInStore(), checkingRunner(fault), standInLogin, new AccountStatusBoard(events), events, { intervalMs: 0 });
  return { sync, seen };
}

describe('SyncService: every run ends with sync.ended, after its last progress', () => {
  it('a replay that ends well (it sets no account status, so nothing else would end its progress)', async () => {
    const { sync, seen } = service();
    await sync.replay(1);
    expect(seen).toEqual(['sync.progress', 'sync.ended']);
  });

  it('a replay that fails', async () => {
    const { sync, seen } = service(new WrenError('ServerSaid', 'no'));
    await expect(sync.replay(1)).rejects.toThrow('no');
    expect(seen.at(-1)).toBe('sync.ended');
    expect(seen.indexOf('sync.progress')).toBeLessThan(seen.indexOf('sync.ended'));
  });

  it('a sync, well or not', async () => {
    const ok = service();
    await ok.sync.run(1, false);
    expect(ok.seen).toEqual(['account.status', 'sync.progress', 'account.status', 'sync.ended']);
    const failing = service(new WrenError('ServerSaid', 'no'));
    await expect(failing.sync.run(1, false)).rejects.toThrow('no');
    expect(failing.seen).toEqual(['account.status', 'sync.progress', 'account.status', 'sync.ended']);
  });
});
