import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { startWebServer, type RunningWebServer } from '../../../src-main/web/web-server';

let dir = '';
let core: WrenCore;
let server: RunningWebServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wren-upload-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Wren</title>');
  core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'web', secrets: new KeyFileSecretStore(join(dir, 'key')), outbox: false });
  server = await startWebServer({ core, handlers: createHandlers(core), events: core.events, rendererDir });
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs the body in several chunks, as a browser streams a file. */
function post(path: string, chunks: Buffer[], headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { method: 'POST', host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const page = () => ({ cookie: `wren_token=${server.token}`, origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' });

describe('web mode upload (the composer\'s attachments)', () => {
  it('streams the body into staging and answers the attachment row, with a safe name and a type from it', async () => {
    const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(70_000, 2), Buffer.from('end')];
    const answer = await post(`${server.appPath}api/upload?filename=${encodeURIComponent('../报告 2026.pdf')}`, chunks, page());
    expect(answer.status).toBe(200);
    const row = JSON.parse(answer.body);
    expect(row).toMatchObject({ filename: '报告 2026.pdf', contentType: 'application/pdf', size: 140_003, contentId: null });
    expect(readFileSync(core.staging.pathOf(row.stagedId))).toEqual(Buffer.concat(chunks));
  });

  it('gives an inline image a content id for the HTML', async () => {
    const answer = await post(`${server.appPath}api/upload?filename=pasted.png&inline=1`, [Buffer.from('png')], page());
    expect(JSON.parse(answer.body)).toMatchObject({ contentType: 'image/png', contentId: expect.stringMatching(/^[0-9a-f]+@wren$/) });
  });

  it('refuses without the token, from another page, by GET, and without a name', async () => {
    const { cookie, ...noCookie } = page();
    expect((await post(`${server.appPath}api/upload?filename=a.txt`, [Buffer.from('x')], noCookie)).status).toBe(401);
    expect((await post(`${server.appPath}api/upload?filename=a.txt`, [Buffer.from('x')], { cookie, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(`${server.appPath}api/upload?filename=a.txt`, [Buffer.from('x')], { cookie })).status).toBe(403);
    expect((await post(`${server.appPath}api/upload`, [Buffer.from('x')], page())).status).toBe(400);
  });
});
