import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { startCore, type TestCore } from '../imap/lab-core';
import { labMessage, localMessageIds, pop3Draft } from './pop3-sync-lab';

let lab: Lab;
let test: TestCore;

beforeAll(async () => {
  lab = await startLab({ users: [{ email: 'renumber@example.test', password: 'renumber-secret' }] });
});
afterAll(async () => {
  await test?.dispose();
  await lab?.stop();
});

/**
 * The lab's UIDLs are `%08Xu%08Xv` (UID and UIDVALIDITY): a new UIDVALIDITY in
 * the Maildir's dovecot-uidlist, its indexes dropped, makes Dovecot give every
 * message a new UIDL, as a server whose index was rebuilt does.
 */
async function renumberMaildir(maildir: string): Promise<void> {
  const uidlist = path.join(maildir, 'dovecot-uidlist');
  const text = await readFile(uidlist, 'utf8');
  const renumbered = text.replace(/^(\d+) V(\d+)/, (_, version: string, validity: string) => `${version} V${Number(validity) + 1000}`);
  expect(renumbered).not.toBe(text);
  await writeFile(uidlist, renumbered);
  const indexes = (await readdir(maildir)).filter((name) => name.startsWith('dovecot.index'));
  await Promise.all(indexes.map((name) => rm(path.join(maildir, name))));
}

describe('a POP3 server that changes its UIDLs (Dovecot, UIDVALIDITY changed)', () => {
  it('messages already stored are not downloaded again; only the new one is; the sync reports a warning', async () => {
    const user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [1, 2, 3].map((n) => labMessage(n)));
    test = startCore();
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, user));
    const first = await test.call('sync.run', { accountId, bodies: false });
    expect(first.summaries[0]!.newMessages).toBe(3);
    expect(first.summaries[0]!.warnings).toBeUndefined();
    const before = [...test.core.store.pop3Uidls.held(accountId).keys()];

    await renumberMaildir(lab.maildir(user.email));
    await lab.seed(user.email, 'INBOX', [labMessage(4)]);
    const second = await test.call('sync.run', { accountId, bodies: false });

    expect(second.failures).toEqual([]);
    expect(second.summaries[0]!.newMessages).toBe(1);
    expect(second.summaries[0]!.warnings).toEqual(['wren:Pop3UidlsChanged']);
    // What the renderer's status banner shows (account.status).
    expect(test.core.status.get(accountId)).toMatchObject({ state: 'idle', warnings: ['wren:Pop3UidlsChanged'] });
    expect(localMessageIds(test, accountId)).toEqual([1, 2, 3, 4].map((n) => `<pop3-${n}@example.test>`));
    const after = [...test.core.store.pop3Uidls.held(accountId).keys()];
    expect(after).toHaveLength(4);
    expect(after.filter((uidl) => before.includes(uidl))).toEqual([]);

    const third = await test.call('sync.run', { accountId, bodies: false });
    expect(third.summaries[0]!.newMessages).toBe(0);
    expect(third.summaries[0]!.warnings).toBeUndefined();
    expect(test.core.status.get(accountId).warnings).toBeUndefined();
  });

  it('a message deleted here before the server renumbered does not come back', async () => {
    const user = lab.users[0]!;
    const inbox = test.core.store.folders.list(accountId()).find((folder) => folder.role === 'inbox')!;
    const page = await test.call('messages.list', { folderId: inbox.id, offset: 0, limit: 10 });
    const doomed = page.items.find((message) => message.subject.includes('message 2'))!;
    await test.call('messages.apply', { kind: 'delete', messageIds: [doomed.id], permanent: true });
    await test.call('sync.run', { accountId: accountId(), bodies: false });
    expect(localMessageIds(test, accountId())).not.toContain('<pop3-2@example.test>');

    await renumberMaildir(lab.maildir(user.email));
    const after = await test.call('sync.run', { accountId: accountId(), bodies: false });

    expect(after.failures).toEqual([]);
    expect(after.summaries[0]!.newMessages).toBe(0);
    expect(after.summaries[0]!.warnings).toEqual(['wren:Pop3UidlsChanged']);
    expect(localMessageIds(test, accountId())).toEqual([1, 3, 4].map((n) => `<pop3-${n}@example.test>`));
    // The deleted message's record follows its new UIDL, so later checks skip it too.
    const again = await test.call('sync.run', { accountId: accountId(), bodies: false });
    expect(again.summaries[0]!.newMessages).toBe(0);
  });
});

function accountId(): number {
  return test.core.store.accounts.list()[0]!.id;
}
