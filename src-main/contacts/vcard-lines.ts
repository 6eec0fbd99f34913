import { decodeText } from '../mime/decode-part';
import { decodeQuotedPrintable } from '../mime/quoted-printable';

/*
 * vCard content lines as ical.js can read them: the file's logical lines (folds and quoted-printable soft breaks
 * joined), and vCard 2.1 lines rewritten in 3.0's terms.
 */

interface ContentLine {
  /** Everything before the value's colon: group, name and parameters. */
  head: string;
  value: string;
}

/** The text's parts between `separator`s outside double quotes (a quoted parameter value may hold one), at most `most`. */
function splitOutsideQuotes(text: string, separator: string, most = Infinity): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && parts.length < most - 1; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Splits a content line at the colon that ends its parameters. */
function splitLine(line: string): ContentLine | null {
  const [head, value] = splitOutsideQuotes(line, ':', 2);
  return head !== undefined && value !== undefined ? { head, value } : null;
}

/** ENCODING=QUOTED-PRINTABLE, or 2.1's bare QUOTED-PRINTABLE. */
const QUOTED_PRINTABLE = /;\s*(?:ENCODING\s*=\s*"?)?QUOTED-PRINTABLE/i;

/**
 * The file's logical lines: folded lines (CRLF then a space or tab) joined, and a quoted-printable value's soft
 * line breaks ("=" at the end of a line, the next line not indented: vCard 2.1 writes long values so) too.
 */
export function logicalLines(text: string): string[] {
  const lines: string[] = [];
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const last = lines.length - 1;
    const previous = lines[last];
    if (previous !== undefined && previous.endsWith('=') && QUOTED_PRINTABLE.test(splitLine(previous)?.head ?? '')) {
      lines[last] = previous.slice(0, -1) + physical;
    } else if (previous !== undefined && /^[ \t]/.test(physical)) lines[last] = previous + physical.slice(1);
    else if (physical.trim()) lines.push(physical);
  }
  return lines;
}

/** A decoded value written back as vCard 3.0/4.0 text: line breaks escaped, so it stays one content line. */
function escapeBreaks(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A vCard 2.1 content line made one ical.js reads (it parses 3.0 and 4.0 only, and throws on the whole file at
 * the first 2.1 line): bare parameters (`EMAIL;INTERNET;PREF:`, `TEL;CELL:`) become TYPE=, and a
 * quoted-printable value is decoded in its CHARSET= (GB2312, Big5, UTF-8…; none: UTF-8 if valid, else guessed
 * as mail's unlabelled text is). Lines of 3.0 and 4.0 cards come back as they were.
 */
export function normaliseLine(line: string): string {
  const split = splitLine(line);
  if (!split) return line;
  const [name = '', ...params] = splitOutsideQuotes(split.head, ';');
  const types: string[] = [];
  const kept: string[] = [];
  let charset: string | null = null;
  let quotedPrintable = false;
  let bareSeen = false;
  for (const param of params) {
    const equals = param.indexOf('=');
    if (equals < 0) {
      bareSeen = true;
      // 2.1 lets a parameter's name go unsaid: an encoding's (QUOTED-PRINTABLE, BASE64, 8BIT) or else a TYPE's.
      const bare = param.trim().toUpperCase();
      if (bare === 'QUOTED-PRINTABLE') quotedPrintable = true;
      else if (bare === 'BASE64') kept.push('ENCODING=b');
      else if (bare && bare !== '8BIT' && bare !== '7BIT') types.push(param.trim());
      continue;
    }
    const key = param.slice(0, equals).trim().toUpperCase();
    const value = param.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key === 'ENCODING' && value.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true;
    else if (key === 'CHARSET') charset = value;
    else kept.push(param);
  }
  if (!bareSeen && !quotedPrintable) return line;
  let value = split.value;
  if (quotedPrintable) {
    const { bytes } = decodeQuotedPrintable(Buffer.from(value, 'utf8'));
    value = escapeBreaks(decodeText(bytes, charset).text);
  } else if (charset) kept.push(`CHARSET=${charset}`);
  if (types.length) kept.push(`TYPE=${types.join(',')}`);
  return `${[name, ...kept].join(';')}:${value}`;
}
