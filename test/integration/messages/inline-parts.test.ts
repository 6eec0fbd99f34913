import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { FOOTER_WORD, INNER_BODY, INNER_FILE, INNER_SUBJECT, footerMessage, forwardedMessage } from '../../lab/inline-parts-messages';
import { subjectsFound } from '../search/search-lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const FOOTER = 'List footer as a second part';
const FORWARDED = 'Fwd: nested message 转发';

/** Messages of several shown parts read through the core from Dovecot, part by part by its BODYSTRUCTURE, as the app reads them. */
describe('a message whose body is several parts', () => {
  let lab: Lab;
  let wren: TestCore;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [footerMessage(FOOTER), forwardedMessage(FORWARDED)]);
    wren = startCore({ searchWorkerPath: resolve('dist/main/search-worker.cjs') });
    const accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    for (const item of wren.core.store.messages.page(inbox.id, 0, 10).items) ids.set(item.subject, item.id);
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('shows a mailing list footer (text/plain, no disposition) after the body, and keeps only the named file as an attachment', async () => {
    const view = await wren.call('messages.read', { messageId: ids.get(FOOTER)! });
    expect(view.text).toBe(`The meeting moved to Thursday.\n\n_______________\nTo leave the list: ${FOOTER_WORD}\n`);
    expect(view.html).toBeNull();
    expect(view.attachments.map((a) => a.filename)).toEqual(['notes.txt']);
    const reply = await wren.call('compose.start', { mode: 'reply', messageId: ids.get(FOOTER)!, language: 'en' });
    expect(reply.text).toContain(`> To leave the list: ${FOOTER_WORD}`);
  });

  it('shows a forwarded GBK message in place with its headers, text and file name, and lists it as 内层邮件主题.eml', async () => {
    const view = await wren.call('messages.read', { messageId: ids.get(FORWARDED)! });
    expect(view.text).toContain('Forwarded below.');
    expect(view.text).toContain(`From: 内层发件人 <inner@example.test>\nTo: x@example.test\nDate: Sun, 01 Jun 2025 00:00:00 GMT\nSubject: ${INNER_SUBJECT}\nAttachments: ${INNER_FILE}\n\n${INNER_BODY}`);
    expect(view.html).toBeNull();
    expect(view.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${INNER_SUBJECT}.eml`, 'message/rfc822']]);
    const forward = await wren.call('compose.start', { mode: 'forward', messageId: ids.get(FORWARDED)!, language: 'en' });
    expect(forward.text).toContain(INNER_BODY);
  });

  it('finds the footer\'s word and the forwarded message\'s subject, text and file name once the messages were read', async () => {
    expect(await subjectsFound(wren, FOOTER_WORD)).toEqual([FOOTER]);
    expect(await subjectsFound(wren, '原始邮件正文')).toEqual([FORWARDED]);
    expect(await subjectsFound(wren, INNER_SUBJECT)).toEqual([FORWARDED]);
    expect(await subjectsFound(wren, 'notes.txt')).toEqual([FOOTER]);
  });
});
