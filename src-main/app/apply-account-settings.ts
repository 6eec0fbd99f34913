import { accountSettings, type Settings } from '../settings/settings-schema';
import type { SyncService } from '../sync/sync-service';

/** Settings of accounts that take effect in the core: a changed check interval re-arms that account's timer. */
export function applyAccountSettings(sync: Pick<SyncService, 'rearm'>, settings: Settings, previous: Settings): void {
  for (const id of Object.keys(settings.accounts)) {
    const accountId = Number(id);
    if (accountSettings(settings, accountId).checkIntervalMinutes !== accountSettings(previous, accountId).checkIntervalMinutes) sync.rearm(accountId);
  }
}
