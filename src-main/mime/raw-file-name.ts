import { decodeText } from './decode-part';
import { decodeEncodedWords } from './encoded-words';

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
 * Reads a file name parameter again from the raw, unfolded header value,
 * with our charset rules. mailsplit decodes names with libmime, which reads
 * "gb2312" as GBK and so turns the GB18030-only characters Chinese mailers
 * send under that label into U+FFFD; the raw value still has their bytes.
 */
export function rawFileName(value: string, param: 'filename' | 'name'): string | null {
  const pieces = piecesOf(value, param);
  if (pieces.length === 0) return null;
  if (pieces.some((p) => p.extended)) return decodeExtended(pieces);
  return decodeEncodedWords(pieces.map((p) => p.value).join('')).text;
}
