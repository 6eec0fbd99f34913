import { describe, expect, it } from 'vitest';
import { makeFolderReadOnly } from '../../lab/read-only-folder';
import { onServer, journalLab, subjects } from './journal-lab';

/** A folder the server lets this account read but not change (Dovecot ACL `owner lr`). */
describe('a read-only folder (Dovecot ACL)', () => {
  const f = journalLab({ acl: true });
  const bob = () => f.lab.users[1]!;

  it('a flag change, a move out and a copy in each fail as FolderReadOnly, announced; the local view returns to the server\'s', async () => {
    const shared = await f.seed('Shared', 2);
    const inbox = await f.seed('INBOX', 1);
    await makeFolderReadOnly(f.lab, bob().email, 'Shared');
    f.wren.core.sessions.closeAccount(f.accountId);
    f.wren.core.sync.dropConnection(f.accountId); // new sessions read the ACL
    const [flaggedName, movedName] = [...shared.keys()];
    const [flagged, moved] = [...shared.values()];
    const [copiedName] = [...inbox.keys()];
    const [copied] = [...inbox.values()];

    await f.wren.call('messages.apply', { kind: 'flags', messageIds: [flagged!], add: ['\\Flagged'], remove: [] });
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [moved!], folderId: f.folderId('INBOX') });
    await f.wren.call('messages.apply', { kind: 'copy', messageIds: [copied!], folderId: f.folderId('Shared') });
    expect(f.local('Shared').find((m) => m.subject === flaggedName)?.flagged).toBe(true); // shown at once, as always
    await f.settled();

    expect(f.failed.map((e) => [e.kind, e.error.code, e.error.details?.folder ?? e.error.details?.responseCode])).toEqual([
      ['flags', 'FolderReadOnly', 'Shared'],
      ['move', 'FolderReadOnly', 'Shared'],
      ['copy', 'FolderReadOnly', 'NOPERM'],
    ]);
    const server = await onServer(f.lab, bob().email, 'Shared');
    expect(subjects(server)).toEqual([flaggedName!, movedName!].sort());
    expect(server.every((m) => !m.flags.includes('\\Flagged'))).toBe(true);
    expect(subjects(await onServer(f.lab, bob().email, 'INBOX'))).toEqual([copiedName!]);
    // The cache is the server's again: nothing flagged, the moved message back, the copy gone.
    expect(subjects(f.local('Shared'))).toEqual([flaggedName!, movedName!].sort());
    expect(f.local('Shared').some((m) => m.flagged)).toBe(false);
    expect(subjects(f.local('INBOX'))).toEqual([copiedName!]);
  });

  it('a rename the server refuses (no right to rename it): FolderReadOnly, announced, and the folder keeps its name here and there', async () => {
    const kept = await f.seed('Fixed', 2);
    await makeFolderReadOnly(f.lab, bob().email, 'Fixed');
    f.wren.core.sessions.closeAccount(f.accountId);
    f.wren.core.sync.dropConnection(f.accountId);
    f.failed.length = 0;

    const renamed = await f.wren.call('folders.rename', { folderId: f.folderId('Fixed'), name: 'Moved On' });
    expect(renamed.path).toBe('Moved On'); // shown at once, as always
    await f.settled();

    expect(f.failed.map((e) => [e.kind, e.error.code, e.error.details?.responseCode])).toEqual([['renameFolder', 'FolderReadOnly', 'NOPERM']]);
    const folders = f.wren.core.store.folders.list(f.accountId).map((folder) => folder.path);
    expect([folders.includes('Fixed'), folders.includes('Moved On')]).toEqual([true, false]);
    expect(subjects(f.local('Fixed'))).toEqual([...kept.keys()].sort());
    expect(subjects(await onServer(f.lab, bob().email, 'Fixed'))).toEqual([...kept.keys()].sort());
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
  });
});
