// Encoders for building raw messages: charsets, RFC 2047 encoded words, quoted-printable,
// base64 lines, RFC 2231 file names. All output uses CRLF, so what Dovecot serves is
// exactly the bytes on disk.
import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';
import type { Charset } from './languages';

export const CRLF = '\r\n';

function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

export function encodeText(text: string, charset: Charset): Buffer {
  // iconv-lite has no ISO-2022-JP encoder; encoding-japanese's 'JIS' is exactly that.
  if (charset === 'iso-2022-jp') return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'JIS', from: 'UNICODE' }));
  if (charset === 'us-ascii') return Buffer.from(text, 'latin1');
  return iconv.encode(text, charset);
}

/** Header text as B-encoded words (or Q for mostly-Latin UTF-8), split on characters, folded. */
export function encodedWords(text: string, charset: Charset, style: 'B' | 'Q' = 'B'): string {
  if (isPrintableAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (chunk && encodeWord(chunk + ch, charset, style).length > 75) {
      words.push(encodeWord(chunk, charset, style));
      chunk = ch;
    } else chunk += ch;
  }
  if (chunk) words.push(encodeWord(chunk, charset, style));
  return words.join(`${CRLF} `);
}

function encodeWord(text: string, charset: Charset, style: 'B' | 'Q'): string {
  const bytes = encodeText(text, charset);
  const payload = style === 'B' ? bytes.toString('base64') : qEncode(bytes);
  return `=?${charset.toUpperCase()}?${style}?${payload}?=`;
}

function qEncode(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x20) out += '_';
    else if ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) out += String.fromCharCode(byte);
    else out += `=${hex(byte)}`;
  }
  return out;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** Quoted-printable (RFC 2045): '=' and non-printables escaped, soft line breaks before 76 columns. */
export function quotedPrintable(text: Buffer): string {
  const out: string[] = [];
  for (const line of text.toString('latin1').split(CRLF)) {
    let current = '';
    for (let i = 0; i < line.length; i += 1) {
      const byte = line.charCodeAt(i);
      const last = i === line.length - 1;
      const printable = (byte >= 33 && byte <= 126 && byte !== 61) || (byte === 32 && !last);
      const token = printable ? line[i]! : `=${hex(byte)}`;
      if (current.length + token.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

/** Base64 body lines of 76 characters. */
export function base64Lines(bytes: Buffer): string {
  const encoded = bytes.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < encoded.length; at += 76) lines.push(encoded.slice(at, at + 76));
  return lines.join(CRLF);
}

/** RFC 2231 extended parameter for a non-ASCII file name, as Thunderbird and Apple Mail send it. */
export function rfc2231Parameter(name: string, value: string): string {
  if (isPrintableAscii(value)) return `${name}="${value}"`;
  const escaped = [...Buffer.from(value, 'utf8')]
    .map((byte) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${hex(byte)}`))
    .join('');
  return `${name}*=UTF-8''${escaped}`;
}

/** A display name and address; non-ASCII names become encoded words, ASCII names are quoted. */
export function mailbox(name: string, address: string, charset: Charset): string {
  if (isPrintableAscii(name)) return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
  return `${encodedWords(name, charset === 'us-ascii' ? 'utf-8' : charset)} <${address}>`;
}

/** Wraps text at spaces (or anywhere, for CJK) to lines of at most `width` characters. */
export function wrapText(text: string, width = 72): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of paragraph.split(/(?<= )/)) {
      for (const piece of token.length > width ? token.match(new RegExp(`.{1,${width}}`, 'gsu')) ?? [] : [token]) {
        if (line.length + piece.length > width && line) {
          lines.push(line.trimEnd());
          line = '';
        }
        line += piece;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines.join(CRLF);
}
