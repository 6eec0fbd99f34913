import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

export interface PendingAppend {
  messageRowId: number;
  accountId: number;
  folderPath: string;
}

/** Drafts stored locally that the server has not got yet (see migration 0010). */
export class PendingAppendsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  add(entry: PendingAppend): void {
    this.statements
      .get('INSERT INTO pending_appends (message_row_id, account_id, folder_path, created_at) VALUES (?, ?, ?, ?)')
      .run(entry.messageRowId, entry.accountId, entry.folderPath, Date.now());
  }

  forAccount(accountId: number): PendingAppend[] {
    return this.statements
      .get('SELECT message_row_id AS messageRowId, account_id AS accountId, folder_path AS folderPath FROM pending_appends WHERE account_id = ? ORDER BY created_at')
      .all(accountId) as PendingAppend[];
  }

  has(messageRowId: number): boolean {
    return this.statements.get('SELECT 1 FROM pending_appends WHERE message_row_id = ?').get(messageRowId) !== undefined;
  }

  /** The draft was moved (to Trash): its APPEND goes there. */
  retarget(messageRowId: number, folderPath: string): void {
    this.statements.get('UPDATE pending_appends SET folder_path = ? WHERE message_row_id = ?').run(folderPath, messageRowId);
  }

  remove(messageRowId: number): void {
    this.statements.get('DELETE FROM pending_appends WHERE message_row_id = ?').run(messageRowId);
  }
}
