import { readFileSync, rmSync, truncateSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { FIXTURES, readFixture } from '../../lab/fixtures';
import type { MessageRecord } from '../../../src-main/store/messages-repo';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * A cached source whose file was damaged after it was recorded (a disk
 * fault, a power loss on a file system that lost it, a user's clean-up): it
 * is never shown as garbage, but fetched again from the server.
 */
describe('a damaged or missing cached source', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;

  const message = (subject: string): MessageRecord => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const item = wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => m.subject === subject)!;
    return wren.core.store.messages.get(item.id)!;
  };
  const sourceFile = (record: MessageRecord) => wren.core.store.blobs.pathOf(wren.core.store.bodies.source(record.id)!.blob);

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [readFixture('plain-ascii'), readFixture('attachment-pdf'), readFixture('big5'), readFixture('gbk-subject-body')]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    expect((await wren.core.sync.run(accountId, true)).bodiesFetched).toBe(4);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('truncated: opening the message fetches the source again and shows the whole text', async () => {
    const record = message('Plain ASCII fixture');
    truncateSync(sourceFile(record), 200); // the headers survive, the body is gone
    const view = await wren.call('messages.read', { messageId: record.id });
    expect(view.text).toContain('This is a plain ASCII message.');
    expect(view.text).toContain('Alice');
    expect(readFileSync(sourceFile(record))).toEqual(readFixture('plain-ascii'));
    expect(wren.core.store.messages.get(record.id)!.bodyState).toBe('full');
  });

  it('deleted: the raw source is fetched again, byte for byte', async () => {
    const record = message('訂單出貨通知');
    rmSync(sourceFile(record));
    const source = await wren.call('messages.source', { messageId: record.id });
    expect(source.source).toContain('Content-Type: text/plain; charset=Big5');
    expect(readFileSync(sourceFile(record))).toEqual(readFixture('big5'));
  });

  it('an attachment is not cut out of a damaged source but downloaded whole', async () => {
    const record = message('Quarterly report (PDF attached)');
    truncateSync(sourceFile(record), 600);
    process.env.XDG_DOWNLOAD_DIR = wren.dir;
    const view = await wren.call('messages.read', { messageId: record.id });
    const saved = await wren.call('attachments.save', { messageId: record.id, partId: view.attachments[0]!.partId });
    const pdf = readFileSync(saved.savedTo!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(FIXTURES['attachment-pdf.eml'].attachments![0]!.size);
  });

  it('offline: the message reports Offline instead of showing garbage, and the next sync --bodies fetches it again', async () => {
    const record = message('会议通知：明天下午三点开会');
    truncateSync(sourceFile(record), 100);
    await lab.stop();
    await expect(wren.call('messages.read', { messageId: record.id })).rejects.toMatchObject({ code: 'Offline' });
    expect(wren.core.store.bodies.source(record.id)).toBeUndefined();
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    expect(wren.core.store.messages.withoutBodies(inbox.id).map((m) => m.id)).toEqual([record.id]);
  });
});
