import type { AccountQuota, QuotaUsage } from '../ipc/contract';
import type { ServerQuota } from '../sync/server-quota';
import type { ChangeFeed } from './change-feed';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

interface QuotaRow {
  account_id: number;
  storage_used: number | null;
  storage_limit: number | null;
  messages_used: number | null;
  messages_limit: number | null;
  checked_at: number;
}

const usage = (used: number | null, limit: number | null): QuotaUsage | null => (limit === null ? null : { used: used ?? 0, limit });

function fromRow(row: QuotaRow): AccountQuota {
  return { storage: usage(row.storage_used, row.storage_limit), messages: usage(row.messages_used, row.messages_limit), checkedAt: row.checked_at };
}

const sameUsage = (a: QuotaUsage | null, b: QuotaUsage | null) => a?.used === b?.used && a?.limit === b?.limit;

/** Each account's quota on its server as the last sync read it (see migration 0031). */
export class AccountQuotasRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db, private readonly feed: ChangeFeed) {
    this.statements = new PreparedStatements(db);
  }

  get(accountId: number): AccountQuota | null {
    const row = this.statements.get('SELECT * FROM account_quotas WHERE account_id = ?').get(accountId) as QuotaRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every account's, by id (the accounts' list reads them all at once). */
  all(): Map<number, AccountQuota> {
    const rows = this.statements.get('SELECT * FROM account_quotas').all() as QuotaRow[];
    return new Map(rows.map((row) => [row.account_id, fromRow(row)]));
  }

  /**
   * Keeps a sync's reading; null: the server sets none (any earlier row goes). The accounts are
   * announced as changed only when a figure moved, not on every sync that merely read it again.
   */
  save(accountId: number, quota: ServerQuota | null, checkedAt: number): void {
    const before = this.get(accountId);
    if (!quota) {
      if (!before) return;
      this.statements.get('DELETE FROM account_quotas WHERE account_id = ?').run(accountId);
    } else {
      this.statements
        .get(
          `INSERT INTO account_quotas (account_id, storage_used, storage_limit, messages_used, messages_limit, checked_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(account_id) DO UPDATE SET storage_used = excluded.storage_used, storage_limit = excluded.storage_limit,
             messages_used = excluded.messages_used, messages_limit = excluded.messages_limit, checked_at = excluded.checked_at`,
        )
        .run(accountId, quota.storage?.used ?? null, quota.storage?.limit ?? null, quota.messages?.used ?? null, quota.messages?.limit ?? null, checkedAt);
      if (before && sameUsage(before.storage, quota.storage) && sameUsage(before.messages, quota.messages)) return;
    }
    this.feed.note({ entity: 'accounts', ids: [accountId] });
  }
}
