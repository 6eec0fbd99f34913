import type { ServerAddress } from './pop3-error';
import { protocolError } from './pop3-error';

/** "n size" lines of LIST. */
export function parseScanListing(lines: string[], server: ServerAddress): Array<{ number: number; size: number }> {
  return lines.map((line) => {
    const [number, size] = fields(line, server, 'LIST');
    return { number, size: positiveInteger(size, server, 'LIST', line) };
  });
}

/** "n unique-id" lines of UIDL; the id is 1-70 printable ASCII characters (RFC 1939 §7). */
export function parseUidListing(lines: string[], server: ServerAddress): Array<{ number: number; uidl: string }> {
  return lines.map((line) => {
    const [number, uidl] = fields(line, server, 'UIDL');
    return { number, uidl };
  });
}

/** "+OK count size" of STAT. */
export function parseDropListing(text: string, server: ServerAddress): { count: number; size: number } {
  const [count = '', size = ''] = text.trim().split(/\s+/);
  const line = `+OK ${text}`;
  return { count: positiveInteger(count, server, 'STAT', line), size: positiveInteger(size, server, 'STAT', line) };
}

function fields(line: string, server: ServerAddress, verb: string): [number, string] {
  const [number = '', value] = line.trim().split(/\s+/);
  if (value === undefined || value === '') throw protocolError(server, `a ${verb} line without a value`, line);
  return [positiveInteger(number, server, verb, line), value];
}

function positiveInteger(text: string, server: ServerAddress, verb: string, line: string): number {
  if (!/^\d{1,15}$/.test(text)) throw protocolError(server, `${verb} has no number where one belongs`, line);
  return Number(text);
}
