import type { ErrorShape } from '../errors/error-codes';
import type { FolderDeleteScope } from '../ipc/contract';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** What the user asked for; `operation.failed` names it. */
export type OperationKind = 'flags' | 'move' | 'copy' | 'delete' | 'archive' | 'markRead' | 'empty' | FolderOperationKind;
export type FolderOperationKind = 'createFolder' | 'renameFolder' | 'deleteFolder' | 'subscribeFolder';
/** What the server is asked to do. */
export type ServerAction = 'store' | 'move' | 'copy' | 'expunge' | 'append' | 'createFolder' | 'renameFolder' | 'deleteFolder' | 'subscribe' | 'unsubscribe';
export type OperationState = 'pending' | 'sent' | 'done' | 'failed';

/** One message of an entry, named as the server named it when the entry was made. */
export interface JournalItem {
  id: number;
  messageRowId: number | null;
  resultRowId: number | null;
  folderPath: string;
  uidvalidity: number | null;
  uid: number | null;
  messageIdHeader: string | null;
  priorFlags: string[] | null;
  priorFolderId: number | null;
  priorUid: number | null;
  newUid: number | null;
}

export interface JournalEntry {
  id: number;
  /** The account whose server replays it; null for an operation among local folders (written done, kept for undo). */
  accountId: number | null;
  kind: OperationKind;
  action: ServerAction;
  targetPath: string | null;
  /** A renamed folder's path before (migration 0006); targetPath is its path after. */
  sourcePath: string | null;
  /** The target's UIDNEXT and UIDVALIDITY when the entry was sent. */
  targetUidNext: number | null;
  targetUidValidity: number | null;
  add: string[];
  remove: string[];
  state: OperationState;
  undoable: boolean;
  items: JournalItem[];
  /** A folder delete: what the user confirmed (migration 0017); null for other entries and older deletes. */
  folderPlan: FolderDeleteScope | null;
}

export type NewEntry = Pick<JournalEntry, 'accountId' | 'kind' | 'action' | 'targetPath' | 'undoable'> & { add: readonly string[]; remove: readonly string[] } & {
  sourcePath?: string | null;
  folderPlan?: FolderDeleteScope | null;
  /** An Undo's delete of copies: the UIDNEXT and UIDVALIDITY the copy's target had before the copy (see undo-copy.ts). */
  targetUidNext?: number | null;
  targetUidValidity?: number | null;
};
export type NewItem = Omit<JournalItem, 'id' | 'newUid'>;

/** Done entries are kept this long, so a replayed operation can still be undone from its toast. */
const KEEP_DONE_MS = 60 * 60_000;

const ENTRY = `SELECT id, account_id AS accountId, kind, action, target_path AS targetPath, source_path AS sourcePath, target_uidnext AS targetUidNext, target_uidvalidity AS targetUidValidity, flags_add, flags_remove, state, undoable,
  folder_plan_json FROM operations`;
const ITEM = `SELECT id, message_row_id AS messageRowId, result_row_id AS resultRowId, folder_path AS folderPath, uidvalidity, uid,
  message_id_header AS messageIdHeader, prior_flags, prior_folder_id AS priorFolderId, prior_uid AS priorUid, new_uid AS newUid
  FROM operation_messages WHERE operation_id = ? ORDER BY id`;

type EntryRow = Omit<JournalEntry, 'add' | 'remove' | 'undoable' | 'items' | 'folderPlan'> & {
  flags_add: string; flags_remove: string; undoable: number; folder_plan_json: string | null;
};
type ItemRow = Omit<JournalItem, 'priorFlags'> & { prior_flags: string | null };

const words = (text: string) => (text ? text.split(' ') : []);

/** The operations journal (see migration 0005): written with the local change, replayed by the sync worker. */
export class OperationsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db) {
    this.statements = new PreparedStatements(db);
  }

  add(entry: NewEntry, items: NewItem[]): number {
    this.statements.get("DELETE FROM operations WHERE state = 'done' AND created_at < ?").run(Date.now() - KEEP_DONE_MS);
    const id = this.statements
      .pluck(
        `INSERT INTO operations (account_id, kind, action, target_path, source_path, flags_add, flags_remove, undoable, created_at, folder_plan_json,
           target_uidnext, target_uidvalidity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(entry.accountId, entry.kind, entry.action, entry.targetPath, entry.sourcePath ?? null, entry.add.join(' '), entry.remove.join(' '), entry.undoable ? 1 : 0,
        Date.now(), entry.folderPlan ? JSON.stringify(entry.folderPlan) : null, entry.targetUidNext ?? null, entry.targetUidValidity ?? null) as number;
    const insert = this.statements.get(
      `INSERT INTO operation_messages (operation_id, message_row_id, result_row_id, folder_path, uidvalidity, uid, message_id_header,
         prior_flags, prior_folder_id, prior_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const item of items) {
      insert.run(id, item.messageRowId, item.resultRowId, item.folderPath, item.uidvalidity, item.uid, item.messageIdHeader,
        item.priorFlags ? JSON.stringify(item.priorFlags) : null, item.priorFolderId, item.priorUid);
    }
    return id;
  }

  get(id: number): JournalEntry | undefined {
    const row = this.statements.get(`${ENTRY} WHERE id = ?`).get(id) as EntryRow | undefined;
    return row ? this.withItems(row) : undefined;
  }

  /** Entries still to replay, oldest first. */
  unfinished(accountId: number): JournalEntry[] {
    const rows = this.statements.get(`${ENTRY} WHERE account_id = ? AND state IN ('pending', 'sent') ORDER BY id`).all(accountId) as EntryRow[];
    return rows.map((row) => this.withItems(row));
  }

  countUnfinished(accountId: number): number {
    return this.statements.pluck("SELECT count(*) FROM operations WHERE account_id = ? AND state IN ('pending', 'sent')").get(accountId) as number;
  }

  /** Entries the server refused, not announced yet: the cache is ahead of the server for them. */
  /**
   * The UIDs of a folder whose messages the journal is taking out of it
   * (moved, deleted, appended to another account first), not replayed yet:
   * the server still lists them there, but they are no new mail.
   */
  leavingUids(folderId: number, uidvalidity: number): Set<number> {
    return new Set(this.statements.pluck(
      // By account then state, so the index on unfinished entries is used, not a scan of the whole history.
      `SELECT om.uid FROM operations o JOIN operation_messages om ON om.operation_id = o.id
       WHERE o.account_id IN (SELECT id FROM accounts) AND o.state IN ('pending', 'sent') AND o.action IN ('move', 'expunge', 'append')
         AND om.prior_folder_id = ? AND om.uidvalidity = ? AND om.uid IS NOT NULL`,
    ).all(folderId, uidvalidity) as number[]);
  }

  countFailed(accountId: number): number {
    return this.statements.pluck("SELECT count(*) FROM operations WHERE account_id = ? AND state = 'failed'").get(accountId) as number;
  }

  /**
   * pending → sent, before the server is asked; false when the entry was undone meanwhile. A mark written
   * with the entry (an Undo's delete of copies) is kept when the claim brings none.
   */
  claim(id: number, target: { uidNext: number | null; uidValidity: number | null } = { uidNext: null, uidValidity: null }): boolean {
    return this.statements
      .get(`UPDATE operations SET state = 'sent', target_uidnext = coalesce(?, target_uidnext), target_uidvalidity = coalesce(?, target_uidvalidity)
              WHERE id = ? AND state = 'pending'`)
      .run(target.uidNext, target.uidValidity, id).changes > 0;
  }

  finish(id: number): void {
    this.statements.get("UPDATE operations SET state = 'done' WHERE id = ?").run(id);
  }

  /** Kept until announced (takeFailures), so no failure is lost to a crash. */
  fail(id: number, error: ErrorShape): void {
    this.statements.get("UPDATE operations SET state = 'failed', error_json = ? WHERE id = ?").run(JSON.stringify(error), id);
  }

  takeFailures(accountId: number): { id: number; kind: OperationKind; error: ErrorShape }[] {
    const rows = this.statements
      .get("DELETE FROM operations WHERE account_id = ? AND state = 'failed' RETURNING id, kind, error_json")
      .all(accountId) as { id: number; kind: OperationKind; error_json: string }[];
    return rows.sort((a, b) => a.id - b.id).map((row) => ({ id: row.id, kind: row.kind, error: JSON.parse(row.error_json) as ErrorShape }));
  }

  /** Forgets an entry outright (a local one taken back by undo). */
  remove(id: number): void {
    this.statements.get('DELETE FROM operations WHERE id = ?').run(id);
  }

  /** An entry taken back by the inverse journaled after it: it cannot be taken back twice. */
  undone(id: number): void {
    this.statements.get('UPDATE operations SET undoable = 0 WHERE id = ?').run(id);
  }

  /** Removes an entry the server has not been asked about yet; false when it already has. */
  removePending(id: number): boolean {
    return this.statements.get("DELETE FROM operations WHERE id = ? AND state = 'pending'").run(id).changes > 0;
  }

  /**
   * Records the UID the server gave a message in the entry's target folder,
   * and gives it to later entries that name the message there without one yet
   * (moved twice while offline).
   */
  learnUid(item: JournalItem, targetPath: string, uidvalidity: number | null, newUid: number): void {
    this.statements.get('UPDATE operation_messages SET new_uid = ? WHERE id = ?').run(newUid, item.id);
    const row = item.resultRowId ?? item.messageRowId;
    if (row === null) return;
    this.statements
      .get(
        `UPDATE operation_messages SET uid = ?, uidvalidity = ? WHERE message_row_id = ? AND folder_path = ? AND uid IS NULL
           AND operation_id IN (SELECT id FROM operations WHERE state IN ('pending', 'sent'))`,
      )
      .run(newUid, uidvalidity, row, targetPath);
  }

  private withItems(row: EntryRow): JournalEntry {
    const items = (this.statements.get(ITEM).all(row.id) as ItemRow[]).map(({ prior_flags, ...item }) => ({
      ...item, priorFlags: prior_flags ? (JSON.parse(prior_flags) as string[]) : null,
    }));
    return {
      id: row.id, accountId: row.accountId, kind: row.kind, action: row.action, targetPath: row.targetPath, sourcePath: row.sourcePath, state: row.state,
      targetUidNext: row.targetUidNext, targetUidValidity: row.targetUidValidity,
      add: words(row.flags_add), remove: words(row.flags_remove), undoable: row.undoable === 1, items,
      folderPlan: row.folder_plan_json ? (JSON.parse(row.folder_plan_json) as FolderDeleteScope) : null,
    };
  }
}
