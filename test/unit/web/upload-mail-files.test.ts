import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { WrenCore } from '../../../src-main/app/wren-core';
import type { Handlers } from '../../../src-main/ipc/dispatch';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { startWebServer, type RunningWebServer } from '../../../src-main/web/web-server';

let dir = '';
let core: WrenCore;
let handlers: Handlers;
let server: RunningWebServer;
let folderId = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wren-import-upload-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Wren</title>');
  core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'web', secrets: new KeyFileSecretStore(join(dir, 'key')), outbox: false });
  handlers = createHandlers(core);
  server = await startWebServer({ core, handlers, events: core.events, rendererDir });
  folderId = (await handlers['folders.create']({ accountId: null, parentId: null, name: 'Imports' })).id;
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
}

/** Opens the POST; the caller writes the body and ends it. */
function open(path: string, headers: Record<string, string>): { req: ClientRequest; answer: Promise<Answer> } {
  let req!: ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(
      { method: 'POST', host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
  });
  return { req, answer };
}

function post(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const { req, answer } = open(path, headers);
  req.end(body);
  return answer;
}

const page = () => ({ cookie: `wren_token=${server.token}`, origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' });
const stagingFiles = () => readdirSync(core.staging.dir);
const subjects = async () => (await handlers['messages.list']({ folderId, offset: 0, limit: 100, sort: { by: 'date', descending: true }, filter: {} })).items.map((m) => m.subject).sort();

function message(n: number): string {
  return `From sender@example.com Mon Jan  5 10:00:00 2026\nFrom: Sender <sender@example.com>\nTo: me@example.com\nSubject: Upload ${n}\nDate: Mon, 5 Jan 2026 10:0${n}:00 +0000\nMessage-ID: <upload-${n}@example.com>\n\nBody ${n}\n>From the quoted line\n\n`;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('web mode import upload (/api/import)', () => {
  it('refuses without the token, from another page, without an Origin, by GET, and without a folder', async () => {
    const { cookie, ...noCookie } = page();
    const mbox = message(9);
    expect((await post(`${server.appPath}api/import?folderId=${folderId}`, mbox, noCookie)).status).toBe(401);
    expect((await post(`${server.appPath}api/import?folderId=${folderId}`, mbox, { cookie, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(`${server.appPath}api/import?folderId=${folderId}`, mbox, { cookie, origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-origin' })).status).toBe(403);
    expect((await post(`${server.appPath}api/import?folderId=${folderId}`, mbox, { cookie })).status).toBe(403);
    expect((await post(`${server.appPath}api/import`, mbox, page())).status).toBe(400);
    expect(await subjects()).toEqual([]);
    expect(stagingFiles()).toEqual([]);
  });

  it('streams the body to a staged file before it has all arrived, imports the mbox, then removes the file', async () => {
    const { req, answer } = open(`${server.appPath}api/import?folderId=${folderId}`, page());
    req.write(message(1));
    // The first part is on disk while the rest is still to come: the body is streamed, not gathered.
    await until(() => stagingFiles().length === 1 && statSync(join(core.staging.dir, stagingFiles()[0]!)).size > 0);
    req.write(message(2));
    req.end(message(3));
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({ imported: 3, skipped: 0, files: 1 });
    expect(await subjects()).toEqual(['Upload 1', 'Upload 2', 'Upload 3']);
    expect(stagingFiles()).toEqual([]);
  });

  it('imports a single message (.eml)', async () => {
    const eml = 'From: A <a@example.com>\r\nSubject: Single\r\n\r\nHello\r\n';
    expect(JSON.parse((await post(`${server.appPath}api/import?folderId=${folderId}`, eml, page())).body)).toEqual({ imported: 1, skipped: 0, files: 1 });
    expect(await subjects()).toContain('Single');
  });

  it('answers NotMailFile for a file that is no mailbox, imports nothing and leaves no file behind', async () => {
    const before = await subjects();
    const answer = await post(`${server.appPath}api/import?folderId=${folderId}`, '\x89PNG\r\n\x1a\n not mail at all', page());
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'NotMailFile' });
    expect(await subjects()).toEqual(before);
    expect(stagingFiles()).toEqual([]);
  });

  it('answers DiskFull when the staging file cannot be written for lack of space', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const stage = vi.spyOn(core.staging, 'stageStream').mockRejectedValueOnce(full);
    try {
      const answer = await post(`${server.appPath}api/import?folderId=${folderId}`, message(7), page());
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'DiskFull' });
    } finally {
      stage.mockRestore();
    }
  });
});
