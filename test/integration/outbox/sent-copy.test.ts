import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft } from '../imap/lab-core';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';
import { openCore, sendFrom as sendNow, type OpenCore as Core } from './open-core';
import { onServerById, to } from './outbox-lab';

/** The account's Sent folders, and the messages in the first with this Message-ID. */
async function localSent(wren: Core, accountId: number, messageId: string) {
  const sent = (await wren.call('folders.list', { accountId })).filter((f) => f.role === 'sent');
  const items = sent.length ? (await wren.call('messages.list', { folderId: sent[0]!.id })).items : [];
  return { folders: sent, items: items.filter((m) => wren.core.store.messages.get(m.id)?.messageId === messageId) };
}

describe('the Sent copy: a local Sent for POP3 accounts, and the one per-account setting', () => {
  let lab: Lab;
  let dir: string;
  const email = (i: number) => lab.users[i]!.email;
  beforeAll(async () => {
    lab = await startLab();
    dir = mkdtempSync(join(tmpdir(), 'wren-sent-copy-'));
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a POP3 account files exactly one copy in its local Sent: the bytes that were sent, no Bcc, still there after a restart', async () => {
    const first = openCore(dir);
    const smtp = { host: lab.host, port: lab.ports.submission, security: 'starttls' as const, user: email(0) };
    const accountId = (await first.call('accounts.add', { ...pop3Draft(lab, lab.users[0]!), smtp })).id;
    const entry = await sendNow(first, {
      accountId, to: to(email(1)), bcc: to(email(2)), subject: '本地已发送 ローカル送信', text: 'kept here\n.a dot line',
    });
    expect(entry.state).toBe('sent');
    const sentBytes = readFileSync(first.core.store.blobs.pathOf(first.core.store.outbox.get(entry.id)!.blob));
    const { folders, items } = await localSent(first, accountId, entry.messageId);
    expect(folders).toHaveLength(1);
    expect(first.core.store.folders.get(folders[0]!.id)).toMatchObject({ isLocal: true, role: 'sent' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ subject: '本地已发送 ローカル送信', seen: true });
    await first.core.close();

    const second = openCore(dir);
    try {
      // A flush after the restart files nothing twice.
      await second.call('outbox.flush', {});
      const after = await localSent(second, accountId, entry.messageId);
      expect(after.items).toHaveLength(1);
      const source = readFileSync(second.core.store.blobs.pathOf(second.core.store.bodies.source(after.items[0]!.id)!.blob));
      expect(source.equals(sentBytes)).toBe(true);
      expect(source.toString('latin1')).not.toMatch(/^bcc:/im);
      expect(source.toString('latin1')).not.toContain(email(2));
      // What Bob received is the same message: the server only put its trace headers in front.
      const [delivered] = await onServerById(lab, email(1), 'INBOX', entry.messageId);
      expect(delivered!.source.subarray(delivered!.source.length - source.length).equals(source)).toBe(true);
      const read = await second.call('messages.read', { messageId: after.items[0]!.id });
      expect(read).toMatchObject({ subject: '本地已发送 ローカル送信', to: [{ address: email(1) }], cc: [] });
      expect(read.text).toContain('.a dot line');
    } finally {
      await second.core.close();
    }
  }, 60_000);

  it('the Sent copy follows the account setting in settings.json, changed without a restart', async () => {
    const wren = openCore(mkdtempSync(join(dir, 'imap-')));
    try {
      const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
      await wren.call('sync.run', { accountId });
      await wren.call('settings.update', { accounts: { [String(accountId)]: { saveSentCopy: false } } });
      const off = await sendNow(wren, { accountId, to: to(email(1)), subject: 'No copy', text: 'x' });
      expect(off.state).toBe('sent');
      expect(await onServerById(lab, email(1), 'INBOX', off.messageId)).toHaveLength(1);
      expect(await onServerById(lab, email(0), 'Sent', off.messageId)).toEqual([]);

      await wren.call('settings.update', { accounts: { [String(accountId)]: { saveSentCopy: true } } });
      const on = await sendNow(wren, { accountId, to: to(email(1)), subject: 'With copy', text: 'y' });
      expect(await onServerById(lab, email(0), 'Sent', on.messageId)).toHaveLength(1);
    } finally {
      await wren.core.close();
    }
  }, 60_000);

  it('in the app the Sent folder shows the copy by itself (a sync follows the filing); the CLI leaves it to its next sync', async () => {
    const app = openCore(mkdtempSync(join(dir, 'app-')), 60 * 60_000);
    const cli = openCore(mkdtempSync(join(dir, 'cli-')));
    try {
      const appAccount = (await app.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
      const cliAccount = (await cli.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
      await app.call('sync.run', { accountId: appAccount });
      await cli.call('sync.run', { accountId: cliAccount });

      const burst = await Promise.all(
        ['Shown in Sent 1', 'Shown in Sent 2', 'Shown in Sent 3'].map((subject) => sendNow(app, { accountId: appAccount, to: to(email(1)), subject, text: 'x' })),
      );
      expect(burst.map((entry) => entry.state)).toEqual(['sent', 'sent', 'sent']);
      // No sync asked for: the one the filing started (and the one after it, for the copies filed meanwhile) brings them.
      for (const entry of burst) {
        await expect.poll(async () => (await localSent(app, appAccount, entry.messageId)).items.length, { timeout: 20_000 }).toBe(1);
      }

      const fromCli = await sendNow(cli, { accountId: cliAccount, to: to(email(1)), subject: 'Sent from the CLI', text: 'y' });
      expect(await onServerById(lab, email(0), 'Sent', fromCli.messageId)).toHaveLength(1);
      expect((await localSent(cli, cliAccount, fromCli.messageId)).items).toEqual([]);
      await cli.call('sync.run', { accountId: cliAccount });
      expect((await localSent(cli, cliAccount, fromCli.messageId)).items).toHaveLength(1);
    } finally {
      await app.core.close();
      await cli.core.close();
    }
  }, 90_000);

  it('outbox.setSentCopy writes that same setting', async () => {
    const wren = openCore(mkdtempSync(join(dir, 'switch-')));
    try {
      const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
      await wren.call('outbox.setSentCopy', { accountId, sentCopy: 'off' });
      expect((await wren.call('settings.get', {})).settings.accounts[String(accountId)]?.saveSentCopy).toBe(false);
      await wren.call('outbox.setSentCopy', { accountId, sentCopy: 'auto' });
      expect((await wren.call('settings.get', {})).settings.accounts[String(accountId)]?.saveSentCopy).toBe(true);
    } finally {
      await wren.core.close();
    }
  }, 30_000);
});
