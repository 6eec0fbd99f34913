import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { onServerById, to } from './outbox-lab';

const run = promisify(execFile);

/** The app's real arrangement: the bundled outbox worker builds and sends, the main thread decides. */
describe('the outbox in its worker thread', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const email = (i: number) => lab.users[i]!.email;

  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-main.mjs']);
    lab = await startLab();
    wren = startCore({ outboxWorkerPath: resolve('dist/main/outbox-worker.cjs') });
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    await wren.call('sync.run', { accountId });
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('a burst queued together (one with an attachment) arrives once each, with one Sent copy each', async () => {
    const file = await wren.core.staging.stageStream(Readable.from([Buffer.from('季度报告\n'.repeat(5000))]));
    const entries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        wren.call('outbox.send', {
          message: {
            accountId,
            to: to(email(1)),
            subject: `Burst ${i} 会議`,
            text: `message ${i}`,
            attachments: i === 3 ? [{ stagedId: file.stagedId, filename: '报告.txt', contentType: 'text/plain', size: file.size }] : [],
          },
          undoSeconds: 0,
        }),
      ),
    );
    expect(new Set(entries.map((e) => e.messageId)).size).toBe(10);
    const settled = await wren.call('outbox.wait', { outboxIds: entries.map((e) => e.id) });
    expect(settled.map((e) => e.state)).toEqual(Array(10).fill('sent'));
    for (const [i, entry] of entries.entries()) {
      const delivered = await onServerById(lab, email(1), 'INBOX', entry.messageId);
      expect(delivered, entry.subject).toHaveLength(1);
      expect(delivered[0]!.parsed.subject).toBe(`Burst ${i} 会議`);
      expect(await onServerById(lab, email(0), 'Sent', entry.messageId), entry.subject).toHaveLength(1);
    }
    const [withFile] = await onServerById(lab, email(1), 'INBOX', entries[3]!.messageId);
    expect(withFile!.parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['报告.txt', '季度报告\n'.repeat(5000)]]);
  }, 120_000);

  it('undo takes back a message the worker queued, before anything reaches the server', async () => {
    const entry = await wren.call('outbox.send', { message: { accountId, to: to(email(1)), subject: 'Undone in worker', text: 'never sent' }, undoSeconds: 2 });
    expect(entry.state).toBe('waiting');
    expect((await wren.call('outbox.cancel', { outboxId: entry.id })).message).toMatchObject({ subject: 'Undone in worker' });
    await new Promise((done) => setTimeout(done, 3000));
    expect(await onServerById(lab, email(1), 'INBOX', entry.messageId)).toEqual([]);
  }, 30_000);

  it('an attachment no longer staged is refused with its own code, across the thread', async () => {
    const file = await wren.core.staging.stageStream(Readable.from([Buffer.from('x')]));
    await wren.core.staging.remove(file.stagedId);
    const sending = wren.call('outbox.send', {
      message: { accountId, to: to(email(1)), subject: 'Gone', text: 'x', attachments: [{ stagedId: file.stagedId, filename: 'x.txt', contentType: 'text/plain', size: 1 }] },
      undoSeconds: 0,
    });
    await expect(sending).rejects.toMatchObject({ code: 'NotFound' });
    expect((await wren.call('outbox.list', {})).some((e) => e.subject === 'Gone')).toBe(false);
  }, 30_000);
});
