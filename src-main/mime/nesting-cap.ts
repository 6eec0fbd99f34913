import type { MailParser } from 'mailparser';

/**
 * How deep MIME parts may nest before what is below is kept as one opaque
 * part: Dovecot's limit (MESSAGE_PARSER_DEFAULT_MAX_NESTED_MIME_PARTS, 100;
 * the lab's Dovecot 2.3 splits the 99th nested multipart no further), so a
 * server's structure and the parse stop at about the same place. MailParser
 * and mailsplit have no nesting limit (only a part count), and their
 * recursive tree walks overflowed the stack on 3,000 nested multiparts, a
 * known fuzz and attack case: the message's text was lost. Real mail nests a
 * handful of levels (a forward of a signed reply with an attachment, about six).
 */
export const MAX_MIME_NESTING = 100;

/** The fields of a @zone-eu/mailsplit MimeNode the cap reads or changes (mailparser 3.14). */
interface CappedNode {
  contentType: string | false;
  multipart: string | false;
  _boundary: Buffer | false;
  disposition: string | false;
  parseHeaders(): void;
}

/** The splitter's current node and the method that opens the next one. */
interface Splitter {
  node: CappedNode;
  newNode(parent?: CappedNode | false): void;
}

/**
 * A node below the cap is read as a leaf: a multipart loses its boundary
 * (its delimiter lines are then body bytes, while any ancestor's delimiter
 * still ends it) and becomes an application/octet-stream attachment, and an
 * embedded message is an attachment, not entered.
 */
function asOpaqueLeaf(node: CappedNode): void {
  if (node.multipart) {
    node.multipart = false;
    node._boundary = false;
    node.contentType = 'application/octet-stream';
  }
  if (node.contentType === 'message/rfc822') node.disposition = 'attachment';
  if (!node.disposition) node.disposition = 'attachment';
}

/**
 * Hooks MailParser's splitter (its `splitter` and the splitter's `newNode`,
 * not public API: pinned to mailparser 3.14 and covered by the unit tests)
 * so that no part nests deeper than `max` levels below the message: each
 * node's depth is its parent's plus one, and one at the cap has its headers
 * read as a leaf's, before the splitter looks for its children. `onCap` is
 * told once per message.
 */
export function capNesting(parser: MailParser, onCap: () => void, max = MAX_MIME_NESTING): void {
  const splitter = (parser as unknown as { splitter: Splitter }).splitter;
  const depths = new WeakMap<CappedNode, number>();
  const original = splitter.newNode.bind(splitter);
  let told = false;
  splitter.newNode = (parent) => {
    original(parent);
    const node = splitter.node;
    const depth = parent ? (depths.get(parent) ?? 0) + 1 : 0;
    depths.set(node, depth);
    if (depth < max) return;
    const parseHeaders = node.parseHeaders.bind(node);
    node.parseHeaders = () => {
      parseHeaders();
      if (!node.multipart && node.contentType !== 'message/rfc822') return;
      asOpaqueLeaf(node);
      if (!told) onCap();
      told = true;
    };
  };
}
