import { AddressBookLearning, addressList, type AddressesOfMessage } from './address-book-learning';
import type { ChangeFeed } from './change-feed';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import type { Address, MessageSummary } from '../ipc/contract';
import { FolderPage, type FolderPageAnswer, type NeighbourQuery } from './folder-page';
import { DEFAULT_LIST_SORT, type ListFilter, type ListSort } from '../ipc/contract-constants';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';
import type { StructurePart } from '../mime/structure';
import { priorityLevel, type MessagePriority } from '../mime/message-priority';

/** The header fields a sync stores for one message. */
export interface HeaderRecord {
  uid: number | null;
  uidl: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  /** The first Message-ID of References (see HeaderFields.threadRoot). */
  threadRoot: string | null;
  /** Absent: normal (a row the composer stores, one a test makes). */
  priority?: MessagePriority;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  date: number | null;
  internalDate: number | null;
  size: number;
  flags: string[];
  hasAttachments: boolean;
  structure: StructurePart | null;
  modseq: number | null;
}

export interface MessageRecord extends MessageSummary {
  accountId: number | null;
  folderPath: string;
  to: Address[];
  cc: Address[];
  messageId: string | null;
  flags: string[];
  structure: StructurePart | null;
  bodyState: 'none' | 'text' | 'full';
}

export interface FlagUpdate {
  uid: number;
  flags: string[];
  modseq: number | null;
}

const SYSTEM_FLAGS: Record<string, string> = { '\\Seen': 'seen', '\\Flagged': 'flagged', '\\Answered': 'answered', '\\Draft': 'draft' };

/**
 * \Recent belongs to one IMAP session (the first to see a new message), not
 * to the message: it is neither stored nor shown.
 */
function isSessionFlag(flag: string): boolean {
  return flag.toLowerCase() === '\\recent';
}

/** Splits IMAP flags into the indexed columns and the remaining keywords. */
export function flagColumns(flags: string[]) {
  const set = new Set(flags);
  return {
    seen: set.has('\\Seen') ? 1 : 0,
    flagged: set.has('\\Flagged') ? 1 : 0,
    answered: set.has('\\Answered') ? 1 : 0,
    draft: set.has('\\Draft') ? 1 : 0,
    keywords: flags.filter((f) => !(f in SYSTEM_FLAGS) && !isSessionFlag(f)).join(' '),
  };
}

export function flagsOf(row: { seen: number; flagged: number; answered: number; draft: number; keywords: string }): string[] {
  const flags = Object.entries(SYSTEM_FLAGS)
    .filter(([, column]) => row[column as 'seen'] === 1)
    .map(([flag]) => flag);
  return row.keywords ? [...flags, ...row.keywords.split(' ')] : flags;
}

/**
 * The columns a header sync fills, bound by position from messageValues (in
 * this order): binding 23 named values from an object per row cost about as
 * much again as the rest of the JavaScript side of insertHeaders.
 */
const MESSAGE_COLUMNS = [
  'folder_id', 'uid', 'uidl', 'message_id', 'in_reply_to', 'subject', 'from_name', 'from_addr', 'to_json', 'cc_json',
  'date', 'internal_date', 'sort_date', 'size', 'seen', 'flagged', 'answered', 'draft', 'keywords', 'has_attachments', 'structure_json', 'modseq',
  'thread_root', 'priority',
] as const;

const INSERT_MESSAGE = `INSERT INTO messages (${MESSAGE_COLUMNS.join(', ')}) VALUES (${MESSAGE_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (folder_id, uid) WHERE uid IS NOT NULL DO NOTHING
  RETURNING id`;

function messageValues(folderId: number, r: HeaderRecord, sortDate: number, flags: ReturnType<typeof flagColumns>): unknown[] {
  return [
    folderId, r.uid, r.uidl, r.messageId, r.inReplyTo, r.subject, r.from.name, r.from.address, JSON.stringify(r.to), JSON.stringify(r.cc),
    r.date, r.internalDate, sortDate, r.size, flags.seen, flags.flagged, flags.answered, flags.draft, flags.keywords, r.hasAttachments ? 1 : 0,
    r.structure ? JSON.stringify(r.structure) : null, r.modseq, r.threadRoot, priorityLevel(r.priority),
  ];
}

export class MessagesRepo {
  private readonly statements: PreparedStatements;
  private readonly addressBook: AddressBookLearning;

  private readonly folderPage: FolderPage;

  constructor(db: Db, private readonly feed: ChangeFeed) {
    this.statements = new PreparedStatements(db);
    this.folderPage = new FolderPage(db);
    this.addressBook = new AddressBookLearning(db);
  }

  /**
   * Inserts headers; a UID already present only gets its flags refreshed (so
   * a resumed sync never duplicates, nor counts its addresses twice).
   */
  insertHeaders(folderId: number, records: HeaderRecord[]): number[] {
    const insert = this.statements.pluck(INSERT_MESSAGE);
    const refresh = this.statements.pluck(
      `UPDATE messages SET seen = @seen, flagged = @flagged, answered = @answered, draft = @draft, keywords = @keywords, modseq = @modseq
       WHERE folder_id = @folderId AND uid = @uid RETURNING id`,
    );
    const ids: number[] = [];
    const inserted: AddressesOfMessage[] = [];
    for (const r of records) {
      const sortDate = r.date ?? r.internalDate ?? 0;
      const flags = flagColumns(r.flags);
      const id = insert.get(messageValues(folderId, r, sortDate, flags)) as number | undefined;
      if (id !== undefined) {
        ids.push(id);
        inserted.push({ from: r.from, to: r.to, cc: r.cc, sortDate });
      } else {
        ids.push(refresh.get({ folderId, uid: r.uid, modseq: r.modseq, ...flags }) as number);
      }
    }
    this.addressBook.learn(folderId, inserted);
    if (ids.length) this.noteChanged(folderId, ids);
    return ids;
  }

  /** Every message of the folder, oldest stored first. */
  idsIn(folderId: number): number[] {
    return this.statements.pluck('SELECT id FROM messages WHERE folder_id = ? ORDER BY id').all(folderId) as number[];
  }

  uids(folderId: number): number[] {
    return this.statements.pluck('SELECT uid FROM messages WHERE folder_id = ? AND uid IS NOT NULL ORDER BY uid').all(folderId) as number[];
  }

  /** Applies flag changes seen on the server; returns how many rows changed. */
  updateFlags(folderId: number, updates: FlagUpdate[]): number {
    const update = this.statements.get(
      `UPDATE messages SET seen = @seen, flagged = @flagged, answered = @answered, draft = @draft, keywords = @keywords, modseq = @modseq
       WHERE folder_id = @folderId AND uid = @uid AND (seen, flagged, answered, draft, keywords) IS NOT (@seen, @flagged, @answered, @draft, @keywords)
       RETURNING id`,
    );
    const ids: number[] = [];
    for (const u of updates) {
      const row = update.get({ folderId, uid: u.uid, modseq: u.modseq, ...flagColumns(u.flags) }) as { id: number } | undefined;
      if (row) ids.push(row.id);
    }
    if (ids.length) this.noteChanged(folderId, ids);
    return ids.length;
  }

  removeUids(folderId: number, uids: number[]): number {
    const remove = this.statements.get('DELETE FROM messages WHERE folder_id = ? AND uid = ? RETURNING id');
    const ids = uids.map((uid) => (remove.get(folderId, uid) as { id: number } | undefined)?.id).filter((id): id is number => id !== undefined);
    if (ids.length) this.noteChanged(folderId, ids);
    return ids.length;
  }

  /**
   * Removes the rows without UID of a folder on an IMAP server, where every
   * message has one (POP3 and local folders hold such rows legitimately, and
   * so does a draft waiting to be appended, or a message moved here whose
   * journal entry is not replayed yet: from a local folder, its row is the
   * only copy the APPEND can send).
   */
  removeWithoutUid(folderId: number): number {
    const ids = this.statements
      .pluck(
        `DELETE FROM messages WHERE folder_id = ? AND uid IS NULL AND folder_id IN (
           SELECT f.id FROM folders f JOIN accounts a ON a.id = f.account_id WHERE f.is_local = 0 AND a.protocol = 'imap')
           AND id NOT IN (SELECT message_row_id FROM pending_appends)
           AND id NOT IN (
             SELECT coalesce(om.result_row_id, om.message_row_id) FROM operation_messages om JOIN operations o ON o.id = om.operation_id
             WHERE o.state IN ('pending', 'sent') AND coalesce(om.result_row_id, om.message_row_id) IS NOT NULL)
         RETURNING id`,
      )
      .all(folderId) as number[];
    if (ids.length) this.noteChanged(folderId, ids);
    return ids.length;
  }

  /**
   * Drops every cached message of a folder with a UID (its UIDVALIDITY
   * changed). Rows without one are not the server's numbering: a draft or a
   * moved message still to be appended keeps its row (removeWithoutUid sorts them).
   */
  clearFolder(folderId: number): number {
    const ids = this.statements.pluck('DELETE FROM messages WHERE folder_id = ? AND uid IS NOT NULL RETURNING id').all(folderId) as number[];
    if (ids.length) this.noteChanged(folderId, ids);
    return ids.length;
  }

  /**
   * A page of the folder in the user's order (newest first, the default, is served by the (folder_id,
   * sort_date) index), narrowed by the quick filter (then `total` counts what matches). In threads: see
   * ThreadedList.
   */
  page(folderId: number, offset: number, limit: number, sort: ListSort = DEFAULT_LIST_SORT, filter: ListFilter = {}): FolderPageAnswer {
    return this.folderPage.page({ folderId, offset, limit, sort, filter });
  }

  /** The message after or before this one in its folder's list (see FolderPage.neighbour). */
  neighbour(query: NeighbourQuery): number | null {
    return this.folderPage.neighbour(query);
  }

  /** Whether the row is still there (a download may outlive a delete made meanwhile in another thread). */
  exists(id: number): boolean {
    return this.statements.pluck('SELECT 1 FROM messages WHERE id = ?').get(id) !== undefined;
  }

  get(id: number): MessageRecord | undefined {
    const row = this.statements
      .get(
        `SELECT ${SUMMARY_COLUMNS}, f.account_id AS accountId, f.path AS folderPath, m.cc_json, m.message_id,
           m.structure_json, m.body_state FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
      )
      .get(id) as (SummaryRow & { accountId: number | null; folderPath: string; cc_json: string;
        message_id: string | null; structure_json: string | null; body_state: MessageRecord['bodyState'] }) | undefined;
    if (!row) return undefined;
    return {
      ...toSummary(row), accountId: row.accountId, folderPath: row.folderPath, to: addressList(row.to_json),
      cc: JSON.parse(row.cc_json) as Address[], messageId: row.message_id, flags: flagsOf(row),
      structure: row.structure_json ? (JSON.parse(row.structure_json) as StructurePart) : null, bodyState: row.body_state,
    };
  }

  setSeenFlagged(id: number, change: { seen?: boolean; flagged?: boolean }): void {
    const row = this.statements
      .get('UPDATE messages SET seen = coalesce(?, seen), flagged = coalesce(?, flagged) WHERE id = ? RETURNING folder_id')
      .get(change.seen === undefined ? null : Number(change.seen), change.flagged === undefined ? null : Number(change.flagged), id) as { folder_id: number } | undefined;
    if (row) this.noteChanged(row.folder_id, [id]);
  }

  /** Messages of a folder whose bodies are not cached yet, newest first; with `since`, only those sorted on or after it (epoch ms). */
  withoutBodies(folderId: number, since?: number): { id: number; uid: number; size: number }[] {
    return this.statements
      .get("SELECT id, uid, size FROM messages WHERE folder_id = ? AND uid IS NOT NULL AND body_state != 'full' AND sort_date >= ? ORDER BY sort_date DESC")
      .all(folderId, since ?? Number.MIN_SAFE_INTEGER) as { id: number; uid: number; size: number }[];
  }

  /**
   * A message stored here first (a draft) got this UID on the server. A row
   * a concurrent sync made for the same UID is the same message: it goes, so
   * the row the composer knows keeps its id.
   */
  adoptUid(id: number, folderId: number, uid: number): void {
    const duplicates = this.statements.pluck('DELETE FROM messages WHERE folder_id = ? AND uid = ? AND id <> ? RETURNING id').all(folderId, uid, id) as number[];
    this.statements.get('UPDATE messages SET uid = ? WHERE id = ?').run(uid, id);
    this.noteChanged(folderId, [...duplicates, id]);
  }

  /** Removes rows kept only here (a local draft, or one the server never got). */
  removeLocal(folderId: number, ids: number[]): void {
    const remove = this.statements.get('DELETE FROM messages WHERE folder_id = ? AND id = ?');
    for (const id of ids) remove.run(folderId, id);
    if (ids.length) this.noteChanged(folderId, ids);
  }

  /**
   * A structure learnt after the headers (parsed from the source where the
   * server gave none, names repaired): the list's attachment mark follows it,
   * and a row whose mark changed is announced so the list shows it.
   */
  setStructure(id: number, structure: StructurePart, hasAttachments: boolean): void {
    const row = this.statements.get('SELECT folder_id AS folderId, has_attachments AS marked FROM messages WHERE id = ?').get(id) as { folderId: number; marked: number } | undefined;
    if (!row) return;
    this.statements.get('UPDATE messages SET structure_json = ?, has_attachments = ? WHERE id = ?').run(JSON.stringify(structure), hasAttachments ? 1 : 0, id);
    if (row.marked !== (hasAttachments ? 1 : 0)) this.noteChanged(row.folderId, [id]);
  }

  setBodyState(id: number, state: MessageRecord['bodyState']): void {
    this.statements.get('UPDATE messages SET body_state = ? WHERE id = ?').run(state, id);
  }

  /** Also announces the folder, whose counts the triggers moved. */
  private noteChanged(folderId: number, ids: number[]): void {
    this.feed.note({ entity: 'messages', folderId, ids });
    const accountId = this.statements.pluck('SELECT account_id FROM folders WHERE id = ?').get(folderId) as number | null;
    this.feed.note({ entity: 'folders', accountId, ids: [folderId] });
  }
}
