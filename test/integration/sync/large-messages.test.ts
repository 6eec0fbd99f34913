import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

function big(n: number, bytes: number): Buffer {
  const body = randomBytes(bytes).toString('base64').replace(/(.{76})/g, '$1\r\n');
  return Buffer.from(
    `From: s${n}@example.test\r\nTo: carol@example.test\r\nSubject: Big ${n}\r\nMessage-ID: <big-${n}@example.test>\r\n` +
      `Date: Tue, 03 Jun 2025 10:00:00 +0000\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n`,
  );
}

/** Sizes around and over the 1 MB small/large split and the 8 MB download chunk. */
describe('sync --bodies with large messages', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const messages = [big(1, 20 * 1024 * 1024), big(2, 3 * 1024 * 1024), big(3, 9 * 1024 * 1024), big(4, 2000), big(5, 6 * 1024 * 1024)];

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[2]!.email, 'INBOX', messages);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[2]!))).id;
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('stores every source byte for byte, streamed in chunks', async () => {
    const summary = await wren.core.sync.run(accountId, true);
    expect(summary.bodiesFetched).toBe(messages.length);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    for (const item of wren.core.store.messages.page(inbox.id, 0, 10).items) {
      const expected = messages[Number(item.subject.split(' ')[1]) - 1]!;
      const stored = readFileSync(wren.core.store.blobs.pathOf(wren.core.store.bodies.source(item.id)!.blob));
      expect(stored.length).toBe(expected.length);
      expect(stored.equals(expected)).toBe(true);
    }
  }, 120_000);
});
