import type { Readable } from 'node:stream';
import { byteLines } from './byte-lines';
import { needsQuote } from './mboxrd-quoting';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The separator line: "From sender asctime-date" in UTC, as mutt and Thunderbird read it. */
export function separatorLine(sender: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const who = sender.replace(/\s+/g, '') || 'MAILER-DAEMON';
  return `From ${who} ${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${time} ${date.getUTCFullYear()}\n`;
}

/**
 * One message as mboxrd bytes: its separator, its lines with ">*From " quoted,
 * a final newline if it lacked one, and the blank line that ends it.
 */
export async function* mboxrdMessage(sender: string, date: Date, source: Readable | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield Buffer.from(separatorLine(sender, date), 'latin1');
  let last = 0x0a;
  for await (const { bytes, lineStart } of byteLines(source)) {
    if (lineStart && needsQuote(bytes)) yield Buffer.from('>');
    yield bytes;
    last = bytes[bytes.length - 1]!;
  }
  yield Buffer.from(last === 0x0a ? '\n' : '\n\n');
}
