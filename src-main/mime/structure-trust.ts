import type { StructurePart } from './structure';

/**
 * A multipart without a boundary cannot be split by anyone: what a server
 * reports as its parts (Dovecot: one empty text part) is its guess, not the
 * message. Only the full source shows what is there.
 */
export function hasUnsplittableMultipart(part: StructurePart): boolean {
  if (!part.type.startsWith('multipart/')) return false;
  if (!part.parameters.boundary) return true;
  return (part.children ?? []).some(hasUnsplittableMultipart);
}

/** Bytes the structure accounts for: its leaves' bodies, still transfer-encoded. */
function leafBytes(part: StructurePart): number {
  return part.children ? part.children.reduce((sum, child) => sum + leafBytes(child), 0) : part.size;
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}

/**
 * True when the parts fetched by the server's structure show nothing while
 * most of the message's bytes are outside every part it lists: the mark of
 * delimiter lines the server could not match, which leave the body in a
 * preamble no part covers. A message that is mostly attachments with an
 * empty text is not suspect, so its large source is not fetched for nothing.
 */
export function emptyAgainstItsSize(body: { text: string | null; html: string | null }, structure: StructurePart, messageSize: number): boolean {
  if (!isBlank(body.text) || !isBlank(body.html)) return false;
  return messageSize > 2 * leafBytes(structure);
}
