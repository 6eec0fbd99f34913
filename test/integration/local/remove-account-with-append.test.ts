import { describe, expect, it } from 'vitest';
import { journalLab } from '../journal/journal-lab';
import { cachedSource, localFolder, localMessages } from './local-lab';

describe('removing an account while a move into it from a local folder waits for its APPEND', () => {
  const f = journalLab();

  it('puts the message back in its local folder: the account held the only copy, and it is not on the server', async () => {
    const held = await localFolder(f.wren, 'OnlyHere');
    const [[name, id]] = [...(await f.seed('Before', 1))] as [[string, number]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: held });
    await f.settled();
    const source = cachedSource(f.wren, id);
    await f.seed('Into', 1);

    await f.goOffline(); // the APPEND stays queued
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: f.folderId('Into') });
    expect(localMessages(f.wren, held)).toEqual([]);
    await f.wren.call('accounts.remove', { accountId: f.accountId });

    const back = localMessages(f.wren, held);
    expect(back.map((m) => m.subject)).toEqual([name]);
    expect(cachedSource(f.wren, back[0]!.id).equals(source)).toBe(true);
  });
});
