import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { toErrorShape } from '../errors/wren-error';
import type { Handlers } from '../ipc/dispatch';
import type { EventBus } from '../app/event-bus';
import type { WrenCore } from '../app/wren-core';
import { attachmentPart, loadAttachment } from '../messages/attachment-export';
import { bareType, browserViewable } from '../ipc/browser-viewable';
import type { StructurePart } from '../mime/structure';
import { exportRows, mboxOf } from '../mailfiles/export-folder';
import { messageFileName, safeFileName } from '../mime/safe-file-name';
import { parseMailto } from '../mailto/parse-mailto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
  if (appUrlPath === '/api/attachment') return sendAttachment(url, response, options.core);
  if (appUrlPath === '/api/export') return sendFolderExport(url, response, options.core);
  if (appUrlPath === '/api/source') return sendMessageSource(url, response, options.core);
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

/** Browser download of a whole message as a .eml file (the web mode's Save As; Electron asks with a dialog). */
async function sendMessageSource(url: URL, response: ServerResponse, core: WrenCore): Promise<void> {
  const messageId = Number(url.searchParams.get('messageId'));
  if (!Number.isInteger(messageId) || messageId <= 0) return fail(response, 400, 'messageId is required.');
  try {
    const record = core.reader.requireMessage(messageId);
    const blob = await core.reader.cachedSource(record.id);
    response.writeHead(200, {
      'Content-Length': String(blob.size),
      // Never shown in place: a download, whatever the browser would make of message/rfc822.
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(messageFileName(record.subject))}`,
      'X-Content-Type-Options': 'nosniff',
    });
    core.store.blobs.read(blob.blob).pipe(response);
  } catch (error) {
    fail(response, 404, toErrorShape(error).message);
  }
}

/** Browser download of an attachment (the web mode's "save where the user chooses"), or with view=1 a tab that shows it. */
async function sendAttachment(url: URL, response: ServerResponse, core: WrenCore): Promise<void> {
  const messageId = Number(url.searchParams.get('messageId'));
  const partId = url.searchParams.get('partId') ?? '';
  if (!Number.isInteger(messageId) || !/^\d+(\.\d+)*$/.test(partId)) return fail(response, 400, 'messageId and partId are required.');
  try {
    const record = core.reader.requireMessage(messageId);
    const part = attachmentPart(record, partId);
    const file = await loadAttachment(core.store, record, part, core.reader.imapFor(record));
    const view = url.searchParams.get('view') === '1' && browserViewable(part.type);
    response.writeHead(200, {
      'Content-Length': String(file.blob.size),
      ...(view ? viewingHeaders(part) : { 'Content-Type': 'application/octet-stream' }),
      'Content-Disposition': `${view ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'X-Content-Type-Options': 'nosniff',
    });
    core.store.blobs.read(file.blob.blob).pipe(response);
  } catch (error) {
    fail(response, 404, toErrorShape(error).message);
  }
}

/**
 * An attachment shown in a tab of its own ("Open" in the web mode): its declared type, only when that is
 * one a browser shows without running anything (browser-viewable.ts), and a sandbox with no script and no
 * fetch, so a file that lies about its type still runs nothing on the page's origin, where the API is.
 */
function viewingHeaders(part: StructurePart): Record<string, string> {
  const charset = part.parameters.charset?.replace(/[^A-Za-z0-9_.:-]/g, '');
  const type = bareType(part.type);
  return {
    'Content-Type': type === 'text/plain' ? `text/plain; charset=${charset || 'utf-8'}` : type,
    'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  };
}

/** Browser download of a folder as an mbox file (mboxrd), streamed message by message. */
async function sendFolderExport(url: URL, response: ServerResponse, core: WrenCore): Promise<void> {
  const folderId = Number(url.searchParams.get('folderId'));
  if (!Number.isInteger(folderId)) return fail(response, 400, 'folderId is required.');
  try {
    const folder = core.store.folders.get(folderId);
    const rows = exportRows(core.store, folderId);
    response.writeHead(200, {
      'Content-Type': 'application/mbox',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${safeFileName(folder!.name, undefined) || 'mail'}.mbox`)}`,
      'X-Content-Type-Options': 'nosniff',
    });
    await pipeline(Readable.from(mboxOf(core.store, rows, (id) => core.reader.cachedSource(id))), response);
  } catch (error) {
    fail(response, 404, toErrorShape(error).message);
  }
}

function fail(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end(message);
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
