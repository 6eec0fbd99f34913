import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { toErrorShape } from '../errors/wren-error';
import type { Handlers } from '../ipc/dispatch';
import type { EventBus } from '../app/event-bus';
import type { WrenCore } from '../app/wren-core';
import { parseMailto } from '../mailto/parse-mailto';
import { DOWNLOADS } from './downloads';
import { fail } from './http-failure';
import { serveStatic } from './static-files';
import { receiveUpload } from './upload-attachment';
import { receiveMailImport } from './upload-mail-files';
import { serveSocket } from './socket-session';
import { WebAuth } from './web-auth';

export interface WebServerOptions {
  core: WrenCore;
  handlers: Handlers;
  events: EventBus;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  /** `/<secret>/`: the app, its assets and its API exist only under this path (see WebAuth.appPath). */
  appPath: string;
  close(): Promise<void>;
}

/**
 * The loopback web mode: the same renderer and the same core as the app,
 * reachable only from 127.0.0.1 and only with the token.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const auth = new WebAuth(token);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const server = createServer((request, response) => {
    handleHttp(request, response, auth, options).catch((error) => fail(response, 500, toErrorShape(error).message));
  });
  server.on('upgrade', (request, socket, head) => {
    const path = auth.underAppPath(new URL(request.url ?? '/', 'http://x').pathname);
    if (path !== '/api/ws' || !auth.authorized(request) || !auth.originAllowed(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.handlers, options.events));
  });
  const port = await listen(server, options.port ?? 0);
  auth.setPort(port);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    appPath: auth.appPath,
    close: () => closeAll(server, sockets),
  };
}

type UploadReceiver = (url: URL, request: IncomingMessage, response: ServerResponse, core: WrenCore) => Promise<void>;

/** Endpoints whose request body is a file streamed into staging; all pass the same gate. */
const UPLOADS: Record<string, UploadReceiver | undefined> = {
  '/api/upload': (url, request, response, core) => receiveUpload(url, request, response, core.staging),
  '/api/import': receiveMailImport,
};

async function handleHttp(request: IncomingMessage, response: ServerResponse, auth: WebAuth, options: WebServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://x');
  if (!auth.hostAllowed(request)) return fail(response, 403, 'Wrong Host header: open the URL printed by "npm run web".');
  if (url.pathname === '/api/mailto') return openMailto(url, request, response, auth, options.events);
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    if (!auth.tokenMatches(queryToken)) return fail(response, 401, 'Wrong token: open the URL printed by "npm run web".');
    response.writeHead(302, { 'Set-Cookie': auth.cookieHeader(), Location: auth.appPath }).end();
    return;
  }
  // Outside the secret path nothing is served, whatever the cookie: the browser never sends it there anyway.
  const appUrlPath = auth.underAppPath(url.pathname);
  if (appUrlPath === null || !auth.tokenMatches(auth.cookieToken(request))) return fail(response, 401, 'Not signed in: open the URL printed by "npm run web" (it carries the token).');
  if (!auth.requestedByThisPage(request)) return fail(response, 403, 'Refused: this request was started by another page.');
  const receive = UPLOADS[appUrlPath];
  if (receive) {
    if (request.method !== 'POST') return fail(response, 405, 'Uploads are POSTed.');
    // A browser names the page that POSTs; only this one may stage files.
    if (!auth.originAllowed(request)) return fail(response, 403, 'Refused: this upload was started by another page.');
    return receive(url, request, response, options.core);
  }
  if (request.method !== 'GET') return fail(response, 405, 'Only GET here; requests go over the WebSocket.');
  const download = DOWNLOADS[appUrlPath];
  if (download) return download(url, response, options.core);
  const path = decodePath(appUrlPath);
  if (path === null) return fail(response, 400, 'Malformed percent-escape in the path.');
  serveStatic(options.rendererDir, path, response);
}

/**
 * A mailto: link clicked in a mail: the sanitizer points it here, and the
 * mail's sandboxed frame navigates here in place (the frame has the page's
 * origin, but the cookie, scoped to the secret path, never comes here). It
 * passes no token on purpose: all
 * it does is what any mailto: link on any page may do, open a composer filled
 * with recipients, subject and body (parseMailto drops attach=, bcc= and the
 * rest), and never sends. What any link may do needs a user's click, and so
 * does this: another page's <img> or fetch of this URL is refused. 204 leaves
 * the mail in its frame. It is the one route outside the secret path: it
 * needs no cookie, and the mail's document, whose styles a sender writes,
 * must never hold that path.
 */
function openMailto(url: URL, request: IncomingMessage, response: ServerResponse, auth: WebAuth, events: EventBus): void {
  if (request.method !== 'GET') return fail(response, 405, 'Only GET here.');
  if (!auth.navigatedByTheUser(request)) return fail(response, 403, 'Refused: a mailto: link opens the composer only when the user follows it.');
  const draft = parseMailto(url.searchParams.get('url') ?? '');
  // A broken link opens nothing, and still leaves the mail where it is.
  if (draft) events.emit('compose.mailto', draft);
  response.writeHead(204).end();
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeAll(server: Server, sockets: WebSocketServer): Promise<void> {
  for (const client of sockets.clients) client.terminate();
  sockets.close();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
