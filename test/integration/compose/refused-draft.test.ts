import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { makeFolderReadOnly } from '../../lab/read-only-folder';
import { serverSubjects } from '../../lab/server-subjects';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

let lab: Lab;
let wren: TestCore;
let accountId: number;

beforeAll(async () => {
  lab = await startLab({ acl: true });
  wren = startCore();
  accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[1]!))).id;
  await wren.call('sync.run', { accountId });
}, 60_000);

afterAll(async () => {
  await wren?.dispose();
  await lab?.stop();
});

describe('a draft the server refuses to store', () => {
  it('is not kept as a version of its own: once the server takes drafts again, it holds one draft, the newest', async () => {
    const bob = lab.users[1]!.email;
    await makeFolderReadOnly(lab, bob, 'Drafts'); // the server takes no drafts for now (no right, a full quota)
    wren.core.sessions.closeAccount(accountId);
    const message = { accountId, to: [{ name: '', address: 'carol@example.test' }], subject: 'Refused', text: 'first words' };
    await expect(wren.call('drafts.save', message)).rejects.toBeDefined();
    await expect(wren.call('drafts.save', { ...message, text: 'more words' })).rejects.toBeDefined();

    await rm(path.join(lab.maildir(bob), '.Drafts', 'dovecot-acl'));
    wren.core.sessions.closeAccount(accountId);
    const saved = await wren.call('drafts.save', { ...message, text: 'the last words' });
    expect(saved.stored).toBe('server');
    expect(await serverSubjects(lab, lab.users[1]!, 'Drafts')).toEqual(['Refused']);
    const drafts = wren.core.store.folders.list(accountId).find((folder) => folder.role === 'drafts')!;
    expect(wren.core.store.messages.page(drafts.id, 0, 100).items.map((m) => m.id)).toEqual([saved.draftMessageId]);
  });
});
