import type { Transform } from 'node:stream';
import type { MailParser } from 'mailparser';
import { codedWarning, labelledWarning, warningAt } from '../errors/warning-codes';
import { Base64DecodeStream } from './base64';
import { headerText } from './header-value';
import { fileNameFromRawHeaders } from './raw-file-name';
import type { RawHeader } from './raw-headers';
import type { UnsplitMultipart } from './resplit-multipart';
import { taggedCharset } from './text-decode-stream';
import { UnsplitMultiparts } from './unsplit-multiparts';

/** The splitter's own limits (mailsplit's defaults), past which a message is unusual enough to say so. */
export const USUAL_MAX_HEADER_BYTES = 1024 * 1024;
export const USUAL_MAX_PARTS = 1000;

/** The fields of a @zone-eu/mailsplit MimeNode this tap reads or changes (mailparser 3.14). */
interface SplitterNode {
  type: 'node';
  contentType: string | false;
  multipart: string | false;
  _boundary: Buffer | false;
  encoding: string | false;
  charset: string | false;
  filename: string | false;
  partNr?: Array<number | string>;
  parentNode?: SplitterNode | false;
  headerCost?(): number;
  headers?: { getList(): Array<{ key: string; line: string }> };
  getDecoder(): Transform;
}

/** Everything else MailParser reads from the splitter: boundary lines ('data') and body lines ('body'). */
interface SplitterChunk {
  type: 'data' | 'body';
  node: SplitterNode;
  value: Buffer;
}

type ProcessChunk = (chunk: SplitterNode | SplitterChunk, done: (error?: Error | null) => void) => void;

/** IMAP-style part number; '' for the message's top node. */
function sectionOf(node: SplitterNode): string {
  return (node.partNr ?? []).filter((n) => typeof n === 'number').join('.');
}

/** A single-part message's body is IMAP part "1". */
function partLabel(node: SplitterNode): string {
  return sectionOf(node) || '1';
}

/** The warning as met in this multipart: a part by its number; the top one names the message (in English only: the renderer needs no place). */
function at(node: SplitterNode, warning: string): string {
  const section = sectionOf(node);
  return section ? warningAt({ part: section }, warning) : labelledWarning('message', {}, warning);
}

/** True when the part's Content-Type or Content-Disposition line carried raw 8-bit bytes. */
function hasEightBitNameHeader(node: SplitterNode): boolean {
  return (node.headers?.getList() ?? []).some(
    (h) => (h.key === 'content-disposition' || h.key === 'content-type') && /[\x80-\xff]/.test(h.line),
  );
}

/** The part's Content-Disposition and Content-Type lines as raw headers (Latin-1 text, unfolded). */
function nameHeaders(node: SplitterNode): RawHeader[] {
  return (node.headers?.getList() ?? [])
    .filter((h) => h.key === 'content-disposition' || h.key === 'content-type')
    .map((h) => ({ name: h.key, value: h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '') }));
}

/**
 * mailsplit keeps a raw 8-bit file name that is not UTF-8 as Latin-1
 * characters; read those bytes the way raw 8-bit headers are read (the
 * charset of the message's text when one is known, else GB18030 for the
 * usual Chinese mailer). Only when the raw header had 8-bit bytes: a Latin-1
 * name that came from RFC 2231 ("Müller.pdf") is already right. A name with
 * U+FFFD in it is read again from the raw header instead (see raw-file-name.ts).
 */
function repairFileName(node: SplitterNode, charset: string | null, warn: (w: string) => void): void {
  const name = node.filename;
  if (name && name.includes('\uFFFD')) {
    node.filename = fileNameFromRawHeaders(nameHeaders(node), charset) ?? name;
    return;
  }
  if (!name || !/[\x80-\xff]/.test(name) || /[\u0100-\uffff]/.test(name) || !hasEightBitNameHeader(node)) return;
  const decoded = headerText(name, 'file name', charset);
  node.filename = decoded.text;
  decoded.warnings.forEach((warning) => warn(warningAt({ part: partLabel(node) }, warning)));
}

/**
 * Hooks into one MailParser's internal chunk handler (`processChunk`, not
 * public API: pinned to mailparser 3.14 and covered by the unit tests) to:
 * - send every text part through decodeText (see text-decode-stream.ts);
 * - decode base64 with our tolerant decoder, which reports damage;
 * - repair raw 8-bit file names;
 * - notice a multipart whose closing boundary never comes;
 * - keep the content of a multipart without a boundary, or whose boundary
 *   matches no line, to be read again by the delimiters it really uses;
 * - say when a message is past the splitter's usual limits;
 * - note the charset of the first labelled text part (`textCharset()`), the
 *   hint for raw 8-bit headers of a multipart message (see header-value.ts).
 * Call `finish()` once the parser has ended to collect the last warnings
 * and the multiparts that could not be split.
 */
export function tapMailParser(
  parser: MailParser,
  warn: (warning: string) => void,
  /** Every text part's charset instead of its label (the reading pane's Text Encoding); null: the labels. */
  textCharsetOverride: string | null = null,
): { finish(): UnsplitMultipart[]; textCharset(): string | null } {
  const internals = parser as unknown as { processChunk: ProcessChunk };
  const original = internals.processChunk.bind(parser);
  const tap = new Tap(warn, textCharsetOverride);
  internals.processChunk = (chunk, done) => {
    tap.see(chunk);
    original(chunk, done);
  };
  return { finish: () => tap.finish(), textCharset: () => tap.textCharset };
}

class Tap {
  /** Multiparts whose closing boundary has not been seen yet, with their boundary. */
  private readonly open = new Map<SplitterNode, string>();
  private readonly unsplit = new UnsplitMultiparts();
  private parts = 0;
  private hugeHeader = false;
  textCharset: string | null = null;

  constructor(
    private readonly warn: (warning: string) => void,
    private readonly override: string | null,
  ) {}

  see(chunk: SplitterNode | SplitterChunk): void {
    if (chunk.type === 'node') this.onNode(chunk);
    else if (chunk.type === 'data') {
      this.unsplit.content(chunk.node, chunk.value);
      if (this.open.size) this.onStructureLines(chunk.value);
    }
  }

  finish(): UnsplitMultipart[] {
    for (const node of this.open.keys()) {
      // One that never split at all is read again (see resplit-multipart.ts), with its own warning.
      if (this.unsplit.has(node)) continue;
      this.warn(at(node, codedWarning('MultipartUnclosed', { text: 'multipart never closed (no final boundary), parsed to the end of the message' })));
    }
    this.open.clear();
    return this.unsplit.unsplit();
  }

  private onNode(node: SplitterNode): void {
    this.checkUsualLimits(node);
    if (node.parentNode) this.unsplit.boundaryWorks(node.parentNode);
    if (node.multipart && !node._boundary) {
      // MailParser drops the body of a multipart it cannot split; it is read again by the delimiter lines it uses.
      this.warn(at(node, codedWarning('MultipartNoBoundary', { text: 'multipart without a boundary' })));
      this.unsplit.opened(node, node.contentType || `multipart/${node.multipart}`, '');
      return;
    }
    if (node.multipart && node._boundary) {
      const boundary = node._boundary.toString('latin1');
      this.open.set(node, boundary);
      this.unsplit.opened(node, node.contentType || `multipart/${node.multipart}`, boundary);
      return;
    }
    const part = partLabel(node);
    const isText = (node.contentType || 'text/plain').startsWith('text/');
    if (!this.textCharset && node.charset && isText) this.textCharset = node.charset;
    node.charset = taggedCharset(part, (isText && this.override) || node.charset || null);
    if (node.encoding === 'base64') {
      node.getDecoder = () => new Base64DecodeStream((skipped) => this.warn(warningAt({ part }, codedWarning('Base64Invalid', { skipped, text: `invalid base64, skipped ${skipped} characters` }))));
    }
    repairFileName(node, this.textCharset, this.warn);
  }

  /** The parser runs with raised limits (see parse-source.ts); past the usual ones, the message is worth a word. */
  private checkUsualLimits(node: SplitterNode): void {
    if (++this.parts === USUAL_MAX_PARTS + 1) this.warn(codedWarning('ManyParts'));
    if (!this.hugeHeader && (node.headerCost?.() ?? 0) > USUAL_MAX_HEADER_BYTES) {
      this.hugeHeader = true;
      this.warn(codedWarning('HugeHeader'));
    }
  }

  /** A 'data' chunk is boundary lines, preamble or epilogue text, sometimes several lines at once. */
  private onStructureLines(chunk: Buffer): void {
    for (const line of chunk.toString('latin1').split('\n')) {
      const text = line.trim();
      if (!text.endsWith('--')) continue;
      for (const [node, boundary] of this.open) {
        if (text !== `--${boundary}--`) continue;
        this.open.delete(node);
        this.unsplit.boundaryWorks(node);
      }
    }
  }
}
