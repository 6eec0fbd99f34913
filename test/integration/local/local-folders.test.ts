import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journalLab, messageIdOf, onServer, subjects } from '../journal/journal-lab';
import { cachedSource, localFolder, localMessages, serverSources } from './local-lab';

describe('local folders, and moves between them and IMAP, against Dovecot', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  const localPaths = async () => (await f.wren.call('folders.list', { accountId: null })).map((folder) => folder.path);

  it('creates, nests, renames and deletes local folders: into the Local Folders\' Trash, and from there for good with their mail and its files', async () => {
    const projects = await f.wren.call('folders.create', { accountId: null, name: 'Projects' });
    const year = await f.wren.call('folders.create', { accountId: null, parentId: projects.id, name: '2026' });
    expect(year).toMatchObject({ accountId: null, parentId: projects.id, path: 'Projects/2026', name: '2026' });
    await expect(f.wren.call('folders.create', { accountId: null, name: 'Projects' })).rejects.toMatchObject({ code: 'FolderExists' });
    await expect(f.wren.call('folders.create', { accountId: null, name: 'a/b' })).rejects.toMatchObject({ code: 'FolderNameInvalid', details: { delimiter: '/' } });

    await f.wren.call('folders.rename', { folderId: projects.id, name: 'Work' });
    expect(await localPaths()).toEqual(expect.arrayContaining(['Work', 'Work/2026']));
    expect(await localPaths()).not.toContain('Projects/2026');

    // Mail in the subfolder, from the server: its source is now a file here.
    const [id] = [...(await f.seed('ForDelete', 1)).values()];
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id!], folderId: year.id });
    const [copy] = localMessages(f.wren, year.id);
    const file = f.wren.core.store.blobs.pathOf(f.wren.core.store.bodies.source(copy!.id)!.blob);
    expect(existsSync(file)).toBe(true);

    // The original still names the same content (blobs are shared by content): the file stays until it goes too.
    expect(await f.wren.call('folders.deletePlan', { folderId: projects.id })).toEqual({
      path: 'Work', messages: 0, subfolders: [{ path: 'Work/2026', messages: 1 }], fate: 'trash', trashPath: 'Trash/Work', onServer: false, filters: [],
    });
    expect(await f.wren.call('folders.delete', { folderId: projects.id })).toEqual({ movedTo: 'Trash/Work', name: 'Work' });
    expect(await localPaths()).toEqual(expect.arrayContaining(['Trash/Work', 'Trash/Work/2026']));
    expect(localMessages(f.wren, year.id)).toHaveLength(1);
    expect((await f.wren.call('folders.deletePlan', { folderId: projects.id })).fate).toBe('inTrash');
    expect(await f.wren.call('folders.delete', { folderId: projects.id })).toEqual({ deleted: true });
    expect((await localPaths()).filter((path) => path.includes('Work'))).toEqual([]);
    expect(f.wren.core.store.messages.get(copy!.id)).toBeUndefined();
    expect(existsSync(file)).toBe(true);
    const again = await localFolder(f.wren, 'Again');
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id!], folderId: again });
    await f.settled();
    await f.wren.call('folders.delete', { folderId: again, permanent: true });
    expect(existsSync(file)).toBe(false);
  });

  it('moves a local folder with its subfolders and mail into another, or to the top renamed; never into itself', async () => {
    const box = await f.wren.call('folders.create', { accountId: null, name: 'Box' });
    const inner = await f.wren.call('folders.create', { accountId: null, parentId: box.id, name: 'Inner' });
    const shelf = await f.wren.call('folders.create', { accountId: null, name: 'Shelf' });
    const [id] = [...(await f.seed('ForBox', 1)).values()];
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id!], folderId: inner.id });

    expect(await f.wren.call('folders.move', { folderId: box.id, parentId: shelf.id })).toMatchObject({ path: 'Shelf/Box', parentId: shelf.id });
    expect(await localPaths()).toEqual(expect.arrayContaining(['Shelf/Box', 'Shelf/Box/Inner']));
    expect(localMessages(f.wren, inner.id)).toHaveLength(1);
    await expect(f.wren.call('folders.move', { folderId: box.id, parentId: inner.id })).rejects.toMatchObject({ code: 'FolderIntoItself' });
    await f.wren.call('folders.create', { accountId: null, name: 'Inner' });
    await expect(f.wren.call('folders.move', { folderId: inner.id, parentId: null })).rejects.toMatchObject({ code: 'FolderExists' });
    expect(await f.wren.call('folders.move', { folderId: inner.id, parentId: null, name: 'Loose' })).toMatchObject({ path: 'Loose', parentId: null });
    expect(await localPaths()).not.toContain('Shelf/Box/Inner');
    expect(localMessages(f.wren, inner.id)).toHaveLength(1);
  });

  it('moves and copies between local folders at once, sets flags, and undoes a local move', async () => {
    const [a, b] = [await localFolder(f.wren, 'L1'), await localFolder(f.wren, 'L2')];
    const seeded = await f.seed('ToL1', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: a });
    await f.settled();
    expect(subjects(localMessages(f.wren, a))).toEqual(names);

    const moved = await f.wren.call('messages.apply', { kind: 'move', messageIds: [ids[0]!], folderId: b });
    expect(moved).toMatchObject({ affected: 1, undoable: true });
    expect(subjects(localMessages(f.wren, b))).toEqual([names[0]]);
    await f.wren.call('operations.undo', { operationId: moved.operationId });
    expect(subjects(localMessages(f.wren, a))).toEqual(names);
    expect(localMessages(f.wren, b)).toEqual([]);

    const copied = await f.wren.call('messages.apply', { kind: 'copy', messageIds: ids, folderId: b });
    expect(copied.undoable).toBe(true);
    expect(subjects(localMessages(f.wren, b))).toEqual(names);
    expect(localMessages(f.wren, b).map((m) => m.id)).not.toContain(ids[0]);

    await f.wren.call('messages.apply', { kind: 'flags', messageIds: [ids[1]!], add: ['\\Flagged'], remove: [] });
    expect(localMessages(f.wren, a).find((m) => m.id === ids[1])!.flagged).toBe(true);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0); // nothing for any server

    // "Mark all as read" from a local folder's menu, and its undo.
    const read = await f.wren.call('folders.markRead', { folderId: a });
    expect(read).toMatchObject({ affected: 2, undoable: true });
    expect(localMessages(f.wren, a).every((m) => m.seen)).toBe(true);
    await f.wren.call('operations.undo', { operationId: read.operationId });
    expect(localMessages(f.wren, a).some((m) => m.seen)).toBe(false);
  });

  it("deletes in a local folder go to the Local Folders' Trash (undoable); in Trash for good, with their files; the Trash is kept", async () => {
    const kept = await localFolder(f.wren, 'Keep');
    const seeded = await f.seed('ToTrash', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: kept });
    await f.settled();
    const file = f.wren.core.store.blobs.pathOf(f.wren.core.store.bodies.source(ids[0]!)!.blob);

    const deleted = await f.wren.call('messages.apply', { kind: 'delete', messageIds: ids });
    expect(deleted).toMatchObject({ affected: 2, forGood: 0, undoable: true });
    const trash = (await f.wren.call('folders.list', { accountId: null })).find((folder) => folder.role === 'trash')!;
    expect(trash).toMatchObject({ path: 'Trash', accountId: null });
    expect(subjects(localMessages(f.wren, trash.id))).toEqual(names);
    await f.wren.call('operations.undo', { operationId: deleted.operationId });
    expect(subjects(localMessages(f.wren, kept))).toEqual(names);

    await f.wren.call('messages.apply', { kind: 'delete', messageIds: ids });
    const forGood = await f.wren.call('messages.apply', { kind: 'delete', messageIds: [ids[0]!] });
    expect(forGood).toMatchObject({ affected: 1, forGood: 1, undoable: false });
    expect(f.wren.core.store.messages.get(ids[0]!)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(await f.wren.call('folders.empty', { folderId: trash.id })).toMatchObject({ affected: 1, undoable: false });
    expect(localMessages(f.wren, trash.id)).toEqual([]);

    await expect(f.wren.call('folders.delete', { folderId: trash.id })).rejects.toMatchObject({ code: 'FolderProtected' });
    await expect(f.wren.call('folders.rename', { folderId: trash.id, name: 'Bin' })).rejects.toMatchObject({ code: 'FolderProtected' });
    // A permanent delete skips the Trash.
    const [other] = [...(await f.seed('ToGone', 1)).values()];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [other!], folderId: kept });
    await f.settled();
    expect(await f.wren.call('messages.apply', { kind: 'delete', messageIds: [other!], permanent: true })).toMatchObject({ forGood: 1 });
    expect(localMessages(f.wren, trash.id)).toEqual([]);
  });

  it('moves from IMAP into a local folder: the source is kept, the server loses it, and it reads, lists and flags offline', async () => {
    const kept = await localFolder(f.wren, 'Kept');
    const seeded = await f.seed('ToLocal', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [ids[0]!], folderId: kept });
    await f.settled();
    expect(subjects(await onServer(f.lab, bob().email, 'ToLocal'))).toEqual([names[1]]);
    const [row] = localMessages(f.wren, kept);
    expect(row).toMatchObject({ id: ids[0], subject: names[0], uid: null });

    await f.goOffline();
    try {
      const view = await f.wren.call('messages.read', { messageId: ids[0]! });
      expect(view.text).toContain(`Body ${names[0]!.split(' ').pop()}`);
      await f.wren.call('messages.apply', { kind: 'flags', messageIds: [ids[0]!], add: ['\\Flagged'], remove: [] });
      expect(localMessages(f.wren, kept)[0]).toMatchObject({ seen: true, flagged: true });
      expect((await f.wren.call('messages.list', { folderId: kept })).total).toBe(1);
    } finally {
      f.goOnline();
    }
  });

  it('moves from a local folder to IMAP by APPEND: flags kept, the source byte for byte, once; undo brings it back', async () => {
    const kept = (await f.wren.call('folders.list', { accountId: null })).find((folder) => folder.path === 'Kept')!.id;
    const [row] = localMessages(f.wren, kept);
    const source = cachedSource(f.wren, row!.id);
    const [seededName] = [...(await f.seed('FromLocal', 1)).keys()];
    const receipt = await f.wren.call('messages.apply', { kind: 'move', messageIds: [row!.id], folderId: f.folderId('FromLocal') });
    expect(localMessages(f.wren, kept)).toEqual([]);
    await f.settled();

    const server = await serverSources(f.lab, bob().email, 'FromLocal');
    const appended = server.filter((m) => m.messageId === messageIdOf(row!.subject));
    expect(appended).toHaveLength(1);
    expect(appended[0]!.flags).toEqual(['\\Flagged', '\\Seen']);
    expect(appended[0]!.source.equals(source)).toBe(true);
    expect(f.local('FromLocal').find((m) => m.id === row!.id)).toMatchObject({ uid: appended[0]!.uid });

    // Undo after the server has it: back to the local folder, and gone from the server.
    await f.wren.call('operations.undo', { operationId: receipt.operationId });
    await f.settled();
    expect(localMessages(f.wren, kept).map((m) => m.id)).toEqual([row!.id]);
    expect(subjects(await onServer(f.lab, bob().email, 'FromLocal'))).toEqual([seededName]);
  });

  it('copies both ways: IMAP → local keeps the original on the server; local → IMAP appends a copy', async () => {
    const copies = await localFolder(f.wren, 'Copies');
    const [name, id] = [...(await f.seed('CopyOut', 1))][0]!;
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id!], folderId: copies });
    await f.settled();
    expect(subjects(await onServer(f.lab, bob().email, 'CopyOut'))).toEqual([name]);
    const [local] = localMessages(f.wren, copies);
    expect(local!.subject).toBe(name);

    const [inName] = [...(await f.seed('CopyIn', 1)).keys()];
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [local!.id], folderId: f.folderId('CopyIn') });
    await f.settled();
    expect(subjects(await onServer(f.lab, bob().email, 'CopyIn'))).toEqual([inName, name].sort());
    expect(localMessages(f.wren, copies).map((m) => m.id)).toEqual([local!.id]);
  });

  it('an APPEND replay interrupted after the server stored a message does not store it twice', async () => {
    const outbox = await localFolder(f.wren, 'Resend');
    const seeded = await f.seed('ResendFrom', 3);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: outbox });
    await f.settled();
    await f.seed('ResendTo', 1);
    await f.goOffline(); // the entry stays queued
    try {
      await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: f.folderId('ResendTo') });
    } finally {
      f.goOnline();
    }
    // A replay that claimed the entry and APPENDed the first message, then died before recording it.
    const [entry] = f.wren.core.store.operations.unfinished(f.accountId);
    const before = (await serverSources(f.lab, bob().email, 'ResendTo')).length;
    const status = await statusOf('ResendTo');
    f.wren.core.store.write(() => f.wren.core.store.operations.claim(entry!.id, status));
    await f.lab.seed(bob().email, 'ResendTo', [cachedSource(f.wren, ids[0]!)]);
    expect((await serverSources(f.lab, bob().email, 'ResendTo')).length).toBe(before + 1);

    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    const server = await serverSources(f.lab, bob().email, 'ResendTo');
    for (const name of names) expect(server.filter((m) => m.messageId === messageIdOf(name))).toHaveLength(1);
    expect(f.failed).toEqual([]);
  });

  async function statusOf(path: string): Promise<{ uidNext: number; uidValidity: number }> {
    const { connectImap } = await import('../../lab/lab');
    const client = await connectImap(f.lab, bob().email);
    try {
      const status = await client.status(path, { uidNext: true, uidValidity: true });
      if (!status) throw new Error(`no folder ${path}`);
      return { uidNext: status.uidNext!, uidValidity: Number(status.uidValidity) };
    } finally {
      await client.logout();
    }
  }
});
