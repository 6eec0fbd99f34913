import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { serverFolderPaths } from '../../lab/server-subjects';
import { onServer, journalLab, subjects } from './journal-lab';
import { replayJournal } from '../../../src-main/sync/replay-journal';

/** Folder create/rename/delete/subscribe through the journal: local at once, offline too, replayed exactly once. */
describe('folder operations through the journal, against Dovecot', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;
  const serverPaths = () => serverFolderPaths(f.lab, bob());
  const local = (path: string) => f.wren.core.store.folders.list(f.accountId).find((folder) => folder.path === path);
  const asAnotherDevice = async (work: (client: Awaited<ReturnType<typeof connectImap>>) => Promise<unknown>) => {
    const client = await connectImap(f.lab, bob().email);
    try {
      await work(client);
    } finally {
      await client.logout();
    }
  };

  it('offline: create, rename, move mail into it, unsubscribe; all shown at once, and the server ends as asked on reconnect', async () => {
    const seeded = await f.seed('FolderSource', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.goOffline();
    const created = await f.wren.call('folders.create', { accountId: f.accountId, parentId: null, name: 'Trip' });
    expect(created).toMatchObject({ path: 'Trip', subscribed: true });
    const renamed = await f.wren.call('folders.rename', { folderId: created.id, name: 'Trip 2026' });
    expect(renamed).toMatchObject({ id: created.id, path: 'Trip 2026' });
    await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: created.id });
    const child = await f.wren.call('folders.create', { accountId: f.accountId, parentId: created.id, name: 'Hidden' });
    await f.wren.call('folders.subscribe', { folderId: child.id, subscribed: false });
    expect(subjects(f.local('Trip 2026'))).toEqual(names.sort());
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(5);
    expect((await serverPaths()).has('Trip')).toBe(false);

    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed.map((e) => [e.kind, e.error])).toEqual([]);
    const paths = await serverPaths();
    expect([paths.has('Trip'), paths.get('Trip 2026'), paths.get('Trip 2026/Hidden')]).toEqual([false, true, false]);
    expect(subjects(await onServer(f.lab, bob().email, 'Trip 2026'))).toEqual(names.sort());
    expect(await onServer(f.lab, bob().email, 'FolderSource')).toEqual([]);
    expect(local('Trip 2026')?.id).toBe(created.id);
    expect(subjects(f.local('Trip 2026'))).toEqual(names.sort());
  });

  it('deletes a folder in Trash for good, here at once and on the server after', async () => {
    await f.seed('Trash/DeleteMe', 1);
    await f.wren.call('folders.delete', { folderId: f.folderId('Trash/DeleteMe') });
    expect(local('Trash/DeleteMe')).toBeUndefined();
    await f.settled();
    expect((await serverPaths()).has('Trash/DeleteMe')).toBe(false);
  });

  it('the confirmation of a delete for good names the subfolders and their mail; the replay deletes exactly those', async () => {
    await f.seed('Trash/Gone', 2);
    await f.seed('Trash/Gone/Sub', 1);
    await f.seed('Trash/Gone/Sub/Deep', 3);
    const plan = await f.wren.call('folders.deletePlan', { folderId: f.folderId('Trash/Gone') });
    expect(plan).toEqual({
      path: 'Trash/Gone',
      messages: 2,
      subfolders: expect.arrayContaining([{ path: 'Trash/Gone/Sub', messages: 1 }, { path: 'Trash/Gone/Sub/Deep', messages: 3 }]),
      fate: 'inTrash',
      trashPath: null,
      onServer: true,
      filters: [],
    });
    expect(plan.subfolders).toHaveLength(2);
    await f.wren.call('folders.delete', { folderId: f.folderId('Trash/Gone'), subfolders: plan.subfolders.map((sub) => sub.path) });
    expect([local('Trash/Gone'), local('Trash/Gone/Sub'), local('Trash/Gone/Sub/Deep')]).toEqual([undefined, undefined, undefined]);
    await f.settled();
    const paths = await serverPaths();
    expect([paths.has('Trash/Gone'), paths.has('Trash/Gone/Sub'), paths.has('Trash/Gone/Sub/Deep')]).toEqual([false, false, false]);
  });

  it('a subfolder another device made after the delete was confirmed: FolderHasNewSubfolders, nothing deleted on the server', async () => {
    await f.seed('Keep', 2);
    await f.seed('Keep/Old', 1);
    await f.goOffline();
    f.failed.length = 0;
    const plan = await f.wren.call('folders.deletePlan', { folderId: f.folderId('Keep') });
    expect(plan).toEqual({ path: 'Keep', messages: 2, subfolders: [{ path: 'Keep/Old', messages: 1 }], fate: 'trash', trashPath: 'Trash/Keep', onServer: true, filters: [] });
    // Outside Trash a delete moves the folder there, whatever it holds; this asks for good, as the CLI's --permanent does.
    await f.wren.call('folders.delete', { folderId: f.folderId('Keep'), subfolders: ['Keep/Old'], permanent: true });
    expect(local('Keep')).toBeUndefined();
    await asAnotherDevice(async (client) => {
      await client.mailboxCreate('Keep/New');
      await client.append('Keep/New', 'Subject: written on the phone\r\n\r\nkeep me\r\n');
    });

    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed.map((e) => [e.kind, e.error.code, e.error.details])).toEqual([
      ['deleteFolder', 'FolderHasNewSubfolders', { folder: 'Keep', subfolders: ['Keep/New'] }],
    ]);
    const paths = await serverPaths();
    expect([paths.has('Keep'), paths.has('Keep/Old'), paths.has('Keep/New')]).toEqual([true, true, true]);
    expect((await onServer(f.lab, bob().email, 'Keep')).length).toBe(2);
    expect((await onServer(f.lab, bob().email, 'Keep/Old')).length).toBe(1);
    expect((await onServer(f.lab, bob().email, 'Keep/New')).length).toBe(1);
    expect([local('Keep'), local('Keep/Old'), local('Keep/New')].every(Boolean)).toBe(true); // the list is the server's again
  });

  it('a confirmation out of date here (a sync brought a subfolder since the dialog): refused, nothing deleted', async () => {
    await f.seed('Trash/Stale', 1);
    const plan = await f.wren.call('folders.deletePlan', { folderId: f.folderId('Trash/Stale') });
    expect(plan.subfolders).toEqual([]);
    await f.seed('Trash/Stale/Arrived', 1);
    await expect(f.wren.call('folders.delete', { folderId: f.folderId('Trash/Stale'), subfolders: [] })).rejects.toMatchObject({
      code: 'FolderHasNewSubfolders',
      details: { folder: 'Trash/Stale', subfolders: ['Trash/Stale/Arrived'] },
    });
    expect([local('Trash/Stale'), local('Trash/Stale/Arrived')].every(Boolean)).toBe(true);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
  });

  it('a name another device took meanwhile: FolderExists, announced, and the list is the server\'s', async () => {
    await f.goOffline();
    await f.wren.call('folders.create', { accountId: f.accountId, parentId: null, name: 'Taken' });
    await asAnotherDevice((client) => client.mailboxCreate('Taken'));
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed.map((e) => [e.kind, e.error.code])).toContainEqual(['createFolder', 'FolderExists']);
    expect(local('Taken')).toBeDefined();
  });

  it('a folder another device deleted before the rename was replayed: FolderGone, and the renamed folder goes', async () => {
    await f.seed('Doomed', 1);
    await f.goOffline();
    await f.wren.call('folders.rename', { folderId: f.folderId('Doomed'), name: 'Saved' });
    expect(local('Saved')).toBeDefined();
    await asAnotherDevice((client) => client.mailboxDelete('Doomed'));
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed.map((e) => [e.kind, e.error.code])).toContainEqual(['renameFolder', 'FolderGone']);
    expect([local('Saved'), local('Doomed')]).toEqual([undefined, undefined]);
    const paths = await serverPaths();
    expect([paths.has('Saved'), paths.has('Doomed')]).toEqual([false, false]);
  });

  describe('killed between asking the server and recording its answer', () => {
    /** The journal as a kill -9 leaves it: the entry marked sent, the server maybe already done. */
    async function replayAfterKill(serverDone: boolean, serverStep: (client: Awaited<ReturnType<typeof connectImap>>) => Promise<unknown>): Promise<void> {
      const [entry] = f.wren.core.store.operations.unfinished(f.accountId);
      f.wren.core.store.write(() => f.wren.core.store.operations.claim(entry!.id));
      if (serverDone) await asAnotherDevice(serverStep);
      await f.wren.core.sessions.use(f.accountId, 'read', (client) => replayJournal(client, f.wren.core.store, f.accountId));
    }

    it('a create the server had already made is done, not refused as a name taken, and made once', async () => {
      f.failed.length = 0;
      await f.goOffline();
      await f.wren.call('folders.create', { accountId: f.accountId, parentId: null, name: 'Once' });
      f.goOnline();
      await replayAfterKill(true, (client) => client.mailboxCreate('Once'));
      expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
      await f.settled();
      expect(f.failed).toEqual([]);
      expect((await serverPaths()).has('Once')).toBe(true);
    });

    it('a rename the server had already made is done; one it had not is made', async () => {
      await f.seed('RenameOnce', 1);
      await f.goOffline();
      await f.wren.call('folders.rename', { folderId: f.folderId('RenameOnce'), name: 'RenamedOnce' });
      f.goOnline();
      await replayAfterKill(true, (client) => client.mailboxRename('RenameOnce', 'RenamedOnce'));
      await f.goOffline();
      await f.wren.call('folders.rename', { folderId: f.folderId('RenamedOnce'), name: 'RenamedTwice' });
      f.goOnline();
      await replayAfterKill(false, async () => undefined);
      await f.settled();
      expect(f.failed).toEqual([]);
      const paths = await serverPaths();
      expect([paths.has('RenameOnce'), paths.has('RenamedOnce'), paths.has('RenamedTwice')]).toEqual([false, false, true]);
      expect(f.local('RenamedTwice')).toHaveLength(1);
    });
  });
});
