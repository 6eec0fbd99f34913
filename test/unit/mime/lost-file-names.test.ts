import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { MessageStructureObject } from 'imapflow';
import { parser } from 'imapflow/lib/handler/imap-handler';
import { parseBodystructure } from 'imapflow/lib/tools';
import { fromImapEnvelope } from '../../../src-main/mime/envelope';
import { partsWithLostNames, repairLostFileNames, storedPartsWithLostNames } from '../../../src-main/mime/lost-file-names';
import { fromImapBodyStructure } from '../../../src-main/mime/body-structure';

/** A name as Dovecot sends raw 8-bit bytes in BODYSTRUCTURE: a literal, whose bytes imapflow's stream takes out of the line. */
class Literal {
  constructor(readonly bytes: Buffer) {}
}
const literal = (bytes: Buffer) => new Literal(bytes);

/** Runs a BODYSTRUCTURE through imapflow's own parser, as its stream hands a FETCH response on (literals apart). */
async function imapStructure(...pieces: Array<string | Literal>): Promise<MessageStructureObject> {
  const text = pieces.map((p) => (p instanceof Literal ? `{${p.bytes.length}}\r\n` : p)).join('');
  const literals = pieces.flatMap((p) => (p instanceof Literal ? [p.bytes] : []));
  const response = await parser(Buffer.from(`* 1 FETCH (BODYSTRUCTURE ${text})`), { literals });
  const attributes = response.attributes as unknown as [unknown, unknown[]];
  return parseBodystructure(attributes[1][1] as never);
}

const TEXT = (charset: string) => `("text" "plain" ("charset" "${charset}") NIL NIL "8bit" 14 1 NIL NIL NIL NIL)`;

/** A multipart/mixed of a text part in `charset` and a PDF whose name and filename are `name`'s raw bytes in it. */
async function mixedWithRawName(name: string, charset: string): Promise<MessageStructureObject> {
  const bytes = iconv.encode(name, charset);
  return imapStructure(
    `(${TEXT(charset)}("application" "pdf" ("name" `, literal(bytes), ') NIL NIL "base64" 12 NIL ("attachment" ("filename" ', literal(bytes), ')) NIL NIL) "mixed" ("boundary" "raw") NIL NIL NIL)',
  );
}

/** The MIME header block a server returns for BODY.PEEK[2.MIME], as Latin-1 text. */
function mimeBlock(name: string, charset: string): string {
  const bytes = iconv.encode(name, charset).toString('latin1');
  return `Content-Type: application/pdf; name="${bytes}"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n filename="${bytes}"\r\n\r\n`;
}

describe('partsWithLostNames', () => {
  it('names the parts whose raw 8-bit name imapflow turned into U+FFFD, and no others', async () => {
    const structure = await mixedWithRawName('报告.pdf', 'gbk');
    expect(structure.childNodes?.[1]?.parameters?.name).toContain('\uFFFD');
    expect(partsWithLostNames(structure)).toEqual(['2']);
  });

  it('finds none in names that came through (UTF-8 bytes, encoded words)', async () => {
    const utf8 = await imapStructure(`(${TEXT('utf-8')}("application" "pdf" ("name" `, literal(Buffer.from('报告.pdf')), ') NIL NIL "base64" 12 NIL NIL NIL NIL) "mixed" ("boundary" "b") NIL NIL NIL)');
    const encoded = await imapStructure('("application" "pdf" ("name" "=?GBK?B?sai45i5wZGY=?=") NIL NIL "base64" 12 NIL NIL NIL NIL)');
    expect(partsWithLostNames(utf8)).toEqual([]);
    expect(partsWithLostNames(encoded)).toEqual([]);
  });

  it('numbers a single-part message "1" (its MIME header is the message header)', async () => {
    const single = await imapStructure('("application" "pdf" ("name" ', literal(iconv.encode('报告.pdf', 'gbk')), ') NIL NIL "base64" 12 NIL NIL NIL NIL)');
    expect(partsWithLostNames(single)).toEqual(['1']);
  });
});

describe('storedPartsWithLostNames', () => {
  it('names the leaves of a stored structure whose file name has U+FFFD in it', async () => {
    const structure = fromImapBodyStructure(await mixedWithRawName('报告.pdf', 'gbk'));
    expect(storedPartsWithLostNames(structure)).toEqual(['2']);
    repairLostFileNames(structure, { '2': mimeBlock('报告.pdf', 'gbk') }, 'gbk');
    expect(storedPartsWithLostNames(structure)).toEqual([]);
  });
});

describe('repairLostFileNames', () => {
  it.each([
    ['gbk', '2024年度报告.pdf'],
    ['big5', '會議紀錄.pdf'],
    ['shift_jis', '見積書.pdf'],
  ])('reads a raw %s name from the part\'s MIME header, in the charset of the message text', async (charset, name) => {
    const structure = fromImapBodyStructure(await mixedWithRawName(name, charset));
    repairLostFileNames(structure, { '2': mimeBlock(name, charset) }, charset);
    expect(structure.children?.[1]?.filename).toBe(name);
  });

  it('reads GBK bytes as GB18030 when the message names no charset', async () => {
    const structure = fromImapBodyStructure(await mixedWithRawName('报告.pdf', 'gbk'));
    repairLostFileNames(structure, { '2': mimeBlock('报告.pdf', 'gbk') }, null);
    expect(structure.children?.[1]?.filename).toBe('报告.pdf');
  });

  it('leaves a name without a header block, or one that reads no better, as it was', async () => {
    const structure = fromImapBodyStructure(await mixedWithRawName('报告.pdf', 'gbk'));
    const before = structure.children?.[1]?.filename;
    repairLostFileNames(structure, { '1': mimeBlock('报告.pdf', 'gbk'), '2': 'Content-Type: application/pdf\r\n\r\n' }, 'gbk');
    expect(structure.children?.[1]?.filename).toBe(before);
  });
});

describe('fromImapEnvelope with the MIME headers of parts whose names were lost', () => {
  it('lists the attachment under its Chinese name, using the text part\'s charset', async () => {
    const record = fromImapEnvelope({
      uid: 7, bodyStructure: await mixedWithRawName('會議紀錄.pdf', 'big5'), mimeHeaders: { '2': mimeBlock('會議紀錄.pdf', 'big5') },
      headers: Buffer.from('Subject: x\r\n\r\n'),
    });
    expect(record.structure?.children?.[1]?.filename).toBe('會議紀錄.pdf');
    expect(record.hasAttachments).toBe(true);
  });
});
