import type { OperationReceipt } from '../ipc/contract';
import type { OperationsService } from '../journal/operations-service';
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
  const siblings = folder.accountId === null ? parts.store.folders.listLocal() : parts.store.folders.list(folder.accountId);
  for (const child of siblings.filter((each) => each.parentId === folder.id)) {
    // Each takes the folders below it along.
    if (parts.localFolders.owns(child.id)) parts.localFolders.delete(child.id, true);
    else parts.folders.delete(child.id, undefined, true);
  }
  return receipt;
}
