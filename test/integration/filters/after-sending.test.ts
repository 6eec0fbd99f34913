import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { labDraft } from '../imap/lab-core';
import { openCore, sendFrom, type OpenCore } from '../outbox/open-core';
import { onServerById, to } from '../outbox/outbox-lab';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';

const TO_BOB = (bob: string) => [{ field: 'recipients' as const, operator: 'contains' as const, text: bob }];
const AFTER_SENDING_ONLY = { newMail: false, afterSending: true };

/** The folder of this path, as the core knows it (null: local). */
async function folderId(wren: OpenCore, accountId: number | null, path: string): Promise<number> {
  const found = (await wren.call('folders.list', { accountId })).find((folder) => folder.path === path);
  if (!found) throw new Error(`no folder ${path}`);
  return found.id;
}

/**
 * Thunderbird's "After Sending" filters against the lab: what the account sends through the lab's SMTP server is
 * filtered in its Sent copy, on the IMAP server (filed by the app at once, by a core without background sync at its
 * next sync, across a restart; `wren send` syncs at once, see test/integration/cli/send.test.ts) or in a POP3
 * account's local Sent.
 */
describe('filters that run after sending', () => {
  let lab: Lab;
  let dir: string;
  const email = (i: number) => lab.users[i]!.email;
  beforeAll(async () => {
    lab = await startLab();
    dir = mkdtempSync(join(tmpdir(), 'wren-after-sending-'));
    await lab.seed(email(0), 'Projects', []);
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in the app: the Sent copy of mail to Bob moves to Projects on the server and is tagged; mail to others stays in Sent', async () => {
    const app = openCore(mkdtempSync(join(dir, 'app-')), 60 * 60_000);
    try {
      const accountId = (await app.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
      await app.call('sync.run', { accountId });
      await app.call('filters.save', {
        accountId, name: 'Mail to Bob', conditions: TO_BOB(email(1)), actions: { moveTo: await folderId(app, accountId, 'Projects'), tag: '$label2' }, runOn: AFTER_SENDING_ONLY,
      });
      const toBob = await sendFrom(app, { accountId, to: to(email(1)), subject: 'Quote for Bob', text: 'x' });
      const toCarol = await sendFrom(app, { accountId, to: to(email(2)), subject: 'Hello Carol', text: 'y' });
      expect([toBob.state, toCarol.state]).toEqual(['sent', 'sent']);
      await expect.poll(async () => (await onServerById(lab, email(0), 'Projects', toBob.messageId)).length, { timeout: 20_000 }).toBe(1);
      const [filed] = await onServerById(lab, email(0), 'Projects', toBob.messageId);
      expect(filed!.parsed.subject).toBe('Quote for Bob');
      expect(await onServerById(lab, email(0), 'Sent', toBob.messageId)).toEqual([]);
      expect(await onServerById(lab, email(0), 'Sent', toCarol.messageId)).toHaveLength(1);
      const [line] = await app.call('filters.log', { accountId, limit: 1 });
      expect(line).toMatchObject({ filterName: 'Mail to Bob', subject: 'Quote for Bob', did: [{ kind: 'tag', tag: '$label2' }, { kind: 'move', folder: 'Projects' }] });
      // Bob's copy is his own: the filter acted on the sender's Sent copy only.
      expect(await onServerById(lab, email(1), 'INBOX', toBob.messageId)).toHaveLength(1);
    } finally {
      await app.core.close();
    }
  }, 90_000);

  it('in a core without background sync (the CLI\'s): the copy is filtered at the next sync, with a restart in between', async () => {
    const folder = mkdtempSync(join(dir, 'cli-'));
    const first = openCore(folder);
    let accountId = 0;
    let messageId = '';
    try {
      accountId = (await first.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
      await first.call('sync.run', { accountId });
      await first.call('filters.save', {
        accountId, name: 'Star what I send Bob', conditions: TO_BOB(email(1)), actions: { flag: true }, runOn: AFTER_SENDING_ONLY,
      });
      ({ messageId } = await sendFrom(first, { accountId, to: to(email(1)), subject: 'Minutes', text: 'z' }));
      expect((await onServerById(lab, email(0), 'Sent', messageId))[0]!.parsed.headers.get('subject')).toBe('Minutes');
    } finally {
      await first.core.close();
    }
    const second = openCore(folder);
    try {
      // Noted durably: the restart kept it.
      expect(second.core.store.filterSentQueue.list(accountId).map((sent) => sent.messageId)).toEqual([messageId]);
      await second.call('sync.run', { accountId });
      await expect.poll(async () => second.core.store.filterSentQueue.list(accountId).length).toBe(0);
      await second.call('sync.run', { accountId, replayOnly: true });
      const flagged = async () => {
        const client = await connectImap(lab, email(0));
        try {
          await client.mailboxOpen('Sent', { readOnly: true });
          return (await client.search({ header: { 'Message-ID': messageId }, flagged: true }, { uid: true })) || [];
        } finally {
          await client.logout();
        }
      };
      await expect.poll(async () => (await flagged()).length, { timeout: 20_000 }).toBe(1);
    } finally {
      await second.core.close();
    }
  }, 90_000);

  it('a POP3 account\'s local Sent copy is filtered at once, into a local folder', async () => {
    const wren = openCore(mkdtempSync(join(dir, 'pop3-')));
    try {
      const smtp = { host: lab.host, port: lab.ports.submission, security: 'starttls' as const, user: email(0) };
      const accountId = (await wren.call('accounts.add', { ...pop3Draft(lab, lab.users[0]!), smtp })).id;
      const projects = await wren.call('folders.create', { accountId: null, name: 'Bob projects' });
      await wren.call('filters.save', { accountId, name: 'To Bob', conditions: TO_BOB(email(1)), actions: { moveTo: projects.id }, runOn: AFTER_SENDING_ONLY });
      const sent = await sendFrom(wren, { accountId, to: to(email(1)), subject: '本地项目', text: 'w' });
      expect(sent.state).toBe('sent');
      await expect.poll(async () => (await wren.call('messages.list', { folderId: projects.id })).items.map((m) => m.subject)).toEqual(['本地项目']);
      const localSent = (await wren.call('folders.list', { accountId })).find((f) => f.role === 'sent')!;
      expect((await wren.call('messages.list', { folderId: localSent.id })).items).toEqual([]);
    } finally {
      await wren.core.close();
    }
  }, 60_000);
});
