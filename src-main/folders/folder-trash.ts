import type { FolderDeleteFate } from '../ipc/contract';
import type { FolderRecord } from '../store/folders-repo';
import { freeName, isWithin } from './folder-paths';

/** Where deleting a folder puts it: into the account's Trash, or nowhere (deleted for good). */
export interface FolderDeleteTarget {
  fate: FolderDeleteFate;
  /** The folder's path inside Trash when `fate` is 'trash'. */
  trashPath: string | null;
  trash: FolderRecord | null;
}

/**
 * Thunderbird's folder delete: a folder outside Trash moves into it (a
 * mistake stays recoverable, and the server's other clients see it there);
 * one already in Trash goes for good. A POP3 account's Trash is kept here
 * (isLocal), as are all its folders, and takes them the same way. Without a Trash that can hold folders
 * (none marked \Trash, a flat server, or the Trash inside the folder itself,
 * which cannot move into its own subfolder) it goes for good, as before.
 */
export function folderDeleteTarget(folders: FolderRecord[], folder: FolderRecord): FolderDeleteTarget {
  const trash = folders.find((f) => f.role === 'trash') ?? null;
  if (!trash?.delimiter || isWithin(trash, folder)) return { fate: 'noTrash', trashPath: null, trash: null };
  if (isWithin(folder, trash)) return { fate: 'inTrash', trashPath: null, trash: null };
  return { fate: 'trash', trashPath: freePathIn(folders, trash, folder.name), trash };
}

/** Trash/<name>, or "<name> (2)", "<name> (3)"… when Trash already holds a folder of that name, as Thunderbird names them. */
function freePathIn(folders: FolderRecord[], trash: FolderRecord, name: string): string {
  const taken = new Set(folders.map((f) => f.path));
  const at = (candidate: string) => `${trash.path}${trash.delimiter}${candidate}`;
  return at(freeName(name, (candidate) => taken.has(at(candidate))));
}
