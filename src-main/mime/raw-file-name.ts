import { decodeText } from './decode-part';
import { decodeHeaderValue } from './header-value';
import type { RawHeader } from './raw-headers';

/** One `name`/`filename` parameter or RFC 2231 piece of it: `filename*1*=...`, quoted or not. */
const PARAM = /;\s*(filename|name)(?:\*(\d+))?(\*)?\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/gi;

interface Piece {
  index: number;
  extended: boolean;
  value: string;
}

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

function percentBytes(text: string): Buffer {
  return Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}

function piecesOf(value: string, param: string): Piece[] {
  return [...value.matchAll(PARAM)]
    .filter((m) => (m[1] ?? '').toLowerCase() === param)
    .map((m) => ({ index: Number(m[2] ?? 0), extended: Boolean(m[3]), value: unquote(m[4] ?? '') }))
    .sort((a, b) => a.index - b.index);
}

/** RFC 2231: `charset'lang'` on the first piece, percent-escapes in every extended piece, bytes joined before decoding. */
function decodeExtended(pieces: Piece[]): string {
  let charset: string | null = null;
  const bytes = pieces.map((piece, i) => {
    if (!piece.extended) return Buffer.from(piece.value, 'latin1');
    const labelled = i === 0 ? /^([^']*)'[^']*'(.*)$/s.exec(piece.value) : null;
    if (labelled) charset = labelled[1] || null;
    return percentBytes(labelled ? (labelled[2] ?? '') : piece.value);
  });
  return decodeText(Buffer.concat(bytes), charset).text;
}

/**
 * Reads a file name parameter again from the raw, unfolded header value
 * (Latin-1 text, one character per byte, as RawHeader keeps it), with our
 * charset rules. mailsplit decodes names with libmime, which reads "gb2312"
 * as GBK and so turns the GB18030-only characters Chinese mailers send under
 * that label into U+FFFD; an IMAP server's BODYSTRUCTURE passes raw 8-bit
 * (GBK) names on, which imapflow reads as UTF-8. The raw value still has
 * their bytes: raw 8-bit ones are read as raw headers are (UTF-8, then
 * `bodyCharset`, then GB18030), then encoded words.
 */
export function rawFileName(value: string, param: 'filename' | 'name', bodyCharset: string | null = null): string | null {
  const pieces = piecesOf(value, param);
  if (pieces.length === 0) return null;
  if (pieces.some((p) => p.extended)) return decodeExtended(pieces);
  return decodeHeaderValue(pieces.map((p) => p.value).join(''), `${param} parameter`, bodyCharset).text || null;
}

/** The file name in a part's raw header fields: Content-Disposition's filename, else Content-Type's name. */
export function fileNameFromRawHeaders(headers: RawHeader[], bodyCharset: string | null = null): string | null {
  for (const [field, param] of [['content-disposition', 'filename'], ['content-type', 'name']] as const) {
    const value = headers.find((h) => h.name === field)?.value;
    const name = value ? rawFileName(value, param, bodyCharset) : null;
    if (name) return name;
  }
  return null;
}
