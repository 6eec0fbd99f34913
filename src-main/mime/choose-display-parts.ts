import type { AttachmentView } from '../ipc/contract';
import { safeFileName } from './safe-file-name';
import type { StructurePart } from './structure';

/**
 * What the reader shows: the parts that make up the text view and the HTML
 * view, each in the order they come, the images they embed by cid, and the
 * rest. A list may mix kinds: the HTML view shows a text/plain part of a
 * multipart/mixed as preformatted text, the text view an HTML part as its
 * text, and a forwarded message (message/rfc822, not marked attachment) is
 * in both, shown in place as its own block (see forwarded-message-block.ts).
 */
export interface DisplayParts {
  text: StructurePart[];
  html: StructurePart[];
  attachments: StructurePart[];
  inlineImages: StructurePart[];
}

function empty(): DisplayParts {
  return { text: [], html: [], attachments: [], inlineImages: [] };
}

const isPlain = (part: StructurePart) => part.type === 'text/plain';
const isHtml = (part: StructurePart) => part.type === 'text/html';

/** A forwarded message shown in place: Thunderbird shows one below the body unless it is marked an attachment. */
export function isInlineMessage(part: StructurePart): boolean {
  return part.type === 'message/rfc822' && part.disposition !== 'attachment';
}

function isBodyText(part: StructurePart): boolean {
  return (isPlain(part) || isHtml(part)) && part.disposition !== 'attachment';
}

function isInlineImage(part: StructurePart): boolean {
  return part.type.startsWith('image/') && part.contentId !== null && part.disposition !== 'attachment';
}

function hasBody(parts: DisplayParts): boolean {
  return parts.text.length > 0 || parts.html.length > 0;
}

/**
 * Appends `from` after `into`, as the parts of a multipart/mixed are shown one
 * after another (a mailing list's footer, Apple Mail's text, image, text). A
 * part with no HTML goes into the HTML view as it is (shown as preformatted
 * text), and one with no text into the text view (made text).
 */
function merge(into: DisplayParts, from: DisplayParts): void {
  into.text.push(...(from.text.length ? from.text : from.html));
  into.html.push(...(from.html.length ? from.html : from.text));
  into.attachments.push(...from.attachments);
  into.inlineImages.push(...from.inlineImages);
}

function leaf(part: StructurePart): DisplayParts {
  const out = empty();
  if (isBodyText(part)) out[isHtml(part) ? 'html' : 'text'].push(part);
  else if (isInlineMessage(part)) {
    // Shown in place and still listed, so the .eml can be saved or opened.
    out.text.push(part);
    out.html.push(part);
    out.attachments.push(part);
  } else out.attachments.push(part);
  return out;
}

/**
 * The alternatives are in increasing order of faithfulness (RFC 2046 5.1.4),
 * so the last one with HTML and the last one with text win, both kept so the
 * reader can offer either. Losing alternatives contribute only attachments
 * (a text/calendar invitation, say), never a second body.
 */
function alternative(part: StructurePart): DisplayParts {
  const options = (part.children ?? []).map(walk);
  const bestHtml = options.findLast((o) => o.html.some(isHtml));
  const bestText = options.findLast((o) => o.text.some(isPlain));
  const out: DisplayParts = { ...empty(), text: bestText?.text ?? [], html: bestHtml?.html ?? [] };
  for (const option of options) {
    out.attachments.push(...option.attachments);
    if (option === bestHtml || option === bestText) out.inlineImages.push(...option.inlineImages);
  }
  return out;
}

/** The root is the part the "start" parameter names, else the first (RFC 2387). */
function relatedRoot(part: StructurePart): StructurePart | undefined {
  const children = part.children ?? [];
  const start = part.parameters.start?.trim().replace(/^<|>$/g, '');
  return (start && children.find((c) => c.contentId === start)) || children[0];
}

/** Images the root shows by cid are inline; other named parts are attachments; cid resources (CSS…) are dropped. */
function related(part: StructurePart): DisplayParts {
  const root = relatedRoot(part);
  const out = root ? walk(root) : empty();
  for (const child of part.children ?? []) {
    if (child === root) continue;
    if (isInlineImage(child)) out.inlineImages.push(child);
    else if (child.children) merge(out, walk(child));
    else if (child.filename !== null || child.disposition === 'attachment') out.attachments.push(child);
  }
  return out;
}

/**
 * multipart/mixed, and every multipart we do not know (signed, report…), as
 * mixed: each inline text part is shown in turn, as Thunderbird does. A text
 * part with a file name after the body is a file the sender attached (notes.txt).
 */
function mixed(part: StructurePart): DisplayParts {
  const out = empty();
  for (const child of part.children ?? []) {
    const namedText = !child.children && isBodyText(child) && child.filename !== null;
    if (namedText && hasBody(out)) out.attachments.push(child);
    else merge(out, walk(child));
  }
  return out;
}

function walk(part: StructurePart): DisplayParts {
  // A forwarded message is one part, whatever a parser put below it: its own parse shows it (forwarded-message-block.ts).
  if (part.type === 'message/rfc822' || !part.children) return leaf(part);
  if (part.type === 'multipart/alternative') return alternative(part);
  if (part.type === 'multipart/related') return related(part);
  return mixed(part);
}

/**
 * Picks what to display from a message's MIME tree. A view is offered only
 * when it has a body of its kind: no HTML view without an HTML part (a plain
 * message with a forwarded one stays plain), and no text view of an HTML
 * message that has no text part (the reader makes its text when asked).
 */
export function chooseDisplayParts(root: StructurePart): DisplayParts {
  const chosen = walk(root);
  const html = chosen.html.some(isHtml) ? chosen.html : [];
  const text = chosen.text.some(isPlain) || html.length === 0 ? chosen.text : [];
  return { ...chosen, text, html };
}

/**
 * BODYSTRUCTURE gives the encoded size; a base64 body is about 73% of that
 * once decoded (3 bytes per 4 characters, CRLF after every 76), which is the
 * number a user compares with the file they get.
 */
function decodedSize(part: StructurePart): number {
  return part.encoding === 'base64' ? Math.floor((part.size * 76 * 3) / (78 * 4)) : part.size;
}

export function toAttachmentView(part: StructurePart): AttachmentView {
  return {
    partId: part.part,
    filename: safeFileName(part.filename, part.type),
    contentType: part.type,
    size: decodedSize(part),
    inline: part.disposition === 'inline' || (part.disposition === null && isInlineImage(part)),
    contentId: part.contentId,
  };
}
