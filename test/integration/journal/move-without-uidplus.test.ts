import { describe, expect, it, vi } from 'vitest';
import { connectImap } from '../../lab/lab';
import { MOVELESS_UIDPLUSLESS_CAPABILITY } from '../../lab/lab-capabilities';
import { journalLab, onServer, subjects } from './journal-lab';

describe('moving on a server with neither MOVE nor UIDPLUS (plain EXPUNGE)', () => {
  const f = journalLab({ imapCapability: MOVELESS_UIDPLUSLESS_CAPABILITY });
  const bob = () => f.lab.users[1]!;
  const server = (folder: string) => onServer(f.lab, bob().email, folder);

  it('expunges with a plain EXPUNGE when the folder holds no other \\Deleted message', async () => {
    const client = await connectImap(f.lab, bob().email);
    expect([client.capabilities.has('MOVE'), client.capabilities.has('UIDPLUS')]).toEqual([false, false]);
    await client.logout();
    const seeded = await f.seed('Plain', 2);
    await f.seed('PlainTo', 1);
    await f.wren.call('messages.apply', { kind: 'move', messageIds: [[...seeded.values()][0]!], folderId: f.folderId('PlainTo') });
    await f.settled();
    const names = [...seeded.keys()];
    expect(subjects(await server('Plain'))).toEqual([names[1]]);
    expect(subjects(await server('PlainTo'))).toContain(names[0]);
    expect(subjects(f.local('PlainTo'))).toContain(names[0]);
  });

  it('never expunges another client\'s \\Deleted message: the originals stay marked \\Deleted, with a note', async () => {
    const note = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seeded = await f.seed('Guarded', 2);
    const names = [...seeded.keys()];
    await f.seed('GuardedTo', 1);
    const other = await connectImap(f.lab, bob().email);
    await other.mailboxOpen('Guarded');
    await other.messageFlagsAdd({ header: { subject: names[1]! } }, ['\\Deleted']);
    await other.logout();

    await f.wren.call('messages.apply', { kind: 'move', messageIds: [seeded.get(names[0]!)!], folderId: f.folderId('GuardedTo') });
    await f.settled();
    const source = await server('Guarded');
    expect(subjects(source)).toEqual(names);
    expect(source.every((m) => m.flags.includes('\\Deleted'))).toBe(true);
    expect(subjects(await server('GuardedTo'))).toContain(names[0]);
    expect(note).toHaveBeenCalledWith(expect.stringMatching(/Guarded: moved 1 message\(s\) to GuardedTo but left the originals marked \\Deleted/));
    note.mockRestore();
  });
});
