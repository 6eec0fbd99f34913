/**
 * Formatted (HTML) mail marks the signature with a `data-signature` block (the
 * core writes it so for answers and forwards, src-main/compose/signature-html.ts)
 * and the quoted original with `data-quoted`: changing the identity replaces
 * the block, as swapSignature does for plain text.
 */
export function signatureElement(doc: Document, signature: string): HTMLElement {
  const block = doc.createElement('div');
  block.setAttribute('data-signature', '');
  const lines = ['-- ', ...signature.replace(/\r\n?/g, '\n').split('\n')];
  lines.forEach((line, index) => {
    if (index > 0) block.append(doc.createElement('br'));
    block.append(doc.createTextNode(line));
  });
  return block;
}

/**
 * The editor's HTML with the previous identity's signature block replaced by
 * the chosen one's (or removed). With no block there yet, the new one goes
 * above the quoted original, or at the end of a new message.
 */
export function swapHtmlSignature(html: string, previous: string | null | undefined, chosen: string | null | undefined): string {
  if ((previous ?? null) === (chosen ?? null)) return html;
  const doc = new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html');
  // A <template> parses without loading anything (no images fetched, no scripts run).
  const template = doc.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  const current = root.querySelector('[data-signature]');
  const block = chosen ? signatureElement(doc, chosen) : null;
  if (current) {
    if (block) current.replaceWith(block);
    else current.remove();
  } else if (block) {
    const quoted = root.querySelector('[data-quoted]');
    if (quoted) quoted.before(block);
    else root.append(block);
  }
  const out = doc.createElement('div');
  out.append(root);
  return out.innerHTML;
}
