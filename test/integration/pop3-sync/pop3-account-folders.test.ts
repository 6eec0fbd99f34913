import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { startCore, type TestCore } from '../imap/lab-core';
import { to } from '../outbox/outbox-lab';
import { labMessage, pop3Draft } from './pop3-sync-lab';

let lab: Lab;
let test: TestCore;

beforeAll(async () => {
  lab = await startLab({ users: [{ email: 'folders@example.test', password: 'folders-pw' }, { email: 'sender@example.test', password: 'sender-pw' }, { email: 'trash@example.test', password: 'trash-pw' }] });
}, 120_000);
afterAll(async () => {
  await lab?.stop();
});
afterEach(async () => {
  await test?.dispose();
});

describe('folders of a POP3 account', () => {
  it('a folder made in a POP3 account, and the mail moved into it, survive the next check', async () => {
    const owner = lab.users.find((u) => u.email === 'folders@example.test')!;
    await lab.seed(owner.email, 'INBOX', [1, 2].map((n) => labMessage(n)));
    test = startCore();
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, owner));
    await test.call('sync.run', { accountId, bodies: false });
    const [inbox] = await test.call('folders.list', { accountId });
    const [first] = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;

    const made = await test.call('folders.create', { accountId, name: 'Receipts' });
    // Kept only here: its delete dialog must not speak of a server (QA).
    expect((await test.call('folders.deletePlan', { folderId: made.id })).onServer).toBe(false);
    await test.call('messages.apply', { kind: 'move', messageIds: [first!.id], folderId: made.id });
    const run = await test.call('sync.run', { accountId, bodies: false });
    expect(run.failures).toEqual([]);
    expect(test.core.store.messages.get(first!.id), 'the moved message is still here').toBeDefined();
    const folders = await test.call('folders.list', { accountId });
    expect(folders.map((f) => f.path).sort()).toEqual(['INBOX', 'Receipts', 'Trash']);
    const kept = (await test.call('messages.list', { folderId: made.id, offset: 0, limit: 10 })).items;
    expect(kept.map((m) => m.id)).toEqual([first!.id]);
  });

  it('the local Sent of a POP3 account, and the copy filed in it, survive the next check', async () => {
    const owner = lab.users.find((u) => u.email === 'sender@example.test')!;
    test = startCore();
    const smtp = { host: lab.host, port: lab.ports.submission, security: 'starttls' as const, user: owner.email };
    const { id: accountId } = await test.call('accounts.add', { ...pop3Draft(lab, owner), smtp });
    const entry = await test.call('outbox.send', { message: { accountId, to: to('alice@example.test'), subject: 'Kept in Sent', text: 'hello' }, undoSeconds: 0 });
    const [settled] = await test.call('outbox.wait', { outboxIds: [entry.id] });
    expect(settled!.state).toBe('sent');
    const sentBefore = (await test.call('folders.list', { accountId })).filter((f) => f.role === 'sent');
    expect(sentBefore).toHaveLength(1);
    expect((await test.call('messages.list', { folderId: sentBefore[0]!.id, offset: 0, limit: 10 })).items.map((m) => m.subject)).toEqual(['Kept in Sent']);

    const run = await test.call('sync.run', { accountId, bodies: false });
    expect(run.failures).toEqual([]);
    const sentAfter = (await test.call('folders.list', { accountId })).filter((f) => f.role === 'sent');
    expect(sentAfter.map((f) => f.id)).toEqual([sentBefore[0]!.id]);
    expect((await test.call('messages.list', { folderId: sentAfter[0]!.id, offset: 0, limit: 10 })).items.map((m) => m.subject)).toEqual(['Kept in Sent']);
  });

  it('a folder deleted in a POP3 account goes into its own Trash with its subfolder and mail, comes back by Undo, and goes for good from Trash, with nothing journaled', async () => {
    const owner = lab.users.find((u) => u.email === 'trash@example.test')!;
    await lab.seed(owner.email, 'INBOX', [labMessage(1)]);
    test = startCore();
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, owner));
    await test.call('sync.run', { accountId, bodies: false });
    const [inbox] = await test.call('folders.list', { accountId });
    const [message] = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;
    const receipts = await test.call('folders.create', { accountId, name: 'Receipts' });
    const year = await test.call('folders.create', { accountId, parentId: receipts.id, name: '2026' });
    // "/" nests the account's folders here: a name holding it is refused as one kept here, with no server to name.
    await expect(test.call('folders.create', { accountId, parentId: receipts.id, name: '2026/2027' })).rejects.toMatchObject({ code: 'FolderNameInvalid', details: { delimiter: '/', local: false, keptHere: true } });
    await test.call('messages.apply', { kind: 'move', messageIds: [message!.id], folderId: year.id });
    const pending = () => test.core.store.operations.unfinished(accountId);

    expect(await test.call('folders.deletePlan', { folderId: receipts.id })).toMatchObject({ fate: 'trash', trashPath: 'Trash/Receipts', onServer: false });
    expect(await test.call('folders.delete', { folderId: receipts.id, subfolders: ['Receipts/2026'] })).toEqual({ movedTo: 'Trash/Receipts', name: 'Receipts' });
    expect(pending(), 'no server to replay a POP3 folder change on').toEqual([]);
    const trash = (await test.call('folders.list', { accountId })).find((f) => f.role === 'trash')!;
    expect((await test.call('folders.list', { accountId })).filter((f) => f.path.startsWith('Trash/'))).toMatchObject([
      { id: receipts.id, path: 'Trash/Receipts', parentId: trash.id },
      { id: year.id, path: 'Trash/Receipts/2026', parentId: receipts.id },
    ]);

    // Undo, as the toast does it: moved back to the top under its name.
    await test.call('folders.move', { folderId: receipts.id, parentId: null, name: 'Receipts' });
    expect(pending()).toEqual([]);
    expect((await test.call('sync.run', { accountId, bodies: false })).failures).toEqual([]);
    expect((await test.call('messages.list', { folderId: year.id, offset: 0, limit: 10 })).items.map((m) => m.id)).toEqual([message!.id]);
    expect((await test.call('folders.list', { accountId })).map((f) => f.path).sort()).toEqual(['INBOX', 'Receipts', 'Receipts/2026', 'Trash']);

    await test.call('folders.delete', { folderId: receipts.id, subfolders: ['Receipts/2026'] });
    expect(await test.call('folders.deletePlan', { folderId: receipts.id })).toMatchObject({ fate: 'inTrash', onServer: false });
    expect(await test.call('folders.delete', { folderId: receipts.id, subfolders: ['Trash/Receipts/2026'] })).toEqual({ deleted: true });
    expect(pending()).toEqual([]);
    expect((await test.call('folders.list', { accountId })).map((f) => f.path).sort()).toEqual(['INBOX', 'Trash']);
    expect(test.core.store.messages.get(message!.id), 'its mail went with it').toBeUndefined();
    expect((await test.call('sync.run', { accountId, bodies: false })).failures).toEqual([]);
    expect(pending()).toEqual([]);
  });
});
