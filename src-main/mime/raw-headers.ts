/** One header field as it was on the wire: lower-case name, unfolded value bytes. */
export interface RawHeader {
  name: string;
  value: Buffer;
}

const FOLD = /\r?\n(?=[ \t])/g;

/** Splits a line into name and value bytes; null for a line without a colon (junk, mbox "From "). */
function splitField(line: Buffer): RawHeader | null {
  const colon = line.indexOf(0x3a);
  if (colon <= 0) return null;
  const name = line.subarray(0, colon).toString('latin1').trim().toLowerCase();
  if (!name || /\s/.test(name)) return null;
  return { name, value: line.subarray(colon + 1) };
}

/**
 * Reads the header block at the start of `raw` (a whole message or just the
 * header lines an IMAP FETCH of HEADER.FIELDS returns) without decoding
 * anything, so 8-bit bytes survive for decodeHeaderValue to judge. Works on
 * latin1 text because that maps every byte to one character and back.
 */
export function splitHeaderBlock(raw: Buffer): RawHeader[] {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? text.slice(0, end) : text).replace(FOLD, '');
  return block
    .split(/\r?\n/)
    .map((line) => splitField(Buffer.from(line, 'latin1')))
    .filter((field): field is RawHeader => field !== null);
}

/** The value of the first header called `name`, or null. */
export function firstHeader(headers: RawHeader[], name: string): Buffer | null {
  return headers.find((h) => h.name === name)?.value ?? null;
}
