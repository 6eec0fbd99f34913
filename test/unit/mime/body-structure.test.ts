import { describe, expect, it } from 'vitest';
import type { MessageStructureObject } from 'imapflow';
import { parser } from 'imapflow/lib/handler/imap-handler';
import { parseBodystructure } from 'imapflow/lib/tools';
import iconv from 'iconv-lite';
import { fromImapBodyStructure, hasAttachments } from '../../../src-main/mime/body-structure';
import { toAttachmentView } from '../../../src-main/mime/choose-display-parts';
import type { StructurePart } from '../../../src-main/mime/structure';

/** Runs a BODYSTRUCTURE through imapflow's own parser, as a FETCH response would be. */
async function imapStructure(bodystructure: string): Promise<MessageStructureObject> {
  const response = await parser(Buffer.from(`* 1 FETCH (BODYSTRUCTURE ${bodystructure})`));
  const attributes = response.attributes as unknown as [unknown, unknown[]];
  return parseBodystructure(attributes[1][1] as never);
}

const TEXT = '("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 34 1 NIL NIL NIL NIL)';

describe('fromImapBodyStructure', () => {
  it('numbers a single-part body "1" and lower-cases its type', async () => {
    const root = fromImapBodyStructure(await imapStructure('("TEXT" "PLAIN" ("CHARSET" "GBK") NIL NIL "BASE64" 120 2 NIL NIL NIL NIL)'));
    expect(root).toEqual({
      part: '1', type: 'text/plain', parameters: { charset: 'GBK' }, encoding: 'base64', size: 120,
      disposition: null, filename: null, contentId: null,
    });
  });

  it('keeps imapflow numbering for multipart children, decodes RFC 2231 and RFC 2047 file names', async () => {
    const pdf = `("application" "pdf" ("name" "=?UTF-8?B?5oql5ZGKLnBkZg==?=") NIL NIL "base64" 452 NIL ("attachment" ("filename*" "UTF-8''%E6%8A%A5%E5%91%8A.pdf")) NIL NIL)`;
    const continued = `("text" "plain" ("charset" "utf-8") NIL NIL "base64" 22 1 NIL ("attachment" ("filename*0*" "UTF-8''2024%E5%B9%B4%E5%BA%A6%E8%B4" "filename*1*" "%A2%E5%8A%A1%E6%8A%A5%E5%91%8A%EF%BC%88%E6%9C%80%E7%BB%88%E7%89%88%EF%BC%89" "filename*2" ".txt")) NIL NIL)`;
    const named = `("application" "octet-stream" ("name" "=?UTF-8?B?5oql5ZGKLnBkZg==?=") NIL NIL "base64" 10 NIL NIL NIL NIL)`;
    const root = fromImapBodyStructure(await imapStructure(`(${TEXT}${pdf}${continued}${named} "mixed" ("boundary" "b") NIL NIL NIL)`));
    expect(root.part).toBe('');
    expect(root.type).toBe('multipart/mixed');
    expect(root.children?.map((c) => [c.part, c.type, c.disposition, c.filename])).toEqual([
      ['1', 'text/plain', null, null],
      ['2', 'application/pdf', 'attachment', '报告.pdf'],
      ['3', 'text/plain', 'attachment', '2024年度财务报告（最终版）.txt'],
      ['4', 'application/octet-stream', null, '报告.pdf'],
    ]);
  });

  it('numbers nested parts and strips <> from Content-ID', async () => {
    const image = '("image" "png" ("name" "logo.png") "<logo@example.test>" NIL "base64" 96 NIL ("inline" ("filename" "logo.png")) NIL NIL)';
    const html = '("text" "html" ("charset" "utf-8") NIL NIL "7bit" 100 1 NIL NIL NIL NIL)';
    const root = fromImapBodyStructure(await imapStructure(`((${TEXT}${html} "alternative" ("boundary" "a") NIL NIL NIL)${image} "related" ("boundary" "r") NIL NIL NIL)`));
    const [alternative, logo] = root.children ?? [];
    expect(alternative?.children?.map((c) => c.part)).toEqual(['1.1', '1.2']);
    expect(logo).toMatchObject({ part: '2', contentId: 'logo@example.test', disposition: 'inline', filename: 'logo.png' });
  });

  it('keeps a forwarded message as one leaf', async () => {
    const inner = '("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 5 1 NIL NIL NIL NIL)';
    const envelope = '(NIL "Inner" NIL NIL NIL NIL NIL NIL NIL NIL)';
    const rfc822 = `("message" "rfc822" NIL NIL NIL "7bit" 300 ${envelope} ${inner} 10 NIL NIL NIL NIL)`;
    const root = fromImapBodyStructure(await imapStructure(`(${TEXT}${rfc822} "mixed" ("boundary" "b") NIL NIL NIL)`));
    expect(root.children?.[1]).toMatchObject({ part: '2', type: 'message/rfc822' });
    expect(root.children?.[1]?.children).toBeUndefined();
    expect(hasAttachments(root)).toBe(true);
  });

  it('names a forwarded message after its subject (GBK too), as Thunderbird does, not attachment.eml', async () => {
    const inner = '("text" "plain" ("charset" "gbk") NIL NIL "8bit" 26 1 NIL NIL NIL NIL)';
    const subject = `=?GBK?B?${iconv.encode('内层邮件主题', 'gbk').toString('base64')}?=`;
    const forwarded = (name: string) => `("message" "rfc822" ${name} NIL NIL "7bit" 300 (NIL "${subject}" NIL NIL NIL NIL NIL NIL NIL NIL) ${inner} 10 NIL ("inline" NIL) NIL NIL)`;
    const root = fromImapBodyStructure(await imapStructure(`(${TEXT}${forwarded('NIL')}${forwarded('("name" "given.eml")')} "mixed" ("boundary" "b") NIL NIL NIL)`));
    expect(root.children?.map((c) => c.filename)).toEqual([null, '内层邮件主题.eml', 'given.eml']);
    expect(toAttachmentView(root.children![1]!).filename).toBe('内层邮件主题.eml');
    const untitled = fromImapBodyStructure(await imapStructure(`(${TEXT}("message" "rfc822" NIL NIL NIL "7bit" 300 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ${inner} 10 NIL NIL NIL NIL) "mixed" ("boundary" "b") NIL NIL NIL)`));
    expect(toAttachmentView(untitled.children![1]!).filename).toBe('attachment.eml');
  });

  it('decodes an encoded word left over inside an RFC 2231 value with our charset rules', () => {
    const node: MessageStructureObject = {
      type: 'application/pdf', part: '2', size: 10,
      dispositionParameters: { filename: '=?gbk?b?sai45i5wZGY=?=' }, disposition: 'attachment',
    };
    expect(fromImapBodyStructure(node).filename).toBe('报告.pdf');
  });
});

function leaf(part: string, type: string, extra: Partial<StructurePart> = {}): StructurePart {
  return { part, type, parameters: {}, encoding: 'base64', size: 100, disposition: null, filename: null, contentId: null, ...extra };
}

function multipart(type: string, children: StructurePart[]): StructurePart {
  return { part: '', type, parameters: {}, encoding: null, size: 0, disposition: null, filename: null, contentId: null, children };
}

describe('hasAttachments', () => {
  it('is false for text bodies and for cid images of a related body', () => {
    const related = multipart('multipart/related', [
      leaf('1', 'text/html'),
      leaf('2', 'image/png', { contentId: 'logo', filename: 'logo.png', disposition: 'inline' }),
    ]);
    expect(hasAttachments(leaf('1', 'text/plain'))).toBe(false);
    expect(hasAttachments(related)).toBe(false);
  });

  it('is true for a disposition attachment, even a text one', () => {
    expect(hasAttachments(multipart('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'text/plain', { disposition: 'attachment' })]))).toBe(true);
  });

  it('is true for a named non-text leaf without disposition, and for an image in mixed', () => {
    expect(hasAttachments(multipart('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'application/zip', { filename: 'a.zip' })]))).toBe(true);
    expect(hasAttachments(multipart('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'image/jpeg', { filename: 'a.jpg', contentId: 'a' })]))).toBe(true);
  });

  it('is true for a single-part message that is itself a file', () => {
    expect(hasAttachments(leaf('1', 'application/pdf', { filename: 'report.pdf' }))).toBe(true);
  });
});

describe('fromImapBodyStructure on deep nesting', () => {
  /** multipart/mixed nested `depth` levels, each holding the next and a PDF, built as imapflow would return it. */
  function nested(depth: number): MessageStructureObject {
    let node: MessageStructureObject = { type: 'text/plain', parameters: { charset: 'utf-8' }, size: 5 };
    for (let level = depth - 1; level >= 0; level--) {
      node = { type: 'multipart/mixed', parameters: { boundary: `b${level}` }, childNodes: [node, { type: 'application/pdf', size: 4, disposition: 'attachment', dispositionParameters: { filename: `level-${level}.pdf` } }] };
    }
    return node;
  }

  it('keeps the multipart at 100 levels as one opaque attachment and walks nothing below it', () => {
    let part: StructurePart | undefined = fromImapBodyStructure(nested(150));
    let levels = 0;
    while (part?.children) {
      levels++;
      part = part.children[0];
    }
    expect(levels).toBe(100);
    expect(part).toMatchObject({ type: 'application/octet-stream', disposition: 'attachment' });
    expect(part?.part.split('.')).toHaveLength(100);
  });

  it('keeps a structure within the cap whole', () => {
    let part: StructurePart | undefined = fromImapBodyStructure(nested(99));
    let levels = 0;
    while (part?.children) {
      levels++;
      part = part.children[0];
    }
    expect(levels).toBe(99);
    expect(part?.type).toBe('text/plain');
  });
});
