import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

/**
 * The renderer is served from `app://wren/`, not file://: the CSP travels as
 * a real response header, and 'self' means the app's own files, never any
 * file on the disk (a saved attachment cannot be loaded as a script).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wren';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** Only what the renderer build contains; anything else (a .eml, a .sqlite) is not served even if it were there. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Must run before the app is ready: a standard, secure scheme (origin, storage and fetch like https). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** The file under `root` that an app:// URL names, or null for another host, an escape from root, or a type not served. */
export function rendererFileFor(url: string, root: string): { path: string; type: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const base = resolve(root);
  const path = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!path.startsWith(base + sep) || pathname.includes('\0')) return null;
  const type = CONTENT_TYPES[extname(path).toLowerCase()];
  return type ? { path, type } : null;
}

/** The response for one app:// request: the file with its type, the CSP and nosniff; 404 for anything else. */
export async function rendererResponse(url: string, root: string, read: ReadFile = readFile): Promise<Response> {
  const file = rendererFileFor(url, root);
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    return new Response(await read(file.path), { status: 200, headers: { ...headers, 'Content-Type': file.type } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

/** Serves the renderer build folder on app://wren/ (after ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string, read: ReadFile = readFile): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, root, read));
}

/** Whether a frame's URL is the app's own page (the IPC bridge answers nothing else). */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // Node's URL gives a non-special scheme the origin "null": compare scheme and host instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
