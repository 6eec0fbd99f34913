import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { journalLab, messageIdOf, onServer, subjects } from './journal-lab';

describe('mail operations through the journal, against Dovecot', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;
  const server = (folder: string) => onServer(f.lab, bob().email, folder);

  it('moves: the server has the message in the target only, and the local row keeps its id with its new UID', async () => {
    const ids = await f.seed('MoveFrom', 3);
    await f.seed('MoveTo', 1);
    const [first, second] = [...ids.values()];
    const receipt = await f.wren.call('messages.apply', { kind: 'move', messageIds: [first!, second!], folderId: f.folderId('MoveTo') });
    expect(receipt).toEqual({ operationId: expect.any(Number), affected: 2, undoable: true });
    // Stored locally at once, before the server has it.
    expect(subjects(f.local('MoveTo'))).toEqual(['Op MoveFrom 1', 'Op MoveFrom 2', 'Op MoveTo 4']);
    await f.settled();

    expect(subjects(await server('MoveFrom'))).toEqual(['Op MoveFrom 3']);
    const target = await server('MoveTo');
    expect(subjects(target)).toEqual(['Op MoveFrom 1', 'Op MoveFrom 2', 'Op MoveTo 4']);
    const moved = f.local('MoveTo').find((m) => m.subject === 'Op MoveFrom 1')!;
    expect(moved.id).toBe(first);
    expect(moved.uid).toBe(target.find((m) => m.subject === 'Op MoveFrom 1')!.uid);
    expect(subjects(f.local('MoveFrom'))).toEqual(['Op MoveFrom 3']);
  });

  it('copies: one more message in the target, the original stays, and the copy gets its UID', async () => {
    const ids = await f.seed('CopyFrom', 2);
    await f.seed('CopyTo', 1);
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [...ids.values()], folderId: f.folderId('CopyTo') });
    await f.settled();
    expect(subjects(await server('CopyFrom'))).toEqual(['Op CopyFrom 5', 'Op CopyFrom 6']);
    expect(subjects(await server('CopyTo'))).toEqual(['Op CopyFrom 5', 'Op CopyFrom 6', 'Op CopyTo 7']);
    expect(f.local('CopyTo').every((m) => m.uid !== null)).toBe(true);
    expect(subjects(f.local('CopyTo'))).toEqual(['Op CopyFrom 5', 'Op CopyFrom 6', 'Op CopyTo 7']);
  });

  it('deletes to Trash, then from Trash for good; archives to the Archive folder', async () => {
    const seeded = await f.seed('DeleteFrom', 3);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.wren.call('messages.apply', { kind: 'delete', messageIds: [ids[0]!] });
    await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids[1]!] });
    await f.settled();
    expect(subjects(await server('DeleteFrom'))).toEqual([names[2]]);
    expect(subjects(await server('Trash'))).toContain(names[0]);
    expect(subjects(await server('Archive'))).toEqual([names[1]]);

    const receipt = await f.wren.call('messages.apply', { kind: 'delete', messageIds: [ids[0]!] });
    expect(receipt.undoable).toBe(false);
    expect(subjects(f.local('Trash'))).not.toContain(names[0]);
    await f.settled();
    expect(subjects(await server('Trash'))).not.toContain(names[0]);
  });

  it('sets flags and keywords on a selection with one STORE, and marks a whole folder read', async () => {
    const ids = [...(await f.seed('Flags', 4)).values()];
    await f.wren.call('messages.apply', { kind: 'flags', messageIds: ids.slice(0, 3), add: ['\\Flagged', '$Forwarded'], remove: [] });
    await f.settled();
    const flagged = await server('Flags');
    expect(flagged.filter((m) => m.flags.includes('\\Flagged') && m.flags.includes('$Forwarded')).length).toBe(3);

    const receipt = await f.wren.call('folders.markRead', { folderId: f.folderId('Flags') });
    expect(receipt.affected).toBe(4);
    expect(f.local('Flags').every((m) => m.seen)).toBe(true);
    await f.settled();
    expect((await server('Flags')).every((m) => m.flags.includes('\\Seen'))).toBe(true);
  });

  it('tags and untags (Thunderbird\'s $label keywords), at once here and kept on the server, where another client sees them', async () => {
    const ids = [...(await f.seed('Tags', 2)).values()];
    await f.wren.call('messages.apply', { kind: 'flags', messageIds: ids, add: ['$label1', '$label4'], remove: [] });
    expect((await f.wren.call('messages.summary', { messageId: ids[0]! })).tags).toEqual(['$label1', '$label4']);
    await f.settled();
    expect((await server('Tags')).every((m) => m.flags.includes('$label1') && m.flags.includes('$label4'))).toBe(true);
    await f.wren.call('messages.apply', { kind: 'flags', messageIds: [ids[1]!], add: [], remove: ['$label1', '$label4'] });
    await f.settled();
    const tagged = (await server('Tags')).map((m) => m.flags.filter((flag) => flag.startsWith('$label')).sort());
    expect(tagged.sort()).toEqual([[], ['$label1', '$label4']]);
    expect((await f.wren.call('messages.summary', { messageId: ids[1]! })).tags).toEqual([]);
  });

  it('empties the Trash for good', async () => {
    const ids = [...(await f.seed('ToTrash', 2)).values()];
    await f.wren.call('messages.apply', { kind: 'delete', messageIds: ids });
    await f.settled();
    expect((await server('Trash')).length).toBeGreaterThan(0);
    const receipt = await f.wren.call('folders.empty', { folderId: f.folderId('Trash') });
    expect(receipt.undoable).toBe(false);
    expect(f.local('Trash')).toEqual([]);
    await f.settled();
    expect(await server('Trash')).toEqual([]);
  });

  it('offline: every operation is stored at once, and replayed in order on reconnect', async () => {
    const seeded = await f.seed('Offline', 5);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const [targetName] = [...(await f.seed('OfflineTo', 1)).keys()];
    await f.goOffline();
    await f.wren.call('messages.setFlags', { messageId: ids[0]!, seen: true, flagged: true });
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [ids[1]!, ids[2]!], folderId: f.folderId('OfflineTo') });
    // Moved while offline, then moved on: the second entry learns the first one's UIDs.
    await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids[2]!] });
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [ids[3]!], folderId: f.folderId('OfflineTo') });
    await f.wren.call('messages.apply', { kind: 'delete', messageIds: [ids[4]!] });
    expect(subjects(f.local('Offline'))).toEqual([names[0], names[3]]);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(5);

    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false); // the retry when the network is back
    await f.settled();
    const source = await server('Offline');
    expect(subjects(source)).toEqual([names[0], names[3]]);
    expect(source.find((m) => m.subject === names[0])!.flags).toEqual(['\\Flagged', '\\Seen']);
    expect(subjects(await server('OfflineTo'))).toEqual([names[1], names[3], targetName]);
    expect(subjects(await server('Archive'))).toContain(names[2]);
    expect(subjects(await server('Trash'))).toContain(names[4]);
    expect(f.local('Archive').find((m) => m.subject === names[2])!.id).toBe(ids[2]);
  });

  it('a message another device deleted first: operation.failed, and the local view returns to the server', async () => {
    const seeded = await f.seed('Conflict', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const [targetName] = [...(await f.seed('ConflictTo', 1)).keys()];
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxOpen('Conflict');
    await other.messageDelete({ header: { 'Message-ID': messageIdOf(names[0]!) } });
    await other.logout();
    f.failed.length = 0;

    const receipt = await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: f.folderId('ConflictTo') });
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ operationId: receipt.operationId, kind: 'move', error: expect.objectContaining({ code: 'NotFound', details: { missing: [messageIdOf(names[0]!)] } }) })]);
    expect(subjects(await server('ConflictTo'))).toEqual([names[1], targetName]);
    expect(subjects(f.local('ConflictTo'))).toEqual([names[1], targetName]);
    expect(subjects(f.local('Conflict'))).toEqual([]);
  });

  it('a message another device moved first: its flags are not set on another message, operation.failed, and it shows where the server has it', async () => {
    const seeded = await f.seed('Moved', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.seed('MovedElsewhere', 1);
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxOpen('Moved');
    await other.messageMove({ header: { 'Message-ID': messageIdOf(names[0]!) } }, 'MovedElsewhere');
    await other.logout();
    f.failed.length = 0;

    await f.wren.call('messages.apply', { kind: 'flags', messageIds: ids, add: ['\\Flagged'], remove: [] });
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ kind: 'flags', error: expect.objectContaining({ code: 'NotFound', details: { missing: [messageIdOf(names[0]!)] } }) })]);
    const elsewhere = await server('MovedElsewhere');
    expect(elsewhere.find((m) => m.subject === names[0])!.flags).not.toContain('\\Flagged');
    expect((await server('Moved')).map((m) => [m.subject, m.flags])).toEqual([[names[1], ['\\Flagged']]]);
    expect(subjects(f.local('Moved'))).toEqual([names[1]]);
    expect(subjects(f.local('MovedElsewhere'))).toContain(names[0]);
  });

  it('a target folder deleted on another device: operation.failed, nothing lost, the messages back where the server has them', async () => {
    const seeded = await f.seed('Stay', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.seed('Doomed', 1);
    const doomed = f.folderId('Doomed');
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxDelete('Doomed');
    await other.logout();
    f.failed.length = 0;

    await f.wren.call('messages.apply', { kind: 'move', messageIds: ids, folderId: doomed });
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ kind: 'move', error: expect.objectContaining({ code: 'FolderGone', details: { folder: 'Doomed' } }) })]);
    expect(subjects(await server('Stay'))).toEqual(names);
    expect(subjects(f.local('Stay'))).toEqual(names);
  });

  it('a folder renamed on another device while a flag change inside waits: FolderGone (Dovecot\'s NO to SELECT has no [NONEXISTENT]), and the messages show under the new name as the server has them', async () => {
    const seeded = await f.seed('RenamedAway', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.goOffline();
    await f.wren.call('messages.apply', { kind: 'flags', messageIds: ids, add: ['\\Flagged'], remove: [] });
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxRename('RenamedAway', 'RenamedHere');
    await other.logout();
    f.failed.length = 0;
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false).catch(() => undefined);
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ kind: 'flags', error: expect.objectContaining({ code: 'FolderGone', details: { folder: 'RenamedAway' } }) })]);
    expect(subjects(await server('RenamedHere'))).toEqual(names);
    expect(subjects(f.local('RenamedHere'))).toEqual(names);
    expect(f.local('RenamedHere').some((m) => m.flagged)).toBe(false);
    expect(f.wren.core.store.folders.list(f.accountId).map((x) => x.path)).not.toContain('RenamedAway');
  });

  it('undo: before replay it is reverted locally and never sent; after replay its inverse is', async () => {
    const seeded = await f.seed('Undo', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.goOffline();
    const pending = await f.wren.call('messages.apply', { kind: 'delete', messageIds: [ids[0]!] });
    await f.wren.call('operations.undo', { operationId: pending.operationId });
    expect(subjects(f.local('Undo'))).toEqual(names);
    expect(f.local('Undo').find((m) => m.id === ids[0])!.uid).not.toBeNull();
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false); // the retry when the network is back

    const read = await f.wren.call('messages.apply', { kind: 'flags', messageIds: ids, add: ['\\Seen'], remove: [] });
    const moved = await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids[1]!] });
    await f.settled();
    expect(subjects(await server('Undo'))).toEqual([names[0]]);
    await f.wren.call('operations.undo', { operationId: moved.operationId });
    await f.wren.call('operations.undo', { operationId: read.operationId });
    await f.settled();
    const back = await server('Undo');
    expect(subjects(back)).toEqual(names);
    expect(back.every((m) => !m.flags.includes('\\Seen'))).toBe(true);
    expect(subjects(await server('Archive'))).not.toContain(names[1]);
    expect(f.local('Undo').map((m) => m.id).sort()).toEqual([...ids].sort());
  });

  it('a message moved offline (its text never downloaded) says it is on its way, and reads once the move reached the server', async () => {
    const [id] = [...(await f.seed('Transit', 1)).values()];
    await f.goOffline();
    await f.wren.call('messages.apply', { kind: 'archive', messageIds: [id!] });
    await expect(f.wren.call('messages.read', { messageId: id! })).rejects.toMatchObject({ code: 'MessageInTransit' });
    f.goOnline();
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect((await f.wren.call('messages.read', { messageId: id! })).text).toMatch(/^Body \d+/);
  });

  it('refuses to undo a delete for good', async () => {
    const ids = [...(await f.seed('ForGood', 1)).values()];
    const receipt = await f.wren.call('messages.apply', { kind: 'delete', messageIds: ids, permanent: true });
    await expect(f.wren.call('operations.undo', { operationId: receipt.operationId })).rejects.toMatchObject({ code: 'BadRequest' });
    await f.settled();
    expect(await server('ForGood')).toEqual([]);
  });
});
