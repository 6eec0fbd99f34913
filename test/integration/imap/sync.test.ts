import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simpleMessage } from '../../lab/simple-message';
import { connectImap, recreateFolder, startLab, type Lab } from '../../lab/lab';
import { readFixture } from '../../lab/fixtures';
import { labDraft, startCore, type TestCore } from './lab-core';

async function serverFlags(lab: Lab, user: string, folder: string): Promise<Map<number, string[]>> {
  const client = await connectImap(lab, user);
  const lock = await client.getMailboxLock(folder);
  const flags = new Map<number, string[]>();
  try {
    for await (const m of client.fetch('1:*', { uid: true, flags: true })) flags.set(m.uid, [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort());
  } finally {
    lock.release();
    await client.logout();
  }
  return flags;
}

describe('IMAP sync against Dovecot', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const user = () => lab.users[1]!; // bob

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(user().email, 'INBOX', Array.from({ length: 30 }, (_, i) => simpleMessage(i + 1)));
    await lab.seed(user().email, 'INBOX', Array.from({ length: 10 }, (_, i) => simpleMessage(i + 31)), { flags: ['\\Seen'] });
    await lab.seed(user().email, 'INBOX', [simpleMessage(41)], { flags: ['\\Flagged', '\\Seen'] });
    await lab.seed(user().email, 'Projects/Wren', [readFixture('gbk-subject-body'), readFixture('attachment-pdf')]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, user()))).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('lists folders with hierarchy and special-use roles, and exactly the seeded messages', async () => {
    const summary = await wren.core.sync.run(accountId, false);
    expect(summary.newMessages).toBe(43);
    const folders = await wren.call('folders.list', { accountId });
    const byPath = new Map(folders.map((f) => [f.path, f]));
    expect(byPath.get('INBOX')).toMatchObject({ role: 'inbox', total: 41, unread: 30 });
    expect(['sent', 'drafts', 'trash', 'junk', 'archive'].every((role) => folders.some((f) => f.role === role))).toBe(true);
    const child = byPath.get('Projects/Wren')!;
    expect(child.parentId).toBe(byPath.get('Projects')!.id);
    const page = await wren.call('messages.list', { folderId: byPath.get('INBOX')!.id, limit: 1000 });
    expect(page.items).toHaveLength(41);
    expect(new Set(page.items.map((m) => m.uid)).size).toBe(41);
    expect(page.items[0]!.subject).toBe('Seeded 41'); // newest first
  });

  it('matches the server flags exactly', async () => {
    const inbox = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'INBOX')!;
    const local = (await wren.call('messages.list', { folderId: inbox.id, limit: 1000 })).items;
    const remote = await serverFlags(lab, user().email, 'INBOX');
    for (const m of local) {
      const flags = remote.get(m.uid!)!;
      expect({ uid: m.uid, seen: m.seen, flagged: m.flagged }).toEqual({ uid: m.uid, seen: flags.includes('\\Seen'), flagged: flags.includes('\\Flagged') });
      // Dovecot gave wren's first session \Recent for every message: a session flag, not kept.
      expect(wren.core.store.messages.get(m.id)!.flags).not.toContain('\\Recent');
    }
  });

  it('picks up new mail, flag changes and expunges on the next sync, without refetching the rest', async () => {
    const client = await connectImap(lab, user().email);
    const lock = await client.getMailboxLock('INBOX');
    await client.messageFlagsAdd('1', ['\\Flagged'], { uid: true });
    await client.messageFlagsAdd('2', ['\\Deleted'], { uid: true });
    await client.messageDelete('2', { uid: true });
    lock.release();
    await client.logout();
    await lab.seed(user().email, 'INBOX', [simpleMessage(42)]);
    const summary = await wren.core.sync.run(accountId, false);
    expect(summary).toMatchObject({ newMessages: 1, removedMessages: 1, flagUpdates: 1 });
    const inbox = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'INBOX')!;
    expect(inbox.total).toBe(41);
    const items = (await wren.call('messages.list', { folderId: inbox.id, limit: 1000 })).items;
    expect(items.find((m) => m.uid === 1)!.flagged).toBe(true);
    expect(items.some((m) => m.uid === 2)).toBe(false);
  });

  it('resyncs a folder whose UIDVALIDITY changed, without duplicates', async () => {
    const before = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'INBOX')!;
    await recreateFolder(lab, user().email, 'INBOX');
    await wren.core.sync.run(accountId, false);
    const after = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'INBOX')!;
    const items = (await wren.call('messages.list', { folderId: after.id, limit: 1000 })).items;
    expect(after.total).toBe(before.total);
    expect(items).toHaveLength(before.total);
    expect(new Set(items.map((m) => m.subject)).size).toBe(before.total);
    const remote = await serverFlags(lab, user().email, 'INBOX');
    expect(items.map((m) => m.uid).sort((a, b) => a! - b!)).toEqual([...remote.keys()].sort((a, b) => a - b));
  });

  it('reads a GBK message decoded, marks it \\Seen on the server, and saves its sibling\'s attachment', async () => {
    const folder = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'Projects/Wren')!;
    const items = (await wren.call('messages.list', { folderId: folder.id })).items;
    const gbk = items.find((m) => m.subject === '会议通知：明天下午三点开会')!;
    expect(gbk.from.name).toBe('张伟');
    const view = await wren.call('messages.read', { messageId: gbk.id });
    expect(view.text).toContain('会议通知：明天下午三点开会，地点在三楼会议室。');
    expect(view.seen).toBe(true); // at once, locally
    await vi.waitFor(async () => expect((await serverFlags(lab, user().email, 'Projects/Wren')).get(gbk.uid!)).toContain('\\Seen'), { timeout: 30_000, interval: 50 });
    const pdf = items.find((m) => m.hasAttachments)!;
    const pdfView = await wren.call('messages.read', { messageId: pdf.id });
    expect(pdfView.attachments).toEqual([expect.objectContaining({ filename: '报告.pdf', contentType: 'application/pdf' })]);
  });
});
