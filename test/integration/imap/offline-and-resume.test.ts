import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../../lab/simple-message';
import { startLab, type Lab } from '../../lab/lab';
import { readFixture } from '../../lab/fixtures';
import type { Events } from '../../../src-main/ipc/contract';
import { HEADER_BATCH } from '../../../src-main/sync/sync-folder';
import { labDraft, startCore, type TestCore } from './lab-core';

describe('a dropped connection and a vanished server lose nothing', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const total = HEADER_BATCH * 2 + 37;

  beforeAll(async () => {
    lab = await startLab();
    const carol = lab.users[2]!;
    await lab.seed(carol.email, 'INBOX', Array.from({ length: total }, (_, i) => simpleMessage(i + 1, { subject: 'Bulk', to: 'carol@example.test' })));
    await lab.seed(carol.email, 'Archive', [readFixture('attachment-pdf'), readFixture('big5')]);
    wren = startCore({ syncIntervalMs: 60 * 60_000 }); // retries scheduled, but far beyond the test
    accountId = (await wren.call('accounts.add', labDraft(lab, carol))).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('resumes a sync cut off after the first batch without duplicates or gaps', async () => {
    let cut = false;
    const off = wren.core.events.on('sync.progress', (p: Events['sync.progress']) => {
      if (!cut && p.phase === 'headers' && p.folderPath === 'INBOX' && p.done >= HEADER_BATCH) {
        cut = true;
        wren.core.sync.dropConnection(accountId); // the line drops mid-sync
      }
    });
    await expect(wren.core.sync.run(accountId, false)).rejects.toMatchObject({ code: expect.stringMatching(/ConnectionLost|Timeout/) });
    off();
    expect(wren.core.status.get(accountId).state).toBe('offline');
    const partial = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    expect(partial.total).toBeGreaterThanOrEqual(HEADER_BATCH);
    expect(partial.total).toBeLessThan(total);

    await wren.core.sync.run(accountId, false);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const items = wren.core.store.messages.page(inbox.id, 0, 10_000).items;
    expect(items).toHaveLength(total);
    expect(new Set(items.map((m) => m.subject)).size).toBe(total);
  });

  it('with --bodies everything reads offline once the server is gone, and nothing is deleted', async () => {
    const summary = await wren.core.sync.run(accountId, true);
    expect(summary.bodiesFetched).toBeGreaterThanOrEqual(total + 2);
    const archive = wren.core.store.folders.list(accountId).find((f) => f.path === 'Archive')!;
    const big5 = wren.core.store.messages.page(archive.id, 0, 10).items.find((m) => m.subject === '訂單出貨通知')!;
    await lab.stop();

    const view = await wren.call('messages.read', { messageId: big5.id });
    expect(view.text).toContain('您的訂單已經出貨，預計三天內送達。');
    const source = await wren.call('messages.source', { messageId: big5.id });
    expect(source.source).toContain('Content-Type: text/plain; charset=Big5');

    process.env.XDG_DOWNLOAD_DIR = wren.dir;
    const pdf = wren.core.store.messages.page(archive.id, 0, 10).items.find((m) => m.hasAttachments)!;
    const pdfView = await wren.call('messages.read', { messageId: pdf.id });
    const saved = await wren.call('attachments.save', { messageId: pdf.id, partId: pdfView.attachments[0]!.partId });
    expect(saved.savedTo).toBe(join(wren.dir, '报告.pdf'));
    expect(readFileSync(saved.savedTo!).subarray(0, 5).toString()).toBe('%PDF-');
    const again = await wren.call('attachments.save', { messageId: pdf.id, partId: pdfView.attachments[0]!.partId });
    expect(again.savedTo).toBe(join(wren.dir, '报告 (1).pdf')); // never overwrites

    await expect(wren.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'ConnectionRefused' });
    const status = wren.core.status.get(accountId);
    expect(status.state).toBe('offline');
    expect(status.retryAt).toBeGreaterThan(Date.now());
    expect(wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!.total).toBe(total);
  });
});
