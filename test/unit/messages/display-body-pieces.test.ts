import { describe, expect, it } from 'vitest';
import { chooseDisplayParts } from '../../../src-main/mime/choose-display-parts';
import type { StructurePart } from '../../../src-main/mime/structure';
import { composeDisplayBody, readPiece, type Piece } from '../../../src-main/messages/display-body-pieces';
import { INNER_BODY, INNER_FILE, INNER_SUBJECT, innerMessage } from '../../lab/inline-parts-messages';

function leaf(part: string, type: string, extra: Partial<StructurePart> = {}): StructurePart {
  return { part, type, parameters: {}, encoding: '7bit', size: 100, disposition: null, filename: null, contentId: null, ...extra };
}

function mixed(children: StructurePart[]): StructurePart {
  return { part: '', type: 'multipart/mixed', parameters: { boundary: 'b' }, encoding: null, size: 0, disposition: null, filename: null, contentId: null, children };
}

const noImages = (html: string) => html;

describe('the display body of several parts', () => {
  it('joins every inline text part in order, a list footer included', async () => {
    const pieces = new Map<string, Piece>([['1', { kind: 'text', text: 'The meeting moved.' }], ['2', { kind: 'text', text: 'To leave the list: footer' }]]);
    const body = await composeDisplayBody(chooseDisplayParts(mixed([leaf('1', 'text/plain'), leaf('2', 'text/plain')])), pieces, noImages);
    expect(body).toEqual({ text: 'The meeting moved.\nTo leave the list: footer', html: null });
  });

  it('shows a plain footer after an HTML body as escaped preformatted text, never as markup', async () => {
    const pieces = new Map<string, Piece>([['1', { kind: 'html', html: '<p>Hello</p>' }], ['2', { kind: 'text', text: '<b>not bold</b> & co' }]]);
    const body = await composeDisplayBody(chooseDisplayParts(mixed([leaf('1', 'text/html'), leaf('2', 'text/plain')])), pieces, noImages);
    expect(body.html).toBe('<p>Hello</p>\n<pre class="wren-inline-text" style="white-space:pre-wrap">&lt;b&gt;not bold&lt;/b&gt; &amp; co</pre>');
    expect(body.text).toBe('Hello\n<b>not bold</b> & co');
  });

  it('reads a forwarded GBK message as a block of its own: its From, To, Date, Subject, its file\'s name and its text', async () => {
    const warnings: string[] = [];
    const piece = await readPiece(leaf('2', 'message/rfc822', { disposition: 'inline' }), innerMessage(), warnings);
    expect(piece.kind).toBe('message');
    const pieces = new Map<string, Piece>([['1', { kind: 'text', text: 'Forwarded below.' }], ['2', piece]]);
    const body = await composeDisplayBody(chooseDisplayParts(mixed([leaf('1', 'text/plain'), leaf('2', 'message/rfc822', { disposition: 'inline' })])), pieces, noImages);
    expect(body.html).toBeNull();
    expect(body.text).toBe([
      'Forwarded below.', '-------- Forwarded Message --------', 'From: 内层发件人 <inner@example.test>', 'To: x@example.test',
      'Date: Sun, 01 Jun 2025 00:00:00 GMT', `Subject: ${INNER_SUBJECT}`, `Attachments: ${INNER_FILE}`, '', INNER_BODY,
    ].join('\n'));
    expect(warnings).toEqual([]);
  });

  it('puts the forwarded message after an HTML body as a table of its headers and its text, escaped', async () => {
    const piece = await readPiece(leaf('2', 'message/rfc822'), innerMessage(), []);
    const pieces = new Map<string, Piece>([['1', { kind: 'html', html: '<p>See below</p>' }], ['2', piece]]);
    const body = await composeDisplayBody(chooseDisplayParts(mixed([leaf('1', 'text/html'), leaf('2', 'message/rfc822')])), pieces, noImages);
    expect(body.html).toContain('<th style="text-align:right;padding-right:0.5em">Subject:</th><td>内层邮件主题</td>');
    expect(body.html).toContain('<th style="text-align:right;padding-right:0.5em">From:</th><td>内层发件人 &lt;inner@example.test&gt;</td>');
    expect(body.html).toContain(`<pre style="white-space:pre-wrap">${INNER_BODY}</pre>`);
    expect(body.text).toBeNull();
  });
});
