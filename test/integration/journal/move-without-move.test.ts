import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { MOVELESS_CAPABILITY } from '../../lab/lab-capabilities';
import { journalLab, onServer, subjects } from './journal-lab';

describe('moving on a server without MOVE (COPY + \\Deleted + UID EXPUNGE)', () => {
  const f = journalLab({ imapCapability: MOVELESS_CAPABILITY });
  const bob = () => f.lab.users[1]!;
  const server = (folder: string) => onServer(f.lab, bob().email, folder);

  it('the lab server really lacks MOVE and keeps UIDPLUS', async () => {
    const client = await connectImap(f.lab, bob().email);
    try {
      expect(client.capabilities.has('MOVE')).toBe(false);
      expect(client.capabilities.has('UIDPLUS')).toBe(true);
    } finally {
      await client.logout();
    }
  });

  it('moves and archives, leaving no copy behind and no other \\Deleted message expunged', async () => {
    const seeded = await f.seed('Source', 4);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    await f.seed('Target', 1);
    // Another client's pending deletion in the source: a plain EXPUNGE would take it too.
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxOpen('Source');
    await other.messageFlagsAdd({ header: { subject: names[3]! } }, ['\\Deleted']);
    await other.logout();

    await f.wren.call('messages.apply', { kind: 'move', messageIds: [ids[0]!, ids[1]!], folderId: f.folderId('Target') });
    await f.wren.call('messages.apply', { kind: 'archive', messageIds: [ids[2]!] });
    await f.settled();

    const source = await server('Source');
    expect(subjects(source)).toEqual([names[3]]);
    expect(source[0]!.flags).toContain('\\Deleted');
    expect(subjects(await server('Target'))).toEqual([names[0], names[1], 'Op Target 5'].sort());
    expect(subjects(await server('Archive'))).toEqual([names[2]]);
    const moved = f.local('Target').find((m) => m.subject === names[0])!;
    expect(moved.id).toBe(ids[0]);
    expect(moved.uid).not.toBeNull();
  });
});
