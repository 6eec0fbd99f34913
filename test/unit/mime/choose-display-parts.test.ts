import { describe, expect, it } from 'vitest';
import { chooseDisplayParts, toAttachmentView } from '../../../src-main/mime/choose-display-parts';
import type { StructurePart } from '../../../src-main/mime/structure';

function leaf(part: string, type: string, extra: Partial<StructurePart> = {}): StructurePart {
  return { part, type, parameters: {}, encoding: '7bit', size: 100, disposition: null, filename: null, contentId: null, ...extra };
}

function multipart(part: string, type: string, children: StructurePart[], parameters: Record<string, string> = {}): StructurePart {
  return { part, type, parameters, encoding: null, size: 0, disposition: null, filename: null, contentId: null, children };
}

const parts = (list: StructurePart[]) => list.map((p) => p.part);

describe('chooseDisplayParts', () => {
  it('shows a single-part text or HTML body', () => {
    expect(chooseDisplayParts(leaf('1', 'text/plain'))).toMatchObject({ text: [{ part: '1' }], html: [], attachments: [] });
    expect(chooseDisplayParts(leaf('1', 'text/html'))).toMatchObject({ text: [], html: [{ part: '1' }] });
  });

  it('lists a single-part non-text message as its one attachment', () => {
    const result = chooseDisplayParts(leaf('1', 'application/pdf', { filename: 'a.pdf' }));
    expect(result.text).toEqual([]);
    expect(parts(result.attachments)).toEqual(['1']);
  });

  it('keeps both the text and the HTML of multipart/alternative', () => {
    const root = multipart('', 'multipart/alternative', [leaf('1', 'text/plain'), leaf('2', 'text/html')]);
    const result = chooseDisplayParts(root);
    expect([parts(result.text), parts(result.html), result.attachments]).toEqual([['1'], ['2'], []]);
  });

  it('prefers the last alternative of each kind and keeps an invitation as an attachment', () => {
    const root = multipart('', 'multipart/alternative', [
      leaf('1', 'text/plain'),
      leaf('2', 'text/html'),
      leaf('3', 'text/plain'),
      leaf('4', 'text/calendar', { filename: 'invite.ics' }),
    ]);
    const result = chooseDisplayParts(root);
    expect([parts(result.text), parts(result.html), parts(result.attachments)]).toEqual([['3'], ['2'], ['4']]);
  });

  it('takes the root of multipart/related and collects its cid images', () => {
    const root = multipart('', 'multipart/related', [
      multipart('1', 'multipart/alternative', [leaf('1.1', 'text/plain'), leaf('1.2', 'text/html')]),
      leaf('2', 'image/png', { contentId: 'logo@example.test', filename: 'logo.png', disposition: 'inline' }),
      leaf('3', 'image/gif', { contentId: 'spacer' }),
      leaf('4', 'text/css', { contentId: 'style' }),
      leaf('5', 'application/pdf', { filename: 'terms.pdf', disposition: 'attachment' }),
    ]);
    const result = chooseDisplayParts(root);
    expect(parts(result.text)).toEqual(['1.1']);
    expect(parts(result.html)).toEqual(['1.2']);
    expect(parts(result.inlineImages)).toEqual(['2', '3']);
    expect(parts(result.attachments)).toEqual(['5']);
  });

  it('uses the related "start" parameter to find the root', () => {
    const root = multipart('', 'multipart/related', [
      leaf('1', 'image/png', { contentId: 'img' }),
      leaf('2', 'text/html', { contentId: 'body@x' }),
    ], { start: '<body@x>' });
    const result = chooseDisplayParts(root);
    expect(parts(result.html)).toEqual(['2']);
    expect(parts(result.inlineImages)).toEqual(['1']);
  });

  it('handles the usual mixed(related(alternative), attachment) tree', () => {
    const root = multipart('', 'multipart/mixed', [
      multipart('1', 'multipart/related', [
        multipart('1.1', 'multipart/alternative', [leaf('1.1.1', 'text/plain'), leaf('1.1.2', 'text/html')]),
        leaf('1.2', 'image/jpeg', { contentId: 'photo' }),
      ]),
      leaf('2', 'application/pdf', { filename: '报告.pdf', disposition: 'attachment' }),
    ]);
    const result = chooseDisplayParts(root);
    expect([parts(result.text), parts(result.html)]).toEqual([['1.1.1'], ['1.1.2']]);
    expect(parts(result.inlineImages)).toEqual(['1.2']);
    expect(parts(result.attachments)).toEqual(['2']);
  });

  it('shows every inline text part of mixed in order, as Thunderbird does; a named text after the body stays a file', () => {
    const root = multipart('', 'multipart/mixed', [
      leaf('1', 'text/plain'),
      leaf('2', 'image/jpeg', { filename: 'photo.jpg', disposition: 'inline' }),
      leaf('3', 'text/plain'),
      leaf('4', 'text/plain', { filename: 'notes.txt', disposition: 'attachment' }),
      leaf('5', 'text/plain', { disposition: 'inline' }),
      leaf('6', 'text/plain', { filename: 'log.txt' }),
    ]);
    const result = chooseDisplayParts(root);
    expect(parts(result.text)).toEqual(['1', '3', '5']);
    expect(result.html).toEqual([]);
    expect(parts(result.attachments)).toEqual(['2', '4', '6']);
  });

  it('keeps a mailing list\'s plain footer after an HTML body in both views', () => {
    const root = multipart('', 'multipart/mixed', [
      multipart('1', 'multipart/alternative', [leaf('1.1', 'text/plain'), leaf('1.2', 'text/html')]),
      leaf('2', 'text/plain'),
    ]);
    const result = chooseDisplayParts(root);
    expect(parts(result.text)).toEqual(['1.1', '2']);
    expect(parts(result.html)).toEqual(['1.2', '2']);
    expect(result.attachments).toEqual([]);
  });

  it('puts an HTML part after a plain one in the text view too (made text there)', () => {
    const result = chooseDisplayParts(multipart('', 'multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'text/html')]));
    expect(parts(result.text)).toEqual(['1', '2']);
    expect(parts(result.html)).toEqual(['1', '2']);
  });

  it('shows Apple Mail\'s alternative of a text and a mixed HTML (html, image, html) whole in each view', () => {
    const root = multipart('', 'multipart/alternative', [
      leaf('1', 'text/plain'),
      multipart('2', 'multipart/mixed', [leaf('2.1', 'text/html'), leaf('2.2', 'image/png', { filename: 'a.png', disposition: 'inline' }), leaf('2.3', 'text/html')]),
    ]);
    const result = chooseDisplayParts(root);
    expect(parts(result.text)).toEqual(['1']);
    expect(parts(result.html)).toEqual(['2.1', '2.3']);
    expect(parts(result.attachments)).toEqual(['2.2']);
  });

  it('treats an unknown multipart (signed) as mixed', () => {
    const root = multipart('', 'multipart/signed', [leaf('1', 'text/plain'), leaf('2', 'application/pgp-signature', { filename: 'signature.asc' })]);
    const result = chooseDisplayParts(root);
    expect(parts(result.text)).toEqual(['1']);
    expect(parts(result.attachments)).toEqual(['2']);
  });

  it('shows a forwarded message not marked attachment in place, after the text, and lists it too', () => {
    const forwarded = { ...leaf('2', 'message/rfc822', { disposition: 'inline', filename: '内层邮件主题.eml' }), children: [leaf('2.1', 'text/plain')] };
    const result = chooseDisplayParts(multipart('', 'multipart/mixed', [leaf('1', 'text/plain'), forwarded]));
    expect(parts(result.text)).toEqual(['1', '2']);
    // A plain message with a forwarded one stays plain: no HTML view.
    expect(result.html).toEqual([]);
    expect(parts(result.attachments)).toEqual(['2']);
  });

  it('shows a forwarded message after an HTML body in the HTML view, and never descends into it', () => {
    const forwarded = { ...leaf('2', 'message/rfc822'), children: [leaf('2.1', 'text/html')] };
    const result = chooseDisplayParts(multipart('', 'multipart/mixed', [leaf('1', 'text/html'), forwarded]));
    expect(parts(result.html)).toEqual(['1', '2']);
    expect(result.text).toEqual([]);
  });

  it('keeps a forwarded message marked attachment as an attachment only', () => {
    const forwarded = leaf('2', 'message/rfc822', { disposition: 'attachment' });
    const result = chooseDisplayParts(multipart('', 'multipart/mixed', [leaf('1', 'text/plain'), forwarded]));
    expect(parts(result.text)).toEqual(['1']);
    expect(parts(result.attachments)).toEqual(['2']);
  });
});

describe('toAttachmentView', () => {
  it('gives a safe name, the decoded size estimate and the inline flag', () => {
    const pdf = leaf('2', 'application/pdf', { filename: '../报告.pdf', disposition: 'attachment', encoding: 'base64', size: 452 });
    expect(toAttachmentView(pdf)).toEqual({ partId: '2', filename: '报告.pdf', contentType: 'application/pdf', size: 330, inline: false, contentId: null });
    const logo = leaf('1.2', 'image/png', { contentId: 'logo', encoding: 'base64', size: 96 });
    expect(toAttachmentView(logo)).toMatchObject({ filename: 'attachment.png', inline: true, contentId: 'logo', size: 70 });
  });
});
