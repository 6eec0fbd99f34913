import { describe, expect, it } from 'vitest';
import { syncFolder } from '../../../src-main/sync/sync-folder';
import { connectImap } from '../../lab/lab';
import { journalLab, messageIdOf } from '../journal/journal-lab';
import { localFolder, localMessages, serverSources } from './local-lab';

describe('a move from a local folder to IMAP, while that folder is synced', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  it('keeps the message waiting for its APPEND when a header sync of the target runs before the replay, and appends it once', async () => {
    const held = await localFolder(f.wren, 'Held');
    const [[name, id]] = [...(await f.seed('Origin', 1))] as [[string, number]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: held });
    await f.settled();
    await f.seed('Target', 1);

    await f.goOffline(); // the APPEND stays queued
    try {
      await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: f.folderId('Target') });
    } finally {
      f.goOnline();
    }
    expect(localMessages(f.wren, held)).toEqual([]);
    // A sync of the target that had replayed the journal before the move was made (the Inbox's push, or a
    // full sync walking its folders) reaches the folder now: the moved row has no UID there yet.
    const client = await connectImap(f.lab, bob().email);
    try {
      const target = f.wren.core.store.folders.get(f.folderId('Target'))!;
      await syncFolder(client, f.wren.core.store, target, () => undefined);
    } finally {
      await client.logout();
    }

    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
    const server = await serverSources(f.lab, bob().email, 'Target');
    expect(server.filter((m) => m.messageId === messageIdOf(name))).toHaveLength(1);
    expect(f.local('Target').filter((m) => m.subject === name)).toHaveLength(1);
  });
});
