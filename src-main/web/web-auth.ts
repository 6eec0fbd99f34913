import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'wren_token';

/**
 * The web mode's gate: a random token (from the printed URL, then an
 * HttpOnly SameSite=Strict cookie scoped to a secret path), a Host header
 * naming the loopback address (against DNS rebinding), and for the WebSocket
 * an Origin of this very server, for other requests fetch metadata naming
 * this very server (against other pages in the same browser).
 */
export class WebAuth {
  /**
   * The only path the app is served under, `/<secret>/`, and the cookie's Path.
   * Cookies ignore ports (RFC 6265 §8.5): with Path=/ the browser would send
   * the cookie to any other server on 127.0.0.1 the user opens, which could
   * replay it here. Scoped to a path no other server can know, the browser
   * only sends it back here. It is an HMAC of the token rather than a second
   * random value: nothing more to keep, a given token always means the same
   * path, and the path (which sits in the address bar and page URLs) reveals
   * nothing of the token, which alone opens the API.
   */
  readonly appPath: string;

  constructor(private readonly token: string, private port = 0) {
    this.appPath = `/${createHmac('sha256', token).update('wren web app path').digest('base64url').slice(0, 32)}/`;
  }

  setPort(port: number): void {
    this.port = port;
  }

  tokenMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  hostAllowed(request: IncomingMessage): boolean {
    return this.allowedOrigins().some((origin) => origin === `http://${request.headers.host ?? ''}`);
  }

  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return typeof origin === 'string' && this.allowedOrigins().includes(origin);
  }

  /**
   * Pages on other loopback ports are the same site, so the SameSite cookie
   * goes along with their requests: a GET is served only when the browser says
   * this page started it (or the user typed the URL). Clients that send no
   * fetch metadata and no Origin are not browsers acting for a page.
   */
  requestedByThisPage(request: IncomingMessage): boolean {
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') return site === 'same-origin' || site === 'none';
    const origin = request.headers.origin;
    return origin === undefined || this.allowedOrigins().includes(origin);
  }

  /**
   * A navigation the user made with a click or a key (fetch metadata: a
   * navigate mode and Sec-Fetch-User). An <img>, a fetch or a script-driven
   * redirect from some other page carries neither, so it cannot open Wren's
   * composer behind the user's back; only a link the user follows can, as with
   * any mailto: link.
   */
  navigatedByTheUser(request: IncomingMessage): boolean {
    return request.headers['sec-fetch-mode'] === 'navigate' && request.headers['sec-fetch-user'] === '?1';
  }

  cookieToken(request: IncomingMessage): string | null {
    const header = request.headers.cookie ?? '';
    for (const part of header.split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === TOKEN_COOKIE) return value.join('=');
    }
    return null;
  }

  authorized(request: IncomingMessage): boolean {
    return this.hostAllowed(request) && this.tokenMatches(this.cookieToken(request));
  }

  cookieHeader(): string {
    return `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=${this.appPath}`;
  }

  /** The part of a URL path under appPath, from its slash on (`/<secret>/api/ws` → `/api/ws`); null outside it. */
  underAppPath(pathname: string): string | null {
    return pathname.startsWith(this.appPath) ? pathname.slice(this.appPath.length - 1) : null;
  }

  private allowedOrigins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }
}
