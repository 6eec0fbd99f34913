import type { AttachmentView } from '../ipc/contract';
import { safeFileName } from './safe-file-name';
import type { StructurePart } from './structure';

/** What the reader shows: one text and one HTML body, images they embed by cid, and the rest. */
export interface DisplayParts {
  text: StructurePart | null;
  html: StructurePart | null;
  attachments: StructurePart[];
  inlineImages: StructurePart[];
}

function empty(): DisplayParts {
  return { text: null, html: null, attachments: [], inlineImages: [] };
}

function isBodyText(part: StructurePart): boolean {
  return (part.type === 'text/plain' || part.type === 'text/html') && part.disposition !== 'attachment';
}

function isInlineImage(part: StructurePart): boolean {
  return part.type.startsWith('image/') && part.contentId !== null && part.disposition !== 'attachment';
}

/**
 * Folds `from` into `into`. A body slot that is already taken sends the later
 * part to the attachments: multipart/mixed may hold several text parts that
 * mail clients show one after another (Apple Mail puts text, image, text);
 * we show the first text and the first HTML and list the others, so no text
 * is ever hidden, only moved.
 */
function merge(into: DisplayParts, from: DisplayParts): void {
  for (const slot of ['text', 'html'] as const) {
    const part = from[slot];
    if (!part) continue;
    if (into[slot]) into.attachments.push(part);
    else into[slot] = part;
  }
  into.attachments.push(...from.attachments);
  into.inlineImages.push(...from.inlineImages);
}

function leaf(part: StructurePart): DisplayParts {
  const out = empty();
  if (isBodyText(part)) out[part.type === 'text/html' ? 'html' : 'text'] = part;
  else out.attachments.push(part);
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
  const bestHtml = options.findLast((o) => o.html);
  const bestText = options.findLast((o) => o.text);
  const out = empty();
  for (const option of options) {
    if (option === bestHtml || option === bestText) {
      merge(out, {
        ...option,
        html: option === bestHtml ? option.html : null,
        text: option === bestText ? option.text : null,
      });
    } else {
      out.attachments.push(...option.attachments);
    }
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

function walk(part: StructurePart): DisplayParts {
  // A forwarded message is one attachment, whatever a parser put below it.
  if (part.type === 'message/rfc822' || !part.children) return leaf(part);
  if (part.type === 'multipart/alternative') return alternative(part);
  if (part.type === 'multipart/related') return related(part);
  // multipart/mixed, and every multipart we do not know (signed, report…), as mixed.
  const out = empty();
  for (const child of part.children) merge(out, walk(child));
  return out;
}

/** Picks what to display from a message's MIME tree. */
export function chooseDisplayParts(root: StructurePart): DisplayParts {
  return walk(root);
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
