import iconv from 'iconv-lite';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { decodeText as codedText, decodeTransfer as codedTransfer } from '../../../src-main/mime/decode-part';
import { inEnglish } from './english-warnings';
import { FIXTURES, readFixture, type FixtureName } from '../../lab/fixtures';

const decodeText = (...args: Parameters<typeof codedText>) => inEnglish(codedText(...args));
const decodeTransfer = (...args: Parameters<typeof codedTransfer>) => inEnglish(codedTransfer(...args));

describe('decodeTransfer', () => {
  it('decodes base64 across line breaks and stray whitespace', () => {
    const raw = Buffer.from('SGVs\r\nbG8s IHdv\r\n\tcmxkIQ==\r\n');
    expect(decodeTransfer(raw, 'base64')).toEqual({ bytes: Buffer.from('Hello, world!'), warnings: [] });
  });

  it('drops a garbage line, strips a stray character, decodes the rest and warns', () => {
    const raw = Buffer.from('SGVsbG8sIHdvcmxkIQ0K\r\n*** this line is not base64 at all ***\r\nVGhlIGVuZC4NCg=!\r\n');
    const { bytes, warnings } = decodeTransfer(raw, 'BASE64');
    expect(bytes.toString()).toBe('Hello, world!\r\nThe end.\r\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^invalid base64/);
  });

  it('decodes base64 blobs glued together with padding in the middle', () => {
    const raw = Buffer.from(`${Buffer.from('ab').toString('base64')}${Buffer.from('cde').toString('base64')}`);
    expect(decodeTransfer(raw, 'base64').bytes.toString()).toBe('abcde');
  });

  it('decodes a long base64 line without line breaks', () => {
    const data = Buffer.alloc(300_000, 7);
    expect(decodeTransfer(Buffer.from(data.toString('base64')), 'base64').bytes.equals(data)).toBe(true);
  });

  it('decodes quoted-printable with soft breaks and lower-case hex', () => {
    const raw = Buffer.from('caf=C3=A9 =e4=bd=a0=\r\n=E5=A5=BD=  \r\nend');
    expect(decodeTransfer(raw, 'quoted-printable')).toEqual({ bytes: Buffer.from('café 你好end'), warnings: [] });
  });

  it('keeps a stray "=" in quoted-printable and warns', () => {
    const { bytes, warnings } = decodeTransfer(Buffer.from('1+1=2 =ZZ'), 'quoted-printable');
    expect(bytes.toString()).toBe('1+1=2 =ZZ');
    expect(warnings[0]).toMatch(/invalid quoted-printable/);
  });

  it('passes 7bit, 8bit, binary and missing encodings through', () => {
    const raw = Buffer.from([0xd5, 0xfd, 0x41]);
    for (const encoding of ['7bit', '8bit', 'binary', null]) {
      expect(decodeTransfer(raw, encoding)).toEqual({ bytes: raw, warnings: [] });
    }
  });

  it('passes an unknown encoding through with a warning', () => {
    const { bytes, warnings } = decodeTransfer(Buffer.from('begin 644 x'), 'x-uuencode');
    expect(bytes.toString()).toBe('begin 644 x');
    expect(warnings).toEqual(['unknown transfer encoding "x-uuencode", shown undecoded']);
  });
});

describe('decodeText', () => {
  const cases: Array<[label: string, codec: string, text: string]> = [
    ['GBK', 'gbk', '会议通知：明天下午三点开会'],
    ['GB18030', 'gb18030', 'GB18030 测试：𠮷野家与㐀'],
    ['Big5', 'big5', '訂單出貨通知'],
    ['Shift_JIS', 'shift_jis', '会議のお知らせ ①'],
    ['EUC-JP', 'euc-jp', '明日の会議は午後三時からです。'],
    ['EUC-KR', 'euc-kr', '안녕하세요 똠방각하'],
    ['KOI8-R', 'koi8-r', 'Привет, мир'],
    ['windows-1251', 'windows-1251', 'Добрый день'],
    ['ISO-8859-2', 'iso-8859-2', 'Zażółć gęślą jaźń'],
    ['windows-1252', 'windows-1252', '“Quotes” – café'],
  ];
  it.each(cases)('decodes %s', (label, codec, text) => {
    expect(decodeText(iconv.encode(text, codec), label)).toEqual({ text, warnings: [] });
  });

  it('reads gb2312-labelled GBK and GB18030 text (Chinese mailers label both gb2312)', () => {
    expect(decodeText(iconv.encode('镕基与𠮷', 'gb18030'), 'gb2312')).toEqual({ text: '镕基与𠮷', warnings: [] });
    expect(decodeText(iconv.encode('张伟：请准时参加。', 'gbk'), 'GB2312')).toEqual({ text: '张伟：请准时参加。', warnings: [] });
  });

  it('reads HKSCS characters in Big5-labelled text', () => {
    expect(decodeText(iconv.encode('佢哋嘅咗', 'big5hkscs'), 'big5').text).toBe('佢哋嘅咗');
  });

  it('reads iso-8859-1 labelled text as windows-1252 (curly quotes in 0x80-0x9f)', () => {
    expect(decodeText(Buffer.from([0x93, 0x68, 0x69, 0x94, 0x20, 0xe9]), 'iso-8859-1').text).toBe('“hi” é');
  });

  it('decodes ISO-2022-JP', () => {
    const bytes = Buffer.from(Encoding.convert(Encoding.stringToCode('山田様、よろしくお願いいたします。'), { to: 'JIS', from: 'UNICODE' }));
    expect(decodeText(bytes, 'ISO-2022-JP')).toEqual({ text: '山田様、よろしくお願いいたします。', warnings: [] });
  });

  it('decodes ISO-2022-JP as WHATWG does: NEC\'s row 13 signs, JIS-Roman, JIS X 0212 too, an unknown code as U+FFFD', () => {
    const jis = (text: string) => Buffer.from(text, 'latin1');
    // ESC $ B 2D 70 (NEC's duplicate of ≒), ESC ( J 5C (JIS-Roman's yen sign), a code no character has.
    expect(decodeText(jis('\x1b$B-p\x1b(J\\\x1b$B"/\x1b(B'), 'ISO-2022-JP')).toEqual({ text: '\u2252\u00a5\ufffd', warnings: [] });
    // JIS X 0212 (its 0x2237 is the tilde), which the platform's decoder lacks: encoding-japanese reads it.
    expect(decodeText(jis('\x1b$(D"7\x1b(Bx'), 'ISO-2022-JP')).toEqual({ text: '~x', warnings: [] });
  });

  it('reads 8-bit Shift_JIS, EUC-JP or UTF-8 mislabelled ISO-2022-JP (which is 7-bit), with a warning', () => {
    for (const [codec, as] of [['shift_jis', 'Shift_JIS'], ['euc-jp', 'EUC-JP'], ['utf-8', 'UTF-8']] as const) {
      expect(decodeText(iconv.encode('会議のお知らせ', codec), 'ISO-2022-JP')).toEqual({
        text: '会議のお知らせ',
        warnings: [`8-bit bytes under a 7-bit ISO-2022-JP label, decoded as ${as}`],
      });
    }
  });

  it('reads the x-euc-jp label older Japanese mailers use', () => {
    expect(decodeText(iconv.encode('明日の会議', 'euc-jp'), 'x-euc-jp')).toEqual({ text: '明日の会議', warnings: [] });
  });

  it('strips a UTF-8 BOM and turns CRLF into LF', () => {
    expect(decodeText(Buffer.from('\ufeff第一行\r\n第二行\r\n'), 'utf-8')).toEqual({ text: '第一行\n第二行\n', warnings: [] });
  });

  it('warns about invalid UTF-8 under a UTF-8 label', () => {
    const { text, warnings } = decodeText(Buffer.from([0x61, 0xff, 0x62]), 'utf-8');
    expect(text).toBe('a\ufffdb');
    expect(warnings).toEqual(['invalid UTF-8: some characters could not be decoded']);
  });

  it('decodes unlabelled bytes as UTF-8 when valid, else windows-1252', () => {
    expect(decodeText(Buffer.from('你好'), null)).toEqual({ text: '你好', warnings: [] });
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), null)).toEqual({ text: 'café', warnings: [] });
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'us-ascii')).toEqual({ text: 'café', warnings: [] });
  });

  describe('an unlabelled part that is not UTF-8 (Chinese mailers send GBK bodies with no charset)', () => {
    const windows1252 = (text: string) => iconv.encode(text, 'windows-1252');

    it('reads GBK and GB18030 text as Chinese', () => {
      expect(decodeText(iconv.encode('无字符集声明的正文\r\n请查收附件。\r\n', 'gbk'), null)).toEqual({ text: '无字符集声明的正文\n请查收附件。\n', warnings: [] });
      expect(decodeText(iconv.encode('繁體中文：張偉的會議紀錄，𠮷', 'gb18030'), null).text).toBe('繁體中文：張偉的會議紀錄，𠮷');
    });

    it('reads valid UTF-8 as UTF-8, and ASCII as it is', () => {
      expect(decodeText(Buffer.from('无字符集声明的正文 café'), null)).toEqual({ text: '无字符集声明的正文 café', warnings: [] });
      expect(decodeText(Buffer.from('Plain ASCII, nothing to guess.\r\n'), null)).toEqual({ text: 'Plain ASCII, nothing to guess.\n', warnings: [] });
    });

    it('keeps windows-1252 text Latin, also where its bytes happen to be valid GB18030', () => {
      expect(decodeText(windows1252('café'), null).text).toBe('café');
      // Every accented letter followed by a plain one: valid GB18030 pairs ending in ASCII ("für" would read 黵).
      for (const text of ['Ich würde gerne über das Thema sprechen.', 'Übermorgen fährt Jörg nach Köln', 'naïve façade', 'Zürich']) {
        expect(decodeText(windows1252(text), null)).toEqual({ text, warnings: [] });
      }
      // "üß" is a user-defined character in GBK (the Private Use Area), which no Chinese text has.
      const letter = 'Sehr geehrte Damen und Herren, anbei die Unterlagen für die Sitzung. Mit freundlichen Grüßen';
      expect(decodeText(windows1252(letter), null).text).toBe(letter);
    });

    it('never overrides a declared charset with the guess', () => {
      expect(decodeText(iconv.encode('无字符集声明的正文', 'gbk'), 'iso-8859-1').text).toBe('ÎÞ×Ö·û¼¯ÉùÃ÷µÄÕýÎÄ');
    });
  });

  it('reads unlabelled HTML in the charset its <meta> tag declares (Chinese and Japanese webmail send this)', () => {
    const gb = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'), iconv.encode('会议通知：镕', 'gbk'), Buffer.from('</body></html>')]);
    expect(decodeText(gb, null)).toEqual({ text: '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>会议通知：镕</body></html>', warnings: [] });
    const sjis = Buffer.concat([Buffer.from("<meta charset='Shift_JIS'>"), iconv.encode('会議のお知らせ', 'shift_jis')]);
    expect(decodeText(sjis, 'us-ascii').text).toBe("<meta charset='Shift_JIS'>会議のお知らせ");
  });

  it('keeps the label and the UTF-8 check ahead of a <meta> tag, and ignores a meta charset it cannot use', () => {
    const meta = Buffer.from('<meta charset="gb2312">');
    expect(decodeText(Buffer.concat([meta, Buffer.from('你好')]), null).text).toBe('<meta charset="gb2312">你好');
    expect(decodeText(Buffer.concat([meta, iconv.encode('Привет', 'koi8-r')]), 'koi8-r').text).toBe('<meta charset="gb2312">Привет');
    expect(decodeText(Buffer.from([...Buffer.from('<meta charset="utf-7">'), 0xe9]), null).text).toBe('<meta charset="utf-7">é');
  });

  it('guesses an unknown charset: UTF-8, then GB18030, then windows-1252', () => {
    expect(decodeText(Buffer.from('你好'), 'x-unknown')).toEqual({ text: '你好', warnings: ['unknown charset "x-unknown", decoded as UTF-8'] });
    expect(decodeText(iconv.encode('你好', 'gbk'), 'x-mac-chinese')).toEqual({
      text: '你好',
      warnings: ['unknown charset "x-mac-chinese", decoded as GB18030'],
    });
    expect(decodeText(Buffer.from([0xe9, 0x20, 0x41]), 'bogus')).toEqual({ text: 'é A', warnings: ['unknown charset "bogus", decoded as windows-1252'] });
  });

  it('refuses UTF-7, which would turn +ADw-script+AD4- into <script>', () => {
    const { text, warnings } = decodeText(Buffer.from('+ADw-script+AD4-'), 'utf-7');
    expect(text).toBe('+ADw-script+AD4-');
    expect(warnings[0]).toMatch(/unknown charset "utf-7"/);
  });

  it('warns when bytes are invalid in their charset', () => {
    const { text, warnings } = decodeText(Buffer.from([0xc4, 0xe3, 0xff]), 'gbk');
    expect(text.startsWith('你')).toBe(true);
    expect(warnings).toEqual(['some bytes are not valid gbk']);
  });
});

/** What the IMAP path does with BODY.PEEK[1] of a single-part message: transfer decoding, then charset. */
describe('decodeTransfer + decodeText on the single-part fixtures', () => {
  const singlePart: Array<[FixtureName, string, string | null]> = [
    ['plain-ascii.eml', '7bit', 'us-ascii'],
    ['gbk-subject-body.eml', 'base64', 'GBK'],
    ['gb18030.eml', 'base64', 'GB18030'],
    ['big5.eml', 'quoted-printable', 'Big5'],
    ['iso-2022-jp.eml', '7bit', 'ISO-2022-JP'],
    ['eight-bit-header.eml', '8bit', 'utf-8'],
    ['eight-bit-header-gbk.eml', '8bit', 'GBK'],
  ];
  it.each(singlePart)('%s gives the same text as the fixture expects', (name, encoding, charset) => {
    const raw = readFixture(name);
    const body = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
    const bytes = decodeTransfer(body, encoding);
    expect(bytes.warnings).toEqual([]);
    expect(decodeText(bytes.bytes, charset)).toEqual({ text: FIXTURES[name].text, warnings: [] });
  });
});
