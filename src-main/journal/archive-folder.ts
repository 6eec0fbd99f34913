import { LOCAL_ARCHIVE, type FolderRecord } from '../store/folders-repo';
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
  const folder = store.folders.addLocalFirst(accountId, { path, name: LOCAL_ARCHIVE, parentId, delimiter: delimiterOf(folders) });
  store.operations.add({ accountId, kind: 'createFolder', action: 'createFolder', targetPath: path, sourcePath: null, add: [], remove: [], undoable: false }, []);
  return folder;
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
