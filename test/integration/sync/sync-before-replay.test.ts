import { describe, expect, it } from 'vitest';
import { syncFolder } from '../../../src-main/sync/sync-folder';
import { connectImap } from '../../lab/lab';
import { journalLab, subjects } from '../journal/journal-lab';

describe('a folder synced after a move out of it was made here, before its replay', () => {
  const f = journalLab();

  it('does not bring the moved message back (it is on its way to Trash, not new mail)', async () => {
    const seeded = await f.seed('Kept', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.goOffline(); // the move stays queued
    try {
      await f.wren.call('messages.apply', { kind: 'delete', messageIds: [ids[0]!] });
    } finally {
      f.goOnline();
    }
    // The Inbox's push, or a full sync walking its folders after its own replay, reaches the folder now.
    const client = await connectImap(f.lab, f.user);
    try {
      await syncFolder(client, f.wren.core.store, f.wren.core.store.folders.get(f.folderId('Kept'))!, () => undefined);
    } finally {
      await client.logout();
    }
    expect(subjects(f.local('Kept'))).toEqual([names[1]]);

    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    expect(subjects(f.local('Kept'))).toEqual([names[1]]);
    expect(subjects(f.local('Trash')).filter((s) => s === names[0])).toHaveLength(1);
  });
});
