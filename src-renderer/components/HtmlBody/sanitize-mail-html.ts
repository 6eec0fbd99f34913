import DOMPurify, { type Config, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { neutralizeCss } from './remote-css';
import { judgeLoadUrl, judgeSrcset, type LoadVerdict } from './remote-urls';

export interface SanitizeOptions {
  /** The user clicked "Load remote content": https images and backgrounds stay. */
  allowRemote: boolean;
  /**
   * The web mode: where mailto: links go instead, in place. The sandboxed frame
   * can reach nothing of Wren's page, and a mailto: opened as a popup would go
   * to the browser's own mail handler; Wren's server takes this address and
   * opens Wren's composer (web-server.ts, /api/mailto). Electron catches the
   * mailto: popup itself (window-security.ts), so it passes null.
   */
  mailtoRoute?: string | null;
}

export interface SanitizedMail {
  html: string;
  /** Something would have been fetched from a server had it not been removed. */
  blockedRemote: boolean;
}

const CONFIG: Config = {
  USE_PROFILES: { html: true }, // no SVG or MathML: both can fetch (<image href>, <use>) in ways HTML attributes do not
  FORBID_TAGS: [
    'script', 'noscript', 'form', 'input', 'button', 'textarea', 'select', 'option',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'meta', 'link',
    // No video or audio in mail, as in Thunderbird: the frame never loads media, so they showed as an empty black
    // player. Their fallback content (often "watch it on the web" with a link) stays: keepFallback.
    'video', 'audio', 'track',
  ],
  // A poster belonged to a <video>; anywhere else it loads nothing and is no reason to offer remote content.
  FORBID_ATTR: ['ping', 'action', 'formaction', 'srcdoc', 'http-equiv', 'poster'],
  // Mail often starts with <head><style>; without this, those styles are dropped.
  FORCE_BODY: true,
};

const LOADING_ATTRIBUTES: Record<string, (value: string, allowRemote: boolean) => LoadVerdict> = {
  src: judgeLoadUrl,
  background: judgeLoadUrl,
  srcset: judgeSrcset,
};

/**
 * Makes a mail's HTML safe to show: no scripts, no forms, no event handlers,
 * no frames or plug-ins, and nothing that phones home (remote images, CSS
 * backgrounds, style sheets) unless `allowRemote`; remote fonts, which the
 * frame never loads, and video and audio always go.
 */
export function sanitizeMailHtml(html: string, { allowRemote, mailtoRoute = null }: SanitizeOptions): SanitizedMail {
  // A fresh instance per call: hooks are per instance, so they can close over this call's state.
  const purifier = DOMPurify(window);
  let blockedRemote = false;
  const note = (verdict: { blockedRemote: boolean }) => {
    blockedRemote ||= verdict.blockedRemote;
  };
  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (MEDIA_PLAYERS.has(data.tagName)) keepFallback(node);
    if (data.tagName !== 'style' || !node.textContent) return;
    const neutralized = neutralizeCss(node.textContent, allowRemote);
    note(neutralized);
    node.textContent = neutralized.css;
  });
  purifier.addHook('uponSanitizeAttribute', (node, data) => note(sanitizeAttribute(node, data, allowRemote)));
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof Element && node.hasAttribute('href')) {
      const href = node.getAttribute('href')!.trim();
      if (!standsAlone(href)) {
        node.removeAttribute('href');
        return;
      }
      if (mailtoRoute && /^mailto:/i.test(href)) {
        node.setAttribute('href', `${mailtoRoute}?url=${encodeURIComponent(href)}`);
        // In place: the server answers 204 No Content, so the frame keeps showing the mail.
        node.setAttribute('target', '_self');
      } else {
        // Links open outside Wren, and tell the site nothing about where they came from.
        node.setAttribute('target', '_blank');
      }
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const clean = purifier.sanitize(html, CONFIG);
  return { html: clean, blockedRemote };
}

/** Removed (FORBID_TAGS), with all they hold unless keepFallback saved it first: DOMPurify drops their content. */
const MEDIA_PLAYERS = new Set(['video', 'audio']);

/**
 * A player's fallback (what it holds besides its sources and tracks), put after it, so it shows as in a mail client
 * without video. Copies go after the player, as DOMPurify's own KEEP_CONTENT puts them: its walk has yet to reach
 * them there, so they are sanitized like the rest (put before, they would be skipped).
 */
function keepFallback(player: Node): void {
  const parent = player.parentNode;
  if (!parent) return;
  const children = Array.from(player.childNodes);
  for (const child of children.reverse()) {
    const name = child.nodeName.toLowerCase();
    if (name !== 'source' && name !== 'track') parent.insertBefore(child.cloneNode(true), player.nextSibling);
  }
}

/**
 * A link that means the same whatever page it sits in. Any other (`#part`,
 * `next.html`, `http:next`) resolves against Wren's own page, the frame's base:
 * followed, it would open Wren (its API paths) from the mail's frame, which has
 * Wren's origin, so with its cookie. Mail has no base of its own, so such a link
 * never led anywhere the sender meant.
 */
function standsAlone(href: string): boolean {
  // Both schemes: `http:next` is relative in an http page only (the web mode), `https:next` in an https one.
  const sameFrom = (scheme: string) => new URL(href, `${scheme}://one.invalid/a/`).href === new URL(href, `${scheme}://two.invalid/b/`).href;
  try {
    return sameFrom('http') && sameFrom('https');
  } catch {
    return false;
  }
}

function sanitizeAttribute(node: Element, data: UponSanitizeAttributeHookEvent, allowRemote: boolean): { blockedRemote: boolean } {
  const name = data.attrName.toLowerCase();
  // A <source>'s src is media (a <picture>'s sources use srcset, judged below): left over from a removed <video>, it goes.
  if (name.startsWith('on') || (name === 'src' && node.nodeName.toLowerCase() === 'source')) {
    data.keepAttr = false;
    return { blockedRemote: false };
  }
  if (name === 'style') {
    const neutralized = neutralizeCss(data.attrValue, allowRemote);
    data.attrValue = neutralized.css;
    return neutralized;
  }
  const judge = LOADING_ATTRIBUTES[name];
  if (!judge) return { blockedRemote: false };
  const verdict = judge(data.attrValue, allowRemote);
  if (verdict.keep === null) data.keepAttr = false;
  else data.attrValue = verdict.keep;
  return verdict;
}
