import { describe, expect, it } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import type { SyncJob, SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import type { Store } from '../../../src-main/store/store';
import { standInLogin, standInStore } from './sync-service-stand-ins';

type Pass = { job: SyncJob; end: () => void };

// The runner is a recorder whose passes end when the test says: what is checked is which pass a caller waits for.
function recordingRunner(passes: Pass[]): SyncRunner {
  return {
    run: (job) =>
      new Promise((resolve) => {
        passes.push({ job, end: () => resolve({ accountId: job.accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 }) });
      }),
    dropConnection: () => undefined,
    watch: () => undefined,
    unwatch: () => undefined,
    close: async () => undefined,
  };
}

function service(store: Store = standInStore()) {
  const passes: Pass[] = [];
  const events = new EventBus();
  return { sync: new SyncService(store, recordingRunner(passes), standInLogin, new AccountStatusBoard(events), events, { intervalMs: 0 }), passes };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SyncService.replay', () => {
  it('joins a replay under way when nothing was journaled since it began', async () => {
    const { sync, passes } = service();
    sync.replaySoon(1);
    await settle();
    let done = false;
    const waited = sync.replay(1).then(() => (done = true));
    passes[0]!.end();
    await waited;
    expect(done).toBe(true);
    expect(passes).toHaveLength(1);
  });

  it('waits for the next pass when an entry was journaled after the replay under way began', async () => {
    const { sync, passes } = service();
    sync.replaySoon(1); // pass 1, for an earlier entry
    await settle();
    sync.replaySoon(1); // a new entry while pass 1 runs: it may be past reading the journal
    let done = false;
    const waited = sync.replay(1).then(() => (done = true));
    passes[0]!.end();
    await settle();
    expect(done).toBe(false); // pass 1 alone does not answer for the new entry
    expect(passes).toHaveLength(2);
    expect(passes[1]!.job.replayOnly).toBe(true);
    passes[1]!.end();
    await waited;
    expect(done).toBe(true);
  });
});

describe('SyncService.syncSoon (the server changed outside a sync: a Sent copy filed)', () => {
  it('starts a sync, and a burst during it makes one more sync after it, not one each', async () => {
    const { sync, passes } = service();
    sync.syncSoon(1);
    await settle();
    expect(passes).toHaveLength(1);
    expect(passes[0]!.job.replayOnly).toBe(false);
    sync.syncSoon(1);
    sync.syncSoon(1);
    sync.replaySoon(1); // a journal entry meanwhile: the sync that follows replays it first
    passes[0]!.end();
    await settle();
    await settle();
    expect(passes.map((pass) => pass.job.replayOnly)).toEqual([false, false]);
    passes[1]!.end();
    await settle();
    expect(passes).toHaveLength(2);
  });

  it('leaves an offline account alone: its next sync, when it is back, shows the change', async () => {
    const events = new EventBus();
    const status = new AccountStatusBoard(events);
    const runs: SyncJob[] = [];
    const runner: SyncRunner = {
      run: async (job) => (runs.push(job), { accountId: 1, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 }),
      dropConnection: () => undefined,
      watch: () => undefined,
      unwatch: () => undefined,
      close: async () => undefined,
    };
    const sync = new SyncService(standInStore(), runner, standInLogin, status, events, { intervalMs: 0 });
    status.set(1, { state: 'offline', error: null, retryAt: null });
    sync.syncSoon(1);
    await settle();
    expect(runs).toEqual([]);
  });
});

describe('SyncService: work a replay journals for another account (a move across accounts expunges the original there)', () => {
  /** Two accounts, with `waiting` journal entries each, as the test sets them. */
  function twoAccounts(waiting: Map<number, number>) {
    return service({
      accounts: { get: (id: number) => ({ id }), list: () => [{ id: 1 }, { id: 2 }] },
      db: { open: true },
      write: (fn: () => unknown) => fn(),
      operations: { takeFailures: () => [], countUnfinished: (id: number) => waiting.get(id) ?? 0 },
    } as unknown as Store);
  }

  it('replays the other account at once when this replay gave it an entry, not at its next sync', async () => {
    const waiting = new Map([[2, 0]]);
    const { sync, passes } = twoAccounts(waiting);
    sync.replaySoon(1);
    await settle();
    waiting.set(2, 1); // the APPEND on account 1's server journaled the EXPUNGE on account 2's
    passes[0]!.end();
    await settle();
    await settle();
    expect(passes.map((pass) => [pass.job.accountId, pass.job.replayOnly])).toEqual([[1, true], [2, true]]);
  });

  it('leaves the other account be when it only had entries waiting before (two stuck accounts never wake each other in turn)', async () => {
    const waiting = new Map([[1, 3], [2, 2]]);
    const { sync, passes } = twoAccounts(waiting);
    sync.replaySoon(1);
    await settle();
    passes[0]!.end();
    await settle();
    await settle();
    expect(passes.map((pass) => pass.job.accountId)).toEqual([1]);
  });
});
