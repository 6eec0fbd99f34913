import { describe, expect, it } from 'vitest';
import { simpleMessage } from '../../lab/simple-message';
import { journalLab } from '../journal/journal-lab';
import { cachedSource, localFolder, localMessages } from './local-lab';

/** Dovecot's quota plugin (2K, filled by the first test): every APPEND is answered NO [OVERQUOTA]. */
describe('a move from a local folder into a mailbox over quota', () => {
  const f = journalLab({ quota: '2K' });

  /** Seeds (by APPEND) until the server refuses one: the mailbox is then full. */
  async function fillMailbox(): Promise<void> {
    for (let n = 100; n < 140; n += 1) {
      const refused = await f.lab.seed(f.lab.users[1]!.email, 'Full', [simpleMessage(n, { subject: 'Filler' })]).then(() => false, () => true);
      if (refused) return;
    }
    throw new Error('the quota never filled');
  }

  it('fails as ServerOverQuota (not a bare ServerSaid in the server\'s English), and the message is back in its local folder, whole', async () => {
    const held = await localFolder(f.wren, 'KeptHere');
    const [[name, id]] = [...(await f.seed('Before', 1))] as [[string, number]];
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: held });
    await f.settled();
    const source = cachedSource(f.wren, id);
    await f.seed('Full', 1);
    await fillMailbox();
    f.failed.length = 0;

    await f.wren.call('messages.apply', { kind: 'move', messageIds: [id], folderId: f.folderId('Full') });
    await f.settled();
    expect(f.failed).toEqual([expect.objectContaining({ kind: 'move', error: expect.objectContaining({ code: 'ServerOverQuota' }) })]);
    const back = localMessages(f.wren, held);
    expect(back.map((m) => m.subject)).toEqual([name]);
    expect(cachedSource(f.wren, back[0]!.id).equals(source)).toBe(true);
  });

  it('a draft saved into the full mailbox: the save fails as ServerOverQuota, in the user\'s words, not the server\'s', async () => {
    const save = f.wren.call('drafts.save', { accountId: f.accountId, to: [], subject: 'Refused draft', text: 'no room for it' });
    await expect(save).rejects.toMatchObject({ code: 'ServerOverQuota', details: expect.objectContaining({ responseCode: 'OVERQUOTA' }) });
  });
});
