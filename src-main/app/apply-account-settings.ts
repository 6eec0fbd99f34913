import { accountSettings, type BodyDownload, type Settings } from '../settings/settings-schema';
import type { SyncService } from '../sync/sync-service';

/** Settings of accounts that take effect in the core: a changed check interval re-arms that account's timer. */
export function applyAccountSettings(sync: Pick<SyncService, 'rearm'>, settings: Settings, previous: Settings): void {
  for (const id of Object.keys(settings.accounts)) {
    const accountId = Number(id);
    if (accountSettings(settings, accountId).checkIntervalMinutes !== accountSettings(previous, accountId).checkIntervalMinutes) sync.rearm(accountId);
  }
}

const DAY_MS = 24 * 60 * 60_000;

/** What a sync downloads for offline reading under the account's body download setting; read at each sync, so a change applies to the next. */
export function bodiesToKeep(policy: BodyDownload, now: number): { bodies: boolean; since?: number } {
  if (policy.mode === 'all') return { bodies: true };
  if (policy.mode === 'recent') return { bodies: true, since: now - policy.days * DAY_MS };
  return { bodies: false };
}
