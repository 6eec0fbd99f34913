import { WrenError } from '../../errors/wren-error';
import { emptyFolder, emptyPlan } from '../../folders/empty-folder';
import { exportFolder } from '../../mailfiles/export-folder';
import { safeFileName } from '../../mime/safe-file-name';
import { importIntoFolder } from '../import-into-folder';
import type { Handlers } from '../../ipc/dispatch';
import type { folderRequests } from '../../ipc/requests/folder-requests';
import type { WrenCore } from '../wren-core';
import type { HandlerOptions } from '../handlers';

/** Folders, remote and local: list, create, rename, move, delete, subscribe, mark read, empty, import and export. */
export function folderHandlers(core: WrenCore, options: HandlerOptions): Pick<Handlers, keyof typeof folderRequests> {
  return {
    'folders.list': ({ accountId, includeUnsubscribed }) =>
      accountId === null ? core.localFolders.list() : core.folders.list(core.accounts.require(accountId).id, includeUnsubscribed),
    'folders.markRead': ({ folderId }) => core.operations.markFolderRead(folderId),
    'folders.empty': ({ folderId }) => emptyFolder(core, folderId),
    'folders.emptyPlan': ({ folderId }) => emptyPlan(core.store, folderId),
    'folders.create': ({ accountId, parentId, name }) =>
      accountId === null ? core.localFolders.create(parentId, name) : core.folders.create(core.accounts.require(accountId).id, parentId, name),
    'folders.rename': ({ folderId, name }) => (core.localFolders.owns(folderId) ? core.localFolders.rename(folderId, name) : core.folders.rename(folderId, name)),
    'folders.move': ({ folderId, parentId, name }) =>
      core.localFolders.owns(folderId) ? core.localFolders.move(folderId, parentId, name) : core.folders.move(folderId, parentId, name),
    'folders.deletePlan': ({ folderId }) => (core.localFolders.owns(folderId) ? core.localFolders.deletePlan(folderId) : core.folders.deletePlan(folderId)),
    'folders.delete': ({ folderId, subfolders, permanent }) =>
      core.localFolders.owns(folderId) ? core.localFolders.delete(folderId, permanent) : core.folders.delete(folderId, subfolders, permanent),
    'folders.import': async ({ folderId, files }) => {
      if (files) return importIntoFolder(core, folderId, files);
      if (!options.chooseImportFiles) throw new WrenError('BadRequest', 'Name the files to import.', { folderId });
      // A dialog the user cancelled imports nothing; that is not an error to show.
      const chosen = await options.chooseImportFiles();
      return chosen ? importIntoFolder(core, folderId, chosen) : { imported: 0, skipped: 0, files: 0 };
    },
    'folders.export': async ({ folderId, format, path }) => {
      const folder = core.store.folders.get(folderId);
      if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
      const target = path ?? (options.chooseExportPath ? await options.chooseExportPath(exportName(folder.name, format), format) : null);
      if (target === null) return { savedTo: null, exported: 0 };
      const exported = await exportFolder(core.store, folder.id, format, target, (id) => core.reader.cachedSource(id));
      return { savedTo: target, exported };
    },
    'folders.subscribe': ({ folderId, subscribed }) => core.folders.subscribe(folderId, subscribed),
  };
}

function exportName(folderName: string, format: 'mbox' | 'eml'): string {
  const base = safeFileName(folderName) || 'mail';
  return format === 'mbox' ? `${base}.mbox` : base;
}
