import type { FolderView } from '../../../src-main/ipc/contract';
import { isProtected } from './folder-dialog-state';

/** Whether the folder can be moved at all: special-use folders keep their place, as they keep their name. */
export const canMoveFolder = (folder: FolderView): boolean => !isProtected(folder);

/** The folder itself or one below it: a folder cannot go there (the tree would loop). */
export function isWithin(folder: FolderView, candidate: FolderView, folders: FolderView[]): boolean {
  const byId = new Map(folders.map((each) => [each.id, each]));
  for (let at: FolderView | undefined = candidate; at; at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    if (at.id === folder.id) return true;
  }
  return false;
}

/** The folders below this one, at any depth. */
export function foldersBelow(folder: FolderView, folders: FolderView[]): FolderView[] {
  return folders.filter((candidate) => candidate.id !== folder.id && isWithin(folder, candidate, folders));
}

/** Where the folder may go, among its own account's (or the Local Folders') folders: not into itself, below it, or where it already is. */
export function canMoveInto(folder: FolderView, candidate: FolderView, folders: FolderView[]): boolean {
  return candidate.accountId === folder.accountId && candidate.id !== folder.parentId && !isWithin(folder, candidate, folders);
}
