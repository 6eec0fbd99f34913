import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { journalLab, onServer, subjects } from './journal-lab';

describe('Archive on a server without an \\Archive folder (Dovecot with no Archive configured)', () => {
  const f = journalLab({ withoutArchive: true });
  const bob = () => f.lab.users[1]!;

  it('the lab server really has no \\Archive folder', async () => {
    const client = await connectImap(f.lab, bob().email);
    try {
      const folders = await client.list();
      expect(folders.some((folder) => folder.specialUse === '\\Archive')).toBe(false);
      expect(folders.some((folder) => folder.path === 'Archives')).toBe(false);
    } finally {
      await client.logout();
    }
  });

  it('makes "Archives" on the server and moves the mail there; the next archive, after a sync, finds the same folder', async () => {
    const seeded = await f.seed('INBOX', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const receipt = await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids[0]!] });
    expect(receipt).toMatchObject({ affected: 1, undoable: true });
    await f.settled();
    expect(subjects(await onServer(f.lab, bob().email, 'Archives'))).toEqual([names[0]]);
    expect(f.failed).toEqual([]);

    await f.wren.call('sync.run', { accountId: f.accountId, bodies: false });
    await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids[1]!] });
    await f.settled();
    expect(subjects(await onServer(f.lab, bob().email, 'Archives'))).toEqual([...names].sort());
    expect(subjects(await onServer(f.lab, bob().email, 'INBOX'))).toEqual([]);
    const archives = (await f.wren.call('folders.list', { accountId: f.accountId })).filter((folder) => folder.name === 'Archives');
    expect(archives).toHaveLength(1);
  });
});
