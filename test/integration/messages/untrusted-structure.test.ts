import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedWarning, warningText } from '../../../src-main/errors/warning-codes';
import type { MessageSummary } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const crlf = (lines: string[]) => lines.map((line) => `${line}\r\n`).join('');
const head = (subject: string, contentType: string) => [
  'From: Alice <alice@example.test>', 'To: bob@example.test', `Subject: ${subject}`,
  'Date: Mon, 02 Jun 2025 09:30:00 +0000', 'MIME-Version: 1.0', `Content-Type: ${contentType}`, '',
];

const MESSAGES = {
  noBoundary: crlf([
    ...head('multipart without a boundary', 'multipart/mixed'),
    '--abc', 'Content-Type: text/plain', '', 'The text a boundary-less multipart still has.', '--abc--',
  ]),
  mismatched: crlf([
    ...head('delimiters that do not match', 'multipart/alternative; boundary="=_Part_77_declared"'),
    '--=_Part_77_DECLARED', 'Content-Type: text/plain; charset=utf-8', '', 'The text behind delimiters in the wrong case.',
    '--=_Part_77_DECLARED', 'Content-Type: text/html; charset=utf-8', '', '<p>The HTML behind them.</p>',
    '--=_Part_77_DECLARED--',
  ]),
  // Well-formed control: an empty text and a large attachment must not make Wren download the whole message.
  emptyTextBigAttachment: crlf([
    ...head('empty text, big attachment', 'multipart/mixed; boundary="b"'),
    '--b', 'Content-Type: text/plain', '', '',
    '--b', 'Content-Type: application/octet-stream; name="big.bin"', 'Content-Disposition: attachment; filename="big.bin"',
    'Content-Transfer-Encoding: base64', '', ...Array.from({ length: 4000 }, () => 'QUJD'.repeat(19)),
    '--b--',
  ]),
};

describe('a message whose server-side structure cannot be trusted, opened on demand', () => {
  let lab: Lab;
  let wren: TestCore;
  let items: MessageSummary[];
  const open = (subject: string) => {
    const summary = items.find((m) => m.subject === subject);
    if (!summary) throw new Error(`no message ${subject}`);
    return summary.id;
  };

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', Object.values(MESSAGES));
    wren = startCore();
    const accountId = (await wren.call('accounts.add', labDraft(lab, alice))).id;
    await wren.core.sync.run(accountId, false);
    const inbox = (await wren.call('folders.list', { accountId })).find((f) => f.path === 'INBOX')!;
    items = (await wren.call('messages.list', { folderId: inbox.id, limit: 10 })).items;
  });
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('multipart without a boundary: shows the text its full source has, with a warning', async () => {
    const view = await wren.call('messages.read', { messageId: open('multipart without a boundary') });
    expect(view.text).toBe('The text a boundary-less multipart still has.');
    expect(view.warnings.map(warningText)).toEqual([codedWarning('StructureUntrusted'), 'message: multipart without a boundary', codedWarning('BoundaryRecovered')]);
  });

  it('delimiter lines that do not match the boundary: shows the text and HTML, with warnings', async () => {
    const id = open('delimiters that do not match');
    const view = await wren.call('messages.read', { messageId: id });
    expect(view.text?.trim()).toBe('The text behind delimiters in the wrong case.');
    expect(view.html).toContain('<p>The HTML behind them.</p>');
    expect(view.warnings).toEqual(expect.arrayContaining([codedWarning('StructureUntrusted'), codedWarning('BoundaryRecovered')]));
    expect(wren.core.store.bodies.source(id)).toBeDefined();
  });

  it('a well-formed message with an empty text and a big attachment is read by its parts, not downloaded whole', async () => {
    const id = open('empty text, big attachment');
    const view = await wren.call('messages.read', { messageId: id });
    expect(view.text ?? '').toBe('');
    expect(view.warnings).toEqual([]);
    expect(view.attachments.map((a) => a.filename)).toEqual(['big.bin']);
    expect(wren.core.store.bodies.source(id)).toBeUndefined();
  });
});
