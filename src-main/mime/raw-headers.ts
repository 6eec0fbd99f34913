/**
 * One header field as it was on the wire: lower-case name, unfolded value as
 * Latin-1 text, one character per byte, so 8-bit bytes survive for
 * decodeHeaderValue to judge (Buffer.from(value, 'latin1') gives them back).
 * Text rather than a Buffer: most fields are ASCII and read as text anyway,
 * and a Buffer per line was a tenth of a header sync's decoding time.
 */
export interface RawHeader {
  name: string;
  value: string;
}

const BLANK_LINE = /\r?\n\r?\n/;
const FOLD = /\r?\n(?=[ \t])/g;
const LINE_END = /\r?\n/;
const WHITE_SPACE = /\s/;

/** Splits a line into name and value; null for a line without a colon (junk, mbox "From "). */
function splitField(line: string): RawHeader | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon).trim().toLowerCase();
  if (!name || WHITE_SPACE.test(name)) return null;
  return { name, value: line.slice(colon + 1) };
}

/**
 * Reads the header block at the start of `raw` (a whole message or just the
 * header lines an IMAP FETCH of HEADER.FIELDS returns) without decoding
 * anything. Works on latin1 text because that maps every byte to one
 * character and back.
 */
export function splitHeaderBlock(raw: Buffer): RawHeader[] {
  const text = raw.toString('latin1');
  const end = text.search(BLANK_LINE);
  const block = (end >= 0 ? text.slice(0, end) : text).replace(FOLD, '');
  const fields: RawHeader[] = [];
  for (const line of block.split(LINE_END)) {
    const field = splitField(line);
    if (field) fields.push(field);
  }
  return fields;
}

/** The value of the first header called `name`, or null. */
export function firstHeader(headers: RawHeader[], name: string): string | null {
  for (const header of headers) if (header.name === name) return header.value;
  return null;
}
