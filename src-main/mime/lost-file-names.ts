import type { MessageStructureObject } from 'imapflow';
import { fileNameFromRawHeaders } from './raw-file-name';
import { splitHeaderBlock } from './raw-headers';
import type { StructurePart } from './structure';

/**
 * A part's MIME header block (FETCH BODY.PEEK[n.MIME]) as Latin-1 text, one
 * character per byte, keyed by the part's section number: a string, not a
 * Buffer, so it crosses to the header-store thread as it is.
 */
export type MimeHeaderBlocks = Record<string, string>;

const LOST = '\uFFFD';

function lostName(node: MessageStructureObject): boolean {
  return Boolean(node.parameters?.name?.includes(LOST) || node.dispositionParameters?.filename?.includes(LOST));
}

/**
 * The section numbers of the parts whose file name imapflow could not read:
 * a server passes a raw 8-bit (GBK, Big5, Shift_JIS) name on in
 * BODYSTRUCTURE, imapflow reads it as UTF-8 and what is invalid becomes
 * U+FFFD, its bytes gone. Those parts' MIME headers still have them. Walked
 * with a stack, not recursion (a structure may nest deep); numbered as
 * fromImapBodyStructure numbers them, forwarded messages not entered.
 */
export function partsWithLostNames(root: MessageStructureObject): string[] {
  const found: string[] = [];
  const rootIsMultipart = (root.type ?? '').toLowerCase().startsWith('multipart/');
  const stack: Array<{ node: MessageStructureObject; part: string }> = [{ node: root, part: root.part ?? (rootIsMultipart ? '' : '1') }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, part } = next;
    if (!(node.type ?? '').toLowerCase().startsWith('multipart/')) {
      if (lostName(node)) found.push(part);
      continue;
    }
    (node.childNodes ?? []).forEach((child, i) => stack.push({ node: child, part: child.part ?? `${part ? `${part}.` : ''}${i + 1}` }));
  }
  return found.sort();
}

/** The same for a stored structure (a message synced before names were read again, cached with U+FFFD in them). */
export function storedPartsWithLostNames(root: StructurePart): string[] {
  const found: string[] = [];
  const stack: StructurePart[] = [root];
  for (let part = stack.pop(); part; part = stack.pop()) {
    if (part.children) stack.push(...part.children);
    else if (part.filename?.includes(LOST)) found.push(part.part);
  }
  return found.sort();
}

/**
 * Reads again, from the parts' raw MIME headers, the file names that came
 * with U+FFFD in them, with the raw-header charset rules (`bodyCharset`: the
 * message's text charset, the best guess for the sender's mailer). A name
 * that cannot be read any better is left as it was.
 */
export function repairLostFileNames(root: StructurePart, blocks: MimeHeaderBlocks, bodyCharset: string | null): void {
  const stack: StructurePart[] = [root];
  for (let part = stack.pop(); part; part = stack.pop()) {
    if (part.children) stack.push(...part.children);
    const block = blocks[part.part];
    if (block === undefined || !part.filename?.includes(LOST)) continue;
    const name = fileNameFromRawHeaders(splitHeaderBlock(Buffer.from(block, 'latin1')), bodyCharset);
    if (name && !name.includes(LOST)) part.filename = name;
  }
}
