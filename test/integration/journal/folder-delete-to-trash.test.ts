import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { serverFolderPaths } from '../../lab/server-subjects';
import { journalLab, onServer, subjects } from './journal-lab';

type Session = Awaited<ReturnType<typeof connectImap>>;

/** Thunderbird's folder delete against Dovecot: a folder outside Trash moves into it (one RENAME), mail and subfolders too. */
describe('deleting a folder moves it into Trash, against Dovecot', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;
  /** A second IMAP session: what another device (or webmail) sees, and does. */
  const asAnotherDevice = async <T>(work: (client: Session) => Promise<T>): Promise<T> => {
    const client = await connectImap(f.lab, bob().email);
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  };
  const serverPaths = () => serverFolderPaths(f.lab, bob());
  const local = (path: string) => f.wren.core.store.folders.byPath(f.accountId, path);

  it('moves the folder, its subfolders and their mail into Trash here at once, and on the server by the replay', async () => {
    const top = await f.seed('Projects', 2);
    const below = await f.seed('Projects/2026', 1);
    const [projectsId, yearId] = [f.folderId('Projects'), f.folderId('Projects/2026')];
    const plan = await f.wren.call('folders.deletePlan', { folderId: projectsId });
    expect(plan).toEqual({ path: 'Projects', messages: 2, subfolders: [{ path: 'Projects/2026', messages: 1 }], fate: 'trash', trashPath: 'Trash/Projects', onServer: true, filters: [] });

    expect(await f.wren.call('folders.delete', { folderId: projectsId, subfolders: ['Projects/2026'] })).toEqual({ movedTo: 'Trash/Projects', name: 'Projects' });
    expect([local('Projects'), local('Projects/2026')]).toEqual([undefined, undefined]);
    expect([local('Trash/Projects')?.id, local('Trash/Projects/2026')?.id]).toEqual([projectsId, yearId]);
    expect(f.local('Trash/Projects').map((m) => m.id).sort()).toEqual([...top.values()].sort());
    await f.settled();

    const paths = await serverPaths();
    expect([paths.has('Projects'), paths.has('Projects/2026')]).toEqual([false, false]);
    expect([paths.get('Trash/Projects'), paths.get('Trash/Projects/2026')]).toEqual([true, true]); // subscribed under the new names
    expect(subjects(await onServer(f.lab, bob().email, 'Trash/Projects'))).toEqual([...top.keys()].sort());
    expect(subjects(await onServer(f.lab, bob().email, 'Trash/Projects/2026'))).toEqual([...below.keys()]);
    // The sync after it agrees: the same rows, nothing fetched again.
    expect(f.local('Trash/Projects/2026').map((m) => m.id)).toEqual([...below.values()]);
    expect(f.failed).toEqual([]);
  });

  it('Empty Trash deletes the folders deleted into it too, with their subfolders and mail, here and on the server', async () => {
    await f.seed('Bin', 2);
    await f.seed('Bin/Inner', 1);
    const loose = [...(await f.seed('Loose', 1)).values()];
    await f.wren.call('folders.delete', { folderId: f.folderId('Bin') });
    await f.wren.call('messages.apply', { kind: 'delete', messageIds: loose });
    await f.settled();
    expect((await serverPaths()).has('Trash/Bin/Inner')).toBe(true);

    await f.wren.call('folders.empty', { folderId: f.folderId('Trash') });
    expect([local('Trash/Bin'), local('Trash/Bin/Inner')]).toEqual([undefined, undefined]);
    expect(f.local('Trash')).toEqual([]);
    await f.settled();
    expect(f.failed).toEqual([]);
    const paths = await serverPaths();
    expect([paths.has('Trash'), paths.has('Trash/Bin'), paths.has('Trash/Bin/Inner')]).toEqual([true, false, false]);
    expect(await asAnotherDevice(async (client) => (await client.mailboxOpen('Trash', { readOnly: true })).exists)).toBe(0);
  });

  it('names it "<name> (2)" when Trash already holds a folder of that name, on the server too', async () => {
    await f.seed('Trash/Notes', 1);
    await f.seed('Notes', 3);
    expect((await f.wren.call('folders.deletePlan', { folderId: f.folderId('Notes') })).trashPath).toBe('Trash/Notes (2)');
    expect(await f.wren.call('folders.delete', { folderId: f.folderId('Notes') })).toEqual({ movedTo: 'Trash/Notes (2)', name: 'Notes (2)' });
    await f.settled();
    expect((await onServer(f.lab, bob().email, 'Trash/Notes')).length).toBe(1);
    expect((await onServer(f.lab, bob().email, 'Trash/Notes (2)')).length).toBe(3);
    expect((await serverPaths()).has('Notes')).toBe(false);
  });

  it('the move refused on the server (Trash took the name meanwhile): announced as the delete that failed, the folder back where the server has it', async () => {
    const seeded = await f.seed('Clash', 2);
    await f.goOffline();
    f.failed.length = 0;
    expect(await f.wren.call('folders.delete', { folderId: f.folderId('Clash') })).toEqual({ movedTo: 'Trash/Clash', name: 'Clash' });
    await asAnotherDevice((client) => client.mailboxCreate('Trash/Clash'));

    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed.map((event) => [event.kind, event.error.code])).toEqual([['deleteFolder', 'FolderExists']]);
    expect(subjects(await onServer(f.lab, bob().email, 'Clash'))).toEqual([...seeded.keys()].sort());
    expect(await onServer(f.lab, bob().email, 'Trash/Clash')).toEqual([]);
    // The local view is the server's again: Clash with its mail, Trash/Clash the other device's empty folder.
    expect(subjects(f.local('Clash'))).toEqual([...seeded.keys()].sort());
    expect(f.local('Trash/Clash')).toEqual([]);
  });
});
