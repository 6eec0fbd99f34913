import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';

/**
 * The platform's decoder (ICU, through TextDecoder) for the iconv-lite codecs
 * where it decodes valid text as iconv-lite does. iconv-lite builds its
 * double-byte tables in JavaScript at first use, per thread: GB18030's takes
 * about 23 ms (a header sync paid it on its first GBK subject), and it
 * decodes a short string about five times slower than a TextDecoder kept for
 * reuse. Compared over every character each codec encodes: GB18030 differs
 * on 18 (vertical forms iconv-lite still maps to the private use area, as
 * GB18030-2005 did; ICU follows GB18030-2022), EUC-JP on none. Not Big5 nor
 * Korean: Node's ICU decoders for those labels are the narrower standard
 * charsets, thousands of characters short of big5hkscs and cp949. Nor cp932,
 * whose table takes 3 ms and where ICU's Shift_JIS reads byte 0x80 as invalid.
 */
const PLATFORM_NAMES: Record<string, string> = {
  gb18030: 'gb18030',
  'euc-jp': 'euc-jp',
};

/** A decoder per codec, made at first use; null where the platform has none for it (iconv-lite decodes those). */
const decoders = new Map<string, TextDecoder | null>();

function platformDecoder(codec: string): TextDecoder | null {
  const known = decoders.get(codec);
  if (known !== undefined) return known;
  const decoder = makeDecoder(codec);
  decoders.set(codec, decoder);
  return decoder;
}

/**
 * Only the codecs above (iconv-lite's single-byte tables cost nothing to
 * build, and WHATWG's windows-1252 gives C1 controls where iconv-lite gives
 * U+FFFD). A runtime built with less ICU data may lack a converter:
 * iconv-lite decodes then.
 */
function makeDecoder(codec: string): TextDecoder | null {
  const name = PLATFORM_NAMES[codec];
  if (!name) return null;
  try {
    const decoder = new TextDecoder(name);
    return decoder.encoding === name ? decoder : null;
  } catch {
    return null;
  }
}

/**
 * Decodes `bytes` in an iconv-lite codec (as charset.ts names them); bytes
 * that make no sense in it come out as U+FFFD, as from iconv-lite.
 */
export function decodeCharset(bytes: Uint8Array, codec: string): string {
  const decoder = platformDecoder(codec);
  return decoder ? decoder.decode(bytes) : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), codec);
}

/** Whether decodeCharset can decode `codec` (asking iconv-lite builds its tables, so the platform is asked first). */
export function canDecodeCharset(codec: string): boolean {
  return platformDecoder(codec) !== null || iconv.encodingExists(codec);
}
