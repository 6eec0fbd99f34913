import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { startCore, type TestCore } from '../imap/lab-core';
import { checkAt, labMessage, localMessageIds, pop3Draft, serverMessageCount, type Pop3PolicyInput } from './pop3-sync-lab';

const DAY = 24 * 60 * 60_000;
let lab: Lab;
let test: TestCore;
let nextUser = 0;

beforeAll(async () => {
  lab = await startLab({ users: Array.from({ length: 12 }, (_, i) => ({ email: `pop${i}@example.test`, password: `pop-secret-${i}` })) });
});
afterAll(async () => {
  await lab?.stop();
});
afterEach(async () => {
  await test?.dispose();
});

/** A lab user of its own with `count` messages, and an account for it with the policy. */
async function accountWith(pop3: Pop3PolicyInput, count: number): Promise<{ user: LabUser; accountId: number }> {
  const email = `pop${nextUser++}@example.test`;
  const user = lab.users.find((u) => u.email === email);
  if (!user) throw new Error(`no lab user ${email} in ${lab.users.map((u) => u.email).join()}`);
  await lab.seed(user.email, 'INBOX', Array.from({ length: count }, (_, i) => labMessage(i + 1)));
  test = startCore();
  const account = await test.call('accounts.add', pop3Draft(lab, user, pop3));
  return { user, accountId: account.id };
}

function subjectsIn(folderId: number): string[] {
  return (test.core.store.db.prepare('SELECT subject FROM messages WHERE folder_id = ? ORDER BY subject').pluck().all(folderId) as string[]);
}

async function inboxOf(accountId: number) {
  const [inbox] = await test.call('folders.list', { accountId });
  return inbox!;
}

describe('POP3 checks against Dovecot, by policy', () => {
  it('leave on server: the first check downloads everything into the local Inbox, the second downloads 0', async () => {
    const { user, accountId } = await accountWith({}, 3);
    const first = await test.call('sync.run', { accountId, bodies: false });
    expect(first.summaries[0]!.newMessages).toBe(3);
    const folders = await test.call('folders.list', { accountId });
    // Its Trash from the first check, where Delete puts its mail.
    expect(folders.map((f) => [f.path, f.role])).toEqual([['INBOX', 'inbox'], ['Trash', 'trash']]);
    expect(test.core.store.db.prepare('SELECT is_local FROM folders WHERE id = ?').pluck().get(folders[0]!.id)).toBe(1);
    const page = await test.call('messages.list', { folderId: folders[0]!.id, offset: 0, limit: 10 });
    expect(page.items.map((m) => m.subject).sort()).toEqual(['POP3 message 1', 'POP3 message 2', 'POP3 message 3']);
    const source = await test.call('messages.source', { messageId: page.items.find((m) => m.subject === 'POP3 message 2')!.id });
    expect(source.source).toEqual(labMessage(2).toString());
    const second = await test.call('sync.run', { accountId, bodies: false });
    expect(second.summaries[0]!.newMessages).toBe(0);
    expect(await serverMessageCount(lab, user)).toBe(3);
  });

  it('reading a message marks it read here only: no journal entry, so no POP3 login for it', async () => {
    const { accountId } = await accountWith({}, 1);
    await test.call('sync.run', { accountId, bodies: false });
    const [item] = (await test.call('messages.list', { folderId: (await inboxOf(accountId)).id, offset: 0, limit: 10 })).items;
    const read = await test.call('messages.read', { messageId: item!.id, markSeen: true });
    expect(read.text).toContain('Body 1.');
    expect((await test.call('messages.summary', { messageId: item!.id })).seen).toBe(true);
    expect(test.core.store.operations.countUnfinished(accountId)).toBe(0);
    expect(test.core.status.get(accountId).state).toBe('idle');
  });

  it('download and delete: stored, then gone from the server; a second check finds nothing', async () => {
    const { user, accountId } = await accountWith({ leave: 'delete' }, 4);
    await test.call('sync.run', { accountId, bodies: false });
    expect(localMessageIds(test, accountId)).toHaveLength(4);
    expect(await serverMessageCount(lab, user)).toBe(0);
    const second = await test.call('sync.run', { accountId, bodies: false });
    expect(second.summaries[0]!.newMessages).toBe(0);
    expect(localMessageIds(test, accountId)).toHaveLength(4);
  });

  it('delete after N days: kept until the clock passes N days from the download', async () => {
    const { user, accountId } = await accountWith({ leave: 'deleteAfterDays', deleteAfterDays: 3 }, 2);
    const t0 = Date.parse('2026-12-01T10:00:00Z');
    expect((await checkAt(test, lab, user, accountId, t0)).newMessages).toBe(2);
    await checkAt(test, lab, user, accountId, t0 + 2 * DAY);
    expect(await serverMessageCount(lab, user)).toBe(2);
    await lab.seed(user.email, 'INBOX', [labMessage(3)]);
    // Day 3 for the first two; the third is downloaded now and stays.
    expect((await checkAt(test, lab, user, accountId, t0 + 3 * DAY)).newMessages).toBe(1);
    expect(await serverMessageCount(lab, user)).toBe(1);
    expect(localMessageIds(test, accountId)).toEqual(['<pop3-1@example.test>', '<pop3-2@example.test>', '<pop3-3@example.test>']);
  });

  it('delete when deleted locally: a message moved to Trash goes from the server at the next check, and is not fetched again', async () => {
    const { user, accountId } = await accountWith({ leave: 'deleteWhenDeleted' }, 3);
    await test.call('sync.run', { accountId, bodies: false });
    const [inbox, trash] = await test.call('folders.list', { accountId });
    const page = await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 });
    const doomed = page.items.find((m) => m.subject === 'POP3 message 2')!;
    const receipt = await test.call('messages.apply', { kind: 'delete', messageIds: [doomed.id] });
    expect(receipt).toMatchObject({ affected: 1, forGood: 0, undoable: true });
    expect(subjectsIn(trash!.id)).toEqual(['POP3 message 2']);
    // In the Trash counts as deleted (as in Thunderbird): the check deletes it on the server.
    const again = await test.call('sync.run', { accountId, bodies: false });
    expect(again.summaries[0]!.newMessages).toBe(0);
    expect(await serverMessageCount(lab, user)).toBe(2);
    // Deleted for good from the Trash: gone here too, and still not downloaded again.
    const forGood = await test.call('messages.apply', { kind: 'delete', messageIds: [doomed.id] });
    expect(forGood).toMatchObject({ affected: 1, forGood: 1, undoable: false });
    expect((await test.call('sync.run', { accountId, bodies: false })).summaries[0]!.newMessages).toBe(0);
    expect(localMessageIds(test, accountId)).toEqual(['<pop3-1@example.test>', '<pop3-3@example.test>']);
    expect(await serverMessageCount(lab, user)).toBe(2);
    expect(test.core.store.operations.countUnfinished(accountId)).toBe(0);
  });

  it('leave on server: a message deleted here, to Trash and then for good, stays on the server and is not downloaded again', async () => {
    const { user, accountId } = await accountWith({}, 2);
    await test.call('sync.run', { accountId, bodies: false });
    const page = await test.call('messages.list', { folderId: (await inboxOf(accountId)).id, offset: 0, limit: 10 });
    await test.call('messages.apply', { kind: 'delete', messageIds: [page.items[0]!.id] });
    expect((await test.call('sync.run', { accountId, bodies: false })).summaries[0]!.newMessages).toBe(0);
    expect(await serverMessageCount(lab, user)).toBe(2);
    await test.call('messages.apply', { kind: 'delete', messageIds: [page.items[0]!.id] });
    expect((await test.call('sync.run', { accountId, bodies: false })).summaries[0]!.newMessages).toBe(0);
    expect(localMessageIds(test, accountId)).toHaveLength(1);
    expect(await serverMessageCount(lab, user)).toBe(2);
  });

  it('Archive in a POP3 account moves to its local Archives (made on first use), undoable; no server is asked', async () => {
    const { user, accountId } = await accountWith({ leave: 'deleteWhenDeleted' }, 2);
    await test.call('sync.run', { accountId, bodies: false });
    const inbox = await inboxOf(accountId);
    const [first] = (await test.call('messages.list', { folderId: inbox.id, offset: 0, limit: 10 })).items;
    const receipt = await test.call('messages.apply', { kind: 'archive', messageIds: [first!.id] });
    expect(receipt).toMatchObject({ affected: 1, undoable: true });
    const archives = (await test.call('folders.list', { accountId })).find((folder) => folder.role === 'archive')!;
    expect(archives).toMatchObject({ path: 'Archives', accountId });
    expect(subjectsIn(archives.id)).toEqual([first!.subject]);
    // Archived is not deleted: the policy leaves it on the server.
    await test.call('sync.run', { accountId, bodies: false });
    expect(await serverMessageCount(lab, user)).toBe(2);
    await test.call('operations.undo', { operationId: receipt.operationId });
    expect(subjectsIn(inbox.id)).toHaveLength(2);
  });

  it('the policy changed on the account (accounts.update) holds from the next check; an IMAP account refuses one', async () => {
    const { user, accountId } = await accountWith({}, 2);
    await test.call('sync.run', { accountId, bodies: false });
    expect(await serverMessageCount(lab, user)).toBe(2);
    const view = await test.call('accounts.update', { accountId, pop3: { leave: 'delete', deleteAfterDays: null, maxMessageKb: 512 } });
    expect(view.pop3).toEqual({ leave: 'delete', deleteAfterDays: null, maxMessageKb: 512 });
    await test.call('sync.run', { accountId, bodies: false });
    expect(await serverMessageCount(lab, user)).toBe(0);
    expect(localMessageIds(test, accountId)).toHaveLength(2);
    const imap = await test.call('accounts.add', { ...pop3Draft(lab, user), protocol: 'imap', incoming: { host: lab.host, port: lab.ports.imaps, security: 'tls', user: user.email } });
    await expect(test.call('accounts.update', { accountId: imap.id, pop3: { leave: 'delete', deleteAfterDays: null, maxMessageKb: null } })).rejects.toMatchObject({ code: 'BadRequest' });
  });

  it('Junk in a POP3 account: $Junk and into its local Junk; Not junk there: back to its Inbox; one undo takes both back', async () => {
    const { accountId } = await accountWith({}, 2);
    await test.call('sync.run', { accountId, bodies: false });
    const inbox = await inboxOf(accountId);
    const [first, second] = (await test.call('messages.list', { folderId: inbox.id, offset: 0, limit: 10 })).items;
    const junked = await test.call('messages.apply', { kind: 'junk', messageIds: [first!.id], junk: true });
    expect(junked.operationIds).toHaveLength(2);
    const junk = (await test.call('folders.list', { accountId })).find((folder) => folder.role === 'junk')!;
    expect(junk).toMatchObject({ path: 'Junk', accountId });
    expect(subjectsIn(junk.id)).toEqual([first!.subject]);
    expect(test.core.store.db.prepare('SELECT keywords FROM messages WHERE id = ?').pluck().get(first!.id)).toContain('$Junk');
    await test.call('messages.apply', { kind: 'junk', messageIds: [first!.id], junk: false });
    expect(subjectsIn(inbox.id)).toHaveLength(2);
    const again = await test.call('messages.apply', { kind: 'junk', messageIds: [second!.id], junk: true });
    for (const operationId of again.operationIds!) await test.call('operations.undo', { operationId });
    expect(subjectsIn(inbox.id)).toHaveLength(2);
    expect(test.core.store.db.prepare('SELECT keywords FROM messages WHERE id = ?').pluck().get(second!.id)).not.toContain('$Junk');
  });

  it('the Trash of a POP3 account: Undo brings a message back, Empty Trash deletes for good', async () => {
    const { accountId } = await accountWith({}, 2);
    await test.call('sync.run', { accountId, bodies: false });
    const [inbox, trash] = await test.call('folders.list', { accountId });
    const page = await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 });
    const ids = page.items.map((m) => m.id);
    const receipt = await test.call('messages.apply', { kind: 'delete', messageIds: ids });
    expect(subjectsIn(trash!.id)).toEqual(['POP3 message 1', 'POP3 message 2']);
    await test.call('operations.undo', { operationId: receipt.operationId });
    expect(subjectsIn(inbox!.id)).toEqual(['POP3 message 1', 'POP3 message 2']);
    await test.call('messages.apply', { kind: 'delete', messageIds: [ids[0]!] });
    const emptied = await test.call('folders.empty', { folderId: trash!.id });
    expect(emptied).toMatchObject({ affected: 1, undoable: false });
    expect(subjectsIn(trash!.id)).toEqual([]);
    expect(localMessageIds(test, accountId)).toHaveLength(1);
  });

  it('over STLS on the plain POP3 port (110 in real life) it downloads the same way', async () => {
    const email = `pop${nextUser++}@example.test`;
    const user = lab.users.find((u) => u.email === email)!;
    await lab.seed(user.email, 'INBOX', [labMessage(1), labMessage(2)]);
    test = startCore();
    const draft = pop3Draft(lab, user, {}, lab.ports.pop3);
    const account = await test.call('accounts.add', { ...draft, incoming: { ...draft.incoming, security: 'starttls' } });
    expect((await test.call('sync.run', { accountId: account.id, bodies: false })).summaries[0]!.newMessages).toBe(2);
    expect(localMessageIds(test, account.id)).toEqual(['<pop3-1@example.test>', '<pop3-2@example.test>']);
  });
});
