import type { EventBus } from '../app/event-bus';
import type { AccountRecord } from '../store/accounts-repo';
import type { Store } from '../store/store';

export interface AccountWatcherHooks {
  /** Accounts another process added: the app syncs them. */
  onAdded(ids: number[]): void;
  /** Accounts another process removed: the app lets go of their connections. */
  onRemoved(ids: number[]): void;
  /** Accounts whose servers, user, password or trust another process changed: connections opened with the old ones go. */
  onChanged(ids: number[]): void;
}

/** What an account's connections were opened with: a new password is a new sealed secret, so its id says it changed. */
function connectionOf(account: AccountRecord): string {
  const { incoming, smtp, passwordSecretId, trustedCertSha256, smtpTrustedCertSha256, allowPlaintext } = account;
  return JSON.stringify([incoming, smtp, passwordSecretId, trustedCertSha256, smtpTrustedCertSha256, allowPlaintext]);
}

/**
 * Notices accounts added, removed or given other connection settings by
 * another process sharing the data folder (the CLI while the app runs) and
 * announces them as the store's own changes are. SQLite's `data_version` moves only when another connection
 * commits, so each poll costs one pragma unless something happened.
 */
export class AccountWatcher {
  /** Each account's connection settings, by id. */
  private known: Map<number, string>;
  private version: number;
  private readonly timer: NodeJS.Timeout;
  private readonly offFeed: () => void;

  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
    private readonly hooks: AccountWatcherHooks,
    intervalMs: number,
  ) {
    this.known = this.accountIds();
    this.version = this.dataVersion();
    // This process's own adds and removes are announced by the feed (and handled by their handlers).
    this.offFeed = store.feed.onChanges((changes) => {
      if (changes.some((change) => change.entity === 'accounts')) this.known = this.accountIds();
    });
    this.timer = setInterval(() => this.poll(), intervalMs);
    this.timer.unref();
  }

  /** Compares the accounts with the last known ones if another connection wrote since the last look. */
  poll(): void {
    if (!this.store.db.open) return;
    const version = this.dataVersion();
    if (version === this.version) return;
    this.version = version;
    const current = this.accountIds();
    const added = [...current.keys()].filter((id) => !this.known.has(id));
    const removed = [...this.known.keys()].filter((id) => !current.has(id));
    const changed = [...current].filter(([id, connection]) => this.known.has(id) && this.known.get(id) !== connection).map(([id]) => id);
    this.known = current;
    if (added.length === 0 && removed.length === 0 && changed.length === 0) return;
    this.events.emit('store.changed', { changes: [{ entity: 'accounts', ids: [...added, ...removed, ...changed] }] });
    if (removed.length > 0) this.hooks.onRemoved(removed);
    if (added.length > 0) this.hooks.onAdded(added);
    if (changed.length > 0) this.hooks.onChanged(changed);
  }

  stop(): void {
    clearInterval(this.timer);
    this.offFeed();
  }

  private accountIds(): Map<number, string> {
    return new Map(this.store.accounts.list().map((account) => [account.id, connectionOf(account)]));
  }

  private dataVersion(): number {
    return this.store.db.pragma('data_version', { simple: true }) as number;
  }
}
