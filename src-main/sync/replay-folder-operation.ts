import { WrenError } from '../errors/wren-error';
import { createFolder } from '../imap/folder-create';
import { deleteFolder } from '../imap/folder-delete';
import { renameFolder } from '../imap/folder-rename';
import { folderExists } from '../imap/folder-exists';
import { setSubscribed } from '../imap/folder-subscribe';
import type { ImapClient } from '../imap/imap-client';
import type { JournalEntry, ServerAction } from '../store/operations-repo';
import type { Store } from '../store/store';

const FOLDER_ACTIONS: ReadonlySet<ServerAction> = new Set(['createFolder', 'renameFolder', 'deleteFolder', 'subscribe', 'unsubscribe']);

export function isFolderAction(action: ServerAction): boolean {
  return FOLDER_ACTIONS.has(action);
}

/**
 * Replays a folder entry exactly once. The entry is marked sent before the
 * server is asked; a replay that finds it sent (killed between asking and
 * recording) looks at the server first: a folder already created, or already
 * renamed, is this entry's own work and is not done again. A pending entry
 * that meets another device's change (the name taken, the folder gone)
 * fails with FolderExists or FolderGone; the folder pass after it brings the
 * local list back to the server's. Deleting a folder already gone is done;
 * one that has subfolders the user did not confirm fails with FolderHasNewSubfolders.
 */
export async function replayFolderEntry(client: ImapClient, store: Store, entry: JournalEntry): Promise<void> {
  const resumed = entry.state === 'sent';
  if (!resumed && !store.write(() => store.operations.claim(entry.id))) return;
  const path = entry.targetPath!;
  const exists = (folder: string) => folderExists(client, folder);
  switch (entry.action) {
    case 'createFolder':
      if (await exists(path)) {
        // Archive's own folders (Archives, Archives/2026): one made meanwhile elsewhere is the folder wanted.
        if (!resumed && entry.kind !== 'archive') throw taken(path);
      } else {
        await createFolder(client, path);
      }
      break;
    case 'renameFolder':
      await replayRename(client, store, entry, resumed, exists);
      break;
    case 'deleteFolder':
      if (await exists(path)) await deleteFolder(client, path, entry.folderPlan?.subfolders.map((sub) => sub.path) ?? null);
      break;
    default:
      if (!(await exists(path))) throw gone(path);
      await setSubscribed(client, path, entry.action === 'subscribe');
  }
  store.write(() => store.operations.finish(entry.id));
}

async function replayRename(client: ImapClient, store: Store, entry: JournalEntry, resumed: boolean, exists: (path: string) => Promise<boolean>): Promise<void> {
  const [from, to] = [entry.sourcePath!, entry.targetPath!];
  const [fromThere, toThere] = [await exists(from), await exists(to)];
  if (!fromThere && toThere && resumed) return;
  if (!fromThere) throw gone(from);
  if (toThere) throw taken(to);
  await renameFolder(client, from, to, subscribedBefore(store, entry));
}

/** The paths, before the rename, of the folder and its subfolders that are subscribed here. */
function subscribedBefore(store: Store, entry: JournalEntry): string[] {
  const [from, to] = [entry.sourcePath!, entry.targetPath!];
  // Folder entries always belong to an account (only local transfers have none).
  const folders = store.folders.list(entry.accountId!);
  const delimiter = folders.find((f) => f.path === to)?.delimiter ?? null;
  const below = (path: string) => path === to || (delimiter !== null && path.startsWith(`${to}${delimiter}`));
  return folders.filter((f) => f.subscribed && below(f.path)).map((f) => from + f.path.slice(to.length));
}

function taken(path: string): WrenError {
  return new WrenError('FolderExists', `A folder ${path} already exists on the server (made elsewhere).`, { folder: path });
}

function gone(path: string): WrenError {
  return new WrenError('FolderGone', `The folder ${path} was renamed or deleted elsewhere.`, { folder: path });
}
