import { htmlparser2 } from '../system/first-use-packages';
import { contentIdOf } from '../ipc/compose-shapes';
import { escapeHtml } from '../mime/escape-html';

/** What the composer edits (src-renderer/components/Composer/compose-html.ts), and nothing more, in a quote. */
const KEPT = new Set(['p', 'div', 'br', 'b', 'strong', 'i', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote', 'span']);
/** Blocks the composer has no tag for: lines of their own still (a heading, a table's row, preformatted text). */
const AS_DIV = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'tr', 'section', 'article', 'header', 'footer', 'center', 'address', 'dl', 'dt', 'dd', 'hr']);
/** Their content is not text to read: gone with them. */
const DROPPED = new Set(['head', 'title', 'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'button']);
const VOID = new Set(['br', 'hr']);

/**
 * An HTML mail's body as a reply or forward quotes it: its simple formatting (bold, italics, lists, links to
 * http(s) and mailto), no scripts, styles, forms nor images (remote ones would be fetched when the quote is
 * shown), but for the inline images named in `carried` (a forward takes those parts along) and the data: pictures
 * `renamed` gives a Content-ID of their own (an answer's, see quoted-pictures.ts). The composer sanitizes again when
 * it loads the quote and when it sends (compose-html.ts, DOMPurify); this keeps what the core hands out, to a filter's
 * forward too, free of the original's markup.
 */
export function quotableHtml(html: string, carried: ReadonlySet<string> = new Set(), renamed: ReadonlyMap<string, string> = new Map()): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        if (name === 'img') {
          open.push('');
          const own = renamed.get(attributes.src?.trim() ?? '');
          const cid = own ?? contentIdOf(attributes.src);
          if (!dropping && cid !== null && (own !== undefined || carried.has(cid))) out.push(`<img src="cid:${escapeHtml(cid)}" alt="">`);
          return;
        }
        if (DROPPED.has(name)) dropping += 1;
        const tag = KEPT.has(name) ? name : AS_DIV.has(name) ? 'div' : null;
        if (VOID.has(name)) {
          if (!dropping) out.push(name === 'br' ? '<br>' : '<div><br></div>');
          return;
        }
        open.push(tag ?? '');
        if (dropping || !tag) return;
        const href = name === 'a' && /^(https?:|mailto:)/i.test(attributes.href?.trim() ?? '') ? ` href="${escapeHtml(attributes.href!.trim())}"` : '';
        out.push(`<${tag}${href}>`);
      },
      ontext(text) {
        if (!dropping) out.push(escapeHtml(text));
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const tag = open.pop();
        if (!dropping && tag) out.push(`</${tag}>`);
        if (DROPPED.has(name)) dropping = Math.max(0, dropping - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out.join('').trim();
}
