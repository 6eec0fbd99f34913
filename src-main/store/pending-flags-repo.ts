import type { Db } from './open-database';

/** A flag change the server has not confirmed yet, naming its message as the server did when it was made. */
export interface PendingFlagChange {
  id: number;
  folderId: number;
  folderPath: string;
  /** The folder's UIDVALIDITY the UID belongs to. */
  uidvalidity: number | null;
  uid: number;
  /** The Message-ID header (<...>), to find the message again if the folder was renumbered. */
  messageIdHeader: string | null;
  flag: string;
  value: boolean;
}

/** The queue of flag changes the server has not confirmed yet. */
export class PendingFlagsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Queues a change of a cached message on a server, with the folder's
   * current UIDVALIDITY and the message's UID and Message-ID. A message with
   * no copy on a server (no UID, or a local folder) has nothing to send:
   * returns false.
   */
  add(messageId: number, flag: string, value: boolean): boolean {
    // Only the latest wish per message and flag matters.
    this.db.prepare('DELETE FROM pending_flag_changes WHERE message_id = ? AND flag = ?').run(messageId, flag);
    const queued = this.db
      .prepare(
        `INSERT INTO pending_flag_changes (message_id, folder_id, uidvalidity, uid, message_id_header, flag, value, created_at)
         SELECT m.id, m.folder_id, f.uidvalidity, m.uid, m.message_id, ?, ?, ?
         FROM messages m JOIN folders f ON f.id = m.folder_id
         WHERE m.id = ? AND m.uid IS NOT NULL AND f.account_id IS NOT NULL`,
      )
      .run(flag, value ? 1 : 0, Date.now(), messageId);
    return queued.changes > 0;
  }

  forAccount(accountId: number): PendingFlagChange[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.folder_id AS folderId, f.path AS folderPath, p.uidvalidity, p.uid, p.message_id_header AS messageIdHeader,
           p.flag, p.value
         FROM pending_flag_changes p JOIN folders f ON f.id = p.folder_id
         WHERE f.account_id = ? ORDER BY p.id`,
      )
      .all(accountId) as (Omit<PendingFlagChange, 'value'> & { value: number })[];
    return rows.map((row) => ({ ...row, value: row.value === 1 }));
  }

  done(ids: number[]): void {
    const remove = this.db.prepare('DELETE FROM pending_flag_changes WHERE id = ?');
    for (const id of ids) remove.run(id);
  }
}
