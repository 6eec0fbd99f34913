import { describe, expect, it } from 'vitest';
import { undoOperation } from '../../../src-main/journal/undo-operation';
import { connectImap } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { localFolder, localMessages } from '../local/local-lab';
import { journalLab, onServer, subjects, type JournalFixture } from './journal-lab';

/**
 * Undo of Copy to…, as Thunderbird's: the copies go for good, the originals
 * stay. Each target already holds another message of the copied message's
 * Message-ID (a resend, an earlier import): it must survive every Undo.
 */
describe('undo of a copy, against Dovecot', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;
  const server = (folder: string) => onServer(f.lab, bob().email, folder);

  it('after the copy reached the server: the copy is deleted there by its UID, the older message of its Message-ID stays', async () => {
    const { id, name, before } = await copySource(f, 'CopiedFrom', 'CopiedTo');
    const receipt = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: f.folderId('CopiedTo') });
    expect(receipt.undoable).toBe(true);
    await f.settled();
    expect(subjects(await server('CopiedTo'))).toEqual([name, name]);

    await f.wren.call('operations.undo', { operationId: receipt.operationId });
    expect(f.local('CopiedTo').map((m) => m.uid)).toEqual(before.map((m) => m.uid)); // here at once
    await f.settled();
    expect(await server('CopiedTo')).toEqual(before);
    expect(subjects(await server('CopiedFrom'))).toEqual([name]);
    expect(f.local('CopiedFrom').map((m) => m.id)).toEqual([id]);
    await expect(f.wren.call('operations.undo', { operationId: receipt.operationId })).rejects.toMatchObject({ code: 'BadRequest' });
    expect(f.failed).toEqual([]);
  });

  it('before the copy reached the server (offline): nothing reaches it, neither the copy nor a delete', async () => {
    const { id, name, before } = await copySource(f, 'OfflineCopyFrom', 'OfflineCopyTo');
    const uidNext = await uidNextOf(f, 'OfflineCopyTo');
    await f.goOffline();
    try {
      const receipt = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: f.folderId('OfflineCopyTo') });
      expect(f.local('OfflineCopyTo')).toHaveLength(2);
      await f.wren.call('operations.undo', { operationId: receipt.operationId });
      expect(f.local('OfflineCopyTo').map((m) => m.uid)).toEqual(before.map((m) => m.uid));
      expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    } finally {
      f.goOnline();
    }
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(await server('OfflineCopyTo')).toEqual(before);
    expect(await uidNextOf(f, 'OfflineCopyTo')).toBe(uidNext); // no message ever went in (a copy and its delete would have taken a UID)
    expect(subjects(await server('OfflineCopyFrom'))).toEqual([name]);
    expect(f.failed).toEqual([]);
  });

  it('a replay cut off after its COPY, before the UID was recorded: the copy is found above the UIDNEXT it had, never the older one', async () => {
    const { id, before } = await copySource(f, 'CutFrom', 'CutTo');
    const uid = f.local('CutFrom')[0]!.uid!;
    await f.goOffline(); // the entry stays queued
    let operationId: number;
    try {
      ({ operationId } = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: f.folderId('CutTo') }));
    } finally {
      f.goOnline();
    }
    // What a killed replay leaves: the entry sent with the target's UIDNEXT, the copy made on the server, its UID unknown here.
    const client = await connectImap(f.lab, bob().email);
    try {
      const status = await client.status('CutTo', { uidNext: true, uidValidity: true });
      if (!status) throw new Error('no folder CutTo');
      f.wren.core.store.write(() => f.wren.core.store.operations.claim(operationId, { uidNext: status.uidNext!, uidValidity: Number(status.uidValidity) }));
      await client.mailboxOpen('CutFrom');
      await client.messageCopy(String(uid), 'CutTo', { uid: true });
    } finally {
      await client.logout();
    }
    await f.wren.call('operations.undo', { operationId });
    expect(f.local('CutTo').map((m) => m.uid)).toEqual(before.map((m) => m.uid));
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(await server('CutTo')).toEqual(before); // the resumed copy was not repeated, its delete took the copy only
    expect(f.failed).toEqual([]);
  });

  it('its delete killed after the EXPUNGE, before it was recorded done: resumed, it finds the copy gone, as asked, and reports no failure', async () => {
    const { id, before } = await copySource(f, 'ResumedFrom', 'ResumedTo');
    const receipt = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: f.folderId('ResumedTo') });
    await f.settled();
    const store = f.wren.core.store;
    undoOperation(store, receipt.operationId); // journaled, not replayed by this core
    const [undo] = store.operations.unfinished(f.accountId);
    store.write(() => store.operations.claim(undo!.id));
    const client = await connectImap(f.lab, bob().email);
    try {
      await client.mailboxOpen('ResumedTo');
      await client.messageDelete(String(undo!.items[0]!.uid), { uid: true }); // what the killed replay did
    } finally {
      await client.logout();
    }
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(f.failed).toEqual([]);
    expect(await server('ResumedTo')).toEqual(before);
  });

  it('into a Local Folder: the copy goes here, nothing is asked of the server', async () => {
    const [name, id] = [...(await f.seed('ToLocalFrom', 1))][0]!;
    const folder = await localFolder(f.wren, 'CopyUndoLocal');
    const receipt = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id!], folderId: folder });
    expect(receipt.undoable).toBe(true);
    expect(subjects(localMessages(f.wren, folder))).toEqual([name]);
    await f.wren.call('operations.undo', { operationId: receipt.operationId });
    expect(localMessages(f.wren, folder)).toEqual([]);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    await f.settled();
    expect(subjects(await server('ToLocalFrom'))).toEqual([name]);
    expect(f.local('ToLocalFrom').map((m) => m.id)).toEqual([id]);
  });

  it('a copy the user moved away since refuses the Undo (CopyChanged): nothing is deleted, here or there', async () => {
    const { id, name } = await copySource(f, 'MovedCopyFrom', 'MovedCopyTo');
    const receipt = await f.wren.call('messages.apply', { kind: 'copy', messageIds: [id], folderId: f.folderId('MovedCopyTo') });
    await f.settled();
    const copyId = f.wren.core.store.operations.get(receipt.operationId)!.items[0]!.resultRowId!;
    await f.seed('MovedCopyAway', 1);
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [copyId], folderId: f.folderId('MovedCopyAway') });

    await expect(f.wren.call('operations.undo', { operationId: receipt.operationId })).rejects.toMatchObject({ code: 'CopyChanged' });
    await f.settled();
    expect(subjects(await server('MovedCopyAway'))).toContain(name);
    expect(subjects(await server('MovedCopyTo'))).toEqual([name]);
    expect(subjects(await server('MovedCopyFrom'))).toEqual([name]);
  });
});

/**
 * One message to copy, and in the target another message of its Message-ID (and subject) from before;
 * gives the message's id and name, and the target as the server lists it before the copy.
 */
async function copySource(f: JournalFixture, from: string, to: string) {
  const [name, id] = [...(await f.seed(from, 1))][0]!;
  const n = Number(name!.split(' ').at(-1));
  await f.lab.seed(f.user, to, [simpleMessage(n, { subject: `Op ${from}` })]);
  await f.wren.core.sync.run(f.accountId, false);
  const before = await onServer(f.lab, f.user, to);
  expect(subjects(before)).toEqual([name]);
  return { id: id!, name: name!, before };
}

async function uidNextOf(f: JournalFixture, folder: string): Promise<number> {
  const client = await connectImap(f.lab, f.user);
  try {
    const status = await client.status(folder, { uidNext: true });
    if (!status) throw new Error(`no folder ${folder}`);
    return status.uidNext!;
  } finally {
    await client.logout();
  }
}
