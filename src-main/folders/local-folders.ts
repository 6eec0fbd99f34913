import type { FolderNameInvalidDetails } from '../errors/error-codes';
import { WrenError } from '../errors/wren-error';
import type { FolderDeletePlan, FolderDeleteResult, FolderView } from '../ipc/contract';
import { LOCAL_TRASH, type FolderRecord } from '../store/folders-repo';
import { LOCAL_DELIMITER } from '../store/local-folders-repo';
import { releaseBlobs } from '../store/release-blobs';
import type { Store } from '../store/store';
import { filtersInto, turnOffFiltersInto } from '../filters/filter-targets';
import { requireOutside } from './folder-move';
import { freeName, isWithin } from './folder-paths';

/**
 * The shared "Local Folders" tree: managed with no network at all, each
 * change one transaction. Deleting a folder moves it into the Local Folders'
 * Trash; deleting it there deletes its subfolders and their mail, and then the
 * blob files nothing else names.
 */
export class LocalFolders {
  constructor(private readonly store: Store) {}

  list(): FolderView[] {
    return this.store.folders.listLocal();
  }

  /** Whether the folder is one of the shared local folders (not a server's, nor a POP3 account's Inbox). */
  owns(folderId: number): boolean {
    const folder = this.store.folders.get(folderId);
    return folder !== undefined && folder.accountId === null;
  }

  create(parentId: number | null, name: string): FolderView {
    const checked = checkedName(name);
    return this.store.write(() => {
      const parent = parentId === null ? null : this.require(parentId);
      const path = parent ? `${parent.path}${LOCAL_DELIMITER}${checked}` : checked;
      this.requireFree(path);
      return this.store.localFolders.create(parent, checked);
    });
  }

  /** "A/B/C": creates whatever is missing along the path (the CLI's `folder create local PATH`). */
  createPath(path: string): FolderView {
    const names = path.split(LOCAL_DELIMITER).map(checkedName);
    return this.store.write(() => {
      let parent: FolderRecord | null = null;
      let created = false;
      for (const name of names) {
        const at = parent ? `${parent.path}${LOCAL_DELIMITER}${name}` : name;
        const existing = this.store.folders.byPath(null, at);
        if (!existing) this.requireFree(at);
        parent = existing ?? this.store.localFolders.create(parent, name);
        created ||= !existing;
      }
      if (!created) throw exists(path);
      return parent!;
    });
  }

  rename(folderId: number, name: string): FolderView {
    const checked = checkedName(name);
    return this.store.write(() => {
      const folder = this.requireChangeable(folderId);
      const to = folder.path.slice(0, folder.path.length - folder.name.length) + checked;
      this.requireFree(to, folder.id);
      return this.store.localFolders.rename(folder, checked);
    });
  }

  /** Into another local folder, or to the top (`parentId` null), with its subfolders and mail; `name` renames it on the way. */
  move(folderId: number, parentId: number | null, name?: string): FolderView {
    return this.store.write(() => {
      const folder = this.requireChangeable(folderId);
      const parent = parentId === null ? null : this.require(parentId);
      if (parent) requireOutside(folder, parent);
      const checked = name === undefined ? folder.name : checkedName(name);
      const to = parent ? `${parent.path}${LOCAL_DELIMITER}${checked}` : checked;
      if (to === folder.path) return folder;
      this.requireFree(to, folder.id);
      // Moved into Trash is deleted, as a delete: its filters are turned off.
      const trash = this.store.folders.listLocal().find((each) => each.role === 'trash');
      if (parent && trash && isWithin(parent, trash)) turnOffFiltersInto(this.store, this.store.localFolders.subtree(folder).map((each) => each.id));
      return this.store.localFolders.move(folder, parent, checked);
    });
  }

  /** What a delete takes along (its subfolders and their messages) and where it goes, for the confirmation. */
  deletePlan(folderId: number): FolderDeletePlan {
    const folder = this.requireChangeable(folderId);
    const subtree = this.store.localFolders.subtree(folder);
    const below = subtree.filter((each) => each.id !== folder.id);
    const scope = {
      path: folder.path, messages: folder.total, subfolders: below.map((each) => ({ path: each.path, messages: each.total })),
      filters: filtersInto(this.store, subtree.map((each) => each.id)),
    };
    const trash = this.store.folders.listLocal().find((each) => each.role === 'trash');
    if (trash && isWithin(folder, trash)) return { ...scope, fate: 'inTrash', trashPath: null, onServer: false };
    return { ...scope, onServer: false, fate: 'trash', trashPath: `${trash?.path ?? LOCAL_TRASH}${LOCAL_DELIMITER}${this.freeNameIn(trash ?? null, folder.name)}` };
  }

  /**
   * As Thunderbird: a folder outside the Local Folders' Trash moves into it (made on first use) with its
   * subfolders and mail, as "<name> (2)" when Trash holds that name; one in Trash, or with `permanent`, is
   * deleted for good with its subfolders, their mail, and the files nothing else names.
   */
  delete(folderId: number, permanent = false): FolderDeleteResult {
    const trashed = this.store.write(() => {
      const folder = this.requireChangeable(folderId);
      // Into Trash or for good, no filter files mail there any more (Thunderbird's "filters will be disabled").
      turnOffFiltersInto(this.store, this.store.localFolders.subtree(folder).map((each) => each.id));
      if (permanent) return null;
      const trash = this.store.folders.ensureLocalFolder(null, LOCAL_TRASH, 'trash');
      if (isWithin(folder, trash)) return null;
      const name = this.freeNameIn(trash, folder.name);
      const moved = this.store.localFolders.move(folder, trash, name);
      return { movedTo: moved.path, name };
    });
    if (trashed) return trashed;
    const blobs = this.store.write(() => this.store.localFolders.delete(this.requireChangeable(folderId)));
    releaseBlobs(this.store, blobs);
    return { deleted: true };
  }

  /** A local folder by its path ("Projects/2026"), for the CLI. */
  byPath(path: string): FolderRecord {
    const folder = this.store.folders.byPath(null, path);
    if (!folder) throw new WrenError('NotFound', `There is no local folder ${path}.`, { path });
    return folder;
  }

  /** `name`, or "<name> (2)", "<name> (3)"… when Trash holds a folder of that name (in any case), as Thunderbird names them. */
  private freeNameIn(trash: FolderRecord | null, name: string): string {
    const taken = new Set(this.store.folders.listLocal().filter((each) => trash !== null && each.parentId === trash.id).map((each) => caseless(each.name)));
    return freeName(name, (candidate) => taken.has(caseless(candidate)));
  }

  /**
   * No other local folder may have the path even in another case: "box" next to "Box" would be one folder
   * on a case-insensitive disk (Windows, macOS) and two look-alikes to the user. `except` is the folder
   * being renamed, which may change only the case of its own name.
   */
  private requireFree(path: string, except?: number): void {
    const wanted = caseless(path);
    const taken = this.store.folders.listLocal().find((f) => f.id !== except && caseless(f.path) === wanted);
    if (taken) throw exists(taken.path);
  }

  /** The Local Folders' Trash is where deletes go: kept, as an account's special folders are. */
  private requireChangeable(folderId: number): FolderRecord {
    const folder = this.require(folderId);
    if (folder.role !== null) {
      throw new WrenError('FolderProtected', `${folder.path} is the Local Folders' ${folder.role} folder; it cannot be renamed, moved or deleted.`, { folderId, role: folder.role });
    }
    return folder;
  }

  require(folderId: number): FolderRecord {
    const folder = this.store.folders.get(folderId);
    if (!folder || folder.accountId !== null) throw new WrenError('NotFound', `There is no local folder ${folderId}.`, { folderId });
    return folder;
  }
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new WrenError('BadRequest', 'A local folder name must not be empty.', { name });
  if (trimmed.includes(LOCAL_DELIMITER)) {
    const details: FolderNameInvalidDetails = { name, delimiter: LOCAL_DELIMITER, local: true };
    throw new WrenError('FolderNameInvalid', `A local folder name cannot contain "${LOCAL_DELIMITER}", the folder separator.`, details);
  }
  return trimmed;
}

/**
 * A path as the disk compares it: Unicode lowercasing ("ÉTÉ" and "été"), not the locale's (Turkish "I"),
 * so the same on every machine; and one form for an accented letter, typed as one character or two.
 */
function caseless(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

function exists(path: string): WrenError {
  return new WrenError('FolderExists', `There is already a local folder ${path}.`, { path });
}
