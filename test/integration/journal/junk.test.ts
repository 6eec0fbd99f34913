import { describe, expect, it } from 'vitest';
import { journalLab, onServer, subjects } from './journal-lab';

describe('junk and not junk against Dovecot: the keyword, and the move into or out of the Junk folder', () => {
  const f = journalLab();
  const server = (folder: string) => onServer(f.lab, f.lab.users[1]!.email, folder);

  it('junk: $Junk on the server and the message in Junk; not junk there: $NotJunk and back in the Inbox; one undo takes both back', async () => {
    const seeded = await f.seed('INBOX', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const junked = await f.wren.call('messages.apply', { kind: 'junk', messageIds: [ids[0]!], junk: true });
    expect(junked).toMatchObject({ affected: 1, undoable: true, operationIds: [expect.any(Number), junked.operationId] });
    expect(subjects(f.local('Junk'))).toEqual([names[0]]);
    await f.settled();
    const inJunk = await server('Junk');
    expect(subjects(inJunk)).toEqual([names[0]]);
    expect(inJunk[0]!.flags).toContain('$Junk');
    expect(subjects(await server('INBOX'))).toEqual([names[1]]);

    const rescued = await f.wren.call('messages.apply', { kind: 'junk', messageIds: [ids[0]!], junk: false });
    await f.settled();
    const inbox = await server('INBOX');
    expect(subjects(inbox)).toEqual([...names].sort());
    const back = inbox.find((message) => message.subject === names[0])!;
    expect(back.flags).toContain('$NotJunk');
    expect(back.flags).not.toContain('$Junk');
    expect(rescued.operationIds).toHaveLength(2);

    // Not junk outside the Junk folder: the keyword only, nothing moves.
    const kept = await f.wren.call('messages.apply', { kind: 'junk', messageIds: [ids[1]!], junk: false });
    expect(kept.operationIds).toHaveLength(1);

    // Undo of a junk: both entries, after the server had them: the message is back in the Inbox, without $Junk.
    const again = await f.wren.call('messages.apply', { kind: 'junk', messageIds: [ids[1]!], junk: true });
    await f.settled();
    for (const operationId of again.operationIds!) await f.wren.call('operations.undo', { operationId });
    await f.settled();
    const after = await server('INBOX');
    expect(subjects(after)).toEqual([...names].sort());
    expect(after.find((message) => message.subject === names[1])!.flags).not.toContain('$Junk');
    expect(f.failed).toEqual([]);
  });
});
