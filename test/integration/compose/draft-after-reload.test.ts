import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startLab, type Lab } from '../../lab/lab';
import { serverSubjects } from '../../lab/server-subjects';
import { sendNow } from '../outbox/outbox-lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * A page reload while a draft is being saved: the composer comes back from
 * localStorage with the draft id it knew before that save (none, for a first
 * save), since the save's answer went to the page that is gone. Its next save,
 * its Send and its Discard must still replace or remove the newest version,
 * not leave it behind as a second draft in Drafts.
 */
let lab: Lab;
let wren: TestCore;
let accountId: number;

/** The Drafts on the server (those whose subject starts with `prefix`) once the journal has replayed. */
async function settledDrafts(prefix: string): Promise<string[]> {
  await vi.waitFor(() => expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0), { timeout: 20_000, interval: 50 });
  return (await serverSubjects(lab, lab.users[1]!, 'Drafts')).filter((s) => s.startsWith(prefix));
}

beforeAll(async () => {
  lab = await startLab();
  wren = startCore();
  accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[1]!))).id;
  await wren.call('sync.run', { accountId });
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

const to = [{ name: '', address: 'carol@example.test' }];

describe('a composer restored after a reload during a save', () => {
  it('replaces the version that save stored, so one draft stays', async () => {
    const draftKey = randomUUID();
    const inFlight = wren.call('drafts.save', { accountId, to, subject: 'Reload A1', text: 'first words', draftKey });
    // The reloaded page never got inFlight's answer: it saves again with the id it knew (none).
    const after = await wren.call('drafts.save', { accountId, to, subject: 'Reload A2', text: 'first words and more', draftKey });
    await inFlight;
    expect(await settledDrafts('Reload A')).toEqual(['Reload A2']);
    expect(wren.core.store.messages.get(after.draftMessageId)?.subject).toBe('Reload A2');
  });

  it('removes the newest version when the restored composer is discarded', async () => {
    const draftKey = randomUUID();
    const first = await wren.call('drafts.save', { accountId, to, subject: 'Reload B1', text: 'one', draftKey });
    const inFlight = wren.call('drafts.save', { accountId, to, subject: 'Reload B2', text: 'two', draftKey, draftMessageId: first.draftMessageId });
    await wren.call('drafts.discard', { draftMessageId: first.draftMessageId, draftKey });
    await inFlight;
    expect(await settledDrafts('Reload B')).toEqual([]);
  });

  it('removes the newest version once the restored composer sends', async () => {
    const draftKey = randomUUID();
    const inFlight = wren.call('drafts.save', { accountId, to, subject: 'Reload C1', text: 'one', draftKey });
    const sent = await sendNow(wren, { accountId, to, subject: 'Reload C2', text: 'sent', draftKey });
    await inFlight;
    expect(sent.state).toBe('sent');
    expect(await settledDrafts('Reload C')).toEqual([]);
  });
});
