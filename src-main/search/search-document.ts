import { chooseDisplayParts } from '../mime/choose-display-parts';
import type { StructurePart } from '../mime/structure';
import type { PendingEntry, SearchDocument } from '../store/search-repo';
import { indexedCjkText } from './cjk-bigrams';
import { joinCjkLineWraps } from './cjk-line-wraps';
import { searchForm } from './search-form';
import { htmlToText } from '../system/first-use-packages';

/** Body text beyond this is left out of the index: a 5 MB log pasted in a mail should not weigh on every search. */
export const MAX_INDEXED_BODY_CHARS = 100_000;

export interface BodyText {
  text: string | null;
  html: string | null;
  /** A parsed source's attachments (their head: see INDEXED_SOURCE_BYTES). */
  attachments?: { filename: string | null; inline: boolean; contentId: string | null }[];
}

function addressesOf(json: string): string {
  try {
    const list = JSON.parse(json) as { name?: string; address?: string }[];
    return Array.isArray(list) ? list.map((a) => `${a.name ?? ''} ${a.address ?? ''}`).join(' ') : '';
  } catch {
    return '';
  }
}

/**
 * A text part shorter than this may be a stub beside the real HTML
 * ("Trouble viewing this email? Open it in your browser."), as many
 * newsletters send: then the HTML's text is indexed as well (the text part
 * is short, so indexing it beside the HTML's text costs next to nothing).
 */
const STUB_TEXT_CHARS = 2000;

function htmlText(html: string): string {
  return htmlToText().convert(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }, { selector: 'a', options: { ignoreHref: true } }] });
}

/** The plain text of a body: its text part, else its HTML's text; a short text part and its HTML's text both. */
export function plainBody(body: BodyText | null): string {
  if (!body) return '';
  const text = body.text === null ? null : joinCjkLineWraps(body.text.slice(0, MAX_INDEXED_BODY_CHARS));
  if (!body.html) return text ?? '';
  if (text && text.length >= STUB_TEXT_CHARS) return text;
  // The HTML's own line breaks become spaces once converted: joined before, where they are still line breaks.
  const fromHtml = htmlText(joinCjkLineWraps(body.html.slice(0, MAX_INDEXED_BODY_CHARS * 4)));
  return text ? `${text}\n${fromHtml}` : fromHtml;
}

/**
 * The file names of a message's attachments, as the reader lists them: from
 * its stored structure (an IMAP server's BODYSTRUCTURE names every part,
 * however large), else from the parsed source. A user looks for "合同.pdf" or
 * "invoice" by the file's name; the images an HTML body shows in place (a
 * signature's image001.png) are no attachments and would only be noise.
 */
export function attachmentNames(structureJson: string | null, body: BodyText | null): string[] {
  if (structureJson) {
    try {
      return namesOf(chooseDisplayParts(JSON.parse(structureJson) as StructurePart).attachments);
    } catch {
      // A damaged structure: the parsed source, if any, still names the files.
    }
  }
  return namesOf((body?.attachments ?? []).filter((attachment) => !(attachment.inline && attachment.contentId)));
}

function namesOf(parts: { filename: string | null }[]): string[] {
  return parts.flatMap((part) => (part.filename ? [part.filename] : []));
}

/** One field as the index's tokens expect it: NFKC (search-form.ts), then CJK runs as bigrams. */
function indexedText(text: string): string {
  return indexedCjkText(searchForm(text));
}

/** What the index stores for a message: its headers and body as the index's tokens expect them. */
export function searchDocument(entry: PendingEntry, body: BodyText | null): SearchDocument {
  return {
    id: entry.id,
    token: entry.token,
    subject: indexedText(entry.subject),
    sender: indexedText(`${entry.fromName} ${entry.fromAddr}`),
    recipients: indexedText(`${addressesOf(entry.toJson)} ${addressesOf(entry.ccJson)}`),
    // The attachments' names go with the body text (a column of their own would mean rebuilding the whole index).
    body: indexedText(`${plainBody(body).slice(0, MAX_INDEXED_BODY_CHARS)}\n${attachmentNames(entry.structureJson, body).join('\n')}`),
  };
}
