// Checks that test/fixtures/*.eml say what test/lab/fixtures.ts (and README.md) claim, using
// mailparser as an independent decoder. Malformed fixtures are only checked where any sane
// decoder must agree; their README rows describe the lenient result a client should aim for.
import { readdirSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { FIXTURES, FIXTURES_DIR, readFixture, type FixtureName } from '../../lab/fixtures.js';

const names = Object.keys(FIXTURES) as FixtureName[];
const crlfToLf = (text: string | undefined): string => (text ?? '').replace(/\r\n/g, '\n');

function checkHeaders(name: FixtureName, parsed: ParsedMail): void {
  const expected = FIXTURES[name];
  expect(parsed.from?.value[0]?.address).toBe(expected.fromAddress);
  expect(parsed.date?.toISOString() ?? null).toBe(expected.date);
}

describe('fixtures', () => {
  it('every .eml file is documented and every documented fixture exists', () => {
    const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith('.eml')).sort();
    expect(files).toEqual([...names].sort());
  });

  it('all fixtures use CRLF line ends only', () => {
    for (const name of names) {
      const bare = readFixture(name).toString('latin1').replace(/\r\n/g, '');
      expect(bare.includes('\n') || bare.includes('\r'), name).toBe(false);
    }
  });

  for (const name of names.filter((n) => !FIXTURES[n].malformed)) {
    it(`${name} decodes to the documented subject, sender, text and attachments`, async () => {
      const expected = FIXTURES[name];
      const parsed = await simpleParser(readFixture(name));
      checkHeaders(name, parsed);
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.from?.value[0]?.name).toBe(expected.fromName);
      expect(crlfToLf(parsed.text)).toBe(expected.text);
      expect(
        parsed.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          disposition: a.contentDisposition,
          ...(a.cid ? { contentId: a.cid } : {}),
        })),
      ).toEqual(expected.attachments);
      if (expected.htmlContains) {
        expect(readFixture(name).toString('utf8')).toContain(expected.htmlContains);
        expect(parsed.html).toBeTruthy();
      }
    });
  }

  it('malformed fixtures still parse, with the parts any decoder must agree on', async () => {
    const parse = async (name: FixtureName): Promise<ParsedMail> => {
      const parsed = await simpleParser(readFixture(name));
      checkHeaders(name, parsed);
      return parsed;
    };
    expect((await parse('no-date.eml')).date).toBeUndefined();
    expect((await parse('broken-encoded-word.eml')).subject).toContain('=?utf-8?q?abc');
    const unterminated = await parse('unterminated-multipart.eml');
    expect(crlfToLf(unterminated.text)).toBe(FIXTURES['unterminated-multipart.eml'].text);
    expect(unterminated.attachments.map((a) => a.filename)).toEqual(['notes.txt']);
    const invalid = crlfToLf((await parse('invalid-base64.eml')).text);
    expect(invalid.startsWith('Hello, world!\n')).toBe(true);
    expect(invalid.endsWith('The end.\n')).toBe(true);
    expect((await parse('eight-bit-header.eml')).subject).toBe(FIXTURES['eight-bit-header.eml'].subject);
    // Raw GBK in a header is not UTF-8: a decoder that assumes UTF-8 cannot get it right.
    const gbk = await parse('eight-bit-header-gbk.eml');
    expect(gbk.subject).not.toBe(FIXTURES['eight-bit-header-gbk.eml'].subject);
    expect(crlfToLf(gbk.text)).toBe(FIXTURES['eight-bit-header-gbk.eml'].text);
  });
});
