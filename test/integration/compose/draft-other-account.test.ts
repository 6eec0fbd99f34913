import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { serverSubjects } from '../../lab/server-subjects';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * The composer's From offers every account's identities; choosing another
 * account's after a save moves the draft there. The saves after the switch
 * still name the version stored in the first account.
 */
let lab: Lab;
let wren: TestCore;
let bob: number;
let carol: number;

beforeAll(async () => {
  lab = await startLab();
  wren = startCore();
  bob = (await wren.call('accounts.add', labDraft(lab, lab.users[1]!))).id;
  carol = (await wren.call('accounts.add', labDraft(lab, lab.users[2]!))).id;
  await wren.call('sync.run', { accountId: bob });
  await wren.call('sync.run', { accountId: carol });
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

/** The account's Drafts on its server, once its journal has replayed. */
async function settledDrafts(accountId: number, user: LabUser): Promise<string[]> {
  await vi.waitFor(() => expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0), { timeout: 20_000, interval: 50 });
  return (await serverSubjects(lab, user, 'Drafts')).filter((s) => s.startsWith('Switched'));
}

describe('a draft whose From is switched to another account', () => {
  it('is saved in that account and leaves the first account’s Drafts', async () => {
    const to = [{ name: '', address: 'alice@example.test' }];
    const draftKey = randomUUID();
    const first = await wren.call('drafts.save', { accountId: bob, to, subject: 'Switched 1', text: 'from bob', draftKey });
    const moved = await wren.call('drafts.save', { accountId: carol, to, subject: 'Switched 2', text: 'from carol', draftKey, draftMessageId: first.draftMessageId });
    expect(moved.stored).toBe('server');
    await vi.waitFor(async () => expect(await settledDrafts(bob, lab.users[1]!)).toEqual([]), { timeout: 20_000, interval: 200 });
    expect(await settledDrafts(carol, lab.users[2]!)).toEqual(['Switched 2']);
  }, 60_000);
});
