import type { Db } from './open-database';

export interface PendingFlagChange {
  id: number;
  messageId: number;
  folderPath: string;
  uid: number;
  flag: string;
  value: boolean;
}

/** The queue of flag changes the server has not confirmed yet. */
export class PendingFlagsRepo {
  constructor(private readonly db: Db) {}

  add(messageId: number, flag: string, value: boolean): void {
    // Only the latest wish per message and flag matters.
    this.db.prepare('DELETE FROM pending_flag_changes WHERE message_id = ? AND flag = ?').run(messageId, flag);
    this.db.prepare('INSERT INTO pending_flag_changes (message_id, flag, value, created_at) VALUES (?, ?, ?, ?)').run(messageId, flag, value ? 1 : 0, Date.now());
  }

  forAccount(accountId: number): PendingFlagChange[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.message_id AS messageId, f.path AS folderPath, m.uid, p.flag, p.value
         FROM pending_flag_changes p JOIN messages m ON m.id = p.message_id JOIN folders f ON f.id = m.folder_id
         WHERE f.account_id = ? AND m.uid IS NOT NULL ORDER BY p.id`,
      )
      .all(accountId) as (Omit<PendingFlagChange, 'value'> & { value: number })[];
    return rows.map((row) => ({ ...row, value: row.value === 1 }));
  }

  done(ids: number[]): void {
    const remove = this.db.prepare('DELETE FROM pending_flag_changes WHERE id = ?');
    for (const id of ids) remove.run(id);
  }
}
