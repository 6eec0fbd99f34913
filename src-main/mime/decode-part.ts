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

/** Where GBK's user-defined areas decode to: no Chinese text a standard system writes has them. */
const PRIVATE_USE = /[\uE000-\uF8FF]/;

/**
 * Whether most characters GB18030 would read in `bytes` end in an ASCII byte. Windows-1252 text is valid GB18030
 * when each accented letter is followed by a plain one ("für" is FC 72, a rare ideograph), and each such pair ends
 * in ASCII. Chinese text's characters mostly end in a byte above 0x7f: all of GB2312's (simplified text, and
 * the traditional characters written alike), about half of those only GBK has.
 */
function mostPairsEndInAscii(bytes: Buffer): boolean {
  let characters = 0;
  let asciiEnds = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead > 0xfe) continue;
    const next = bytes[i + 1] ?? 0;
    characters++;
    // A digit second makes a four-byte character (GB18030's additions to GBK): counted as Chinese.
    if (next >= 0x30 && next <= 0x39) i += 3;
    else {
      if (next < 0x80) asciiEnds++;
      i++;
    }
  }
  return asciiEnds * 2 > characters;
}

/**
 * The bytes as GB18030 when every byte makes sense in it and the text reads as Chinese, not as accented Latin in
 * disguise: two accented letters in a row ("üß") make a user-defined character, one before a plain letter a pair
 * ending in ASCII (see mostPairsEndInAscii). Null otherwise.
 */
function asChinese(bytes: Buffer): string | null {
  const { text, clean } = strictIconv(bytes, 'gb18030');
  return clean && !PRIVATE_USE.test(text) && !mostPairsEndInAscii(bytes) ? text : null;
}

/**
 * What 8-bit text no usable label vouches for most likely is, guessed alike for a part with an unknown label or
 * none, and for raw 8-bit header bytes (header-value.ts): UTF-8 if the bytes are valid UTF-8 (it almost never is
 * by accident), else `likely` (an iconv-lite codec: for a header, the charset the message's text is labelled in)
 * if every byte makes sense in it, else GB18030 if the bytes read as Chinese (where most such mail comes from),
 * else windows-1252, which decodes anything.
 */
export function guessCharset(bytes: Buffer, likely: string | null = null): { text: string; as: string } {
  if (isUtf8(bytes)) return { text: utf8(bytes), as: 'UTF-8' };
  if (likely) {
    const hinted = strictIconv(bytes, likely);
    if (hinted.clean) return { text: hinted.text, as: likely };
  }
  const chinese = asChinese(bytes);
  if (chinese !== null) return { text: chinese, as: 'GB18030' };
  return { text: decodeCharset(bytes, 'windows-1252'), as: 'windows-1252' };
}

/**
 * Turns the bytes of a text part into a string. The label is trusted when we
 * know it (decoded as its common superset, see charset.ts); a missing or
 * us-ascii label is the charset an HTML <meta> tag declares when the bytes
 * are not UTF-8, else guessed (UTF-8, else GB18030 when the bytes read as
 * Chinese, else windows-1252: see guessCharset), silently;
 * an unknown label is guessed too, with a warning.
 * Line ends come out as LF.
 */
export function decodeText(bytes: Buffer, charset: string | null): { text: string; warnings: string[] } {
  const decoded = decodeWithPlan(bytes, charset);
  // LF line ends, as MailParser gives for parsed sources, so both paths show the same text.
  return { text: decoded.text.replace(/\r\n/g, '\n'), warnings: decoded.warnings };
}

/**
 * UTF-8 when valid, else the charset an HTML `<meta>` declares, else a guess from the part's own bytes: a
 * Chinese mailer that sends its raw GBK subject sends its body unlabelled too. The part's bytes, not the
 * subject's, decide: they are far more to judge by, and every reader of the text (reading pane, search index,
 * reply quote) comes here with them alone.
 */
function unlabelled(bytes: Buffer): string {
  if (isUtf8(bytes)) return utf8(bytes);
  const meta = metaCodec(bytes);
  return meta ? decodeCharset(bytes, meta) : guessCharset(bytes).text;
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
      const guessed = guessCharset(bytes);
      return { text: guessed.text, warnings: [codedWarning('CharsetUnknown', { label: plan.label, as: guessed.as, text: `unknown charset "${plan.label}", decoded as ${guessed.as}` })] };
    }
  }
}
