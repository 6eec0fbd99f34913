import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { serverSubjects } from '../../lab/server-subjects';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * Discard in the composer takes a saved draft out of Drafts into Trash, as a
 * delete does, and its Undo (`operations.undo`) brings it back: at once here,
 * and on the server whether or not the move had been replayed yet.
 */
let lab: Lab;
let wren: TestCore;
let accountId: number;

/** The subjects starting with `prefix` in a folder on the server, once the journal has replayed. */
async function settled(folder: string, prefix: string): Promise<string[]> {
  await vi.waitFor(() => expect(wren.core.store.operations.countUnfinished(accountId)).toBe(0), { timeout: 20_000, interval: 50 });
  return (await serverSubjects(lab, lab.users[1]!, folder)).filter((s) => s.startsWith(prefix));
}

const folderOf = (messageId: number) => wren.core.store.folders.get(wren.core.store.messages.get(messageId)!.folderId)!.role;

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

describe('discarding a saved draft', () => {
  it('moves it to Trash; Undo brings it back to Drafts, here at once and on the server', async () => {
    const saved = await wren.call('drafts.save', { accountId, to, subject: 'Discard D1', text: 'keep me' });
    expect(saved.stored).toBe('server');
    const discarded = await wren.call('drafts.discard', { draftMessageId: saved.draftMessageId, accountId });
    expect(discarded.undoOperationId).toEqual(expect.any(Number));
    expect(folderOf(saved.draftMessageId)).toBe('trash');
    expect(await settled('Drafts', 'Discard D')).toEqual([]);
    expect(await settled('Trash', 'Discard D')).toEqual(['Discard D1']);

    await wren.call('operations.undo', { operationId: discarded.undoOperationId! });
    // The same message as before (the composer reopened on it replaces it at its next save).
    expect(folderOf(saved.draftMessageId)).toBe('drafts');
    expect(await settled('Drafts', 'Discard D')).toEqual(['Discard D1']);
    expect(await settled('Trash', 'Discard D')).toEqual([]);
    const again = await wren.call('drafts.save', { accountId, to, subject: 'Discard D2', text: 'kept', draftMessageId: saved.draftMessageId });
    expect(again.stored).toBe('server');
    expect(await settled('Drafts', 'Discard D')).toEqual(['Discard D2']);
  }, 60_000);
});
