import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readVcards, writeVcards } from '../../../src-main/contacts/vcard';

const crlf = (...lines: string[]) => [...lines, ''].join('\r\n');

describe('vCard files (ical.js)', () => {
  it('reads 3.0 and 4.0 cards, one entry per address, named by FN or else N; cards without an address are counted', () => {
    const file = crlf(
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:李明', 'N:李;明;;;', 'EMAIL;TYPE=INTERNET:li@example.com', 'EMAIL:ming@example.org', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'N:Smith;Jane;;;', 'EMAIL:jane@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:No Address', 'TEL:+1 555 0100', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Broken', 'EMAIL:not an address', 'END:VCARD',
    );
    expect(readVcards(file)).toEqual({
      entries: [
        { name: '李明', address: 'li@example.com' },
        { name: '李明', address: 'ming@example.org' },
        { name: 'Jane Smith', address: 'jane@x.test' },
      ],
      skippedNoAddress: 2,
      skippedUnreadable: 0,
    });
  });

  it('writes 4.0 cards that read back the same, escaped where a name needs it', () => {
    const entries = [{ name: 'Doe, John', address: 'john@x.test' }, { name: '王芳', address: 'fang@x.test' }, { name: '', address: 'bare@x.test' }];
    const file = writeVcards(entries);
    expect(file).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Doe\\, John\r\nEMAIL:john@x.test\r\nEND:VCARD\r\n');
    expect(readVcards(Buffer.from(file)).entries).toEqual([entries[0], entries[1], { name: 'bare@x.test', address: 'bare@x.test' }]);
  });

  it('a mixed file: a 2.1 card with bare parameters, a 4.0 card and one without an address each read on their own', () => {
    const file = crlf(
      'BEGIN:VCARD', 'VERSION:2.1', 'N:Old;Phone', 'FN:Old Phone', 'TEL;CELL;VOICE:+86 138 0000 0000', 'EMAIL;INTERNET:a@b.c', 'EMAIL;INTERNET;PREF:second@b.c', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Jane Smith', 'EMAIL;TYPE=work:jane@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Only A Phone', 'TEL;TYPE=CELL:+1 555 0100', 'END:VCARD',
    );
    expect(readVcards(Buffer.from(file))).toEqual({
      entries: [
        { name: 'Old Phone', address: 'a@b.c' },
        { name: 'Old Phone', address: 'second@b.c' },
        { name: 'Jane Smith', address: 'jane@x.test' },
      ],
      skippedNoAddress: 1,
      skippedUnreadable: 0,
    });
  });

  it('a card ical.js cannot read costs only itself, and one whose other lines are broken still gives its address', () => {
    const file = crlf(
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Broken Quote', 'EMAIL;TYPE="unclosed:broken@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Odd Birthday', 'BDAY;TYPE="unclosed:1980', 'EMAIL:odd@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Fine', 'EMAIL:fine@x.test', 'END:VCARD',
    );
    expect(readVcards(file)).toEqual({
      entries: [{ name: 'Odd Birthday', address: 'odd@x.test' }, { name: 'Fine', address: 'fine@x.test' }],
      skippedNoAddress: 0,
      skippedUnreadable: 1,
    });
  });

  it('decodes 2.1 quoted-printable values in their CHARSET, soft line breaks included', () => {
    const file = crlf(
      'BEGIN:VCARD', 'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E8=B5=B5;=E5=85=AD;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E8=B5=B5=E5=85=AD',
      'EMAIL;HOME:zhao@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1',
      // GB2312 bytes of 张三丰, the line broken softly in the middle of a character.
      'FN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=D5=C5=C8=FD=',
      '=B7=E1',
      'EMAIL;INTERNET:zhang@x.test', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1',
      // Big5 陳大文, by 2.1's bare QUOTED-PRINTABLE; and a name only in N.
      'N;CHARSET=BIG5;QUOTED-PRINTABLE:=B3=AF;=A4=6A=A4=E5', 'EMAIL:chan@x.test', 'END:VCARD',
    );
    expect(readVcards(Buffer.from(file)).entries).toEqual([
      { name: '赵六', address: 'zhao@x.test' },
      { name: '张三丰', address: 'zhang@x.test' },
      { name: '大文 陳', address: 'chan@x.test' },
    ]);
  });

  it('reads a GBK file (a Chinese phone\'s 2.1 export), labelled GB2312 or not labelled at all', () => {
    const labelled = crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=GB2312:张;三', 'FN;CHARSET=GB2312:张三', 'EMAIL;INTERNET:zhang@x.test', 'END:VCARD');
    const bare = crlf('BEGIN:VCARD', 'VERSION:2.1', 'N:王;芳', 'FN:王芳', 'EMAIL;INTERNET;PREF:fang@x.test', 'TEL;CELL:13800000000', 'END:VCARD');
    expect(readVcards(iconv.encode(labelled, 'gbk')).entries).toEqual([{ name: '张三', address: 'zhang@x.test' }]);
    expect(readVcards(iconv.encode(bare, 'gbk')).entries).toEqual([{ name: '王芳', address: 'fang@x.test' }]);
    // Big5 bytes are read by the card's own label, not guessed as GBK.
    const big5 = crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=BIG5:陳大文', 'EMAIL:chan@x.test', 'END:VCARD');
    expect(readVcards(iconv.encode(big5, 'big5')).entries).toEqual([{ name: '陳大文', address: 'chan@x.test' }]);
  });

  it('reads UTF-8 with a byte order mark, and UTF-16 by its byte order mark', () => {
    const file = crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:李明', 'EMAIL:li@example.com', 'END:VCARD');
    const entries = [{ name: '李明', address: 'li@example.com' }];
    expect(readVcards(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file)])).entries).toEqual(entries);
    expect(readVcards(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, 'utf16le')])).entries).toEqual(entries);
  });

  it('refuses what is not a vCard file', () => {
    expect(() => readVcards(Buffer.from('hello\r\nthis is a note, not a card\r\n'))).toThrow(expect.objectContaining({ code: 'NotVcardFile' }));
    expect(() => readVcards('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toThrow(expect.objectContaining({ code: 'NotVcardFile' }));
    expect(() => readVcards(Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'NotVcardFile' }));
  });
});
