import { resolveCharset } from '../mime/charset';
import { decodeCharset } from '../mime/charset-decoder';
import { guessCharset } from '../mime/decode-part';

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const CHARSET_LABEL = /;\s*CHARSET\s*=\s*"?([\w.:-]+)/gi;

/**
 * The file's text. UTF-8 when the bytes are valid UTF-8 (Thunderbird, Google, iPhone, Android today), UTF-16 by
 * its byte order mark (some Outlook exports), else as mail's unlabelled 8-bit text is guessed (guessCharset):
 * first the charset a card's CHARSET= names (a 2.1 card's GB2312 or Big5), then GB18030 if the bytes read as
 * Chinese (the GBK files Chinese phones export, often with no label at all), else windows-1252.
 */
export function vcardFileText(bytes: Buffer): string {
  if (UTF16LE_BOM.every((byte, i) => bytes[i] === byte)) return decodeCharset(bytes.subarray(2), 'utf-16le');
  if (UTF16BE_BOM.every((byte, i) => bytes[i] === byte)) return decodeCharset(bytes.subarray(2), 'utf-16be');
  let likely: string | null = null;
  for (const [, label] of bytes.toString('latin1').matchAll(CHARSET_LABEL)) {
    const plan = resolveCharset(label);
    if (plan.kind === 'iconv') {
      likely = plan.codec;
      break;
    }
  }
  return guessCharset(bytes, likely).text;
}
