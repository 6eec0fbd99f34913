import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { resolveCharset } from './charset';
import { decodeEncodedWords } from './encoded-words';

/** Native, rather than a callback per byte: it runs on every header field of every message synced. */
function hasEightBit(bytes: Buffer): boolean {
  return !isAscii(bytes);
}

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
    const text = iconv.decode(bytes, codec);
    if (!text.includes('\uFFFD')) return { text, as: codec };
  }
  return { text: iconv.decode(bytes, 'windows-1252'), as: 'windows-1252' };
}

/**
 * Raw (unfolded) header value bytes as text, encoded words left alone: the
 * step address headers need before parsing. `field` names the header in warnings.
 */
export function headerText(raw: Buffer, field: string, bodyCharset: string | null = null): { text: string; warnings: string[] } {
  if (!hasEightBit(raw)) return { text: raw.toString('latin1'), warnings: [] };
  const decoded = decodeEightBit(raw, bodyCharset);
  const warnings = decoded.as ? [`${field}: raw 8-bit bytes decoded as ${decoded.as.toUpperCase()}`] : [];
  return { text: decoded.text, warnings };
}

/** Raw header value bytes to display text: raw 8-bit bytes first, then RFC 2047 encoded words. */
export function decodeHeaderValue(raw: Buffer, field: string, bodyCharset: string | null = null): { text: string; warnings: string[] } {
  const base = headerText(raw, field, bodyCharset);
  const words = decodeEncodedWords(base.text);
  return { text: words.text.trim(), warnings: [...base.warnings, ...words.warnings.map((w) => `${field}: ${w}`)] };
}
