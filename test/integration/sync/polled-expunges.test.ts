import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QRESYNCLESS_CAPABILITY } from '../../lab/lab-capabilities';
import { connectImap, startLab, type Lab, type LabOptions } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * A polled sync learns expunges from VANISHED when the server has QRESYNC
 * (SELECT (QRESYNC (uidvalidity modseq))), and from a UID SEARCH of the
 * whole folder when it has CONDSTORE alone; both end with the server's view.
 */
describe.each([
  { server: 'Dovecot with QRESYNC', options: {}, searchesAll: false },
  { server: 'Dovecot without QRESYNC', options: { imapCapability: QRESYNCLESS_CAPABILITY }, searchesAll: true },
])('expunges on a polled sync: $server', ({ options, searchesAll }: { options: LabOptions; searchesAll: boolean }) => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const user = () => lab.users[0]!;
  const local = () => wren.core.store.messages.page(wren.core.store.folders.list(accountId).find((f) => f.path === 'Polled')!.id, 0, 100).items.map((m) => m.subject).sort();

  beforeAll(async () => {
    lab = await startLab(options);
    await lab.seed(user().email, 'Polled', Array.from({ length: 6 }, (_, i) => simpleMessage(i + 1, { subject: 'Polled' })));
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user()))).id;
    await wren.core.sync.run(accountId, false);
    // A second sync leaves each folder selected-before on the kept connection: the next SELECT must still ask QRESYNC.
    await wren.core.sync.run(accountId, false);
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });
  afterEach(() => vi.restoreAllMocks());

  it('removes what another device expunged and adds what it added, nothing else', async () => {
    const other = await connectImap(lab, user().email);
    try {
      await other.mailboxOpen('Polled');
      await other.messageDelete('2,5', { uid: false });
      await other.append('Polled', simpleMessage(7, { subject: 'Polled' }));
    } finally {
      await other.logout();
    }
    const search = vi.spyOn(ImapFlow.prototype, 'search');
    const summary = await wren.core.sync.run(accountId, false);
    expect(local()).toEqual(['Polled 1', 'Polled 3', 'Polled 4', 'Polled 6', 'Polled 7']);
    expect([summary.removedMessages, summary.newMessages]).toEqual([2, 1]);
    const searchedAll = search.mock.calls.some(([query]) => (query as { all?: boolean }).all === true);
    expect(searchedAll).toBe(searchesAll);
  });
});
