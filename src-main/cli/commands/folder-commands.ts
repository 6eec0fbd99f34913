import type { FolderDeleteResult, FolderView } from '../../ipc/contract';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { allFolders, findFolder, findScope } from '../find-by-name';
import { sendChanges } from '../send-changes';

const USAGE = `Usage: wren folder create ACCOUNT PATH      (ACCOUNT "local": the local folders, nested with "/")
       wren folder rename ACCOUNT PATH NEWPATH   (a NEWPATH under another folder moves it there)
       wren folder move ACCOUNT PATH INTO|--top  (into the folder INTO, or to the top, with its subfolders and mail)
       wren folder delete ACCOUNT PATH [--permanent]   (into the account's Trash; in Trash, or with --permanent, for good)
       wren folder subscribe|unsubscribe ACCOUNT PATH`;

/** The server's hierarchy delimiter, as the folder tree shows it (a child's path is its parent's, the delimiter, its name). */
function delimitersOf(folders: FolderView[]): string[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  for (const child of folders) {
    const parent = child.parentId === null ? undefined : byId.get(child.parentId);
    if (parent && child.path.startsWith(parent.path)) return [child.path.charAt(parent.path.length)];
  }
  // No nested folder yet to learn it from: the two delimiters servers use.
  return ['/', '.'];
}

/** Where a new path goes: under the deepest existing folder it extends, named by the rest. */
export function placeNewFolder(folders: FolderView[], path: string): { parentId: number | null; name: string } {
  if (folders.some((f) => f.path === path)) throw new WrenError('BadRequest', `A folder "${path}" already exists.`);
  const delimiters = delimitersOf(folders);
  const parents = [...folders].sort((a, b) => b.path.length - a.path.length);
  for (const parent of parents) {
    const delimiter = delimiters.find((d) => path.startsWith(parent.path + d));
    if (delimiter && path.length > parent.path.length + 1) return { parentId: parent.id, name: path.slice(parent.path.length + 1) };
  }
  return { parentId: null, name: path };
}

/**
 * A rename to a path, as `mv` does: under the deepest existing folder the path extends, named by the rest. The
 * folders along the way must exist (a move makes none).
 */
export function renamedPlace(folders: FolderView[], folder: FolderView, newPath: string): { parentId: number | null; name: string } {
  const place = placeNewFolder(folders, newPath);
  const delimiter = delimitersOf(folders).find((d) => place.name.includes(d));
  if (delimiter) {
    const missing = place.name.slice(0, place.name.lastIndexOf(delimiter));
    throw new WrenError('BadRequest', `There is no folder ${newPath.slice(0, newPath.length - place.name.length)}${missing} to put ${folder.path} in; create it first.`);
  }
  return place;
}

async function create(context: CliContext, accountId: number | null, path: string): Promise<FolderView> {
  if (accountId === null) return createLocal(context, path);
  const place = placeNewFolder(await allFolders(context, accountId), path);
  return context.request('folders.create', { accountId, ...place });
}

/** A local path "A/B/C": each missing folder along it is made. */
async function createLocal(context: CliContext, path: string): Promise<FolderView> {
  const folders = await allFolders(context, null);
  if (folders.some((f) => f.path === path)) throw new WrenError('BadRequest', `A local folder "${path}" already exists.`);
  let parent: FolderView | undefined;
  for (const name of path.split('/')) {
    const parentId = parent ? parent.id : null;
    const at = parent ? `${parent.path}/${name}` : name;
    parent = folders.find((f) => f.path === at) ?? (await context.request('folders.create', { accountId: null, parentId, name }));
  }
  return parent!;
}

async function rename(context: CliContext, accountId: number | null, path: string, newPath: string | undefined): Promise<FolderView> {
  if (!newPath) throw new WrenError('BadRequest', USAGE);
  const folder = await findFolder(context, accountId, path);
  const { parentId, name } = renamedPlace(await allFolders(context, accountId), folder, newPath);
  if (parentId === folder.parentId) return context.request('folders.rename', { folderId: folder.id, name });
  return context.request('folders.move', { folderId: folder.id, parentId, name });
}

/** Into the folder at `into` (its name kept), or to the top with `--top`. */
async function move(context: CliContext, accountId: number | null, path: string, into: string | undefined): Promise<FolderView> {
  if (!into) throw new WrenError('BadRequest', USAGE);
  const folderId = (await findFolder(context, accountId, path)).id;
  const parentId = into === '--top' ? null : (await findFolder(context, accountId, into)).id;
  return context.request('folders.move', { folderId, parentId });
}

/** As the app's Delete Folder: into the account's Trash, or for good (in Trash, without one, or asked); the line says which. */
async function remove(context: CliContext, accountId: number | null, path: string, permanent: boolean): Promise<{ result: FolderDeleteResult; done: string }> {
  const folderId = (await findFolder(context, accountId, path)).id;
  const result = await context.request('folders.delete', permanent ? { folderId, permanent } : { folderId });
  return { result, done: 'movedTo' in result ? `Moved folder ${path} to Trash as ${result.movedTo}` : `Deleted folder ${path} for good` };
}

/** `wren folder create|rename|move|delete|subscribe|unsubscribe ACCOUNT PATH [NEWPATH|INTO]`: remote and local folders, as in the app. */
export async function folderCommand(context: CliContext, given: string[]): Promise<number> {
  const permanent = given[0] === 'delete' && given.includes('--permanent');
  const args = permanent ? given.filter((arg) => arg !== '--permanent') : given;
  const [sub, accountRef, path, newPath, ...extra] = args;
  const arity = sub === 'rename' || sub === 'move' ? 4 : 3;
  if (!sub || !path || extra.length > 0 || args.length !== arity) throw new WrenError('BadRequest', USAGE);
  const accountId = await findScope(context, accountRef);
  let done: string;
  let result: unknown;
  if (sub === 'create') {
    result = await create(context, accountId, path);
    done = `Created folder ${path}`;
  } else if (sub === 'rename') {
    result = await rename(context, accountId, path, newPath);
    done = `Renamed folder ${path} to ${newPath}`;
  } else if (sub === 'move') {
    const moved = await move(context, accountId, path, newPath);
    result = moved;
    done = `Moved folder ${path} to ${moved.path}`;
  } else if (sub === 'delete') {
    ({ result, done } = await remove(context, accountId, path, permanent));
  } else if (sub === 'subscribe' || sub === 'unsubscribe') {
    result = await context.request('folders.subscribe', { folderId: (await findFolder(context, accountId, path)).id, subscribed: sub === 'subscribe' });
    done = `${sub === 'subscribe' ? 'Subscribed to' : 'Unsubscribed from'} folder ${path}`;
  } else {
    throw new WrenError('BadRequest', USAGE);
  }
  context.print(result, () => [done]);
  return sendChanges(context, accountId, done);
}
