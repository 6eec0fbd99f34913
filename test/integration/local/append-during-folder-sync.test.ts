import { describe, expect, it } from 'vitest';
import { syncFolder } from '../../../src-main/sync/sync-folder';
import { connectImap, recreateFolder } from '../../lab/lab';
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

    await moveSyncedBeforeReplay(id, 'Target', held);
    const server = await serverSources(f.lab, bob().email, 'Target');
    expect(server.filter((m) => m.messageId === messageIdOf(name))).toHaveLength(1);
    expect(f.local('Target').filter((m) => m.subject === name)).toHaveLength(1);
  });

  it('keeps it too when the target was renumbered meanwhile (a new UIDVALIDITY drops every cached UID, not the rows without one)', async () => {
    const held = await localFolder(f.wren, 'Held2');
    const [[name, id]] = [...(await f.seed('Origin2', 1))] as [[string, number]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: held });
    await f.settled();
    await f.seed('Renumbered', 1);
    await moveSyncedBeforeReplay(id, 'Renumbered', held, () => recreateFolder(f.lab, bob().email, 'Renumbered'));
    const server = await serverSources(f.lab, bob().email, 'Renumbered');
    expect(server.filter((m) => m.messageId === messageIdOf(name))).toHaveLength(1);
    expect(f.local('Renumbered').filter((m) => m.subject === name)).toHaveLength(1);
  });

  /**
   * Moves a local message to an IMAP folder while offline (the APPEND stays queued), then lets a sync
   * of that folder that had replayed the journal before the move (the Inbox's push, or a full sync
   * walking its folders) reach it: the moved row has no UID there yet. Then the replay and a sync.
   */
  async function moveSyncedBeforeReplay(id: number, path: string, from: number, meanwhile?: () => Promise<unknown>): Promise<void> {
    await f.goOffline();
    try {
      await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: f.folderId(path) });
    } finally {
      f.goOnline();
    }
    expect(localMessages(f.wren, from)).toEqual([]);
    await meanwhile?.();
    const client = await connectImap(f.lab, bob().email);
    try {
      await syncFolder(client, f.wren.core.store, f.wren.core.store.folders.get(f.folderId(path))!, () => undefined);
    } finally {
      await client.logout();
    }
    await f.wren.core.sync.run(f.accountId, false);
    await f.settled();
  }
});
