import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { journalLab } from '../journal/journal-lab';
import { cachedSource, localFolder, localMessages } from './local-lab';

describe('a move from a local folder to IMAP that the server refuses, the local folder deleted meanwhile', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  it('puts the message back in a local folder of the same name (its only copy), not in the gone target', async () => {
    const emptied = await localFolder(f.wren, 'Emptied');
    const [[name, id]] = [...(await f.seed('Start', 1))] as [[string, number]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: emptied });
    await f.settled();
    const source = cachedSource(f.wren, id);
    await f.seed('Gone', 1);

    await f.goOffline(); // the APPEND stays queued
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: f.folderId('Gone') });
    await f.wren.call('folders.delete', { folderId: emptied, permanent: true }); // empty now: the user tidies up
    f.goOnline();
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxDelete('Gone'); // another device
    await other.logout();
    f.failed.length = 0;

    await f.wren.core.sync.run(f.accountId, false).catch(() => undefined);
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ kind: 'move', error: expect.objectContaining({ code: 'FolderGone' }) })]);
    const kept = f.wren.core.store.db.prepare(
      'SELECT m.id FROM messages m JOIN folders fo ON fo.id = m.folder_id WHERE fo.account_id IS NULL AND m.subject = ?',
    ).pluck().all(name) as number[];
    expect(kept).toHaveLength(1);
    expect(cachedSource(f.wren, kept[0]!).equals(source)).toBe(true);
    expect(localMessages(f.wren, (await localFolder(f.wren, 'Emptied'))).map((m) => m.id)).toEqual(kept);
  });
});
