import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords as codedWords } from '../../../src-main/mime/encoded-words';
import { inEnglish } from './english-warnings';

const decodeEncodedWords = (...args: Parameters<typeof codedWords>) => inEnglish(codedWords(...args));

const b = (text: string, codec: string) => iconv.encode(text, codec).toString('base64');

describe('decodeEncodedWords', () => {
  it('leaves text without encoded words alone', () => {
    expect(decodeEncodedWords('Plain subject')).toEqual({ text: 'Plain subject', warnings: [] });
  });

  it('decodes B and Q words and drops the white space between adjacent words', () => {
    expect(decodeEncodedWords('=?UTF-8?B?5L2g?=\r\n =?utf-8?Q?=E5=A5=BD_world?= !')).toEqual({ text: '你好 world !', warnings: [] });
  });

  it('keeps white space between an encoded word and plain text', () => {
    expect(decodeEncodedWords('Re: =?UTF-8?B?5L2g5aW9?= again').text).toBe('Re: 你好 again');
  });

  it('joins the bytes of a character split across two words', () => {
    const bytes = iconv.encode('会议', 'gbk');
    const split = `=?GBK?B?${bytes.subarray(0, 3).toString('base64')}?= =?GBK?B?${bytes.subarray(3).toString('base64')}?=`;
    expect(decodeEncodedWords(split)).toEqual({ text: '会议', warnings: [] });
  });

  it('reads a gb2312 word holding a GB18030-only character', () => {
    expect(decodeEncodedWords(`=?gb2312?B?${b('𠮷野家', 'gb18030')}?=`)).toEqual({ text: '𠮷野家', warnings: [] });
  });

  it('decodes Big5 and ISO-2022-JP words', () => {
    expect(decodeEncodedWords('=?Big5?B?rXGz5qVYs2azcaq+?=').text).toBe('訂單出貨通知');
    expect(decodeEncodedWords('=?ISO-2022-JP?B?GyRCMnE1RCROJCpDTiRpJDsbKEI=?=').text).toBe('会議のお知らせ');
  });

  it('ignores an RFC 2231 language suffix on the charset', () => {
    expect(decodeEncodedWords('=?utf-8*zh-CN?Q?=E4=BD=A0?=').text).toBe('你');
  });

  it('keeps a broken B word and an unterminated word as literal text, with warnings', () => {
    const result = decodeEncodedWords('=?UTF-8?B?not-base64!!?= and =?utf-8?q?abc');
    expect(result.text).toBe('=?UTF-8?B?not-base64!!?= and =?utf-8?q?abc');
    expect(result.warnings).toEqual(['broken encoded word =?UTF-8?B?not-base64!!?= shown as is', 'unterminated encoded word shown as is']);
  });

  it('keeps an invalid Q escape literally', () => {
    const result = decodeEncodedWords('=?UTF-8?Q?Broken_=ZZ_Name?=');
    expect(result.text).toBe('Broken =ZZ Name');
    expect(result.warnings).toEqual(['invalid escape in encoded word =?UTF-8?Q?Broken_=ZZ_Name?=, kept as is']);
  });

  it('guesses an unknown charset and says so', () => {
    const result = decodeEncodedWords(`=?x-gbk-weird?B?${b('张伟', 'gbk')}?=`);
    expect(result).toEqual({ text: '张伟', warnings: ['unknown charset "x-gbk-weird", decoded as GB18030'] });
  });

  // Spam sends subjects of hundreds of thousands of words; joining them must not copy the bytes once per word.
  it('decodes a 4 MB run of adjacent words, all of it, well inside the test timeout', () => {
    const result = decodeEncodedWords(Array(250_000).fill('=?utf-8?B?5Lit?=').join(' '));
    expect(result).toEqual({ text: '中'.repeat(250_000), warnings: [] });
  }, 15_000);
});
