import { WrenError, isUnreachable } from '../errors/wren-error';
import { createFolder } from '../imap/folder-create';
import { deleteFolder } from '../imap/folder-delete';
import { listRemoteFolders } from '../imap/folder-list';
import { renameFolder } from '../imap/folder-rename';
import { setSubscribed } from '../imap/folder-subscribe';
import type { ImapClient } from '../imap/imap-client';
import type { ImapSessions } from '../imap/imap-sessions';
import type { FolderView } from '../ipc/contract';
import type { FolderRecord } from '../store/folders-repo';
import type { Store } from '../store/store';
import { visibleFolders } from './visible-folders';

/**
 * Folder management on the server: create, rename, delete, subscribe. Each
 * runs online (Offline when the server cannot be reached: a folder the
 * server has not made cannot hold mail) and the store follows at once, after
 * the server agreed, from the server's own folder list.
 */
export class RemoteFolders {
  constructor(private readonly store: Store, private readonly sessions: ImapSessions) {}

  list(accountId: number, includeUnsubscribed: boolean): FolderView[] {
    return visibleFolders(this.store.folders.list(accountId), includeUnsubscribed);
  }

  /** Nested under `parentId` with the server's delimiter, or at the top. */
  create(accountId: number, parentId: number | null, name: string): Promise<FolderView> {
    const parent = parentId === null ? null : this.requireRemote(parentId);
    if (parent && parent.accountId !== accountId) throw new WrenError('BadRequest', `Folder ${parentId} belongs to another account.`, { folderId: parentId });
    return this.online(accountId, async (client) => {
      const delimiter = parent ? parent.delimiter : await this.delimiterOf(accountId, client);
      if (parent && !delimiter) throw new WrenError('BadRequest', `The server keeps no folders inside ${parent.path}.`, { folderId: parent.id });
      const path = parent ? `${parent.path}${delimiter}${checkedName(name, delimiter)}` : checkedName(name, delimiter);
      const created = await createFolder(client, path);
      await this.refresh(accountId, client);
      return this.requireByPath(accountId, created);
    });
  }

  /** Renames the last segment; subfolders follow, and cached mail stays with its folder. */
  rename(folderId: number, name: string): Promise<FolderView> {
    const folder = this.requireChangeable(folderId);
    const accountId = folder.accountId!;
    const newName = checkedName(name, folder.delimiter);
    const parentPath = folder.parentId === null ? null : this.store.folders.get(folder.parentId)?.path ?? null;
    const to = parentPath !== null && folder.delimiter ? `${parentPath}${folder.delimiter}${newName}` : newName;
    const subscribed = this.store.folders.list(accountId).filter((f) => f.subscribed && isAtOrBelow(f.path, folder)).map((f) => f.path);
    return this.online(accountId, async (client) => {
      const renamed = await renameFolder(client, folder.path, to, subscribed);
      this.store.write(() => this.store.folders.renamePath(accountId, folder.path, renamed, folder.delimiter));
      await this.refresh(accountId, client);
      return this.requireByPath(accountId, renamed);
    });
  }

  /** Deletes the folder and its mail on the server, then here. */
  delete(folderId: number): Promise<{ deleted: true }> {
    const folder = this.requireChangeable(folderId);
    return this.online(folder.accountId!, async (client) => {
      await deleteFolder(client, folder.path);
      await this.refresh(folder.accountId!, client);
      return { deleted: true } as const;
    });
  }

  subscribe(folderId: number, subscribed: boolean): Promise<FolderView> {
    const folder = this.requireRemote(folderId);
    return this.online(folder.accountId!, async (client) => {
      await setSubscribed(client, folder.path, subscribed);
      this.store.write(() => this.store.folders.setSubscribed(folder.id, subscribed));
      return this.store.folders.get(folder.id)!;
    });
  }

  private requireRemote(folderId: number): FolderRecord {
    const folder = this.store.folders.get(folderId);
    if (!folder) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
    if (folder.accountId === null) throw new WrenError('BadRequest', `Folder ${folder.path} is a local folder, not one on a server.`, { folderId });
    return folder;
  }

  /** Special-use folders are where other mail clients and the server itself put mail: never renamed or deleted. */
  private requireChangeable(folderId: number): FolderRecord {
    const folder = this.requireRemote(folderId);
    if (folder.role !== null) {
      throw new WrenError('FolderProtected', `${folder.path} is the account's ${folder.role} folder; it cannot be renamed or deleted.`, { folderId, role: folder.role });
    }
    return folder;
  }

  private requireByPath(accountId: number, path: string): FolderView {
    const folder = this.store.folders.list(accountId).find((f) => f.path === path);
    if (!folder) throw new WrenError('ServerSaid', `The server agreed, but does not list ${path}.`, { accountId, path });
    return folder;
  }

  /** The account's delimiter as known from the last folder list, else as the server lists it now. */
  private async delimiterOf(accountId: number, client: ImapClient): Promise<string | null> {
    const known = this.store.folders.list(accountId).find((f) => f.delimiter)?.delimiter;
    if (known) return known;
    return (await listRemoteFolders(client)).find((f) => f.delimiter)?.delimiter ?? null;
  }

  private async refresh(accountId: number, client: ImapClient): Promise<void> {
    const remote = await listRemoteFolders(client);
    this.store.write(() => this.store.folders.replaceRemote(accountId, remote));
  }

  private async online<T>(accountId: number, work: (client: ImapClient) => Promise<T>): Promise<T> {
    try {
      return await this.sessions.use(accountId, 'read', work);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      throw new WrenError('Offline', 'Folders are changed on the server, and the server cannot be reached now. Try again once the account is online.', {
        accountId, cause: (error as WrenError).code,
      });
    }
  }
}

/** A name is one segment: the delimiter inside it would make it a path. */
function checkedName(name: string, delimiter: string | null): string {
  if (delimiter && name.includes(delimiter)) {
    throw new WrenError('BadRequest', `A folder name cannot contain "${delimiter}", the server's folder separator.`, { name, delimiter });
  }
  return name;
}

function isAtOrBelow(path: string, folder: FolderRecord): boolean {
  return path === folder.path || (folder.delimiter !== null && path.startsWith(`${folder.path}${folder.delimiter}`));
}
