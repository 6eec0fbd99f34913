import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** One UIDL a POP3 account has downloaded (see migration 0007). */
export interface HeldUidl {
  uidl: string;
  /** The local message while it exists; null once it was deleted locally. */
  messageRowId: number | null;
  downloadedAt: number;
  /** Only the headers and first lines (TOP) are stored. */
  partial: boolean;
  /** The local message is in a Trash folder (deleted by the user, not yet for good). */
  inTrash: boolean;
  /** Deleted here while the policy left mail on the server: it stays there whatever the policy now (migration 0049). */
  deletedWhileKept: boolean;
}

/** A held UIDL with what identifies its message across a renumbering: its Message-ID and size. */
export interface StoredUidl {
  uidl: string;
  /** null: the message was deleted here (its record stays so it is not downloaded again). */
  messageRowId: number | null;
  messageId: string;
  size: number;
}

/** What identifies a downloaded message when its UIDL changes. */
export interface UidlIdentity {
  messageId: string | null;
  size: number;
}

type Row = { uidl: string; message_row_id: number | null; downloaded_at: number; partial: number; in_trash: number | null; deleted_while_kept: number };

const fromRow = (row: Row): HeldUidl => ({
  uidl: row.uidl, messageRowId: row.message_row_id, downloadedAt: row.downloaded_at, partial: row.partial === 1, inTrash: row.in_trash === 1, deletedWhileKept: row.deleted_while_kept === 1,
});

/** A held UIDL with where its message is: in a Trash or not. */
const HELD = `SELECT u.account_id, u.uidl, u.message_row_id, u.downloaded_at, u.partial, f.role = 'trash' AS in_trash, u.deleted_while_kept
  FROM pop3_uidls u LEFT JOIN messages m ON m.id = u.message_row_id LEFT JOIN folders f ON f.id = m.folder_id`;

/** The UIDLs each POP3 account holds: written with the message, in its transaction. */
export class Pop3UidlsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  held(accountId: number): Map<string, HeldUidl> {
    const rows = this.statements.get(`${HELD} WHERE u.account_id = ?`).all(accountId) as Row[];
    return new Map(rows.map((row) => [row.uidl, fromRow(row)]));
  }

  record(accountId: number, uidl: string, messageRowId: number, partial: boolean, downloadedAt: number, identity: UidlIdentity): void {
    this.statements
      .get('INSERT INTO pop3_uidls (account_id, uidl, message_row_id, downloaded_at, partial, message_id, size) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(accountId, uidl, messageRowId, downloadedAt, partial ? 1 : 0, identity.messageId, identity.size);
  }

  /** The POP3 record of a local message, if it came from POP3. */
  ofMessage(messageRowId: number): (HeldUidl & { accountId: number }) | undefined {
    const row = this.statements
      .get(`${HELD} WHERE u.message_row_id = ?`)
      .get(messageRowId) as (Row & { account_id: number }) | undefined;
    return row ? { ...fromRow(row), accountId: row.account_id } : undefined;
  }

  /**
   * The policy leaves `keep`: what was deleted here until now (gone, or in a Trash) was deleted under it, and
   * stays on the server (call in the policy change's write, so no check sees the new policy without this).
   */
  keepDeletedOnServer(accountId: number): void {
    this.statements
      .get(`UPDATE pop3_uidls SET deleted_while_kept = 1 WHERE account_id = ? AND (message_row_id IS NULL
              OR message_row_id IN (SELECT m.id FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.role = 'trash'))`)
      .run(accountId);
  }

  /** The whole message is stored now. */
  setComplete(accountId: number, uidl: string): void {
    this.statements.get('UPDATE pop3_uidls SET partial = 0 WHERE account_id = ? AND uidl = ?').run(accountId, uidl);
  }

  /** The server renamed a message's UIDL (it keeps the same message): the record follows it. */
  rename(accountId: number, from: string, to: string): void {
    this.statements.get('UPDATE pop3_uidls SET uidl = ? WHERE account_id = ? AND uidl = ?').run(to, accountId, from);
  }

  /**
   * Held UIDLs the server no longer lists, with what identifies their message
   * across a renumbering (Message-ID and size), whether the message is still
   * stored or was deleted here.
   */
  storedButGone(accountId: number, onServer: ReadonlySet<string>): StoredUidl[] {
    const rows = this.statements
      .get(`SELECT uidl, message_row_id AS messageRowId, message_id AS messageId, size
            FROM pop3_uidls WHERE account_id = ? AND message_id IS NOT NULL AND size IS NOT NULL`)
      .all(accountId) as StoredUidl[];
    return rows.filter((row) => !onServer.has(row.uidl));
  }

  /** The server gave a stored message a new UIDL: the record and the message follow it (call inside a write). */
  adopt(accountId: number, stored: StoredUidl, newUidl: string): void {
    this.rename(accountId, stored.uidl, newUidl);
    if (stored.messageRowId !== null) this.statements.get('UPDATE messages SET uidl = ? WHERE id = ?').run(newUidl, stored.messageRowId);
  }

  /**
   * Forgets UIDLs the server no longer has and no local message holds:
   * nothing can be fetched again under them, so they only cost space.
   */
  forgetGone(accountId: number, onServer: ReadonlySet<string>): number {
    const gone = [...this.held(accountId).values()].filter((held) => held.messageRowId === null && !onServer.has(held.uidl));
    const remove = this.statements.get('DELETE FROM pop3_uidls WHERE account_id = ? AND uidl = ?');
    for (const held of gone) remove.run(accountId, held.uidl);
    return gone.length;
  }
}
