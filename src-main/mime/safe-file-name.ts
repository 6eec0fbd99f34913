import { libmime } from '../system/first-use-packages';

const MAX_BYTES = 200;
/** Longest tail kept as the extension when a name is shortened; longer is not an extension. */
const MAX_EXTENSION_BYTES = 20;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;
/**
 * Control characters, the characters Windows forbids, and the Unicode format
 * characters (bidi overrides, zero-width) that make "invoice\u202Efdp.exe"
 * look like "invoice.exe" reversed into a harmless "…exe.pdf". The bidi
 * controls are Unicode's whole Bidi_Control set, the Arabic letter mark
 * (U+061C) included.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function extensionFor(contentType: string | undefined): string {
  if (!contentType) return '';
  const ext = libmime().detectExtension(contentType.split(';')[0]?.trim().toLowerCase() ?? '');
  return ext && ext !== 'bin' ? `.${ext}` : '';
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `max` UTF-8 bytes, whole code points only. */
function cutToBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (byteLength(out) + byteLength(ch) > max) break;
    out += ch;
  }
  return out;
}

/** Splits "name.ext" keeping a short extension; "archive.tar.gz" keeps ".gz". */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || byteLength(name.slice(dot)) > MAX_EXTENSION_BYTES) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

function shorten(name: string): string {
  if (byteLength(name) <= MAX_BYTES) return name;
  const [stem, ext] = splitExtension(name);
  return cutToBytes(stem, MAX_BYTES - byteLength(ext)).replace(/[. ]+$/, '') + ext;
}

/**
 * A name that is safe to create in any folder on Windows, macOS and Linux:
 * no directory parts, no ".." or hidden-file dot, no control or bidi
 * characters, no Windows-reserved names or trailing dots, at most 200 UTF-8
 * bytes with the extension kept. Chinese and other letters stay.
 * Falls back to "attachment" plus the extension the content type suggests.
 */
export function safeFileName(name: string | null, contentType?: string): string {
  let clean = (name ?? '').normalize('NFC').replace(UNSAFE, '');
  clean = (clean.split(/[/\\]/).pop() ?? '').trim();
  clean = clean.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
  // Windows reserves "CON" whatever follows the first dot: "con.txt" and "con.tar.gz" too.
  if (WINDOWS_RESERVED.test(clean.split('.')[0]?.trim() ?? '')) clean = `_${clean}`;
  clean = shorten(clean);
  return clean || `attachment${extensionFor(contentType)}`;
}

/**
 * A message saved as a file: its subject, made safe, with .eml, as Thunderbird names it. A slash in a
 * subject ("Q3/Q4 plan") is a dash here, not a folder whose last part alone would be the name.
 */
export function messageFileName(subject: string): string {
  const stem = subject.replace(/[/\\]/g, '-').trim();
  return /[\p{L}\p{N}]/u.test(stem) ? safeFileName(`${stem}.eml`) : 'message.eml';
}
