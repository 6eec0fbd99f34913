import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/** Several accounts in one core: edit, reorder, and removal that leaves the others (and no stray files) behind. */
describe('account management', () => {
  let lab: Lab;
  let wren: TestCore;
  let alice: number;
  let bob: number;

  const blobFiles = () => [...wren.core.store.blobs.files()].map((file) => file.blob);
  const referencedBlobs = () =>
    new Set(wren.core.store.db.prepare('SELECT blob FROM message_sources UNION SELECT blob FROM message_parts').pluck().all() as string[]);
  const messagesOf = (accountId: number) =>
    wren.core.store.db.prepare('SELECT count(*) FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.account_id = ?').pluck().get(accountId);

  beforeAll(async () => {
    lab = await startLab();
    const [a, b] = lab.users;
    // Bob's first three messages are byte for byte alice's: their blobs are shared by content.
    await lab.seed(a!.email, 'INBOX', Array.from({ length: 40 }, (_, i) => simpleMessage(i + 1, { to: a!.email })));
    await lab.seed(b!.email, 'INBOX', [1, 2, 3, 101, 102].map((n) => simpleMessage(n, { to: a!.email })));
    wren = startCore();
    alice = (await wren.call('accounts.add', labDraft(lab, a!, { name: 'Alice' }))).id;
    bob = (await wren.call('accounts.add', labDraft(lab, b!, { name: 'Bob' }))).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('gives each new account its own colour and keeps them in the order they were added', async () => {
    const accounts = await wren.call('accounts.list', {});
    expect(accounts.map((a) => a.name)).toEqual(['Alice', 'Bob']);
    expect(accounts[0]!.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(accounts[0]!.colour).not.toBe(accounts[1]!.colour);
  });

  it('reorders accounts, and the order holds for every list after', async () => {
    const reordered = await wren.call('accounts.reorder', { accountIds: [bob] });
    expect(reordered.map((a) => a.name)).toEqual(['Bob', 'Alice']);
    expect((await wren.call('accounts.list', {})).map((a) => a.id)).toEqual([bob, alice]);
  });

  it('edits the name, display name and colour without a login; the default identity follows', async () => {
    const edited = await wren.call('accounts.update', { accountId: bob, name: 'Bob at work', displayName: 'Bob B.', colour: '#123456' });
    expect(edited).toMatchObject({ name: 'Bob at work', displayName: 'Bob B.', colour: '#123456' });
    const identity = wren.core.store.db.prepare('SELECT name FROM identities WHERE account_id = ? AND is_default = 1').pluck().get(bob);
    expect(identity).toBe('Bob B.');
  });

  it('refuses a wrong new password (tested with a login first) and keeps the one that works', async () => {
    await expect(wren.call('accounts.update', { accountId: bob, password: 'not-the-password' })).rejects.toMatchObject({ code: 'AuthFailed' });
    const summary = await wren.call('sync.run', { accountId: bob, bodies: true });
    expect(summary.failures).toEqual([]);
    expect(messagesOf(bob)).toBe(5);
  });

  it('two password changes at once leave one sealed secret, the account’s own (each re-reads the account after its login test)', async () => {
    const secrets = () => wren.core.store.db.prepare('SELECT count(*) FROM secrets').pluck().get() as number;
    const before = secrets();
    const password = lab.users[1]!.password;
    await Promise.all([wren.call('accounts.update', { accountId: bob, password }), wren.call('accounts.update', { accountId: bob, password })]);
    expect(secrets()).toBe(before);
    const secretId = wren.core.store.db.prepare('SELECT password_secret_id FROM accounts WHERE id = ?').pluck().get(bob);
    expect(wren.core.store.db.prepare('SELECT count(*) FROM secrets WHERE id = ?').pluck().get(secretId)).toBe(1);
    expect((await wren.call('sync.run', { accountId: bob })).failures).toEqual([]);
  });

  it('takes a new server setting once it logs in (IMAP with STARTTLS instead of TLS)', async () => {
    const edited = await wren.call('accounts.update', {
      accountId: bob,
      incoming: { host: lab.host, port: lab.ports.imap, security: 'starttls', user: lab.users[1]!.email },
      trustedCertSha256: lab.certFingerprint256,
    });
    expect(edited.incoming).toMatchObject({ port: lab.ports.imap, security: 'starttls' });
    expect((await wren.call('sync.run', { accountId: bob })).failures).toEqual([]);
  });

  it('removes the account that is syncing: its sync ends first, the other account and local folders stay, and no blob is left without a row', async () => {
    wren.core.store.db.prepare("INSERT INTO folders (account_id, path, name, is_local) VALUES (NULL, 'Kept', 'Kept', 1)").run();
    expect((await wren.call('sync.run', { accountId: alice, bodies: true })).failures).toEqual([]);
    expect(blobFiles().length).toBe(42); // alice's forty and bob's two of his own
    await lab.seed(lab.users[0]!.email, 'INBOX', Array.from({ length: 40 }, (_, i) => simpleMessage(i + 201, { to: lab.users[0]!.email })));
    const syncing = new Promise<void>((resolve) => {
      const off = wren.core.events.on('sync.progress', (progress) => {
        if (progress.accountId !== alice || progress.phase !== 'bodies') return;
        off();
        resolve();
      });
    });
    const sync = wren.call('sync.run', { accountId: alice, bodies: true });
    await syncing;
    await wren.call('accounts.remove', { accountId: alice });
    await sync; // it ends (cut short or not) without writing for the removed account

    expect((await wren.call('accounts.list', {})).map((a) => a.id)).toEqual([bob]);
    expect(messagesOf(alice)).toBe(0);
    expect(wren.core.store.db.prepare('SELECT count(*) FROM folders WHERE account_id = ?').pluck().get(alice)).toBe(0);
    expect(wren.core.store.db.prepare("SELECT count(*) FROM folders WHERE account_id IS NULL AND path = 'Kept'").pluck().get()).toBe(1);
    expect(messagesOf(bob)).toBe(5);
    const referenced = referencedBlobs();
    expect(referenced.size).toBe(5); // bob's five sources, three of them once shared with alice
    expect(blobFiles().filter((blob) => blob === null || !referenced.has(blob))).toEqual([]);
    expect(new Set(blobFiles())).toEqual(referenced);
    const opened = await wren.call('messages.read', { messageId: wren.core.store.db.prepare('SELECT min(m.id) FROM messages m').pluck().get() as number });
    expect(opened.text).toMatch(/Body/);
  });

  it('still syncs the remaining account after the removal', async () => {
    const outcome = await wren.call('sync.run', {});
    expect(outcome.failures).toEqual([]);
    expect(outcome.summaries.map((s) => s.accountId)).toEqual([bob]);
  });
});
