import { resolveCharset } from './charset';
import { guessCharset } from './decode-part';
import { decodeEncodedWords } from './encoded-words';
import { codedWarning, warningAt } from '../errors/warning-codes';
import type { WordCharset } from './chosen-encoding';

/** Any byte above 0x7f in Latin-1 text (see RawHeader): one native scan, as it runs on every header field synced. */
const EIGHT_BIT = /[\u0080-\uffff]/;

/**
 * Decodes raw 8-bit header bytes, which RFC 5322 forbids but mailers send, as
 * guessCharset guesses a part's text (UTF-8 needs no warning: RFC 6532 allows
 * it), with the body's charset as the likely one when the caller knows it: the
 * sender's mailer most likely used one charset for both.
 */
function decodeEightBit(bytes: Buffer, bodyCharset: string | null): { text: string; as: string | null } {
  const plan = resolveCharset(bodyCharset);
  const guessed = guessCharset(bytes, plan.kind === 'iconv' ? plan.codec : null);
  return { text: guessed.text, as: guessed.as === 'UTF-8' ? null : guessed.as };
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
