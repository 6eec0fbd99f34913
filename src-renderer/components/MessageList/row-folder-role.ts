import { isTemplatesFolder as holdsTemplates, listRoleOf, type FolderRole, type FolderView, type MessageSummary, type ViewMessageSummary } from '../../../src-main/ipc/contract';
import { isSearchFolderId } from '../Search/search-folder';
import { isViewFolder } from '../UnifiedViews/view-folders';

/**
 * A unified view or search results: a pseudo-folder (negative id, no account,
 * no role) gathering messages of many folders. Nothing acts on it as a folder;
 * what depends on a folder is decided per message.
 */
export function gathersFolders(folder: FolderView | null): boolean {
  return folder !== null && (isViewFolder(folder) || isSearchFolderId(folder.id));
}

/** The role of the folder a message of the open list is in: the list's own, or in a gathering one, the row's. */
export function rowFolderRole(folder: FolderView, message: MessageSummary | null | undefined): FolderRole | null {
  if (!gathersFolders(folder)) return folder.role;
  return (message as ViewMessageSummary | null | undefined)?.folderRole ?? null;
}

/** The role a row shows its person by: a folder of templates shows the recipients, as Drafts does (see listRoleOf). */
export function rowShownRole(folder: FolderView, message: MessageSummary | null | undefined): FolderRole | null {
  return gathersFolders(folder) ? rowFolderRole(folder, message) : listRoleOf(folder);
}

/** A folder of templates (Local Folders ▸ Templates, or an account's own), where a message starts a new one. */
export function isTemplatesFolder(folder: FolderView | null): boolean {
  return folder !== null && holdsTemplates(folder);
}
