import { finished } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AttachmentStream, HeaderLines, MailParser, MessageText } from 'mailparser';
import { CopyUpTo } from './copy-up-to';
import { chosenEncodingForWords } from './chosen-encoding';
import { readHeaderFields, type HeaderFields } from './header-fields';
import { htmlWithInlineImages, MAX_INLINE_IMAGE_BYTES, type InlineImage } from './inline-images';
import { codedWarning, warningAt, warningCodeOf } from '../errors/warning-codes';
import { tapMailParser } from './mailparser-tap';
import { capNesting } from './nesting-cap';
import type { RawHeader } from './raw-headers';
import { resplitMultipart, type UnsplitMultipart } from './resplit-multipart';
import { textDecoderFor } from './text-decode-stream';

export interface ParsedAttachment {
  /** IMAP section number; "1" when the whole message is the attachment. */
  partId: string;
  /** Decoded file name as the sender gave it (run it through safeFileName before using it as one). */
  filename: string | null;
  contentType: string;
  /** Decoded size in bytes. */
  size: number;
  contentId: string | null;
  /** Disposition inline, or a cid: image of a multipart/related body. */
  inline: boolean;
  /** Hex SHA-256 of the decoded content, the blob store's name for it. */
  sha256?: string;
}

/** What onAttachment learns before the content flows; size and sha256 come at the end. */
export type AttachmentMeta = Omit<ParsedAttachment, 'size' | 'sha256'>;

export interface ParsedSource extends HeaderFields {
  text: string | null;
  html: string | null;
  attachments: ParsedAttachment[];
  warnings: string[];
}

export interface ParseSourceOptions {
  /**
   * Receives each attachment's decoded content as a stream, to store it
   * without holding it in memory. Read it to the end (or return early and
   * it is drained for you); the parse waits for the returned promise.
   * A rejection becomes a warning, not a failed parse.
   */
  onAttachment?: (meta: AttachmentMeta, content: Readable) => Promise<void> | void;
  /**
   * Replace cid: links in the HTML with data: URLs of the message's own
   * images (each up to 5 MB, see inline-images.ts), for callers that keep no
   * attachment store to serve them from, such as the parse worker.
   */
  embedInlineImages?: boolean;
  /** Every text part read as this charset, whatever its label says, and raw 8-bit headers too (the reading pane's Text Encoding). */
  charset?: string;
}

/** MailParser's header lines ("Name: value", folds kept, Latin-1 for bytes, as RawHeader keeps them) as raw headers. */
function toRawHeaders(lines: HeaderLines): RawHeader[] {
  return lines.map(({ key, line }) => ({ name: key, value: line.slice(line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '') }));
}

function rootCharset(headers: Map<string, unknown>): string | null {
  const type = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return type?.value?.startsWith('multipart/') ? null : (type?.params?.charset ?? null);
}

function metaOf(data: AttachmentStream): AttachmentMeta {
  return {
    partId: data.partId ?? '1',
    filename: data.filename ?? null,
    contentType: data.contentType,
    contentId: data.cid ?? null,
    inline: data.contentDisposition === 'inline' || data.related === true,
  };
}

/**
 * Hands one attachment to the caller, makes sure its stream is read to the
 * end whatever the caller does, and only then releases it: MailParser
 * waits for release() before it reads on, so a missed one hangs the parse.
 */
async function consumeAttachment(data: AttachmentStream, content: Readable, entry: ParsedAttachment, options: ParseSourceOptions, warn: (w: string) => void) {
  const done = finished(content).catch((error: Error) => warn(notStored(entry.partId, `attachment stream failed: ${error.message}`, error.message)));
  if (options.onAttachment) {
    try {
      await options.onAttachment(metaOf(data), content);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warn(notStored(entry.partId, `attachment not stored: ${reason}`, reason));
    }
  }
  if (!content.readableEnded) content.resume();
  await done;
  data.release?.();
  entry.size = data.size ?? 0;
  if (data.checksum) entry.sha256 = data.checksum;
}

/**
 * mailsplit stops at a 1 MB header block or 1,000 parts and the message then
 * reads as empty. Parsing runs in a worker with a time limit, so it can
 * afford more; past the usual limits the tap says so with a warning.
 */
const MAX_HEADER_BYTES = 32 * 1024 * 1024;
const MAX_PARTS = 50_000;

/** MailParser's internal tree and its text builder: what a parse that stopped early has read (mailparser 3.14). */
interface PartialText {
  tree?: unknown;
  getTextContent?(): { text?: string; html?: string };
}

function joined(first: string | undefined, second: string | null, glue: string): string | undefined {
  return [first, second].filter(Boolean).join(glue) || undefined;
}

/** The fields a message without readable headers still gets. */
const NO_HEADERS: HeaderFields = { subject: '', from: { name: '', address: '' }, to: [], cc: [], date: null, messageId: null, inReplyTo: null, threadRoot: null, priority: 'normal' };

/** One parse: MailParser's events in, a ParsedSource out. */
class SourceParse {
  private readonly warnings: string[] = [];
  private readonly warn = (warning: string) => void this.warnings.push(warning);
  private readonly parser: MailParser;
  private readonly tap: ReturnType<typeof tapMailParser>;
  private readonly attachments: ParsedAttachment[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly active = new Set<Readable>();
  private readonly images = new Map<string, { contentType: string; copy: CopyUpTo }>();
  private headers: RawHeader[] | null = null;
  private charset: string | null = null;
  private body: MessageText | null = null;
  private settled = false;
  private failed = false;

  constructor(Parser: typeof MailParser, private readonly options: ParseSourceOptions) {
    this.parser = new Parser({
      Iconv: textDecoderFor(this.warn), checksumAlgo: 'sha256', skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true,
      maxHeadSize: MAX_HEADER_BYTES, maxChildNodes: MAX_PARTS,
    } as ConstructorParameters<typeof MailParser>[0]);
    this.tap = tapMailParser(this.parser, this.warn, options.charset ?? null);
    capNesting(this.parser, () => this.warn(codedWarning('NestingTooDeep')));
  }

  run(input: Readable | Buffer, failedEarly: Error | null = null): Promise<ParsedSource> {
    return new Promise((resolve) => {
      const settle = () => void this.settle().then(resolve);
      this.parser.on('headers', (map) => (this.charset = rootCharset(map as Map<string, unknown>)));
      this.parser.on('headerLines', (lines) => (this.headers = toRawHeaders(lines)));
      this.parser.on('data', (data) => (data.type === 'text' ? (this.body = data) : this.onAttachment(data)));
      this.parser.on('end', settle);
      this.parser.on('error', (error: Error) => {
        this.failed = true;
        this.warn(codedWarning('ParseStopped', { reason: error.message, text: `could not parse the rest of the message (${error.message})` }));
        this.body ??= this.textSoFar();
        // A failed parser never ends the attachment it was in; end it so settle() does not wait forever.
        for (const content of this.active) content.destroy(new Error('message parsing stopped'));
        settle();
      });
      this.feed(input, failedEarly);
    });
  }

  private feed(input: Readable | Buffer, failedEarly: Error | null): void {
    if (Buffer.isBuffer(input)) {
      this.parser.end(input);
      return;
    }
    if (failedEarly) {
      this.warn(codedWarning('ReadFailed', { reason: failedEarly.message, text: `reading the message failed: ${failedEarly.message}` }));
      this.parser.end();
      return;
    }
    // pipe() ends the parser only on 'end'; an input that fails or is destroyed would leave it waiting.
    let cut = false;
    const endEarly = (warning: string) => {
      if (cut || input.readableEnded) return;
      cut = true;
      this.warn(warning);
      this.parser.end();
    };
    input.on('error', (error) => endEarly(`reading the message failed: ${error.message}`));
    input.on('close', () => endEarly('the message ended early'));
    input.pipe(this.parser);
  }

  private onAttachment(data: AttachmentStream): void {
    const entry: ParsedAttachment = { ...metaOf(data), size: 0 };
    this.attachments.push(entry);
    this.active.add(data.content);
    const content = this.keepIfInlineImage(data);
    this.pending.push(consumeAttachment(data, content, entry, this.options, this.warn).finally(() => this.active.delete(data.content)));
  }

  /** With embedInlineImages, an image with a Content-ID flows through a copier on its way to the caller. */
  private keepIfInlineImage(data: AttachmentStream): Readable {
    if (!this.options.embedInlineImages || !data.cid || !data.contentType.startsWith('image/')) return data.content;
    const copy = new CopyUpTo(MAX_INLINE_IMAGE_BYTES);
    this.images.set(data.cid, { contentType: data.contentType, copy });
    data.content.on('error', (error) => copy.destroy(error));
    return data.content.pipe(copy);
  }

  private embedImages(html: string): string {
    const images = new Map<string, InlineImage>();
    for (const [cid, { contentType, copy }] of this.images) {
      const data = copy.copy();
      if (data) images.set(cid, { contentType, data });
    }
    return htmlWithInlineImages(html, images);
  }

  /** After an error MailParser never emits its text; the text parts it had finished are still in its tree. */
  private textSoFar(): MessageText | null {
    const internals = this.parser as unknown as PartialText;
    if (!internals.tree || !internals.getTextContent) return null;
    try {
      const { text, html } = internals.getTextContent();
      return { type: 'text', text: text || undefined, html: html || undefined } as MessageText;
    } catch {
      return null;
    }
  }

  /** Reads each multipart that matched none of its delimiter lines again, with the delimiters it really uses. */
  private async resplit(multiparts: UnsplitMultipart[]): Promise<void> {
    for (const multipart of multiparts) {
      const { source, code } = resplitMultipart(multipart);
      const found = await parseSource(source, { embedInlineImages: this.options.embedInlineImages });
      this.warn(codedWarning(code));
      // The re-read section has no Date of its own: that is no news about the message.
      found.warnings.filter((w) => warningCodeOf(w) !== 'DateMissing').forEach(this.warn);
      // Joined the way MailParser joins the texts of a multipart/mixed, so nothing found is hidden.
      this.body = {
        type: 'text',
        text: joined(this.body?.text, found.text, '\n'),
        html: joined(this.body?.html || undefined, found.html, '<br/>\n'),
      } as MessageText;
    }
  }

  private async settle(): Promise<ParsedSource> {
    if (this.settled) return new Promise(() => undefined); // the first settle() answers
    this.settled = true;
    await Promise.all(this.pending);
    // After a parser error every multipart looks unclosed; that warning would only mislead.
    if (!this.failed) await this.resplit(this.tap.finish());
    // Raw 8-bit headers are read as the text is: the reader's chosen encoding first, else the message's label;
    // with a chosen encoding, so are the encoded words whose label says no more than the one overruled.
    const label = this.charset ?? this.tap.textCharset();
    const hint = this.options.charset ?? label;
    const words = this.options.charset ? chosenEncodingForWords(this.options.charset, label) : undefined;
    const fields = this.headers ? readHeaderFields(this.headers, hint, words) : { ...NO_HEADERS, warnings: [codedWarning('HeadersMissing', { text: 'no message headers found' })] };
    if (this.headers && !this.headers.some((h) => h.name === 'date')) this.warn(codedWarning('DateMissing', { text: 'no Date header, sorted by arrival time' }));
    const { warnings, ...header } = fields;
    const html = this.body?.html || null;
    return {
      ...header,
      text: this.body?.text || null,
      html: html && this.images.size ? this.embedImages(html) : html,
      attachments: this.attachments,
      warnings: [...new Set([...warnings, ...this.warnings])],
    };
  }
}

/**
 * Parses a raw message with MailParser's streaming parser, so a 50 MB
 * attachment flows through onAttachment instead of into memory. Never
 * throws and never hangs on malformed mail: what could be read comes back,
 * with a human-readable warning for each problem met.
 */
export async function parseSource(input: Readable | Buffer, options: ParseSourceOptions = {}): Promise<ParsedSource> {
  // A file stream that cannot open (a source deleted meanwhile) fails while mailparser loads: its
  // error is held here for the parse, never left without a listener (an uncaught exception).
  let early: Error | null = null;
  const hold = (error: Error) => (early = error);
  if (!Buffer.isBuffer(input)) input.once('error', hold);
  // Loaded on first use, as a front end that only lists and syncs never parses a source.
  const { MailParser } = await import('mailparser');
  if (!Buffer.isBuffer(input)) input.off('error', hold);
  return new SourceParse(MailParser, options).run(input, early);
}

/** An attachment that could not be kept (its stream failed, the disk refused it): the message is shown all the same. */
function notStored(part: string, text: string, reason: string): string {
  return warningAt({ part }, codedWarning('AttachmentNotStored', { reason, text }));
}
