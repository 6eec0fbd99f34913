import { describe, expect, it } from 'vitest';
import { foldersCommand } from '../../../src-main/cli/commands/browse-commands';
import { folderCommand, placeNewFolder, renamedPlace } from '../../../src-main/cli/commands/folder-commands';
import type { FolderView } from '../../../src-main/ipc/contract';
import { WORLD, changes, fakeCli } from './fake-cli';

const bobFolders = WORLD.folders[1]!;

describe('wren folder', () => {
  it('creates a nested folder under the deepest existing parent, with the rest as its name', async () => {
    const cli = fakeCli();
    expect(await folderCommand(cli.context, ['create', 'Bob', 'Projects/2026/Q1'])).toBe(0);
    expect(changes(cli.calls)).toEqual([
      { method: 'folders.create', params: { accountId: 1, parentId: 14, name: 'Q1' } },
      { method: 'sync.run', params: { accountId: 1, bodies: false, replayOnly: true } },
    ]);
    expect(cli.stdout()).toBe('Created folder Projects/2026/Q1\n');
  });

  it('renames within the same parent, and deletes, subscribes and unsubscribes by path (unsubscribed folders included)', async () => {
    const cli = fakeCli();
    expect(await folderCommand(cli.context, ['rename', 'Bob', 'Projects/2026', 'Projects/2027'])).toBe(0);
    expect(await folderCommand(cli.context, ['delete', '1', 'Archive'])).toBe(0);
    expect(await folderCommand(cli.context, ['subscribe', 'Bob', 'Old'])).toBe(0);
    expect(await folderCommand(cli.context, ['unsubscribe', 'Bob', 'Projects'])).toBe(0);
    expect(changes(cli.calls).filter((c) => c.method !== 'sync.run')).toEqual([
      { method: 'folders.rename', params: { folderId: 14, name: '2027' } },
      { method: 'folders.delete', params: { folderId: 11 } },
      { method: 'folders.subscribe', params: { folderId: 15, subscribed: true } },
      { method: 'folders.subscribe', params: { folderId: 13, subscribed: false } },
    ]);
    expect(cli.calls.filter((c) => c.method === 'folders.list').every((c) => (c.params as { includeUnsubscribed: boolean }).includeUnsubscribed)).toBe(true);
  });

  it('a rename elsewhere is a move (renamed on the way); move puts a folder into another or at the top, its name kept', async () => {
    const cli = fakeCli();
    expect(await folderCommand(cli.context, ['rename', 'Bob', 'Projects/2026', 'Archive/Done'])).toBe(0);
    expect(await folderCommand(cli.context, ['move', 'Bob', 'Projects/2026', 'Archive'])).toBe(0);
    expect(await folderCommand(cli.context, ['move', 'Bob', 'Projects/2026', '--top'])).toBe(0);
    expect(changes(cli.calls).filter((c) => c.method !== 'sync.run')).toEqual([
      { method: 'folders.move', params: { folderId: 14, parentId: 11, name: 'Done' } },
      { method: 'folders.move', params: { folderId: 14, parentId: 11 } },
      { method: 'folders.move', params: { folderId: 14, parentId: null } },
    ]);
    expect(cli.stdout()).toBe('Renamed folder Projects/2026 to Archive/Done\nMoved folder Projects/2026 to Archive/2026\nMoved folder Projects/2026 to 2026\n');
    await expect(folderCommand(cli.context, ['move', 'Bob', 'Projects/2026'])).rejects.toMatchObject({ code: 'BadRequest' });
  });

  it('delete says whether the folder went to Trash or for good; --permanent asks for good', async () => {
    const cli = fakeCli();
    expect(await folderCommand(cli.context, ['delete', 'Bob', 'Archive'])).toBe(0);
    expect(await folderCommand(cli.context, ['delete', 'Bob', '--permanent', 'Old'])).toBe(0);
    expect(changes(cli.calls).filter((c) => c.method === 'folders.delete')).toEqual([
      { method: 'folders.delete', params: { folderId: 11 } },
      { method: 'folders.delete', params: { folderId: 15, permanent: true } },
    ]);
    expect(cli.stdout()).toBe('Moved folder Archive to Trash as Trash/Moved\nDeleted folder Old for good\n');
  });

  it('says what is wrong and changes nothing: unknown folder, account, sub-command, wrong arity', async () => {
    const cli = fakeCli();
    await expect(folderCommand(cli.context, ['delete', 'Bob', 'Nope'])).rejects.toMatchObject({ code: 'NotFound' });
    await expect(folderCommand(cli.context, ['delete', 'Dave', 'INBOX'])).rejects.toMatchObject({ code: 'NotFound' });
    await expect(folderCommand(cli.context, ['explode', 'Bob', 'INBOX'])).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(folderCommand(cli.context, ['rename', 'Bob', 'INBOX'])).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(folderCommand(cli.context, ['create', 'Bob', 'A', 'B'])).rejects.toMatchObject({ code: 'BadRequest' });
    expect(changes(cli.calls)).toEqual([]);
  });

  it('an offline folder change is queued, said on stderr, exit 0', async () => {
    const cli = fakeCli({ syncOutcome: (accountId) => ({ summaries: [], failures: [{ accountId, error: { code: 'HostNotFound', message: 'no host' } }] }) });
    expect(await folderCommand(cli.context, ['create', 'Bob', 'Receipts'])).toBe(0);
    expect(cli.stderr()).toMatch(/Created folder Receipts here; the server cannot be reached \(HostNotFound\)/);
  });
});

describe('placing a new folder', () => {
  const dotted: FolderView[] = [
    { ...bobFolders[0]!, id: 1, path: 'INBOX' },
    { ...bobFolders[0]!, id: 2, path: 'INBOX.Lists', parentId: 1 },
  ];

  it('learns the delimiter from the tree', () => {
    expect(placeNewFolder(dotted, 'INBOX.Lists.Rust')).toEqual({ parentId: 2, name: 'Rust' });
    expect(placeNewFolder(dotted, 'INBOX/Lists')).toEqual({ parentId: null, name: 'INBOX/Lists' });
  });

  it('puts a folder with no existing parent at the top, and refuses one that exists', () => {
    expect(placeNewFolder(bobFolders, 'Receipts')).toEqual({ parentId: null, name: 'Receipts' });
    expect(placeNewFolder(bobFolders, 'Projectsish')).toEqual({ parentId: null, name: 'Projectsish' });
    expect(() => placeNewFolder(bobFolders, 'Projects/2026')).toThrow(/already exists/);
  });

  it('a rename to a path goes where the path says, as mv does: under its own parent, another folder or the top', () => {
    const nested = bobFolders.find((f) => f.path === 'Projects/2026')!;
    expect(renamedPlace(bobFolders, nested, 'Projects/Current')).toEqual({ parentId: 13, name: 'Current' });
    expect(renamedPlace(bobFolders, nested, 'Archive/2026')).toEqual({ parentId: 11, name: '2026' });
    expect(renamedPlace(bobFolders, nested, 'Top')).toEqual({ parentId: null, name: 'Top' });
    expect(() => renamedPlace(bobFolders, nested, 'Projects/a/b')).toThrow(/no folder Projects\/a to put Projects\/2026 in/);
    expect(() => renamedPlace(bobFolders, nested, 'Archive')).toThrow(/already exists/);
  });
});

describe('wren folders', () => {
  it('lists subscribed folders, and with --all the unsubscribed ones too, marked', async () => {
    const cli = fakeCli();
    await foldersCommand(cli.context, ['Bob']);
    expect(cli.stdout()).not.toContain('Old');
    await foldersCommand(cli.context, ['Bob', '--all']);
    expect(cli.stdout()).toContain('Old\t\t0\t0\t(unsubscribed)');
  });
});
