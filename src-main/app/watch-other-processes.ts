import type { AccountStatusBoard } from '../accounts/account-status';
import { AccountWatcher } from '../accounts/account-watcher';
import type { ImapSessions } from '../imap/imap-sessions';
import type { Store } from '../store/store';
import type { SyncService } from '../sync/sync-service';
import type { EventBus } from './event-bus';

/** The parts of the core that follow what another process did to the accounts. */
export interface AccountFollowers {
  store: Store;
  events: EventBus;
  sync: SyncService;
  sessions: ImapSessions;
  status: AccountStatusBoard;
}

/**
 * Accounts another process sharing the data folder (the CLI under a running app) added, removed or gave other
 * connection settings: the app syncs the new ones when `syncAdded` (`wren watch` watches for removals only),
 * lets go of the removed ones' connections, and reconnects the changed ones, as after its own edit
 * (accounts.update). Null when not watched (intervalMs 0).
 */
export function watchOtherProcesses(core: AccountFollowers, options: { intervalMs: number; syncAdded: boolean }): AccountWatcher | null {
  if (!options.intervalMs) return null;
  return new AccountWatcher(core.store, core.events, {
    onAdded: (ids) => (options.syncAdded ? core.sync.start(ids, false) : undefined),
    onRemoved: (ids) =>
      ids.forEach((id) => {
        core.sessions.closeAccount(id);
        core.sync.dropConnection(id);
        core.sync.unwatch(id);
        core.status.forget(id);
      }),
    onChanged: (ids) =>
      ids.forEach((id) => {
        core.sessions.closeAccount(id);
        void core.sync.release(id).then(() => core.sync.start([id], false));
      }),
  }, options.intervalMs);
}
