import type { FolderNameInvalidDetails } from '../errors/error-codes';
import { WrenError } from '../errors/wren-error';
import type { FolderDeletePlan, FolderDeleteResult, FolderDeleteScope, FolderView } from '../ipc/contract';
import { LOCAL_TRASH, type FolderRecord } from '../store/folders-repo';
import type { FolderOperationKind, ServerAction } from '../store/operations-repo';
import type { Store } from '../store/store';
import { filtersInto, turnOffFiltersInto } from '../filters/filter-targets';
import { requireOutside } from './folder-move';
import { isWithin } from './folder-paths';
import { folderDeleteTarget } from './folder-trash';
import { visibleFolders } from './visible-folders';

/**
 * Folder management on the server, local first like every change a user
 * makes: create, rename, delete (into Trash, or for good) and (un)subscribe apply to the store at once,
 * in the same transaction as their journal entry, and work offline. The sync
 * worker replays them in order with the message operations (so "create a
 * folder, move mail into it" reaches the server as asked); a conflict (name
 * taken, folder renamed or deleted elsewhere) fails the entry, is announced,
 * and the folder pass brings the list back to the server's. A POP3 account has
 * no folders on its server: its own are kept here only, and a change to them is
 * neither journaled nor replayed (nothing to connect for, nothing left pending).
 */
export class RemoteFolders {
  constructor(private readonly store: Store, private readonly replaySoon: (accountId: number) => void) {}

  list(accountId: number, includeUnsubscribed: boolean): FolderView[] {
    const folders = this.store.folders.list(accountId);
    // Subscriptions are IMAP's: a POP3 account's folders are all shown, also one an Unsubscribe offered before hid.
    if (this.keptHere(accountId)) return folders.map((folder) => ({ ...folder, subscribed: true }));
    return visibleFolders(folders, includeUnsubscribed);
  }

  /** Nested under `parentId` with the server's delimiter, or at the top. */
  create(accountId: number, parentId: number | null, name: string): FolderView {
    const parent = parentId === null ? null : this.requireRemote(parentId);
    if (parent && parent.accountId !== accountId) throw new WrenError('BadRequest', `Folder ${parentId} belongs to another account.`, { folderId: parentId });
    const delimiter = parent ? parent.delimiter : this.delimiterOf(accountId);
    if (parent && !delimiter) throw new WrenError('BadRequest', `The server keeps no folders inside ${parent.path}.`, { folderId: parent.id });
    const checked = checkedName(name, delimiter, this.keptHere(accountId));
    const path = parent ? `${parent.path}${delimiter}${checked}` : checked;
    if (this.keptHere(accountId)) {
      // POP3 has no folders on the server: the account's own are kept here only, and no check removes them.
      return this.store.write(() => {
        this.requireFree(accountId, path);
        return this.store.folders.addLocalFirst(accountId, { path, name, parentId: parent?.id ?? null, delimiter }, true);
      });
    }
    return this.journaled(accountId, () => {
      this.requireFree(accountId, path);
      const folder = this.store.folders.addLocalFirst(accountId, { path, name, parentId: parent?.id ?? null, delimiter });
      this.journal(accountId, 'createFolder', 'createFolder', path);
      return folder;
    });
  }

  /** Renames the last segment; subfolders follow, and cached mail stays with its folder. */
  rename(folderId: number, name: string): FolderView {
    const folder = this.requireChangeable(folderId);
    const accountId = folder.accountId!;
    const newName = checkedName(name, folder.delimiter, this.keptHere(accountId));
    const parentPath = folder.parentId === null ? null : this.store.folders.get(folder.parentId)?.path ?? null;
    const to = parentPath !== null && folder.delimiter ? `${parentPath}${folder.delimiter}${newName}` : newName;
    if (to === folder.path) return folder;
    return this.journaled(accountId, () => {
      this.requireFree(accountId, to);
      this.store.folders.renamePath(accountId, folder.path, to, folder.delimiter);
      this.journal(accountId, 'renameFolder', 'renameFolder', to, folder.path);
      return this.store.folders.get(folder.id)!;
    });
  }

  /**
   * Moves the folder, with its subfolders and mail, under another folder of its account or to the top
   * (`parentId` null); `name` renames it on the way (the Undo of a delete into Trash brings "Old (2)" back as
   * "Old"). Local first, as a rename, and replayed as one: IMAP's RENAME moves a folder anywhere.
   */
  move(folderId: number, parentId: number | null, name?: string): FolderView {
    const folder = this.requireChangeable(folderId);
    const accountId = folder.accountId!;
    const parent = parentId === null ? null : this.requireRemote(parentId);
    if (parent && parent.accountId !== accountId) throw new WrenError('BadRequest', `Folder ${parent.path} belongs to another account.`, { folderId: parent.id });
    if (parent && !parent.delimiter) throw new WrenError('BadRequest', `The server keeps no folders inside ${parent.path}.`, { folderId: parent.id });
    if (parent) requireOutside(folder, parent);
    const newName = checkedName(name ?? folder.name, parent?.delimiter ?? folder.delimiter, this.keptHere(accountId));
    const to = parent ? `${parent.path}${parent.delimiter}${newName}` : newName;
    if (to === folder.path) return folder;
    return this.journaled(accountId, () => {
      this.requireFree(accountId, to);
      const folders = this.store.folders.list(accountId);
      // Moved into Trash is deleted, as a delete: its filters are turned off.
      if (parent && folders.some((each) => each.role === 'trash' && isWithin(parent, each))) turnOffFiltersInto(this.store, idsWithin(folders, folder));
      this.store.folders.renamePath(accountId, folder.path, to, folder.delimiter);
      this.store.folders.setParent(folder.id, parent?.id ?? null);
      this.journal(accountId, 'renameFolder', 'renameFolder', to, folder.path);
      return this.store.folders.get(folder.id)!;
    });
  }

  /** What a delete of the folder takes with it and where it goes, as the cache knows it (every sync lists the folders first). */
  deletePlan(folderId: number): FolderDeletePlan {
    const folder = this.requireChangeable(folderId);
    this.ensurePop3Trash(folder.accountId!);
    const folders = this.store.folders.list(folder.accountId!);
    const { fate, trashPath } = folderDeleteTarget(folders, folder);
    return { ...planOf(folders, folder), fate, trashPath, onServer: !this.keptHere(folder.accountId!), filters: filtersInto(this.store, idsWithin(folders, folder)) };
  }

  /**
   * As Thunderbird: a folder outside Trash moves into it with its subfolders
   * and mail (an IMAP RENAME when replayed; a POP3 account's Trash is kept here);
   * one in Trash, or of an account without one, or with `permanent`, is deleted for good.
   */
  delete(folderId: number, confirmed?: string[], permanent = false): FolderDeleteResult {
    const folder = this.requireChangeable(folderId);
    this.ensurePop3Trash(folder.accountId!);
    return this.journaled(folder.accountId!, () => {
      const folders = this.store.folders.list(folder.accountId!);
      // Into Trash or for good, no filter files mail there any more (Thunderbird's "filters will be disabled").
      turnOffFiltersInto(this.store, idsWithin(folders, folder));
      const target = folderDeleteTarget(folders, folder);
      if (permanent || !target.trash) return this.deleteForGood(folder, folders, confirmed);
      this.store.folders.renamePath(folder.accountId!, folder.path, target.trashPath!, folder.delimiter);
      this.store.folders.setParent(folder.id, target.trash.id);
      // Journaled as the delete the user asked for (operation.failed names it so), replayed as a rename.
      this.journal(folder.accountId!, 'deleteFolder', 'renameFolder', target.trashPath!, folder.path);
      return { movedTo: target.trashPath!, name: target.trashPath!.slice(target.trash.path.length + target.trash.delimiter!.length) };
    });
  }

  /**
   * Deletes the folder and its mail, here at once and then on the server. The
   * entry keeps the subfolders it had now, the ones the user confirmed
   * (`confirmed`, when given, must still be all of them): the replay deletes
   * those and no subfolder made since on another device.
   */
  private deleteForGood(folder: FolderRecord, folders: FolderRecord[], confirmed: string[] | undefined): FolderDeleteResult {
    const plan = planOf(folders, folder);
    const unconfirmed = plan.subfolders.map((sub) => sub.path).filter((path) => confirmed && !confirmed.includes(path));
    if (unconfirmed.length) throw newSubfolders(folder.path, unconfirmed);
    this.store.folders.remove(folder.id);
    if (this.keptHere(folder.accountId!)) return { deleted: true };
    this.store.operations.add(
      { accountId: folder.accountId, kind: 'deleteFolder', action: 'deleteFolder', targetPath: folder.path, add: [], remove: [], undoable: false, folderPlan: plan },
      [],
    );
    return { deleted: true };
  }

  subscribe(folderId: number, subscribed: boolean): FolderView {
    const folder = this.requireRemote(folderId);
    if (this.keptHere(folder.accountId!)) {
      throw new WrenError('BadRequest', `${folder.path} is a POP3 account's folder, kept on this computer only: it has no subscription to change.`, { folderId });
    }
    return this.journaled(folder.accountId!, () => {
      this.store.folders.setSubscribed(folder.id, subscribed);
      this.journal(folder.accountId!, 'subscribeFolder', subscribed ? 'subscribe' : 'unsubscribe', folder.path);
      return this.store.folders.get(folder.id)!;
    });
  }

  private journaled<T>(accountId: number, change: () => T): T {
    const result = this.store.write(change);
    if (!this.keptHere(accountId)) this.replaySoon(accountId);
    return result;
  }

  private journal(accountId: number, kind: FolderOperationKind, action: ServerAction, targetPath: string, sourcePath: string | null = null): void {
    // Nothing to do on a POP3 server: an entry would only wait there, pending, for a replay that connects for nothing.
    if (this.keptHere(accountId)) return;
    this.store.operations.add({ accountId, kind, action, targetPath, sourcePath, add: [], remove: [], undoable: false }, []);
  }

  /** A POP3 account's folders are on no server: kept here only, never journaled. */
  private keptHere(accountId: number): boolean {
    return this.store.accounts.get(accountId)?.protocol === 'pop3';
  }

  /** A POP3 account's Trash, made on first use as its check makes it (an account not checked yet has none). */
  private ensurePop3Trash(accountId: number): void {
    if (this.keptHere(accountId)) this.store.write(() => this.store.folders.ensureLocal(accountId, LOCAL_TRASH, LOCAL_TRASH, 'trash'));
  }

  private requireFree(accountId: number, path: string): void {
    if (this.store.folders.list(accountId).some((f) => f.path === path)) {
      throw new WrenError('FolderExists', `A folder ${path} already exists.`, { accountId, path });
    }
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
      throw new WrenError('FolderProtected', `${folder.path} is the account's ${folder.role} folder; it cannot be renamed, moved or deleted.`, { folderId, role: folder.role });
    }
    return folder;
  }

  /** The account's delimiter as known from the last folder list (every sync lists folders first). */
  private delimiterOf(accountId: number): string | null {
    return this.store.folders.list(accountId).find((f) => f.delimiter)?.delimiter ?? null;
  }
}

/**
 * A name is one segment: the delimiter inside it would make it a path. `keptHere`: the account's folders are on
 * this computer only (POP3), nested with Wren's own separator, so the refusal names no server.
 */
function checkedName(name: string, delimiter: string | null, keptHere: boolean): string {
  if (delimiter && name.includes(delimiter)) {
    const details: FolderNameInvalidDetails = { name, delimiter, local: false, ...(keptHere && { keptHere: true as const }) };
    const whose = keptHere ? "the folder separator of this account's folders, kept here only" : "the server's folder separator";
    throw new WrenError('FolderNameInvalid', `A folder name cannot contain "${delimiter}", ${whose}.`, details);
  }
  return name;
}

/** The folder and those below it, by id. */
function idsWithin(folders: FolderRecord[], folder: FolderRecord): number[] {
  return folders.filter((each) => isWithin(each, folder)).map((each) => each.id);
}

/** The folder's subfolders by path, as the server nests them (its delimiter), with the messages in each. */
function planOf(folders: FolderRecord[], folder: FolderRecord): FolderDeleteScope {
  const below = folder.delimiter ? folders.filter((f) => f.path.startsWith(`${folder.path}${folder.delimiter}`)) : [];
  return { path: folder.path, messages: folder.total, subfolders: below.map((f) => ({ path: f.path, messages: f.total })) };
}

function newSubfolders(path: string, subfolders: string[]): WrenError {
  return new WrenError('FolderHasNewSubfolders', `${path} has subfolders the delete was not confirmed for: ${subfolders.join(', ')}. Nothing was deleted.`, {
    folder: path,
    subfolders,
  });
}

