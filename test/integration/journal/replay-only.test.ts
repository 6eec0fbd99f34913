import { describe, expect, it, vi } from 'vitest';
import { connectImap } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { onServer, journalLab, subjects } from './journal-lab';

/**
 * A change the user makes goes to the server by a replay of the journal alone,
 * not a full sync: what another device did meanwhile is not fetched by it
 * (the next sync does that), unless the server refused the change, when the
 * folder pass follows to bring the cache back.
 */
describe('a new operation is replayed without a folder pass', () => {
  const f = journalLab();
  const bob = () => f.lab.users[1]!;

  it('flags reach the server while a message another device added stays unfetched until the next sync', async () => {
    const [id] = [...(await f.seed('ReplayOnly', 1)).values()];
    await f.lab.seed(bob().email, 'ReplayOnly', [simpleMessage(900, { subject: 'From elsewhere' })]);
    await f.wren.call('messages.setFlags', { messageId: id!, flagged: true });
    // replaySoon started a replay in the background; sync.run with replayOnly joins or repeats it.
    const outcome = await f.wren.call('sync.run', { accountId: f.accountId, replayOnly: true });
    expect(outcome.failures).toEqual([]);
    expect(outcome.summaries).toEqual([{ accountId: f.accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 }]);
    expect(f.wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    expect((await onServer(f.lab, bob().email, 'ReplayOnly')).find((m) => m.subject === 'Op ReplayOnly 1')!.flags).toEqual(['\\Flagged']);
    expect(subjects(f.local('ReplayOnly'))).toEqual(['Op ReplayOnly 1']);

    await f.wren.core.sync.run(f.accountId, false);
    expect(subjects(f.local('ReplayOnly'))).toEqual(['From elsewhere 900', 'Op ReplayOnly 1']);
  });

  it('a refused operation is followed by the folder pass: the local view returns to the server', async () => {
    const seeded = await f.seed('ReplayRefused', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const other = await connectImap(f.lab, bob().email);
    try {
      await other.mailboxOpen('ReplayRefused');
      await other.messageDelete('1', { uid: false }); // the oldest: names[0]
    } finally {
      await other.logout();
    }
    await f.wren.call('messages.apply', { kind: 'flags', messageIds: [ids[0]!], add: ['\\Flagged'], remove: [] });
    await f.wren.call('sync.run', { accountId: f.accountId, replayOnly: true });
    await vi.waitFor(() => expect(f.failed.map((e) => e.kind)).toContain('flags'));
    expect(subjects(f.local('ReplayRefused'))).toEqual([names[1]]);
  });
});
