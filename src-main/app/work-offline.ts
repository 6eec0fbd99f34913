import { WrenError } from '../errors/wren-error';
import type { Settings } from '../settings/settings-schema';
import type { ImapSessions } from '../imap/imap-sessions';
import type { SyncService } from '../sync/sync-service';

/** What going offline and back touches. */
export interface WorkOfflineParts {
  sync: SyncService;
  sessions: ImapSessions;
  /** Works through the outboxes now, messages held back by a network fault included. */
  sendWhatWaits(): void;
}

/**
 * Thunderbird's Work Offline (`app.workOffline`, the toolbar's Work Offline, or `wren settings set
 * app.workOffline true`): no connection to any server until it is turned off. Everything a user does
 * still happens here at once, journaled as ever; mail to send waits in the outbox, drafts stay local,
 * and a body not yet downloaded says so. Every login passes through `check` first, so nothing a later
 * feature adds can connect around it. Turning it off syncs every account (the app), which replays the
 * journal, sends the outbox and restarts push.
 */
export class WorkOffline {
  constructor(private readonly settings: () => Settings) {}

  get active(): boolean {
    return this.settings().app.workOffline;
  }

  /** The fault to report instead of connecting, or null when online. */
  fault(): WrenError | null {
    return this.active ? workingOfflineError() : null;
  }

  /** Throws WorkingOffline when the user works offline: called before every login. */
  check(): void {
    const fault = this.fault();
    if (fault) throw fault;
  }

  /** Applies a change of the setting (settings.changed, also from the CLI's edit of the file under a running app). */
  apply(settings: Settings, previous: Settings, parts: WorkOfflineParts): void {
    const now = settings.app.workOffline;
    if (now === previous.app.workOffline) return;
    if (now) {
      parts.sync.goOffline(workingOfflineError());
      parts.sessions.closeAll();
    } else {
      parts.sync.goOnline();
      parts.sendWhatWaits();
    }
  }
}

export function workingOfflineError(): WrenError {
  return new WrenError('WorkingOffline', 'Wren is working offline: it connects to no server until Work Offline is turned off (app.workOffline).');
}
