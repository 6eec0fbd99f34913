/** An image, background or style url() the mail names over plain http, as written (quotes optional). */
const PLAIN_HTTP_PICTURE = /(?:\b(?:src|srcset|background|poster)\s*=\s*["']?|url\(\s*["']?)\s*http:\/\//i;

/**
 * Whether the mail names pictures over plain http. Wren asks for remote pictures over https only (the frame's
 * CSP; in Electron the secure page would upgrade them anyway), so such a picture stays empty unless its server
 * answers https too. The reading pane says so, rather than leave broken pictures unexplained. Read from the mail
 * as sent: the sanitized copy has them upgraded already.
 */
export function namesPlainHttpPictures(html: string): boolean {
  return PLAIN_HTTP_PICTURE.test(html);
}
