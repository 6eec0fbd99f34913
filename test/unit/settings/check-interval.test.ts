import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountStatusBoard } from '../../../src-main/accounts/account-status';
import { applyAccountSettings } from '../../../src-main/app/apply-account-settings';
import { EventBus } from '../../../src-main/app/event-bus';
import { SettingsService } from '../../../src-main/settings/settings-service';
import type { SyncJob, SyncRunner } from '../../../src-main/sync/sync-runner';
import { SyncService } from '../../../src-main/sync/sync-service';
import { standInLogin, standInStore } from '../sync/sync-service-stand-ins';

// The sync runner is a recorder (what is checked is when the service asks for a sync); the settings are the real file.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wren-interval-'));
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function appCore() {
  const events = new EventBus();
  const settings = new SettingsService(dir, events);
  const runs: SyncJob[] = [];
  const runner: SyncRunner = {
    run: async (job) => {
      runs.push(job);
      return { accountId: job.accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };
    },
    dropConnection: () => undefined,
    watch: () => undefined,
    unwatch: () => undefined,
    close: async () => undefined,
  };
  const sync = new SyncService(standInStore(), runner, standInLogin, new AccountStatusBoard(events), events, {
    intervalMs: 5 * 60_000,
    intervalFor: (id) => settings.forAccount(id).checkIntervalMinutes * 60_000,
  });
  events.on('settings.changed', ({ settings: next, previous }) => applyAccountSettings(sync, next, previous));
  return { settings, sync, runs };
}

describe('the check interval, a setting that takes effect at once', () => {
  it('waits the account\'s own interval between background checks', async () => {
    const { settings, sync, runs } = appCore();
    settings.update({ accounts: { '1': { checkIntervalMinutes: 2 } } });
    await sync.run(1, false);
    await vi.advanceTimersByTimeAsync(2 * 60_000 - 1000);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
    await sync.stop();
  });

  it('re-arms the timer of an account waiting for its next check when its interval changes', async () => {
    const { settings, sync, runs } = appCore();
    await sync.run(1, false);
    await vi.advanceTimersByTimeAsync(60_000);
    settings.update({ accounts: { '1': { checkIntervalMinutes: 1 } } });
    await vi.advanceTimersByTimeAsync(60_000 - 1000);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
    await sync.stop();
  });

  it('leaves other settings\' changes alone (no extra sync)', async () => {
    const { settings, sync, runs } = appCore();
    await sync.run(1, false);
    settings.update({ app: { theme: 'dark' }, accounts: { '1': { saveSentCopy: false } } });
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1000);
    expect(runs).toHaveLength(1);
    await sync.stop();
  });
});
