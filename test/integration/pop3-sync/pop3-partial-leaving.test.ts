import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/imap-util';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { startCuttingRelay } from './cutting-relay';
import { pop3Draft } from './pop3-sync-lab';

const KB = 1024;

let lab: Lab;
let test: TestCore;

/** A plain message of about `bytes`, far over a 20 KB limit when asked. */
function sized(n: number, bytes: number): Buffer {
  const body = randomBytes(Math.ceil(bytes * 0.75)).toString('base64').replace(/(.{76})/g, '$1\r\n');
  return Buffer.from(`From: s${n}@example.test\r\nTo: popper@example.test\r\nSubject: Big ${n}\r\nMessage-ID: <big-${n}@example.test>\r\n` +
    `Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nBody ${n}\r\n${body}\r\n`);
}

function user(name: string): LabUser {
  return lab.users.find((u) => u.email === `${name}@example.test`)!;
}

/** The files of a Maildir folder ('' is INBOX) on the lab's server. */
function serverFiles(owner: LabUser, folder = ''): Buffer[] {
  const root = join(lab.maildir(owner.email), folder);
  return ['cur', 'new'].flatMap((sub) => {
    try {
      return readdirSync(join(root, sub)).map((name) => readFileSync(join(root, sub, name)));
    } catch {
      return [];
    }
  });
}

beforeAll(async () => {
  lab = await startLab({ users: ['popper', 'imapper', 'popper2', 'popper3'].map((name) => ({ email: `${name}@example.test`, password: `${name}-pw` })) });
  test = startCore();
}, 120_000);
afterAll(async () => {
  await test?.dispose();
  await lab?.stop();
});

async function partialMessage(owner: LabUser, big: Buffer, port = lab.ports.pop3s): Promise<{ accountId: number; messageId: number }> {
  await lab.seed(owner.email, 'INBOX', [big]);
  const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, owner, { maxMessageKb: 20 }, port));
  await test.call('sync.run', { accountId, bodies: false });
  const [inbox] = await test.call('folders.list', { accountId });
  const [item] = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;
  expect(test.core.store.pop3Uidls.ofMessage(item!.id)?.partial).toBe(true);
  return { accountId, messageId: item!.id };
}

describe('a POP3 message stored partially (over the size limit) never leaves as its beginning only', () => {
  it('moved into an IMAP account, the server receives the whole message, not the 40 lines TOP gave', async () => {
    const big = sized(1, 60 * KB);
    const { messageId } = await partialMessage(user('popper'), big);
    const imap = await test.call('accounts.add', labDraft(lab, user('imapper'), { smtp: null }));
    await test.call('sync.run', { accountId: imap.id, bodies: false });
    const [imapInbox] = (await test.call('folders.list', { accountId: imap.id })).filter((f) => f.role === 'inbox');

    await test.call('messages.apply', { kind: 'move', messageIds: [messageId], folderId: imapInbox!.id });
    await test.call('sync.run', { accountId: imap.id, bodies: false });

    const arrived = serverFiles(user('imapper')).filter((file) => file.includes('Message-ID: <big-1@example.test>'));
    expect(arrived).toHaveLength(1);
    // Dovecot keeps its Maildir files with bare LF line ends.
    expect(arrived[0]!.toString()).toBe(big.toString().replace(/\r\n/g, '\n'));
  });

  it('copied while its server cannot be reached, the copy is refused as offline instead of made from the beginning only', async () => {
    const relay = await startCuttingRelay(lab.ports.pop3s);
    try {
      const { messageId } = await partialMessage(user('popper2'), sized(2, 60 * KB), relay.port);
      await relay.close();
      const folder = await test.call('folders.create', { accountId: null, name: 'Kept' });
      await expect(test.call('messages.apply', { kind: 'copy', messageIds: [messageId], folderId: folder.id })).rejects.toMatchObject({ code: 'Offline' });
      expect((await test.call('messages.list', { folderId: folder.id, offset: 0, limit: 10 })).items).toEqual([]);
    } finally {
      await relay.close();
    }
  });

  it('whose rest is gone from the server (deleted by another client) still opens: its beginning, saying the rest is gone', async () => {
    const owner = user('popper3');
    const { messageId } = await partialMessage(owner, sized(3, 60 * KB));
    const imap = await connectImap(lab, owner.email);
    try {
      const lock = await imap.getMailboxLock('INBOX');
      await imap.messageDelete('1:*').finally(() => lock.release());
    } finally {
      await imap.logout();
    }
    const opened = await test.call('messages.read', { messageId, markSeen: false });
    expect(opened.partial).toBe(true);
    expect(opened.text).toContain('Body 3');
    expect(opened.warnings).toContain('wren:PartialRestGone');
  });
});
