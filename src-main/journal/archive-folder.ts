import type { ArchiveGranularity } from '../settings/settings-schema';
import { LOCAL_ARCHIVE, type FolderRecord } from '../store/folders-repo';
import type { MessageLocation } from '../store/message-changes-repo';
import type { Store } from '../store/store';

/**
 * Where Archive puts an account's mail on its server: the folder the server marks \Archive; else Gmail's
 * All Mail (\All), where a move out of the Inbox is Gmail's own archive (the message keeps its other
 * labels); else a folder named "Archives" (or "Archive"), as Thunderbird names the one it makes; else that
 * folder is made, here at once and on the server by the journal, before the move that follows it. Before,
 * an account without \Archive answered Archive with NotFound, Gmail's included.
 */
export function archiveFolderOf(store: Store, accountId: number): FolderRecord {
  const folders = store.folders.list(accountId).filter((folder) => folder.selectable);
  const named = (name: string) => folders.find((folder) => folder.path === name || folder.path === personalPath(folders, name));
  const found = folders.find((folder) => folder.role === 'archive') ?? folders.find((folder) => folder.role === 'all') ?? named(LOCAL_ARCHIVE) ?? named('Archive');
  return found ?? createArchives(store, accountId, folders);
}

function createArchives(store: Store, accountId: number, folders: FolderRecord[]): FolderRecord {
  const path = personalPath(folders, LOCAL_ARCHIVE);
  const inbox = folders.find((folder) => folder.path.toUpperCase() === 'INBOX');
  const parentId = path === LOCAL_ARCHIVE ? null : (inbox?.id ?? null);
  return createArchiveFolder(store, accountId, { path, name: LOCAL_ARCHIVE, parentId, delimiter: delimiterOf(folders) });
}

/**
 * Made here at once and on the server by the journal. Journaled as part of Archive, not as the user's
 * own New Folder: one another device made meanwhile is the folder wanted, not a name taken.
 */
function createArchiveFolder(store: Store, accountId: number, folder: { path: string; name: string; parentId: number | null; delimiter: string | null }): FolderRecord {
  const made = store.folders.addLocalFirst(accountId, folder);
  store.operations.add({ accountId, kind: 'archive', action: 'createFolder', targetPath: folder.path, sourcePath: null, add: [], remove: [], undoable: false }, []);
  return made;
}

/** The messages Archive moves together, and where. */
export interface ArchiveMove {
  target: FolderRecord;
  messages: MessageLocation[];
}

/**
 * Where each message goes: the archive folder, or with a year or month granularity its subfolder for the
 * year the message was sent (Archives/2026), or the month within that year (Archives/2026/2026-11), as
 * Thunderbird files them; a missing one is made. Gmail's All Mail has no subfolders, and a server without
 * a hierarchy delimiter none at all: there it is the one folder whatever the setting.
 */
export function archiveMoves(store: Store, accountId: number, messages: MessageLocation[], granularity: ArchiveGranularity): ArchiveMove[] {
  const archive = archiveFolderOf(store, accountId);
  if (granularity === 'single' || archive.role === 'all' || !archive.delimiter) return [{ target: archive, messages }];
  const sent = store.messageChanges.sentDates(messages.map((message) => message.id));
  const moves = new Map<string, ArchiveMove>();
  for (const message of messages) {
    const names = periodNames(sent.get(message.id) ?? 0, granularity);
    const key = names.join('/');
    const move = moves.get(key) ?? { target: periodFolder(store, accountId, archive, names), messages: [] };
    move.messages.push(message);
    moves.set(key, move);
  }
  return [...moves.values()];
}

/** ["2026"], or ["2026", "2026-11"]: the sender's date in this computer's time zone, as the list shows it. */
function periodNames(sentAt: number, granularity: 'year' | 'month'): string[] {
  const date = new Date(sentAt);
  const year = String(date.getFullYear());
  return granularity === 'year' ? [year] : [year, `${year}-${String(date.getMonth() + 1).padStart(2, '0')}`];
}

/** The archive's subfolder along these names, each level found or made in turn. */
function periodFolder(store: Store, accountId: number, archive: FolderRecord, names: string[]): FolderRecord {
  let parent = archive;
  for (const name of names) {
    const path = `${parent.path}${archive.delimiter}${name}`;
    parent = store.folders.byPath(accountId, path) ?? createArchiveFolder(store, accountId, { path, name, parentId: parent.id, delimiter: archive.delimiter });
  }
  return parent;
}

/**
 * A name as a top-level folder of the user's: inside INBOX on servers whose personal folders all live
 * there (Courier and older Cyrus: "INBOX.Sent"), where a folder beside INBOX would be refused.
 */
function personalPath(folders: FolderRecord[], name: string): string {
  const delimiter = delimiterOf(folders);
  const others = folders.filter((folder) => folder.path.toUpperCase() !== 'INBOX');
  const underInbox = delimiter !== null && others.length > 0 && others.every((folder) => folder.path.toUpperCase().startsWith(`INBOX${delimiter}`));
  return underInbox ? `INBOX${delimiter}${name}` : name;
}

function delimiterOf(folders: FolderRecord[]): string | null {
  return folders.find((folder) => folder.delimiter)?.delimiter ?? null;
}
