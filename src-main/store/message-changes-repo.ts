import { AddressBookLearning } from './address-book-learning';
import type { ChangeFeed } from './change-feed';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { flagColumns, flagsOf } from './messages-repo';

/** A cached message as an operation needs it: where it is on the server and its flags. */
export interface MessageLocation {
  id: number;
  folderId: number;
  accountId: number | null;
  /** The account whose server holds the message; null in a local folder (the shared tree, or a POP3 Inbox). */
  serverAccountId: number | null;
  folderPath: string;
  uidvalidity: number | null;
  uid: number | null;
  messageIdHeader: string | null;
  flags: string[];
}

const LOCATION = `SELECT m.id, m.folder_id AS folderId, f.account_id AS accountId, f.path AS folderPath, f.uidvalidity, m.uid,
  m.message_id AS messageIdHeader, m.seen, m.flagged, m.answered, m.draft, m.keywords, f.is_local AS isLocal
  FROM messages m JOIN folders f ON f.id = m.folder_id`;

type LocationRow = Omit<MessageLocation, 'flags' | 'serverAccountId'> & {
  seen: number; flagged: number; answered: number; draft: number; keywords: string; isLocal: number;
};

const toLocation = ({ seen, flagged, answered, draft, keywords, isLocal, ...row }: LocationRow): MessageLocation =>
  ({ ...row, serverAccountId: isLocal ? null : row.accountId, flags: flagsOf({ seen, flagged, answered, draft, keywords }) });

/** The changes a user's operation makes to cached messages (flags, moves, copies, deletions), announced on the feed. */
export class MessageChangesRepo {
  private readonly statements: PreparedStatements;
  private readonly addressBook: AddressBookLearning;

  constructor(private readonly db: Db, private readonly feed: ChangeFeed) {
    this.statements = new PreparedStatements(db);
    this.addressBook = new AddressBookLearning(db);
  }

  locate(ids: number[]): MessageLocation[] {
    const query = this.statements.get(`${LOCATION} WHERE m.id = ?`);
    return ids.map((id) => query.get(id) as LocationRow | undefined).filter((row): row is LocationRow => !!row).map(toLocation);
  }

  /** The rows of a folder with this Message-ID, by UID (rows without one last). */
  withMessageId(folderId: number, messageId: string): MessageLocation[] {
    const sql = `${LOCATION} WHERE m.folder_id = ? AND m.message_id = ? ORDER BY m.uid IS NULL, m.uid`;
    return (this.statements.get(sql).all(folderId, messageId) as LocationRow[]).map(toLocation);
  }

  /** The row of a folder with this UID, if it is cached. */
  atUid(folderId: number, uid: number): MessageLocation | undefined {
    const row = this.statements.get(`${LOCATION} WHERE m.folder_id = ? AND m.uid = ?`).get(folderId, uid) as LocationRow | undefined;
    return row && toLocation(row);
  }

  /** Every message of a folder, or only the unread ones. */
  inFolder(folderId: number, onlyUnread: boolean): MessageLocation[] {
    const sql = `${LOCATION} WHERE m.folder_id = ?${onlyUnread ? ' AND m.seen = 0' : ''} ORDER BY m.uid`;
    return (this.statements.get(sql).all(folderId) as LocationRow[]).map(toLocation);
  }

  /** When each message was sent, as the list shows it (the Date header, else its arrival): where Archive files it by year or month. */
  sentDates(ids: number[]): Map<number, number> {
    const query = this.statements.pluck('SELECT sort_date FROM messages WHERE id = ?');
    return new Map(ids.map((id) => [id, (query.get(id) as number | undefined) ?? 0]));
  }

  setFlags(id: number, flags: string[]): void {
    const row = this.statements
      .get('UPDATE messages SET seen = @seen, flagged = @flagged, answered = @answered, draft = @draft, keywords = @keywords WHERE id = @id RETURNING folder_id')
      .get({ id, ...flagColumns(flags) }) as { folder_id: number } | undefined;
    if (row) this.noteChanged(row.folder_id, [id]);
  }

  /** The row keeps its identity (body, parts) in its new folder; its UID there comes with the replay. */
  move(id: number, folderId: number, uid: number | null): void {
    const from = this.statements.pluck('SELECT folder_id FROM messages WHERE id = ?').get(id) as number | undefined;
    if (from === undefined) return;
    this.statements.get('UPDATE messages SET folder_id = ?, uid = ? WHERE id = ?').run(folderId, uid, id);
    this.noteChanged(from, [id]);
    this.noteChanged(folderId, [id]);
  }

  /** A copy of the row (with its cached body and parts) in another folder, without UID until the replay. */
  copy(id: number, folderId: number): number {
    const copyId = this.statements
      .pluck(
        `INSERT INTO messages (folder_id, uid, uidl, message_id, in_reply_to, subject, from_name, from_addr, to_json, cc_json, date,
           internal_date, sort_date, size, seen, flagged, answered, draft, keywords, has_attachments, structure_json, modseq, body_state, thread_root, priority)
         SELECT ?, NULL, NULL, message_id, in_reply_to, subject, from_name, from_addr, to_json, cc_json, date, internal_date, sort_date,
           size, seen, flagged, answered, draft, keywords, has_attachments, structure_json, NULL, body_state, thread_root, priority FROM messages WHERE id = ?
         RETURNING id`,
      )
      .get(folderId, id) as number;
    this.addressBook.learnStored(copyId);
    this.statements.get('INSERT INTO message_bodies (message_id, text, html, warnings_json, fetched_at) SELECT ?, text, html, warnings_json, fetched_at FROM message_bodies WHERE message_id = ?').run(copyId, id);
    this.statements.get('INSERT INTO message_parts (message_id, part_id, blob, size) SELECT ?, part_id, blob, size FROM message_parts WHERE message_id = ?').run(copyId, id);
    this.statements.get('INSERT INTO message_sources (message_id, blob, size) SELECT ?, blob, size FROM message_sources WHERE message_id = ?').run(copyId, id);
    this.statements.get('INSERT INTO message_header_blocks (message_id, block) SELECT ?, block FROM message_header_blocks WHERE message_id = ?').run(copyId, id);
    this.noteChanged(folderId, [copyId]);
    return copyId;
  }

  /** What an APPEND of the row needs besides its source: its flags now and its arrival time. */
  appendable(id: number): { flags: string[]; internalDate: number | null } | undefined {
    const row = this.statements
      .get('SELECT seen, flagged, answered, draft, keywords, coalesce(internal_date, date) AS internalDate FROM messages WHERE id = ?')
      .get(id) as { seen: number; flagged: number; answered: number; draft: number; keywords: string; internalDate: number | null } | undefined;
    return row ? { flags: flagsOf(row), internalDate: row.internalDate } : undefined;
  }

  /** The blob files the rows' sources and parts name (to release once the rows are gone). */
  blobsOf(ids: number[]): string[] {
    const named = this.statements.pluck('SELECT blob FROM message_sources WHERE message_id = ? UNION SELECT blob FROM message_parts WHERE message_id = ?');
    return ids.flatMap((id) => named.all(id, id) as string[]);
  }

  remove(ids: number[]): void {
    const remove = this.statements.get('DELETE FROM messages WHERE id = ? RETURNING folder_id');
    for (const id of ids) {
      const row = remove.get(id) as { folder_id: number } | undefined;
      if (row) this.noteChanged(row.folder_id, [id]);
    }
  }

  /**
   * Gives a moved or copied row the UID the server gave it in that folder, if
   * the row is still there (not moved on since); a row already fetched under
   * that UID meanwhile wins.
   */
  setUid(id: number, uid: number, accountId: number, folderPath: string): void {
    const row = this.statements
      .get(
        `UPDATE OR IGNORE messages SET uid = ? WHERE id = ? AND uid IS NULL
           AND folder_id = (SELECT id FROM folders WHERE account_id = ? AND path = ?) RETURNING folder_id`,
      )
      .get(uid, id, accountId, folderPath) as { folder_id: number } | undefined;
    if (row) this.noteChanged(row.folder_id, [id]);
  }

  private noteChanged(folderId: number, ids: number[]): void {
    this.feed.note({ entity: 'messages', folderId, ids });
    const accountId = this.statements.pluck('SELECT account_id FROM folders WHERE id = ?').get(folderId) as number | null;
    this.feed.note({ entity: 'folders', accountId, ids: [folderId] });
  }
}
