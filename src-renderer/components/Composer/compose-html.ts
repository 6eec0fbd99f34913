import DOMPurify from 'dompurify';
import { contentIdOf } from '../../../src-main/ipc/contract';
import { signatureElement } from './html-signature-swap';
import { signatureBlock } from './signature-swap';

/** What the simple formatting writes, and nothing else goes out in a message. */
const ALLOWED_TAGS = ['p', 'div', 'br', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote', 'img', 'span'];
/** data-signature and data-quoted mark the signature and the original, so another identity's signature replaces it. */
const ALLOWED_ATTR = ['href', 'src', 'alt', 'type', 'data-cid', 'data-signature', 'data-quoted'];

/**
 * The editor's HTML as it goes into the message: only simple formatting,
 * links only to http(s) and mailto, images only as the message's own inline
 * parts (the preview's data: URL swapped for `cid:`).
 */
export function messageHtml(editorHtml: string): string {
  const purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeElement', (node) => {
    if (node.nodeName !== 'IMG') return;
    const image = node as Element;
    // One the editor was given as `cid:` (a draft reopened) names its part already, with or without data-cid.
    const cid = image.getAttribute('data-cid') || contentIdOf(image.getAttribute('src'));
    if (cid) image.setAttribute('src', `cid:${cid}`);
    else image.remove();
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && !/^(https?:|mailto:)/i.test(node.getAttribute('href') ?? '')) node.removeAttribute('href');
    node.removeAttribute('data-cid');
  });
  return purifier.sanitize(editorHtml, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: /^(https?:|mailto:|cid:)/i });
}

/**
 * The same HTML shown in the editor again (a draft reopened, a message taken back from the outbox): sanitized,
 * a `cid:` image marked with its part (data-cid), so messageHtml sends it again and the part stays attached;
 * its preview is put in by inline-previews.ts. Images from the web go: the editor is part of Wren's page,
 * which may load https images, so they would phone home whatever the remote content setting says, and
 * messageHtml drops them from the message anyway.
 */
export function editorHtml(messageHtmlText: string): string {
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'IMG') return;
    const src = node.getAttribute('src') ?? '';
    const cid = contentIdOf(src);
    if (cid && !node.getAttribute('data-cid')) node.setAttribute('data-cid', cid);
    else if (!cid && !/^data:/i.test(src)) node.remove();
  });
  return purifier.sanitize(messageHtmlText, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: /^(https?:|mailto:|cid:)/i });
}

function linesToHtml(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return escaped.split('\n').map((line) => `<div>${line || '<br>'}</div>`).join('');
}

/**
 * Plain text for a message written in plain mode then switched to formatting;
 * the identity's signature (when the text still has it) becomes the marked
 * block, so a later change of identity still replaces it.
 */
export function textToEditorHtml(text: string, signature?: string | null): string {
  const block = signatureBlock(signature);
  const at = block ? text.indexOf(block) : -1;
  if (at < 0) return linesToHtml(text);
  const after = text.slice(at + block.length).replace(/^\n/, '');
  const doc = document.implementation.createHTMLDocument('');
  return `${linesToHtml(`${text.slice(0, at)}\n`)}${signatureElement(doc, signature!).outerHTML}${after ? linesToHtml(after) : ''}`;
}
