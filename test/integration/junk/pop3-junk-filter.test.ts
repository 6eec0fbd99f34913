import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { corpusSource, trainingGood, trainingJunk, unseenGood, unseenJunk } from '../../lab/junk-corpus';
import { startCore, type TestCore } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';

/** A POP3 account's new mail meets the junk filter as it is downloaded: into its local Junk folder when set to move. */
describe('the junk filter on a POP3 account, against Dovecot', () => {
  let lab: Lab;
  let wren: TestCore;

  beforeAll(async () => {
    lab = await startLab();
    wren = startCore();
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('learns from messages read and marked, then moves new junk into the account\'s local Junk and announces only the rest', async () => {
    const alice = lab.users[0]!;
    const { id: accountId } = await wren.call('accounts.add', pop3Draft(lab, alice));
    const training = [...trainingJunk, ...trainingGood];
    await lab.seed(alice.email, 'INBOX', training.map((message, n) => corpusSource(message, n, alice.email)));
    await wren.core.sync.run(accountId, false);
    const inbox = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'inbox')!;
    const rows = wren.core.store.messages.page(inbox.id, 0, 100).items;
    const idsOf = (subjects: string[]) => rows.filter((row) => subjects.includes(row.subject)).map((row) => row.id);
    // Read first (the body parsed from the downloaded source), as the reading pane does before the user marks.
    for (const row of rows) await wren.call('messages.read', { messageId: row.id, markSeen: false });
    await wren.call('messages.apply', { kind: 'junk', messageIds: idsOf(trainingJunk.map((m) => m.subject)), junk: true });
    await wren.call('messages.apply', { kind: 'junk', messageIds: idsOf(trainingGood.map((m) => m.subject)), junk: false });
    expect((await wren.call('junk.status', {})).tokens).toBeGreaterThan(300);
    await wren.call('settings.update', { app: { junkFilter: 'move' } });

    const announced: string[] = [];
    wren.core.events.on('mail.new', (event) => announced.push(...event.messages.map((message) => message.subject)));
    await lab.seed(alice.email, 'INBOX', [corpusSource(unseenJunk, 50, alice.email), corpusSource(unseenGood, 51, alice.email)]);
    await wren.core.sync.run(accountId, false);
    await vi.waitFor(() => expect(announced).toEqual([unseenGood.subject]), { timeout: 10_000 });
    const junk = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'junk')!;
    const inJunk = wren.core.store.messages.page(junk.id, 0, 100).items;
    expect(inJunk.find((row) => row.subject === unseenJunk.subject)).toMatchObject({ junk: true });
    expect(wren.core.store.messages.page(inbox.id, 0, 100).items.map((row) => row.subject)).toContain(unseenGood.subject);
  });
});
