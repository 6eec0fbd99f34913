import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src-main/mime/parse-source';

/** GBK text under a wrong label, as some Chinese mailers send it: the text part and its HTML twin, and a GBK file. */
function mislabelled(): Buffer {
  const gbk = (text: string) => iconv.encode(text, 'gbk');
  return Buffer.concat([
    Buffer.from(
      ['From: a@example.cn', 'To: b@example.test', 'Subject: test', 'Date: Tue, 01 Dec 2026 09:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b',
        'Content-Type: multipart/alternative; boundary="a"', '', '--a', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'),
      'latin1',
    ),
    gbk('你好，世界'),
    Buffer.from(['', '--a', 'Content-Type: text/html; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'), 'latin1'),
    gbk('<p>你好，世界</p>'),
    Buffer.from(['', '--a--', '--b', 'Content-Type: application/octet-stream; name="data.bin"', 'Content-Transfer-Encoding: base64', '', Buffer.from('abc').toString('base64'), '--b--', ''].join('\r\n'), 'latin1'),
  ]);
}

describe('parseSource with a text encoding chosen by the reader', () => {
  it('reads every text part as that encoding, whatever the label, and leaves the files alone', async () => {
    const asLabelled = await parseSource(mislabelled());
    expect(asLabelled.text).toBe('ÄãºÃ£¬ÊÀ½ç');
    const asGbk = await parseSource(mislabelled(), { charset: 'gbk' });
    expect(asGbk.text).toBe('你好，世界');
    expect(asGbk.html).toContain('<p>你好，世界</p>');
    expect(asGbk.attachments.map((a) => [a.filename, a.size])).toEqual([['data.bin', 3]]);
    expect(asGbk.warnings).toEqual([]);
  });

  it('reads raw 8-bit headers with the encoding chosen too, and encoded words by their own charset', async () => {
    const source = Buffer.concat([
      Buffer.from('From: =?utf-8?B?' + Buffer.from('李娜').toString('base64') + '?= <ln@example.cn>\r\nSubject: ', 'latin1'),
      iconv.encode('开会通知', 'gbk'),
      Buffer.from('\r\nDate: Tue, 01 Dec 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nx\r\n', 'latin1'),
    ]);
    const asGbk = await parseSource(source, { charset: 'gbk' });
    expect(asGbk.subject).toBe('开会通知');
    expect(asGbk.from).toEqual({ name: '李娜', address: 'ln@example.cn' });
  });

  it('reads encoded words labelled Latin-1, ASCII or as the text overruled with the encoding chosen; a word labelled otherwise keeps its label', async () => {
    const word = (label: string, text: string, as: string) => `=?${label}?B?${iconv.encode(text, as).toString('base64')}?=`;
    const headers = (label: string) => [
      `From: ${word('iso-8859-1', '王芳', 'gbk')} <wf@example.cn>`,
      `To: ${word('utf-8', '李娜', 'utf-8')} <ln@example.cn>, ${word(label, '張偉', 'big5')} <zw@example.cn>`,
      `Subject: ${word('us-ascii', '开会', 'gbk')} ${word('gb2312', '通知', 'gbk')}`,
      'Date: Tue, 01 Dec 2026 09:00:00 +0000',
      `Content-Type: text/plain; charset=${label}`,
      '', 'x', '',
    ].join('\r\n');
    // As the message says: Latin-1 and ASCII labels give mojibake; the GB2312 word is read as labelled.
    const asLabelled = await parseSource(Buffer.from(headers('iso-8859-1'), 'latin1'));
    expect(asLabelled.from.name).not.toBe('王芳');
    expect(asLabelled.subject.endsWith('通知')).toBe(true);
    const asGbk = await parseSource(Buffer.from(headers('iso-8859-1'), 'latin1'), { charset: 'gbk' });
    expect(asGbk.from.name).toBe('王芳');
    expect(asGbk.subject).toBe('开会通知');
    expect(asGbk.to.map((a) => a.name)[0]).toBe('李娜');
    // Big5 text labelled as the message's text is (gb2312), which the reader overrules with Big5; the GBK words
    // labelled us-ascii are read as Big5 too (the reader chose it), the UTF-8 name keeps its label.
    const asBig5 = await parseSource(Buffer.from(headers('gb2312'), 'latin1'), { charset: 'big5' });
    expect(asBig5.to.map((a) => a.name)).toEqual(['李娜', '張偉']);
  });

  it('says so when the bytes are not valid in the encoding chosen', async () => {
    const source = Buffer.from('Date: Tue, 01 Dec 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=gbk\r\n\r\n\xc4\xe3\xba\xc3\r\n', 'latin1');
    expect((await parseSource(source)).warnings).toEqual([]);
    const asUtf8 = await parseSource(source, { charset: 'utf-8' });
    expect(asUtf8.warnings.join(' ')).toContain('Utf8Invalid');
  });
});
