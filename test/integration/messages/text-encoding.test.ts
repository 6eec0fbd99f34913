import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { parseSource } from '../../../src-main/mime/parse-source';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const run = promisify(execFile);

/** A message from a Chinese mailer: its subject and body raw 8-bit GBK (no encoded words), under this Content-Type. */
function gbkMessage(subject: string, date: string, messageId: string, contentType: string, body: string): Buffer {
  return Buffer.concat([
    Buffer.from('From: Li <li@example.cn>\r\nTo: alice@example.test\r\nSubject: ', 'latin1'),
    iconv.encode(subject, 'gbk'),
    Buffer.from(
      ['', `Date: ${date}`, `Message-ID: ${messageId}`, 'MIME-Version: 1.0', `Content-Type: ${contentType}`, 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'),
      'latin1',
    ),
    iconv.encode(body, 'gbk'),
  ]);
}

/** GBK text labelled ISO-8859-1, as some Chinese mailers send it: read as labelled it is "ÄãºÃ…". */
const MISLABELLED = gbkMessage('开会通知', 'Tue, 01 Dec 2026 09:00:00 +0000', '<gbk-as-latin1@example.cn>', 'text/plain; charset=iso-8859-1', '你好，明天开会。\r\n');

/** GBK with no charset at all, its subject raw 8-bit GBK too: read as the bytes suggest, Chinese. */
const UNLABELLED = gbkMessage('无字符集声明', 'Tue, 01 Dec 2026 10:00:00 +0000', '<gbk-unlabelled@example.cn>', 'text/plain', '无字符集声明的正文\r\n');

/** The reading pane's Text Encoding against Dovecot: the text read again as the encoding chosen, nothing of it kept. */
describe('a message read as another text encoding', () => {
  let lab: Lab;
  let wren: TestCore;
  let messageId: number;
  let unlabelledId: number;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [MISLABELLED, UNLABELLED]);
    wren = startCore();
    const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    await wren.call('sync.run', { accountId });
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const idOf = (header: string) => wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => wren.core.store.messages.get(m.id)!.messageId === header)!.id;
    messageId = idOf('<gbk-as-latin1@example.cn>');
    unlabelledId = idOf('<gbk-unlabelled@example.cn>');
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('reads GBK sent as ISO-8859-1 as Chinese once asked, its raw subject too, keeps the body as labelled, and leaves the message unread', async () => {
    const asLabelled = await wren.call('messages.read', { messageId, markSeen: false });
    expect(asLabelled.text).toBe('ÄãºÃ£¬Ã÷Ìì¿ª»á¡£\n');
    const asGbk = await wren.call('messages.read', { messageId, markSeen: false, charset: 'gbk' });
    expect(asGbk.text).toBe('你好，明天开会。\n');
    expect(asGbk.subject).toBe('开会通知');
    expect(asGbk.from).toEqual({ name: 'Li', address: 'li@example.cn' });
    // Shown only: the stored subject is what it was.
    expect(wren.core.store.messages.get(messageId)!.subject).toBe(asLabelled.subject);
    expect(wren.core.store.messages.get(messageId)!.seen).toBe(false);
    // Asked again without a choice: the body as its label says, as stored.
    expect((await wren.call('messages.read', { messageId, markSeen: false })).text).toBe('ÄãºÃ£¬Ã÷Ìì¿ª»á¡£\n');
  });

  it('reads GBK with no charset as Chinese, part by part and from its whole source alike, unless another encoding is chosen', async () => {
    const asDeclared = await wren.call('messages.read', { messageId: unlabelledId, markSeen: false });
    expect(asDeclared.subject).toBe('无字符集声明');
    expect(asDeclared.text).toBe('无字符集声明的正文\n');
    const source = await wren.core.reader.cachedSource(unlabelledId);
    expect((await parseSource(wren.core.store.blobs.read(source.blob))).text).toBe('无字符集声明的正文\n');
    const asLatin = await wren.call('messages.read', { messageId: unlabelledId, markSeen: false, charset: 'windows-1252' });
    expect(asLatin.text).toBe('ÎÞ×Ö·û¼¯ÉùÃ÷µÄÕýÎÄ\n');
  });

  it('wren read --charset prints the text as that encoding and marks it read; an encoding it does not offer is refused by name', async () => {
    const wrenCli = (args: string[]) =>
      run(process.execPath, ['bin/wren.cjs', '--data-dir', join(wren.dir, 'data'), ...args], { env: { ...process.env, XDG_CONFIG_HOME: join(wren.dir, 'config') } });
    const { stdout } = await wrenCli(['read', String(messageId), '--charset', 'GBK']);
    expect(stdout).toContain('你好，明天开会。');
    expect(wren.core.store.messages.get(messageId)!.seen).toBe(true);
    await expect(wrenCli(['read', String(messageId), '--charset', 'utf-7'])).rejects.toMatchObject({ stderr: expect.stringContaining('"utf-7" is not a text encoding') });
  });

  it('refuses an encoding it does not offer', async () => {
    await expect(wren.call('messages.read', { messageId, charset: 'utf-7' } as never)).rejects.toMatchObject({ code: 'BadRequest' });
  });
});
