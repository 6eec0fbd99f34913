import { describe, expect, it } from 'vitest';
import { serverFolderPaths } from '../../lab/server-subjects';
import { onServer, journalLab, subjects } from './journal-lab';

/** Moving a folder (Thunderbird's drag of a folder onto another): local first, one RENAME on the server, exactly once. */
describe('folder moves through the journal, against Dovecot', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;
  const serverPaths = () => serverFolderPaths(f.lab, bob());
  const local = (path: string) => f.wren.core.store.folders.list(f.accountId).find((folder) => folder.path === path);

  it('moves a folder with its subfolder and mail into another, here at once and then on the server; its mail stays cached', async () => {
    const mail = await f.seed('Trips', 2);
    const inner = await f.seed('Trips/Rome', 1);
    await f.seed('Travel', 0);
    const moved = await f.wren.call('folders.move', { folderId: f.folderId('Trips'), parentId: f.folderId('Travel') });
    expect(moved).toMatchObject({ path: 'Travel/Trips', name: 'Trips', parentId: f.folderId('Travel') });
    expect(local('Travel/Trips/Rome')?.parentId).toBe(moved.id);
    expect(subjects(f.local('Travel/Trips'))).toEqual([...mail.keys()].sort());
    await f.settled();
    expect(f.failed).toEqual([]);
    const paths = await serverPaths();
    expect([paths.has('Trips'), paths.get('Travel/Trips'), paths.get('Travel/Trips/Rome')]).toEqual([false, true, true]);
    expect(subjects(await onServer(f.lab, bob().email, 'Travel/Trips/Rome'))).toEqual([...inner.keys()]);
    expect(subjects(f.local('Travel/Trips/Rome'))).toEqual([...inner.keys()]);
  });

  it('offline: to the top and renamed on the way; the server ends as asked on reconnect', async () => {
    await f.seed('Nest', 0);
    const mail = await f.seed('Nest/Deep', 1);
    await f.goOffline();
    const moved = await f.wren.call('folders.move', { folderId: f.folderId('Nest/Deep'), parentId: null, name: 'Surface' });
    expect(moved).toMatchObject({ path: 'Surface', parentId: null });
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed).toEqual([]);
    const paths = await serverPaths();
    expect([paths.has('Nest/Deep'), paths.has('Surface')]).toEqual([false, true]);
    expect(subjects(await onServer(f.lab, bob().email, 'Surface'))).toEqual([...mail.keys()]);
    expect(local('Surface')?.id).toBe(moved.id);
  });

  it('a delete into Trash is undone by moving the folder back under its old name', async () => {
    const mail = await f.seed('Keep', 1);
    await f.seed('Trash/Keep', 0); // so the delete renames it "Keep (2)" in Trash
    const folderId = f.folderId('Keep');
    const deleted = await f.wren.call('folders.delete', { folderId });
    expect(deleted).toEqual({ movedTo: 'Trash/Keep (2)', name: 'Keep (2)' });
    const back = await f.wren.call('folders.move', { folderId, parentId: null, name: 'Keep' });
    expect(back).toMatchObject({ id: folderId, path: 'Keep' });
    await f.settled();
    expect(f.failed).toEqual([]);
    const paths = await serverPaths();
    expect([paths.has('Keep'), paths.has('Trash/Keep (2)'), paths.has('Trash/Keep')]).toEqual([true, false, true]);
    expect(subjects(await onServer(f.lab, bob().email, 'Keep'))).toEqual([...mail.keys()]);
  });

  it('refuses, changing nothing: into itself or below it, a special folder, a name taken there', async () => {
    for (const path of ['Outer', 'Outer/Inner', 'Shelf', 'Shelf/Outer']) await f.seed(path, 0);
    const outer = f.folderId('Outer');
    await expect(f.wren.call('folders.move', { folderId: outer, parentId: outer })).rejects.toMatchObject({ code: 'FolderIntoItself' });
    await expect(f.wren.call('folders.move', { folderId: outer, parentId: f.folderId('Outer/Inner') })).rejects.toMatchObject({ code: 'FolderIntoItself' });
    await expect(f.wren.call('folders.move', { folderId: f.folderId('Trash'), parentId: outer })).rejects.toMatchObject({ code: 'FolderProtected' });
    await expect(f.wren.call('folders.move', { folderId: outer, parentId: f.folderId('Shelf') })).rejects.toMatchObject({ code: 'FolderExists' });
    expect([local('Outer/Inner'), local('Shelf/Outer')].every(Boolean)).toBe(true);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
  });
});
