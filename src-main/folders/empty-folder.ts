import { WrenError } from '../errors/wren-error';
import { filtersInto } from '../filters/filter-targets';
import type { FolderEmptyPlan, OperationReceipt } from '../ipc/contract';
import type { OperationsService } from '../journal/operations-service';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import type { LocalFolders } from './local-folders';
import type { RemoteFolders } from './remote-folders';

interface EmptyingParts {
  store: Store;
  operations: OperationsService;
  folders: RemoteFolders;
  localFolders: LocalFolders;
}

/**
 * Empty Trash as Thunderbird does: its messages, and the folders deleted into it with all they hold, for good. The
 * messages go as one journal entry; each folder then as its own delete for good, replayed after it. Junk is emptied
 * of its messages only (folders are not deleted into it).
 */
export function emptyFolder(parts: EmptyingParts, folderId: number): OperationReceipt {
  const receipt = parts.operations.emptyFolder(folderId);
  const folder = parts.store.folders.get(folderId);
  if (folder?.role !== 'trash') return receipt;
  for (const child of sameTree(parts.store, folder).filter((each) => each.parentId === folder.id)) {
    // Each takes the folders below it along (and turns off the filters filing mail into them).
    if (parts.localFolders.owns(child.id)) parts.localFolders.delete(child.id, true);
    else parts.folders.delete(child.id, undefined, true);
  }
  return receipt;
}

/**
 * What Empty Trash would turn off, for its confirmation: the filters filing mail into a folder deleted into Trash
 * or one inside it, which go with it (see emptyFolder). Junk holds no folders, so no filter.
 */
export function emptyPlan(store: Store, folderId: number): FolderEmptyPlan {
  const folder = store.folders.get(folderId);
  if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
  if (folder.role !== 'trash') return { filters: [] };
  return { filters: filtersInto(store, foldersInside(sameTree(store, folder), folder.id)) };
}

/** The folders of the folder's account, or the Local Folders for a local one. */
function sameTree(store: Store, folder: FolderRecord): FolderRecord[] {
  return folder.accountId === null ? store.folders.listLocal() : store.folders.list(folder.accountId);
}

/** The ids of every folder below `parentId`, however deep. */
function foldersInside(folders: FolderRecord[], parentId: number): number[] {
  const children = folders.filter((each) => each.parentId === parentId).map((each) => each.id);
  return children.flatMap((id) => [id, ...foldersInside(folders, id)]);
}
