import type { ChangeFeed } from './change-feed';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { LOCAL_DELIMITER } from './local-folders-repo';
import type { FolderRole, FolderView } from '../ipc/contract';
import type { ServerFolder } from '../sync/server-folder';


/** Where a deleted local message goes: its POP3 account's Trash, or the Local Folders' Trash (made on first use). */
export const LOCAL_TRASH = 'Trash';
/** Where archived local messages go, the same way (Thunderbird's name for it). */
export const LOCAL_ARCHIVE = 'Archives';
/** Where local mail marked junk goes, the same way. */
export const LOCAL_JUNK = 'Junk';

export interface FolderRecord extends FolderView {
  /** The server's hierarchy delimiter ("/", "."), null for a flat server; LOCAL_DELIMITER for folders kept here only. */
  delimiter: string | null;
  uidvalidity: number | null;
  uidnext: number | null;
  highestmodseq: number | null;
  lastSyncedAt: number | null;
  /** Kept here only (the shared Local Folders, or a POP3 account's Inbox): never on a server. */
  isLocal: boolean;
}

export interface FolderSyncState {
  uidvalidity: number;
  uidnext: number | null;
  highestmodseq: number | null;
}

const SELECT = `SELECT id, account_id AS accountId, parent_id AS parentId, path, name, delimiter, role, selectable, subscribed,
  total_count AS total, unread_count AS unread, uidvalidity, uidnext, highestmodseq, last_synced_at AS lastSyncedAt, is_local AS isLocal
  FROM folders`;

type FolderRow = Omit<FolderRecord, 'selectable' | 'subscribed' | 'isLocal'> & { selectable: number; subscribed: number; isLocal: number };

function fromRow(row: FolderRow): FolderRecord {
  return { ...row, selectable: row.selectable === 1, subscribed: row.subscribed === 1, isLocal: row.isLocal === 1 };
}


/** Inbox first, then the special folders in the order mail clients show them, then by name. */
const ROLE_ORDER = `CASE role WHEN 'inbox' THEN 0 WHEN 'drafts' THEN 1 WHEN 'sent' THEN 2 WHEN 'archive' THEN 3
  WHEN 'junk' THEN 4 WHEN 'trash' THEN 5 ELSE 9 END`;

export class FoldersRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db, private readonly feed: ChangeFeed) {
    this.statements = new PreparedStatements(db);
  }

  list(accountId: number): FolderRecord[] {
    const rows = this.statements.get(`${SELECT} WHERE account_id = ? ORDER BY ${ROLE_ORDER}, path COLLATE NOCASE`).all(accountId);
    return (rows as FolderRow[]).map(fromRow);
  }

  get(id: number): FolderRecord | undefined {
    const row = this.statements.get(`${SELECT} WHERE id = ?`).get(id) as FolderRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * Makes the account's folder list match the server's: adds new folders,
   * updates roles and flags, links parents, and drops folders the server no
   * longer has (with their cached messages, which the server dropped too).
   */
  replaceRemote(accountId: number, remote: ServerFolder[]): void {
    // Folders kept only here (a POP3 account's Inbox, Sent, Drafts and its own) are on no server's list: never gone.
    const existing = new Map(this.list(accountId).filter((f) => !f.isLocal).map((f) => [f.path, f.id]));
    const upsert = this.statements.get(
      `INSERT INTO folders (account_id, path, name, delimiter, role, selectable, subscribed)
       VALUES (@accountId, @path, @name, @delimiter, @role, @selectable, @subscribed)
       ON CONFLICT (ifnull(account_id, 0), path) DO UPDATE SET name = excluded.name, delimiter = excluded.delimiter,
         role = excluded.role, selectable = excluded.selectable, subscribed = excluded.subscribed`,
    );
    const ids = new Map<string, number>();
    for (const folder of remote) {
      upsert.run({ accountId, ...folder, selectable: folder.selectable ? 1 : 0, subscribed: folder.subscribed ? 1 : 0 });
      const row = this.statements.get('SELECT id FROM folders WHERE account_id = ? AND path = ?').get(accountId, folder.path) as { id: number };
      ids.set(folder.path, row.id);
    }
    const setParent = this.statements.get('UPDATE folders SET parent_id = ? WHERE id = ?');
    for (const folder of remote) {
      setParent.run(folder.parentPath ? ids.get(folder.parentPath) ?? null : null, ids.get(folder.path));
    }
    const gone = [...existing].filter(([path]) => !ids.has(path)).map(([, id]) => id);
    const remove = this.statements.get('DELETE FROM folders WHERE id = ?');
    for (const id of gone) remove.run(id);
    this.feed.note({ entity: 'folders', accountId, ids: [...ids.values(), ...gone] });
  }

  /**
   * A folder of the account kept only here (a POP3 account's Inbox, Sent, Drafts, Trash), or with
   * `accountId` null one of the shared Local Folders (their Trash): created once with is_local = 1;
   * replaceRemote with the same path leaves it be. A folder the user made at that path before it had a
   * role ("Trash") takes the role rather than standing beside a second one.
   */
  ensureLocal(accountId: number | null, path: string, name: string, role: FolderRole): number {
    const existing = this.statements.get('SELECT id, role FROM folders WHERE ifnull(account_id, 0) = ifnull(?, 0) AND path = ?').get(accountId, path) as
      | { id: number; role: FolderRole | null }
      | undefined;
    if (existing !== undefined) {
      if (existing.role === null) {
        this.statements.get('UPDATE folders SET role = ? WHERE id = ?').run(role, existing.id);
        this.feed.note({ entity: 'folders', accountId, ids: [existing.id] });
      }
      return existing.id;
    }
    // Kept here only, the shared Local Folders and a POP3 account's alike nest with LOCAL_DELIMITER (a folder deleted into Trash goes below it).
    const id = this.statements
      .pluck('INSERT INTO folders (account_id, path, name, is_local, role, delimiter) VALUES (?, ?, ?, 1, ?, ?) RETURNING id')
      .get(accountId, path, name, role, LOCAL_DELIMITER) as number;
    this.feed.note({ entity: 'folders', accountId, ids: [id] });
    return id;
  }

  /**
   * The server renamed a folder: it and every folder below it take the new
   * path in place, so their cached messages and sync state stay theirs.
   */
  renamePath(accountId: number, from: string, to: string, delimiter: string | null): void {
    const below = delimiter ? `${from}${delimiter}` : null;
    const moved = this.list(accountId).filter((f) => f.path === from || (below !== null && f.path.startsWith(below)));
    const update = this.statements.get('UPDATE folders SET path = ?, name = ? WHERE id = ?');
    for (const folder of moved) {
      const path = to + folder.path.slice(from.length);
      update.run(path, folder.path === from ? lastSegment(to, delimiter) : folder.name, folder.id);
    }
    this.feed.note({ entity: 'folders', accountId, ids: moved.map((f) => f.id) });
  }

  /** The folder now sits under another one (moved into Trash); its own subfolders keep their parent. */
  setParent(folderId: number, parentId: number | null): void {
    const folder = this.get(folderId);
    this.statements.get('UPDATE folders SET parent_id = ? WHERE id = ?').run(parentId, folderId);
    this.feed.note({ entity: 'folders', accountId: folder?.accountId ?? null, ids: [folderId] });
  }

  /** The same, as a record (a POP3 account's Drafts, Sent or Trash, or the Local Folders' Trash, created on first use). */
  ensureLocalFolder(accountId: number | null, path: string, role: FolderRole): FolderRecord {
    return this.get(this.ensureLocal(accountId, path, path, role))!;
  }

  /**
   * A folder made here before the server has it (the journal creates it there):
   * subscribed and able to hold mail, as a created folder is on the server.
   * `keptHere`: a folder of an account without server folders (POP3), kept only here.
   */
  addLocalFirst(accountId: number, folder: { path: string; name: string; parentId: number | null; delimiter: string | null }, keptHere = false): FolderRecord {
    const id = this.statements
      .pluck(
        `INSERT INTO folders (account_id, parent_id, path, name, delimiter, selectable, subscribed, is_local)
         VALUES (?, ?, ?, ?, ?, 1, 1, ?) RETURNING id`,
      )
      .get(accountId, folder.parentId, folder.path, folder.name, folder.delimiter, keptHere ? 1 : 0) as number;
    this.feed.note({ entity: 'folders', accountId, ids: [id] });
    return this.get(id)!;
  }

  /** Removes a folder here (the journal deletes it on the server); its cached mail and subfolders go with it. */
  remove(folderId: number): void {
    const folder = this.get(folderId);
    this.statements.get('DELETE FROM folders WHERE id = ?').run(folderId);
    this.feed.note({ entity: 'folders', accountId: folder?.accountId ?? null, ids: [folderId] });
  }

  setSubscribed(folderId: number, subscribed: boolean): void {
    const folder = this.get(folderId);
    this.statements.get('UPDATE folders SET subscribed = ? WHERE id = ?').run(subscribed ? 1 : 0, folderId);
    this.feed.note({ entity: 'folders', accountId: folder?.accountId ?? null, ids: [folderId] });
  }

  /** The shared Local Folders (no account), parents before children. */
  listLocal(): FolderRecord[] {
    const rows = this.statements.get(`${SELECT} WHERE account_id IS NULL ORDER BY path COLLATE NOCASE`).all();
    return (rows as FolderRow[]).map(fromRow);
  }

  byPath(accountId: number | null, path: string): FolderRecord | undefined {
    const row = this.statements.get(`${SELECT} WHERE ifnull(account_id, 0) = ifnull(?, 0) AND path = ?`).get(accountId, path) as FolderRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * The account now points at another mailbox (another user or server): every cached folder state is
   * the old mailbox's, and its UIDVALIDITY may well equal the new one's (Dovecot's for mailboxes made
   * in the same second, or a server's fixed one). A value no server gives (they are non-zero unsigned)
   * makes the next sync take each folder as renumbered: its cached messages go, it is fetched anew.
   */
  forgetMailboxState(accountId: number): void {
    this.statements
      .get('UPDATE folders SET uidvalidity = -1, uidnext = NULL, highestmodseq = NULL WHERE account_id = ? AND uidvalidity IS NOT NULL')
      .run(accountId);
  }

  setSyncState(folderId: number, state: FolderSyncState): void {
    this.statements
      .get('UPDATE folders SET uidvalidity = ?, uidnext = ?, highestmodseq = ?, last_synced_at = ? WHERE id = ?')
      .run(state.uidvalidity, state.uidnext, state.highestmodseq, Date.now(), folderId);
  }

  /**
   * The next sync compares every cached flag of these folders with the
   * server's instead of asking for changes since the last MODSEQ: a change
   * made here and refused there would otherwise never be noticed.
   */
  forgetModseq(accountId: number, paths: string[]): void {
    const forget = this.statements.get('UPDATE folders SET highestmodseq = NULL WHERE account_id = ? AND path = ?');
    for (const path of paths) forget.run(accountId, path);
  }
}

function lastSegment(path: string, delimiter: string | null): string {
  return delimiter ? path.slice(path.lastIndexOf(delimiter) + delimiter.length) : path;
}
