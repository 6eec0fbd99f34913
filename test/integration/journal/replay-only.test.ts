import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectImap, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import type { TestCore } from '../imap/lab-core';
import { JournalFixture, onServer, startJournalLab, stopJournalLab, subjects } from './journal-lab';

/**
 * A change the user makes goes to the server by a replay of the journal alone,
 * not a full sync: what another device did meanwhile is not fetched by it
 * (the next sync does that), unless the server refused the change, when the
 * folder pass follows to bring the cache back.
 */
describe('a new operation is replayed without a folder pass', () => {
  let lab: Lab;
  let wren: TestCore;
  let f: JournalFixture;
  const bob = () => lab.users[1]!;

  beforeAll(async () => {
    ({ lab, wren, f } = await startJournalLab());
  });
  afterAll(() => stopJournalLab(lab, wren));

  it('flags reach the server while a message another device added stays unfetched until the next sync', async () => {
    const [id] = [...(await f.seed('ReplayOnly', 1)).values()];
    await lab.seed(bob().email, 'ReplayOnly', [simpleMessage(900, { subject: 'From elsewhere' })]);
    await wren.call('messages.setFlags', { messageId: id!, flagged: true });
    // replaySoon started a replay in the background; sync.run with replayOnly joins or repeats it.
    const outcome = await wren.call('sync.run', { accountId: f.accountId, replayOnly: true });
    expect(outcome.failures).toEqual([]);
    expect(outcome.summaries).toEqual([{ accountId: f.accountId, folders: 0, newMessages: 0, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 }]);
    expect(wren.core.store.operations.countUnfinished(f.accountId)).toBe(0);
    expect((await onServer(lab, bob().email, 'ReplayOnly')).find((m) => m.subject === 'Op ReplayOnly 1')!.flags).toEqual(['\\Flagged']);
    expect(subjects(f.local('ReplayOnly'))).toEqual(['Op ReplayOnly 1']);

    await wren.core.sync.run(f.accountId, false);
    expect(subjects(f.local('ReplayOnly'))).toEqual(['From elsewhere 900', 'Op ReplayOnly 1']);
  });

  it('a refused operation is followed by the folder pass: the local view returns to the server', async () => {
    const seeded = await f.seed('ReplayRefused', 2);
    const [ids, names] = [[...seeded.values()], [...seeded.keys()]];
    const other = await connectImap(lab, bob().email);
    try {
      await other.mailboxOpen('ReplayRefused');
      await other.messageDelete('1', { uid: false }); // the oldest: names[0]
    } finally {
      await other.logout();
    }
    await wren.call('messages.apply', { kind: 'flags', messageIds: [ids[0]!], add: ['\\Flagged'], remove: [] });
    await wren.call('sync.run', { accountId: f.accountId, replayOnly: true });
    await vi.waitFor(() => expect(f.failed.map((e) => e.kind)).toContain('flags'));
    expect(subjects(f.local('ReplayRefused'))).toEqual([names[1]]);
  });
});
