import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectImap } from '../../lab/imap-util';
import { startLab, type Lab } from '../../lab/lab';
import { startScriptedImap, type ScriptedImap } from '../../lab/scripted-imap';
import { simpleMessage } from '../../lab/simple-message';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { onServerById, to } from '../outbox/outbox-lab';

/**
 * Work Offline (app.workOffline) against the lab: Dovecot behind a relay that counts the logins, the lab's SMTP
 * server for sending. The core is the app's (background sync), so going online again syncs by itself.
 */
describe('work offline: nothing connects, everything waits, and going online does it all', () => {
  let lab: Lab;
  let imap: ScriptedImap;
  let wren: TestCore;
  let accountId: number;
  const alice = () => lab.users[0]!;
  const logins = () => imap.seen.filter((line) => /^(LOGIN|AUTHENTICATE) /.test(line)).length;
  const inbox = () => wren.core.store.messages.page(wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!.id, 0, 100).items;
  const serverSeen = async () => {
    const client = await connectImap(lab, alice().email);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      return (await client.fetchAll('1:*', { uid: true, flags: true })).filter((m) => m.flags!.has('\\Seen')).length;
    } finally {
      await client.logout();
    }
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(alice().email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Before', to: alice().email })));
    imap = await startScriptedImap(lab.ports.imap);
    wren = startCore({ syncIntervalMs: 10 * 60_000 });
    const draft = labDraft(lab, alice());
    accountId = (await wren.call('accounts.add', { ...draft, allowPlaintext: true, trustedCertSha256: undefined, smtpTrustedCertSha256: lab.certFingerprint256, incoming: { ...draft.incoming, port: imap.port, security: 'none' } })).id;
    await wren.core.sync.run(accountId, false);
  });
  afterAll(async () => {
    await wren?.dispose();
    await imap?.close();
    await lab?.stop();
  });

  it('turned on: the account says so at once, a sync or an unread body fails as WorkingOffline without a login, changes and mail wait', async () => {
    expect(inbox()).toHaveLength(2);
    await wren.call('settings.update', { app: { workOffline: true } });
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'offline', error: expect.objectContaining({ code: 'WorkingOffline' }), retryAt: null });
    const before = logins();

    await expect(wren.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'WorkingOffline' });
    await expect(wren.call('messages.read', { messageId: inbox()[0]!.id })).rejects.toMatchObject({ code: 'WorkingOffline' });
    await wren.call('messages.apply', { kind: 'flags', messageIds: inbox().map((m) => m.id), add: ['\\Seen'], remove: [] });
    expect(inbox().every((m) => m.seen)).toBe(true); // at once, here
    const entry = await wren.call('outbox.send', { message: { accountId, to: to(alice().email), subject: 'Written offline', text: 'waits' }, undoSeconds: 0 });
    const [held] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    expect(held).toMatchObject({ state: 'queued', error: { code: 'WorkingOffline' } });

    expect(logins()).toBe(before);
    expect(wren.core.sync.hasTimer(accountId)).toBe(false);
    expect(await serverSeen()).toBe(0);
    expect(await onServerById(lab, alice().email, 'INBOX', entry.messageId)).toHaveLength(0);
  });

  it('turned off: every account syncs, the journal reaches the server, the outbox sends, and the body opens', async () => {
    const [waiting] = await wren.call('outbox.list', {});
    await wren.call('settings.update', { app: { workOffline: false } });
    await vi.waitFor(async () => expect(await serverSeen()).toBe(2), { timeout: 15_000, interval: 200 });
    await vi.waitFor(async () => expect(await onServerById(lab, alice().email, 'INBOX', waiting!.messageId)).toHaveLength(1), { timeout: 15_000, interval: 200 });
    await vi.waitFor(() => expect(wren.core.status.get(accountId)).toMatchObject({ state: 'idle', error: null }), { timeout: 15_000, interval: 100 });
    const before = inbox().find((m) => m.subject.startsWith('Before'))!;
    expect((await wren.call('messages.read', { messageId: before.id })).text).toMatch(/^Body \d/);
    // The background checks run again (after the sync the Sent copy asks for, which may still be under way).
    await vi.waitFor(() => expect(wren.core.sync.hasTimer(accountId)).toBe(true), { timeout: 15_000, interval: 100 });
  });
});
