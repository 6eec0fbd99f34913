import type { MessageStructureObject } from 'imapflow';
import { decodeEncodedWords } from './encoded-words';
import { MAX_MIME_NESTING } from './nesting-cap';
import { messageFileName } from './safe-file-name';
import type { StructurePart } from './structure';

/**
 * imapflow already decodes RFC 2231 (continuations included) and RFC 2047 in
 * BODYSTRUCTURE parameters. What can still be left is an encoded word that
 * was itself wrapped in RFC 2231 or a quoted string by a confused mailer,
 * e.g. a literal "=?gbk?b?...?=": decode that with our charset rules.
 */
function cleanName(value: string | undefined): string | null {
  if (!value) return null;
  const text = decodeEncodedWords(value).text.trim();
  return text || null;
}

function stripAngles(id: string | undefined): string | null {
  if (!id) return null; // most parts have no Content-ID
  const text = id.trim().replace(/^<|>$/g, '').trim();
  return text || null;
}

const UNSAFE_KEY = '__proto__';

/**
 * A copy with lower-case names. imapflow already lower-cases them, so the
 * usual case is a plain copy (spreading is far cheaper than rebuilding from
 * entries); a name that would need lowering, or "__proto__", which only
 * defining (not assigning) keeps a data property, takes the general way.
 */
function lowerKeys(params: Record<string, string> | undefined): Record<string, string> {
  if (!params) return {};
  for (const key of Object.keys(params)) {
    if (key.toLowerCase() !== key || key === UNSAFE_KEY) {
      return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
    }
  }
  return { ...params };
}

/**
 * A multipart at the nesting cap is kept as one opaque attachment, as the
 * parse keeps it (see nesting-cap.ts): what a server reports below it is
 * neither shown nor walked.
 */
function opaque(result: StructurePart): StructurePart {
  return { ...result, type: 'application/octet-stream', disposition: result.disposition ?? 'attachment' };
}

/**
 * A forwarded message with no file name of its own is named after its subject, as Thunderbird names it
 * ("内层邮件主题.eml", not "attachment.eml"): the server's BODYSTRUCTURE carries its envelope, subject decoded.
 */
function forwardedName(node: MessageStructureObject, type: string): string | null {
  if (type !== 'message/rfc822') return null;
  const subject = cleanName(node.envelope?.subject);
  return subject ? messageFileName(subject) : null;
}

function convert(node: MessageStructureObject, part: string, depth: number): StructurePart {
  const type = (node.type || 'application/octet-stream').toLowerCase();
  const parameters = lowerKeys(node.parameters);
  const dispositionParameters = lowerKeys(node.dispositionParameters);
  const result: StructurePart = {
    part,
    type,
    parameters,
    encoding: node.encoding ? node.encoding.toLowerCase() : null,
    size: node.size ?? 0,
    disposition: node.disposition ? node.disposition.toLowerCase() : null,
    filename: cleanName(dispositionParameters.filename) ?? cleanName(parameters.name) ?? forwardedName(node, type),
    contentId: stripAngles(node.id),
  };
  // Only multiparts keep children: a forwarded message (message/rfc822) is one attachment, never shown in place.
  if (!type.startsWith('multipart/')) return result;
  if (depth >= MAX_MIME_NESTING) return opaque(result);
  result.children = (node.childNodes ?? []).map((child, i) => convert(child, child.part ?? `${part ? `${part}.` : ''}${i + 1}`, depth + 1));
  return result;
}

/**
 * Normalizes imapflow's BODYSTRUCTURE. Part numbers are IMAP section
 * numbers: a single-part message's body is "1" (BODY.PEEK[1] fetches it),
 * a multipart root has none ("") and its children are numbered as imapflow
 * numbers them ("1", "1.2"...). Multiparts nested deeper than
 * MAX_MIME_NESTING are cut there (imapflow itself drops a BODYSTRUCTURE
 * nested past about 100 levels; the message is then read from its source).
 */
export function fromImapBodyStructure(node: MessageStructureObject): StructurePart {
  const isMultipart = (node.type ?? '').toLowerCase().startsWith('multipart/');
  return convert(node, node.part ?? (isMultipart ? '' : '1'), 0);
}

function isInlineRelatedImage(part: StructurePart): boolean {
  return part.type.startsWith('image/') && part.contentId !== null && part.disposition !== 'attachment';
}

/** Whether a leaf is something the user would call an attachment. */
export function isAttachmentLeaf(part: StructurePart, inRelated: boolean): boolean {
  if (inRelated && isInlineRelatedImage(part)) return false;
  if (part.disposition === 'attachment' || part.type === 'message/rfc822') return true;
  return !part.type.startsWith('text/') && part.filename !== null;
}

/**
 * True when the message has a part with disposition attachment, a forwarded
 * message, or a non-text leaf with a file name, not counting images a
 * multipart/related HTML body shows in place by cid.
 */
export function hasAttachments(root: StructurePart, inRelated = false): boolean {
  if (!root.children) return isAttachmentLeaf(root, inRelated);
  const related = inRelated || root.type === 'multipart/related';
  return root.children.some((child) => hasAttachments(child, related));
}
