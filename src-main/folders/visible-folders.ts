import type { FolderView } from '../ipc/contract';

/**
 * The folders a list shows: the subscribed ones and the Inbox (which many
 * servers never list as subscribed), plus the parents above them so the tree
 * stays whole. Everything when unsubscribed ones are asked for too.
 */
export function visibleFolders<F extends FolderView>(folders: F[], includeUnsubscribed: boolean): F[] {
  if (includeUnsubscribed) return folders;
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const shown = new Set<number>();
  for (const folder of folders) {
    if (!folder.subscribed && folder.role !== 'inbox') continue;
    for (let at: F | undefined = folder; at && !shown.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      shown.add(at.id);
    }
  }
  return folders.filter((folder) => shown.has(folder.id));
}
