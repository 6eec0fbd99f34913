import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../../lab/fixtures';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const run = promisify(execFile);

/** A newsletter sent as HTML only, in Chinese, with a link and a remote image (a tracking pixel). */
const HTML_ONLY = [
  'From: 新闻 <news@example.org>',
  'To: alice@example.test',
  'Subject: 本周新闻',
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <html-only@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  '<html><head><style>p{color:red}</style></head><body><p>你好，<b>读者</b>。</p>',
  '<p><a href="https://example.org/read">在网页上阅读</a></p><img src="https://tracker.example/p.gif"></body></html>',
  '',
].join('\r\n');

/**
 * View ▸ Message Body As ▸ Plain Text against Dovecot: an HTML-only message's HTML made text (in the parse
 * worker when bundled), a message with a text part shown by that part; and `wren read` prints the same text.
 */
describe('a message body as plain text', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const idOf = (subject: string) => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    return wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => m.subject === subject)!.id;
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [HTML_ONLY, readFixture('html-with-inline-image.eml')]);
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    await wren.call('sync.run', { accountId });
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('makes an HTML-only message text: words and the link\'s address, no style, no image; it stays unread', async () => {
    const messageId = idOf('本周新闻');
    const { text } = await wren.call('messages.plainText', { messageId });
    expect(text).toBe('你好，读者。\n\n在网页上阅读 <https://example.org/read>');
    expect(wren.core.store.messages.get(messageId)!.seen).toBe(false);
  });

  it('shows a message\'s own text part when it has one', async () => {
    expect((await wren.call('messages.plainText', { messageId: idOf('HTML with inline image') })).text.trim()).toBe('Our logo is shown below.');
  });

  it('wren read prints an HTML-only message as that text', async () => {
    const { stdout } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(wren.dir, 'data'), 'read', String(idOf('本周新闻'))], {
      env: { ...process.env, XDG_CONFIG_HOME: join(wren.dir, 'config') },
    });
    expect(stdout).toContain('Subject: 本周新闻');
    expect(stdout).toContain('在网页上阅读 <https://example.org/read>');
    expect(stdout).not.toContain('HTML only');
  });
});
