import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { startWebServer, type RunningWebServer } from '../../../src-main/web/web-server';

let dir = '';
let core: WrenCore;
let server: RunningWebServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wren-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Wren</title>');
  writeFileSync(join(dir, 'secret-outside.txt'), 'do not serve me');
  core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'web', secrets: new KeyFileSecretStore(join(dir, 'key')) });
  server = await startWebServer({ core, handlers: createHandlers(core), events: core.events, rendererDir });
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => `wren_token=${server.token}`;

/** The page's own address under the server's secret path (`/<secret>/` + rest). */
const app = (rest = '') => `${server.appPath}${rest}`;

function openSocket(headers: Record<string, string>, path = app('api/ws')): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function ask(ws: WebSocket, message: unknown): Promise<{ id: number; reply: { ok: boolean; result?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web mode server', () => {
  it('listens on loopback only and prints a URL with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses pages without the token, and a wrong token', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get(app())).status).toBe(401);
    expect((await get(app(), { cookie: 'wren_token=wrong' })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite cookie, then serves the UI with a CSP', async () => {
    const login = await get(`/?token=${server.token}`);
    expect(login.status).toBe(302);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get(app(), { cookie: cookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Wren</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('scopes the cookie to a secret path and serves nothing outside it, so no server on another loopback port is sent the cookie', async () => {
    // Cookies ignore ports (RFC 6265 §8.5): with Path=/ the browser would hand wren_token to any
    // other 127.0.0.1 server the user opens, and that server could replay it here.
    const login = await get(`/?token=${server.token}`);
    const location = String(login.headers.location);
    expect(location).toMatch(/^\/[\w-]{32,}\/$/);
    expect(location).toBe(server.appPath);
    expect(location).not.toContain(server.token);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`; Path=${location}(;|$)`));
    expect(setCookie).not.toMatch(/; Path=\/(;|$)/);
    expect((await get(location, { cookie: cookie() })).status).toBe(200);
    // The right cookie outside the secret path opens nothing: no page, no asset, no API, no socket.
    for (const path of ['/', '/index.html', '/api/attachment?messageId=999&partId=2', '/api/export?folderId=1', `/x${location}`]) {
      expect((await get(path, { cookie: cookie() })).status).toBe(401);
    }
    await expect(openSocket({ cookie: cookie(), origin: `http://127.0.0.1:${server.port}` }, '/api/ws')).rejects.toThrow(/403/);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    expect((await get(app(), { cookie: cookie(), host: 'evil.example:80' })).status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await get(app('..%2fsecret-outside.txt'), { cookie: cookie() });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('do not serve me');
  });

  it('answers a malformed percent-escape in the path with 400, not a 500', async () => {
    const res = await get(app('%E0%A4%A'), { cookie: cookie() });
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('URI malformed');
  });

  it('refuses GET requests started by a page on another loopback port (same site, so the cookie is sent)', async () => {
    const attachment = app('api/attachment?messageId=1&partId=2');
    expect((await get(attachment, { cookie: cookie(), 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await get(attachment, { cookie: cookie(), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(attachment, { cookie: cookie(), origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await get(app(), { cookie: cookie(), 'sec-fetch-site': 'same-site' })).status).toBe(403);
  });

  it('still serves GET requests from its own page, typed URLs and clients that send no fetch metadata', async () => {
    const attachment = app('api/attachment?messageId=999&partId=2');
    // 404: past the gate, and there is no such message.
    expect((await get(attachment, { cookie: cookie(), 'sec-fetch-site': 'same-origin' })).status).toBe(404);
    expect((await get(attachment, { cookie: cookie(), origin: `http://127.0.0.1:${server.port}` })).status).toBe(404);
    expect((await get(app(), { cookie: cookie(), 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await get(app(), { cookie: cookie() })).status).toBe(200);
  });

  it('refuses a WebSocket from another origin or without the token', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(openSocket({ cookie: cookie(), origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(openSocket({ origin })).rejects.toThrow(/403/);
  });

  it('answers contract requests, and malformed ones with a clear error instead of a crash', async () => {
    const ws = await openSocket({ cookie: cookie(), origin: `http://127.0.0.1:${server.port}` });
    const info = await ask(ws, { id: 1, method: 'app.info', params: {} });
    expect(info).toMatchObject({ id: 1, reply: { ok: true, result: { mode: 'web' } } });
    expect((await ask(ws, { id: 2, method: 'nope', params: {} })).reply.error?.code).toBe('UnknownMethod');
    expect((await ask(ws, { id: 3, method: 'messages.list', params: { folderId: -1 } })).reply.error?.code).toBe('BadRequest');
    expect((await ask(ws, '{not json')).reply.error?.code).toBe('BadRequest');
    expect((await ask(ws, { id: 4, method: 'accounts.list', params: {} })).reply).toEqual({ ok: true, result: [] });
    ws.close();
  });

  it('opens the composer from a mailto: link the user follows, and from nothing else (no token needed either way)', async () => {
    const opened: unknown[] = [];
    const off = core.events.on('compose.mailto', (draft) => opened.push(draft));
    try {
      const link = `/api/mailto?url=${encodeURIComponent('mailto:bob@example.test?subject=Hi&attach=/etc/passwd')}`;
      const click = { 'sec-fetch-mode': 'navigate', 'sec-fetch-user': '?1', 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site' };
      // Another page's <img> or fetch of the same URL: no navigation, no user.
      expect((await get(link, { 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await get(link, { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' })).status).toBe(403);
      expect((await get(link)).status).toBe(403);
      expect(opened).toEqual([]);
      expect((await get(link, click)).status).toBe(204);
      expect(opened).toEqual([expect.objectContaining({ to: ['bob@example.test'], subject: 'Hi' })]);
      expect(JSON.stringify(opened)).not.toContain('passwd');
    } finally {
      off();
    }
  });
});
