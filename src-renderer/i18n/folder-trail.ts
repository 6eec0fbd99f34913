import type { FolderView } from '../../src-main/ipc/contract';
import { folderDisplayName } from './folder-name';
import type { Translate } from './translate';

/**
 * A folder named with the folders above it, each as the folder tree names it (a special folder by its role in the
 * user's language), "›" between them, and "Local Folders" first for a local one: "Local Folders › Trash › Private"
 * ("本地文件夹 › 已删除 › 个人"), never the server's path with its delimiter. `folders` holds its parents (a parent
 * not among them ends the trail there).
 */
export function folderTrail(folder: FolderView, folders: readonly FolderView[], t: Translate): string {
  const byId = new Map(folders.map((each) => [each.id, each]));
  const names: string[] = [];
  const seen = new Set<number>();
  for (let at: FolderView | undefined = folder; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    seen.add(at.id);
    names.unshift(folderDisplayName(at, t));
  }
  if (folder.accountId === null) names.unshift(t('folders.local'));
  return names.join(' › ');
}
