import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { canDecodeCharset, decodeCharset } from '../../../src-main/mime/charset-decoder';

/** Every BMP character the codec encodes (iconv-lite's encoder), as the bytes it encodes to. */
function encodable(codec: string): { char: string; bytes: Buffer }[] {
  const out = [];
  for (let code = 0x80; code < 0x10000; code += 1) {
    if (code >= 0xd800 && code < 0xe000) continue;
    const char = String.fromCharCode(code);
    const bytes = iconv.encode(char, codec);
    if (iconv.decode(bytes, codec) === char) out.push({ char, bytes });
  }
  return out;
}

describe('decodeCharset', () => {
  it('decodes GBK and GB18030 text as iconv-lite does', () => {
    const subject = '关于下周会议的安排（请回复）——财务部 €100';
    expect(decodeCharset(iconv.encode(subject, 'gbk'), 'gb18030')).toBe(subject);
    // Four-byte GB18030 sequences: an emoji and a character outside GBK.
    const rare = '你好 😀 𠀀';
    expect(decodeCharset(iconv.encode(rare, 'gb18030'), 'gb18030')).toBe(rare);
  });

  it('agrees with iconv-lite on every GB18030 character but the vertical forms it still maps to the private use area', () => {
    const differing = encodable('gb18030').filter(({ char, bytes }) => decodeCharset(bytes, 'gb18030') !== char);
    expect(differing.length).toBeLessThanOrEqual(18);
    for (const { char } of differing) expect(char.charCodeAt(0)).toBeGreaterThanOrEqual(0xe000);
    // GB18030's A6D9 is the vertical comma: a character, not iconv-lite's private-use code point.
    expect(decodeCharset(Buffer.from([0xa6, 0xd9]), 'gb18030')).toBe('\ufe10');
  });

  it('agrees with iconv-lite on every EUC-JP character', () => {
    const differing = encodable('euc-jp').filter(({ char, bytes }) => decodeCharset(bytes, 'euc-jp') !== char);
    expect(differing).toEqual([]);
  });

  it('marks bytes that make no sense with U+FFFD', () => {
    expect(decodeCharset(Buffer.from([0x41, 0x81, 0x20, 0x42]), 'gb18030')).toContain('\ufffd');
  });

  it('decodes the codecs the platform is not trusted with through iconv-lite (Big5-HKSCS, cp949, windows-1252)', () => {
    // An HKSCS character and a UHC syllable beyond the standard Big5 and EUC-KR sets.
    expect(decodeCharset(iconv.encode('香港𡃁', 'big5hkscs'), 'big5hkscs')).toBe('香港𡃁');
    expect(decodeCharset(iconv.encode('똠방각하', 'cp949'), 'cp949')).toBe('똠방각하');
    expect(decodeCharset(Buffer.from([0x93, 0x71, 0x94]), 'windows-1252')).toBe('\u201cq\u201d');
  });

  it('decodes a slice of a larger buffer, not the buffer around it', () => {
    const whole = Buffer.concat([Buffer.from('xx'), iconv.encode('中文', 'gbk'), Buffer.from('yy')]);
    expect(decodeCharset(whole.subarray(2, 6), 'gb18030')).toBe('中文');
    expect(decodeCharset(whole.subarray(2, 6), 'cp936')).toBe('中文');
  });

  it('knows which codecs it can decode', () => {
    for (const codec of ['gb18030', 'euc-jp', 'big5hkscs', 'cp932', 'windows-1252']) expect(canDecodeCharset(codec)).toBe(true);
    expect(canDecodeCharset('x-no-such-charset')).toBe(false);
  });
});

describe('decodeCharset on a runtime whose ICU lacks the converter', () => {
  it('decodes with iconv-lite instead, and still knows the codec', async () => {
    vi.resetModules();
    vi.doMock('node:util', async (importOriginal) => {
      const util = await importOriginal<typeof import('node:util')>();
      // As Node built with small ICU data answers for a charset it cannot decode.
      class NoConverters extends util.TextDecoder {
        constructor(label?: string, options?: ConstructorParameters<typeof util.TextDecoder>[1]) {
          if (label && label !== 'utf-8') throw new RangeError(`The "${label}" encoding is not supported`);
          super(label, options);
        }
      }
      return { ...util, TextDecoder: NoConverters };
    });
    try {
      const fresh = await import('../../../src-main/mime/charset-decoder');
      expect(fresh.decodeCharset(iconv.encode('关于会议', 'gbk'), 'gb18030')).toBe('关于会议');
      // iconv-lite's reading, as before the platform decoded it: the private-use code point.
      expect(fresh.decodeCharset(Buffer.from([0xa6, 0xd9]), 'gb18030')).toBe('\ue78d');
      expect(fresh.canDecodeCharset('gb18030')).toBe(true);
    } finally {
      vi.doUnmock('node:util');
      vi.resetModules();
    }
  });
});
