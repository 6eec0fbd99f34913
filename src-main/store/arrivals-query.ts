import type { Address } from '../ipc/contract';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

export interface Arrival {
  id: number;
  from: Address;
  subject: string;
}

/**
 * What a sync added to a folder: rows are numbered in insertion order, so the
 * messages stored by a sync are those above the folder's highest id before it.
 */
export class ArrivalsQuery {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  lastId(folderId: number): number {
    return (this.statements.pluck('SELECT coalesce(max(id), 0) FROM messages WHERE folder_id = ?').get(folderId) as number) ?? 0;
  }

  /**
   * Unread messages stored after `afterId` (with a UID from `fromUid` on, when given), newest first: one already read elsewhere is no news. Newest by
   * UID where the server gave one (a sync stores its newest batch of headers first), else by arrival.
   */
  unseenAfter(folderId: number, afterId: number, fromUid: number | null = null): Arrival[] {
    const rows = this.statements
      .get(`SELECT id, subject, from_name, from_addr FROM messages
            WHERE folder_id = ? AND id > ? AND seen = 0 AND (uid IS NULL OR uid >= ?) ORDER BY uid IS NULL, uid DESC, id DESC`)
      .all(folderId, afterId, fromUid ?? 0) as { id: number; subject: string; from_name: string; from_addr: string }[];
    return rows.map((row) => ({ id: row.id, subject: row.subject, from: { name: row.from_name, address: row.from_addr } }));
  }
}
