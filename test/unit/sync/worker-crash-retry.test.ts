import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { EventBus } from '../../../src-main/app/event-bus';
import { SyncService } from '../../../src-main/sync/sync-service';
import { WorkerSyncRunner } from '../../../src-main/sync/worker-sync-runner';
import { standInLogin, standInStore } from './sync-service-stand-ins';

const CRASHING_WORKER = resolve(__dirname, 'fixtures/crashing-sync-worker.mjs');
let sync: SyncService | undefined;
afterEach(async () => sync?.stop());

/** The app's sync service (background sync and push on) over a real worker thread that dies when told to. */
function appCore(crashOn: 'run' | 'watch') {
  const events = new EventBus();
  const status = new AccountStatusBoard(events);
  const runner = new WorkerSyncRunner(crashOn, CRASHING_WORKER, () => undefined);
  sync = new SyncService(standInStore(), runner, standInLogin, status, events, { intervalMs: 60 * 60_000, push: true });
  return { sync, status };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('a sync worker that crashes', () => {
  it('fails the running sync with its own code and schedules a retry (it was an Internal error, never retried)', async () => {
    const { sync, status } = appCore('run');
    await expect(sync.run(1, false)).rejects.toMatchObject({ code: 'SyncWorkerStopped' });
    const after = status.get(1);
    expect(after.error?.code).toBe('SyncWorkerStopped');
    expect(after.retryAt).toBeGreaterThan(Date.now());
    expect(sync.hasTimer(1)).toBe(true);
  });

  it('retries an account whose push died with the worker (it stayed in error until restart)', async () => {
    const { sync, status } = appCore('watch');
    await sync.run(1, false);
    await until(() => status.get(1).state !== 'idle');
    const after = status.get(1);
    expect(after.error?.code).toBe('SyncWorkerStopped');
    // The crash's own words, not only "stopped unexpectedly": a push that ended this way can be told apart.
    expect(after.error?.message).toContain('stand-in worker crashed on watch');
    expect(after.retryAt).toBeGreaterThan(Date.now());
    expect(sync.hasTimer(1)).toBe(true);
  });
});
