import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'wren_token';

/**
 * The web mode's gate: a random token (from the printed URL, then an
 * HttpOnly SameSite=Strict cookie), a Host header naming the loopback
 * address (against DNS rebinding), and for the WebSocket an Origin of this
 * very server, for other requests fetch metadata naming this very server
 * (against other pages in the same browser).
 */
export class WebAuth {
  constructor(private readonly token: string, private port = 0) {}

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
    return `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  private allowedOrigins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }
}
