import type { AccountState, FolderError } from '../ipc/contract';
import type { ErrorShape } from '../errors/error-codes';
import type { EventBus } from '../app/event-bus';

export interface AccountStatus {
  state: AccountState;
  error: ErrorShape | null;
  retryAt: number | null;
  /** Coded warnings of the last sync that ended well. */
  warnings?: string[];
  /** Folders the last sync could not open (the server refused them). */
  folderErrors?: FolderError[];
}

/** Live state of each account (syncing, offline…), announced as `account.status` events. */
export class AccountStatusBoard {
  private readonly statuses = new Map<number, AccountStatus>();

  constructor(private readonly events: EventBus) {}

  get(accountId: number): AccountStatus {
    return this.statuses.get(accountId) ?? { state: 'idle', error: null, retryAt: null };
  }

  set(accountId: number, status: AccountStatus): void {
    this.statuses.set(accountId, status);
    this.events.emit('account.status', { accountId, ...status });
  }

  forget(accountId: number): void {
    this.statuses.delete(accountId);
  }
}
