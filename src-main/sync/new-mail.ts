import type { Events, FolderRole } from '../ipc/contract';
import { ArrivalsQuery } from '../store/arrivals-query';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';

export type NewMailListener = (event: Events['mail.new']) => void;

/** Mail landing here is the user's own doing or not worth a notification: only the Inbox and ordinary folders are news. */
const QUIET_ROLES: ReadonlySet<FolderRole> = new Set(['sent', 'drafts', 'trash', 'junk', 'archive', 'all', 'flagged']);
/** A notification names a few senders; the rest is a count (the event's ids) the renderer words itself. */
const MOST_DESCRIBED = 50;

export interface FolderMark {
  accountId: number;
  folderId: number;
  uidvalidity: number | null;
  lastId: number;
  /** The folder's UIDNEXT at its last sync: a message below it was there before, stored again or not. */
  uidNext: number | null;
}

/**
 * Turns what a sync stored into `mail.new` events. A folder never synced
 * before (a new account, a new folder) announces nothing: its whole content
 * would arrive as "new". Each message is announced once, whichever sync of
 * its folder (push or poll) stored it, and one the folder held before (below
 * its UIDNEXT), stored again after a refused move or an undo, never.
 */
export class NewMailNotices {
  private readonly arrivals: ArrivalsQuery;
  private readonly announced = new Map<number, number>();

  constructor(private readonly store: Store, private readonly emit: NewMailListener) {
    this.arrivals = new ArrivalsQuery(store.db);
  }

  /**
   * Before a sync: where each folder that was synced before stands. A POP3 account's Inbox is kept here
   * (no UIDVALIDITY): its first check creates it, so one that already exists was checked before.
   */
  mark(folders: FolderRecord[]): FolderMark[] {
    return folders
      .filter((folder) => folder.accountId !== null && (folder.uidvalidity !== null || folder.isLocal) && !(folder.role && QUIET_ROLES.has(folder.role)))
      .map((folder) => ({
        accountId: folder.accountId!, folderId: folder.id, uidvalidity: folder.uidvalidity, lastId: this.arrivals.lastId(folder.id), uidNext: folder.uidnext,
      }));
  }

  /** After a sync: one event per folder that received unread mail since its mark. */
  announce(marks: FolderMark[]): void {
    for (const mark of marks) {
      const folder = this.store.folders.get(mark.folderId);
      // Renumbered by the server (new UIDVALIDITY): everything was fetched again, none of it is news.
      if (!folder || folder.uidvalidity !== mark.uidvalidity) continue;
      const after = Math.max(mark.lastId, this.announced.get(mark.folderId) ?? 0);
      // A message put back (a move the server refused, an undo) is stored again under its old UID: no news.
      const arrivals = this.arrivals.unseenAfter(mark.folderId, after, mark.uidNext);
      if (arrivals.length === 0) continue;
      // Every one of them is told now, the oldest too: none is news for a later sync.
      this.announced.set(mark.folderId, arrivals.reduce((last, message) => Math.max(last, message.id), after));
      const ids = arrivals.map((message) => message.id);
      this.emit({ accountId: mark.accountId, folderId: mark.folderId, ids, messages: arrivals.slice(0, MOST_DESCRIBED) });
    }
  }
}
