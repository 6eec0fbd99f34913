const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57; // lower case is invalid but common
  return -1;
}

/** Length of a soft line break starting at `at` ("=" then optional spaces, then CRLF or LF), or 0. */
function softBreakLength(raw: Buffer, at: number): number {
  let i = at + 1;
  while (raw[i] === 0x20 || raw[i] === 0x09) i++;
  if (raw[i] === CR && raw[i + 1] === LF) return i + 2 - at;
  if (raw[i] === LF) return i + 1 - at;
  return i === raw.length ? i - at : 0;
}

/**
 * Decodes quoted-printable bytes. An "=" that starts neither an escape nor a
 * soft break is kept literally (what RFC 2045 6.7 suggests) and counted in
 * `invalid`, so the caller can warn.
 */
export function decodeQuotedPrintable(raw: Buffer): { bytes: Buffer; invalid: number } {
  const out = Buffer.alloc(raw.length);
  let length = 0;
  let invalid = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i] as number;
    if (byte !== EQUALS) {
      out[length++] = byte;
      continue;
    }
    const high = hexValue(raw[i + 1]);
    const low = hexValue(raw[i + 2]);
    if (high >= 0 && low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
      continue;
    }
    const soft = softBreakLength(raw, i);
    if (soft) {
      i += soft - 1;
      continue;
    }
    invalid++;
    out[length++] = byte;
  }
  return { bytes: out.subarray(0, length), invalid };
}
