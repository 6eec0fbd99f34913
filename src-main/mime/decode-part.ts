import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { Base64LineDecoder } from './base64';
import { resolveCharset } from './charset';
import { decodeCharset } from './charset-decoder';
import { decodeQuotedPrintable } from './quoted-printable';
import { encodingJapanese } from '../system/first-use-packages';
import { codedWarning } from '../errors/warning-codes';

/**
 * Undoes a Content-Transfer-Encoding. Damaged input is decoded as far as it
 * goes, with a warning; 7bit/8bit/binary and unknown encodings pass through.
 */
export function decodeTransfer(raw: Buffer, encoding: string | null): { bytes: Buffer; warnings: string[] } {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === 'base64') {
    const decoder = new Base64LineDecoder();
    const bytes = Buffer.concat([decoder.write(raw), decoder.end()]);
    const skipped = decoder.skipped;
    const warnings = skipped ? [codedWarning('Base64Invalid', { skipped, text: `invalid base64: skipped ${skipped} characters, decoded the rest` })] : [];
    return { bytes, warnings };
  }
  if (name === 'quoted-printable') {
    const { bytes, invalid } = decodeQuotedPrintable(raw);
    return { bytes, warnings: invalid ? [codedWarning('QuotedPrintableInvalid', { count: invalid, text: `invalid quoted-printable: kept ${invalid} stray "=" as is` })] : [] };
  }
  const known = ['', '7bit', '8bit', 'binary'].includes(name);
  return { bytes: raw, warnings: known ? [] : [codedWarning('TransferEncodingUnknown', { name, text: `unknown transfer encoding "${name}", shown undecoded` })] };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function utf8(bytes: Buffer): string {
  return bytes.subarray(bytes.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0).toString('utf8');
}

/**
 * ISO-2022-JP by the platform's decoder (WHATWG's, as Thunderbird and the browsers read it): encoding-japanese
 * builds its JIS tables at first use in each thread (about 35 ms; a header sync's thread paid it on its first
 * Japanese subject). Over every JIS X 0208 code the two agree, but where the platform's reads more (NEC's
 * duplicate mathematical signs) or says U+FFFD for a code no character has, as every other charset here does;
 * JIS-Roman's 0x5C and 0x7E come out as JIS X 0201 has them (yen sign, overline). Only JIS X 0212 (ESC $ ( D),
 * which WHATWG's decoder does not know, and a runtime built without the converter, are left to encoding-japanese.
 */
const JIS_X_0212 = Buffer.from('\x1b$(D', 'latin1');
let jisDecoder: TextDecoder | null | undefined;

function iso2022jp(bytes: Buffer): string {
  jisDecoder ??= platformJisDecoder();
  if (jisDecoder && !bytes.includes(JIS_X_0212)) return jisDecoder.decode(bytes);
  return encodingJapanese().convert(bytes, { to: 'UNICODE', from: 'JIS', type: 'string' });
}

function platformJisDecoder(): TextDecoder | null {
  try {
    return new TextDecoder('iso-2022-jp');
  } catch {
    return null;
  }
}

/**
 * ISO-2022-JP is 7-bit, yet some Japanese mailers put that label on
 * Shift_JIS or EUC-JP text (and some on UTF-8); read as JIS, those bytes
 * come out as garbage. 8-bit bytes under the label are read as whichever of
 * them the bytes are valid in, Shift_JIS (as its Windows superset cp932) last.
 */
function mislabelledJis(bytes: Buffer): { text: string; as: string } {
  if (isUtf8(bytes)) return { text: utf8(bytes), as: 'UTF-8' };
  // EUC-JP first, as encoding-japanese's own detection does: Shift_JIS text almost always has
  // lead bytes 0x81-0x9f that EUC-JP lacks, while EUC-JP text often passes as Shift_JIS.
  if (encodingJapanese().detect(bytes, 'EUCJP')) return { text: decodeCharset(bytes, 'euc-jp'), as: 'EUC-JP' };
  return { text: decodeCharset(bytes, 'cp932'), as: 'Shift_JIS' };
}

/** Decodes in an iconv-lite codec and says whether every byte made sense in that charset. */
function strictIconv(bytes: Buffer, codec: string): { text: string; clean: boolean } {
  const text = decodeCharset(bytes, codec);
  return { text, clean: !text.includes('\uFFFD') };
}

/** A `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` near the start (WHATWG prescans 1024 bytes). */
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/**
 * The charset an HTML part declares in its own `<meta>` tag. Chinese and
 * Japanese webmail send HTML parts with no charset in Content-Type and the
 * real one (gb2312, Shift_JIS) only there. Only 8-bit charsets decodeText
 * would trust as a Content-Type label count: by then the bytes are not UTF-8
 * (nor 7-bit ISO-2022-JP, which would be valid UTF-8).
 */
function metaCodec(bytes: Buffer): string | null {
  const plan = resolveCharset(META_CHARSET.exec(bytes.subarray(0, 1024).toString('latin1'))?.[1]);
  return plan.kind === 'iconv' ? plan.codec : null;
}

/**
 * For a label we cannot use: UTF-8 if the bytes are valid UTF-8 (it almost
 * never is by accident), else GB18030 if every byte pair makes sense in it
 * (Chinese mail is where odd labels like "x-gbk" or "gb2312-80" come from),
 * else windows-1252, which decodes anything.
 */
function guess(bytes: Buffer): { text: string; as: string } {
  if (isUtf8(bytes)) return { text: utf8(bytes), as: 'UTF-8' };
  const gb = strictIconv(bytes, 'gb18030');
  if (gb.clean) return { text: gb.text, as: 'GB18030' };
  return { text: decodeCharset(bytes, 'windows-1252'), as: 'windows-1252' };
}

/**
 * Turns the bytes of a text part into a string. The label is trusted when we
 * know it (decoded as its common superset, see charset.ts); a missing or
 * us-ascii label is UTF-8 when the bytes are valid UTF-8, else the charset
 * an HTML <meta> tag declares, else windows-1252 (a heuristic: these are
 * what unlabelled 8-bit mail most often is, and windows-1252 never fails);
 * an unknown label is guessed, with a warning.
 * Line ends come out as LF.
 */
export function decodeText(bytes: Buffer, charset: string | null): { text: string; warnings: string[] } {
  const decoded = decodeWithPlan(bytes, charset);
  // LF line ends, as MailParser gives for parsed sources, so both paths show the same text.
  return { text: decoded.text.replace(/\r\n/g, '\n'), warnings: decoded.warnings };
}

/** UTF-8 when valid, else the charset an HTML `<meta>` declares, else windows-1252 (which never fails). */
function unlabelled(bytes: Buffer): string {
  if (isUtf8(bytes)) return utf8(bytes);
  return decodeCharset(bytes, metaCodec(bytes) ?? 'windows-1252');
}

function decodeWithPlan(bytes: Buffer, charset: string | null): { text: string; warnings: string[] } {
  const plan = resolveCharset(charset);
  switch (plan.kind) {
    case 'utf-8': {
      const warnings = isUtf8(bytes) ? [] : [codedWarning('Utf8Invalid', { text: 'invalid UTF-8: some characters could not be decoded' })];
      return { text: utf8(bytes), warnings };
    }
    case 'unlabelled':
      return { text: unlabelled(bytes), warnings: [] };
    case 'iso-2022-jp': {
      if (isAscii(bytes)) return { text: iso2022jp(bytes), warnings: [] };
      const { text, as } = mislabelledJis(bytes);
      return { text, warnings: [codedWarning('CharsetMislabelled', { as, text: `8-bit bytes under a 7-bit ISO-2022-JP label, decoded as ${as}` })] };
    }
    case 'iconv': {
      const { text, clean } = strictIconv(bytes, plan.codec);
      return { text, warnings: clean ? [] : [codedWarning('CharsetBytesInvalid', { charset: String(charset), text: `some bytes are not valid ${charset}` })] };
    }
    case 'unknown': {
      const guessed = guess(bytes);
      return { text: guessed.text, warnings: [codedWarning('CharsetUnknown', { label: plan.label, as: guessed.as, text: `unknown charset "${plan.label}", decoded as ${guessed.as}` })] };
    }
  }
}
