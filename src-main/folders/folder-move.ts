import { WrenError } from '../errors/wren-error';
import type { FolderRecord } from '../store/folders-repo';
import { isWithin } from './folder-paths';

/** A folder cannot go into itself or into a folder below it: the tree would loop, and no server allows that RENAME. */
export function requireOutside(folder: FolderRecord, parent: FolderRecord): void {
  if (isWithin(parent, folder)) {
    throw new WrenError('FolderIntoItself', `${folder.path} cannot be moved into ${parent.path}, which is itself or inside it.`, { folder: folder.path, parent: parent.path });
  }
}
