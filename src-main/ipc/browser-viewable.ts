/**
 * The attachment types the web mode shows in a browser tab when the user opens one; every other
 * type is downloaded, as a browser mail client does, and the browser's own download bar opens it.
 *
 * Only types a browser renders without running anything of the sender's: raster images, PDF (in
 * the browser's own viewer) and plain text. Never HTML or SVG, which carry script; the tab is also
 * sandboxed by its headers (web-server.ts), so even a lying Content-Type runs nothing. Shared by the
 * renderer (tab or download) and the web server (inline or attachment), so it stays free of Node.
 */
const BROWSER_VIEWABLE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'application/pdf', 'text/plain']);

/** The bare "type/subtype" of a Content-Type, lower case. */
export function bareType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function browserViewable(contentType: string): boolean {
  return BROWSER_VIEWABLE_TYPES.has(bareType(contentType));
}
