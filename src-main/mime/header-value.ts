import { isUtf8 } from 'node:buffer';
import { resolveCharset } from './charset';
import { decodeCharset } from './charset-decoder';
import { decodeEncodedWords } from './encoded-words';
import { codedWarning, warningAt } from '../errors/warning-codes';
import type { WordCharset } from './chosen-encoding';

/** Any byte above 0x7f in Latin-1 text (see RawHeader): one native scan, as it runs on every header field synced. */
const EIGHT_BIT = /[\u0080-\uffff]/;

/**
 * Decodes raw 8-bit header bytes, which RFC 5322 forbids but mailers send.
 * UTF-8 first (RFC 6532 allows it, and it is rarely valid by accident), then
 * the body's charset if the caller knows it (the sender's mailer most likely
 * used one charset for both), then GB18030 (where most such mail we see comes
 * from), and windows-1252 as the decoder that never fails.
 */
function decodeEightBit(bytes: Buffer, bodyCharset: string | null): { text: string; as: string | null } {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), as: null };
  const plan = resolveCharset(bodyCharset);
  const codecs = plan.kind === 'iconv' ? [plan.codec, 'gb18030'] : ['gb18030'];
  for (const codec of codecs) {
    const text = decodeCharset(bytes, codec);
    if (!text.includes('\uFFFD')) return { text, as: codec };
  }
  return { text: decodeCharset(bytes, 'windows-1252'), as: 'windows-1252' };
}

const NO_WARNINGS: readonly string[] = Object.freeze([]);

/**
 * Raw (unfolded) header value, Latin-1 text with one character per byte as
 * RawHeader keeps it, as text, encoded words left alone: the step address
 * headers need before parsing. `field` names the header in warnings.
 */
export function headerText(raw: string, field: string, bodyCharset: string | null = null): { text: string; warnings: readonly string[] } {
  if (!EIGHT_BIT.test(raw)) return { text: raw, warnings: NO_WARNINGS };
  const decoded = decodeEightBit(Buffer.from(raw, 'latin1'), bodyCharset);
  const as = decoded.as?.toUpperCase();
  const warnings = as ? [warningAt({ header: field }, codedWarning('RawHeaderBytes', { as, text: `raw 8-bit bytes decoded as ${as}` }))] : NO_WARNINGS;
  return { text: decoded.text, warnings };
}

/**
 * Raw header value (see headerText) to display text: raw 8-bit bytes first, then RFC 2047 encoded words (each
 * with the label `wordCharset` gives it, when a reader chose the encoding).
 */
export function decodeHeaderValue(raw: string, field: string, bodyCharset: string | null = null, wordCharset?: WordCharset): { text: string; warnings: readonly string[] } {
  const base = headerText(raw, field, bodyCharset);
  // Most values hold no encoded word: skip the decoder and the copying of warnings.
  if (!base.text.includes('=?')) return { text: base.text.trim(), warnings: base.warnings };
  const words = decodeEncodedWords(base.text, wordCharset);
  return { text: words.text.trim(), warnings: [...base.warnings, ...words.warnings.map((w) => warningAt({ header: field }, w))] };
}
