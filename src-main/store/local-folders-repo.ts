import type { ChangeFeed } from './change-feed';
import type { FolderRecord, FoldersRepo } from './folders-repo';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

/** Local folders nest with "/" (a name cannot hold it). */
export const LOCAL_DELIMITER = '/';

/**
 * The shared "Local Folders" tree (account_id NULL, is_local 1): kept here
 * only, so each change is a plain write with no server to ask.
 */
export class LocalFoldersRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db, private readonly feed: ChangeFeed, private readonly folders: FoldersRepo) {
    this.statements = new PreparedStatements(db);
  }

  create(parent: FolderRecord | null, name: string): FolderRecord {
    const path = parent ? `${parent.path}${LOCAL_DELIMITER}${name}` : name;
    const id = this.statements
      .pluck(
        `INSERT INTO folders (account_id, parent_id, path, name, delimiter, is_local, selectable, subscribed)
         VALUES (NULL, ?, ?, ?, ?, 1, 1, 1) RETURNING id`,
      )
      .get(parent?.id ?? null, path, name, LOCAL_DELIMITER) as number;
    this.feed.note({ entity: 'folders', accountId: null, ids: [id] });
    return this.folders.get(id)!;
  }

  /** The local folder at `path`, made (with any missing parents) if it is not there. */
  ensurePath(path: string): FolderRecord {
    let parent: FolderRecord | null = null;
    for (const name of path.split(LOCAL_DELIMITER).filter(Boolean)) {
      const at: string = parent ? `${parent.path}${LOCAL_DELIMITER}${name}` : name;
      parent = this.folders.byPath(null, at) ?? this.create(parent, name);
    }
    if (!parent) throw new Error(`Not a local folder path: ${path}`);
    return parent;
  }

  /**
   * An account's folder becomes a local one at `path` under `parent`, its row (and so its mail) kept: what a
   * removed account leaves that exists nowhere else (keepAccountMail). The caller notes the change.
   */
  adopt(folder: FolderRecord, parent: FolderRecord, path: string): void {
    this.statements
      .get('UPDATE folders SET account_id = NULL, parent_id = ?, path = ?, delimiter = ?, role = NULL, is_local = 1 WHERE id = ?')
      .run(parent.id, path, LOCAL_DELIMITER, folder.id);
  }

  /** The folder takes the new last segment; every folder below follows (their rows, and so their mail, stay). */
  rename(folder: FolderRecord, name: string): FolderRecord {
    const cut = folder.path.length - folder.name.length;
    return this.relocate(folder, folder.path.slice(0, cut) + name, folder.parentId, name);
  }

  /** The folder goes under `parent` (to the top when null) as `name`; every folder below follows. */
  move(folder: FolderRecord, parent: FolderRecord | null, name: string): FolderRecord {
    return this.relocate(folder, parent ? `${parent.path}${LOCAL_DELIMITER}${name}` : name, parent?.id ?? null, name);
  }

  private relocate(folder: FolderRecord, to: string, parentId: number | null, name: string): FolderRecord {
    const moved = this.subtree(folder);
    const update = this.statements.get('UPDATE folders SET path = ?, name = ? WHERE id = ?');
    for (const each of moved) update.run(to + each.path.slice(folder.path.length), each.id === folder.id ? name : each.name, each.id);
    this.statements.get('UPDATE folders SET parent_id = ? WHERE id = ?').run(parentId, folder.id);
    this.feed.note({ entity: 'folders', accountId: null, ids: moved.map((f) => f.id) });
    return this.folders.get(folder.id)!;
  }

  /**
   * Deletes the folder, the folders below it and all their mail (rows cascade).
   * Returns the blobs those messages named, for releaseBlobs once committed.
   */
  delete(folder: FolderRecord): string[] {
    const ids = this.subtree(folder).map((f) => f.id);
    const blobs = new Set<string>();
    const named = this.statements.pluck(
      `SELECT s.blob FROM message_sources s JOIN messages m ON m.id = s.message_id WHERE m.folder_id = ?
       UNION SELECT p.blob FROM message_parts p JOIN messages m ON m.id = p.message_id WHERE m.folder_id = ?`,
    );
    for (const id of ids) for (const blob of named.all(id, id) as string[]) blobs.add(blob);
    const remove = this.statements.get('DELETE FROM folders WHERE id = ?');
    for (const id of ids.reverse()) remove.run(id);
    this.feed.note({ entity: 'folders', accountId: null, ids });
    return [...blobs];
  }

  /** The folder and every local folder below it, parents first. */
  subtree(folder: FolderRecord): FolderRecord[] {
    const below = `${folder.path}${LOCAL_DELIMITER}`;
    return this.folders.listLocal().filter((f) => f.id === folder.id || f.path.startsWith(below));
  }
}
