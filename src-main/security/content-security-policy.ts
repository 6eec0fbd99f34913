/**
 * The page's Content-Security-Policy, written once: sent as a header by the
 * web mode (web/static-files.ts) and by Electron (electron/window-security.ts),
 * and put into src-renderer/index.html's meta tag at build time (vite.config.mts),
 * so the three never drift apart. Mail frames are srcdoc frames that inherit it
 * on top of their own stricter policy (src-renderer/components/HtmlBody/mail-document.ts),
 * hence https: images (loaded only after the user allows remote content) and data: fonts.
 *
 * No Node APIs here: the Vite config imports it.
 */
const DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  // 'self' covers the web mode's WebSocket on the page's own host and port.
  "connect-src 'self'",
  "frame-src 'self' about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Directives a browser ignores (and warns about) in a meta tag; they only work as a header. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.includes(d.split(' ')[0]!)).join('; ');

/** What index.html holds in place of its meta tag's policy until the build fills it in. */
export const CSP_PLACEHOLDER = '__WREN_CONTENT_SECURITY_POLICY__';

/** The built page: the placeholder replaced by the policy; a page without one is a build error. */
export function withContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} to fill with the Content-Security-Policy.`);
  return html.replaceAll(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
}
