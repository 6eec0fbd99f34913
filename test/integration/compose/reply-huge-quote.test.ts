import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, sendNow, to } from '../outbox/outbox-lab';

/** An answer to a 4.6 MB mail of one line quotes its beginning, not megabytes (which the web mode could not save or send). */
let lab: Lab;
let alice: TestCore;
let aliceId: number;

const HUGE_MAIL = [
  'From: QA <qa@example.test>', 'To: alice@example.test', 'Subject: Huge single line', 'Message-ID: <huge-single-line@lab>',
  'Date: Mon, 7 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '',
  `${'ABCDEFGHIJ中文'.repeat(300_000)}ENDMARKER`, '',
].join('\r\n');

beforeAll(async () => {
  lab = await startLab();
  await lab.seed(lab.users[0]!.email, 'INBOX', [HUGE_MAIL]);
  ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
}, 60_000);

afterAll(async () => {
  await alice?.dispose();
  await lab?.stop();
});

async function original(): Promise<number> {
  const inbox = (await alice.call('folders.list', { accountId: aliceId })).find((f) => f.role === 'inbox')!;
  return (await alice.call('messages.list', { folderId: inbox.id })).items.find((m) => m.subject === 'Huge single line')!.id;
}

describe('an answer to a 4.6 MB mail written as one line', () => {
  it('quotes its first 100,000 characters and says the rest is not quoted; sent, that is what arrives', async () => {
    const reply = await alice.call('compose.start', { mode: 'reply', messageId: await original(), language: 'en' });
    expect(reply.text).toContain('\n> ABCDEFGHIJ中文ABCDEFGHIJ');
    expect(reply.text).toMatch(/\n> \[… the rest \(4\.\d MB\) is not quoted\]\n/);
    expect(reply.text).not.toContain('ENDMARKER');
    expect(reply.text.length).toBeLessThan(110_000);

    const sent = await sendNow(alice, { ...reply, to: to(lab.users[1]!.email) });
    const [delivered] = await onServerById(lab, lab.users[1]!.email, 'INBOX', sent.messageId);
    expect(delivered!.parsed.text).toMatch(/> \[… the rest \(4\.\d MB\) is not quoted\]/);
    expect(delivered!.source.length).toBeLessThan(400_000);
  });

  it('says so in Chinese in a Chinese answer', async () => {
    const reply = await alice.call('compose.start', { mode: 'reply', messageId: await original(), language: 'zh' });
    expect(reply.text).toMatch(/\n> \[……其余部分（4\.\d MB）未引用\]\n/);
  });
});
