import type { WarningCode } from '../errors/warning-codes';

/** A multipart none of whose lines matched its declared boundary, so the parser read all of it as preamble. */
export interface UnsplitMultipart {
  /** e.g. multipart/mixed */
  contentType: string;
  declaredBoundary: string;
  /** Everything between the multipart's header block and its end, as it came. */
  body: Buffer;
}

/** A stand-alone message to parse instead: the same parts with delimiter lines that match. */
export interface Resplit {
  source: Buffer;
  code: Extract<WarningCode, 'BoundaryRecovered' | 'BodyShownAsText'>;
}

interface Line {
  text: string;
  ending: string;
}

/** Lines of latin-1 text (one char per byte, so rebuilding gives back the same bytes) with their own line ends. */
function splitLines(body: string): Line[] {
  return body.split(/(?<=\n)/).map((raw) => {
    const ending = /\r?\n$/.exec(raw)?.[0] ?? '';
    return { text: raw.slice(0, raw.length - ending.length), ending };
  });
}

/** A delimiter line without its dashes, its closing "--" and case: what is left to compare. */
function coreOf(line: string): { core: string; closing: boolean; dashed: boolean } {
  const trimmed = line.trimEnd();
  const dashed = trimmed.startsWith('-');
  let core = trimmed.replace(/^-+/, '');
  const closing = core.length > 2 && core.endsWith('--');
  if (closing) core = core.slice(0, -2);
  return { core: core.toLowerCase(), closing, dashed };
}

/** Edit distance, stopping early once it exceeds `limit`. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > limit) return false;
    previous = row;
  }
  return previous[b.length]! <= limit;
}

/**
 * Whether a line is the declared delimiter damaged on the way: other case,
 * lost dashes, truncated or extended, a byte or two changed. A line without
 * dashes must match exactly (but for case): body text must not split.
 */
function resembles(line: string, declared: string): boolean {
  const { core, dashed } = coreOf(line);
  if (!core) return false;
  if (core === declared) return true;
  if (!dashed || declared.length < 4) return false;
  const shorter = Math.min(core.length, declared.length);
  if ((core.startsWith(declared) || declared.startsWith(core)) && shorter >= Math.max(4, declared.length / 2)) return true;
  return declared.length >= 6 && withinEdits(core, declared, 2);
}

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;

/**
 * With nothing like the declared boundary in sight, the delimiter a mailer
 * actually used: the most frequent "--token" line that opens a header block.
 */
function usedDelimiter(lines: Line[]): string | null {
  const counts = new Map<string, number>();
  lines.forEach((line, i) => {
    if (!line.text.startsWith('--') || !HEADER_LINE.test(lines[i + 1]?.text ?? '')) return;
    const { core } = coreOf(line.text);
    if (core && !/\s/.test(core)) counts.set(core, (counts.get(core) ?? 0) + 1);
  });
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** A boundary that appears nowhere in the body. */
function freshBoundary(body: string): string {
  let n = 0;
  while (body.includes(`wren-resplit-${n}`)) n++;
  return `wren-resplit-${n}`;
}

/**
 * Finds the delimiter lines a multipart really uses when none matched its
 * declared boundary, and rewrites them to one that does, so the parts can
 * be read as the sender meant. With no delimiter to be found, the body is
 * shown as one plain text rather than nothing.
 */
export function resplitMultipart(multipart: UnsplitMultipart): Resplit {
  const body = multipart.body.toString('latin1');
  const lines = splitLines(body);
  const declared = coreOf(`--${multipart.declaredBoundary}`).core;
  let isDelimiter = (text: string) => resembles(text, declared);
  if (!lines.some((line) => isDelimiter(line.text))) {
    const used = usedDelimiter(lines);
    if (!used) return { source: Buffer.from(`Content-Type: text/plain\r\n\r\n${body}`, 'latin1'), code: 'BodyShownAsText' };
    isDelimiter = (text) => text.startsWith('--') && coreOf(text).core === used;
  }
  const boundary = freshBoundary(body);
  const rebuilt = lines
    .map((line) => (isDelimiter(line.text) ? `--${boundary}${coreOf(line.text).closing ? '--' : ''}${line.ending}` : line.text + line.ending))
    .join('');
  const header = `Content-Type: ${multipart.contentType}; boundary="${boundary}"\r\n\r\n`;
  return { source: Buffer.from(header + rebuilt, 'latin1'), code: 'BoundaryRecovered' };
}
