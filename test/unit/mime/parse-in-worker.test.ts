import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import { defaultWorkerPath, ParsePool, parseSourceFileInWorker } from '../../../src-main/mime/parse-in-worker';
import { parseSource } from '../../../src-main/mime/parse-source';
import { FIXTURES_DIR, readFixture } from '../../lab/fixtures';

const MIME_DIR = path.resolve(__dirname, '../../../src-main/mime');
const dir = mkdtempSync(path.join(tmpdir(), 'wren-parse-worker-'));
const workerPath = path.join(dir, 'parse-worker.cjs');
const fixture = (name: string) => path.join(FIXTURES_DIR, name);

/** The worker bundled the way the app build bundles it (src-main/mime/parse-worker.ts → parse-worker.cjs). */
beforeAll(async () => {
  await build({ entryPoints: [path.join(MIME_DIR, 'parse-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerPath, logLevel: 'error' });
  // Behaves like the real worker, except that it dies on a file named crash.eml.
  writeFileSync(path.join(dir, 'crashing-worker.cjs'), `
    require(${JSON.stringify(workerPath)});
    require('node:worker_threads').parentPort.on('message', (m) => { if (m.path.endsWith('crash.eml')) process.exit(3); });`);
  writeFileSync(path.join(dir, 'silent-worker.cjs'), `require('node:worker_threads').parentPort.on('message', () => {});`);
  copyFileSync(fixture('plain-ascii.eml'), path.join(dir, 'crash.eml'));
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ParsePool with the bundled worker', () => {
  it('parses in a worker thread exactly as in-process', async () => {
    const pool = new ParsePool({ workerPath, size: 2 });
    try {
      const names = ['gbk-subject-body.eml', 'attachment-pdf.eml', 'iso-2022-jp.eml', 'invalid-base64.eml', 'html-with-inline-image.eml'];
      const results = await Promise.all(names.map((name) => pool.parseFile(fixture(name))));
      for (const [i, name] of names.entries()) {
        expect(results[i]).toEqual(await parseSource(readFixture(name as 'gbk-subject-body.eml'), { embedInlineImages: true }));
      }
      expect(results[0]?.subject).toBe('会议通知：明天下午三点开会');
      expect(results[4]?.html).toContain('<img src="data:image/png;base64,');
    } finally {
      await pool.close();
    }
  });

  it('fails the parse of a crashed worker with a clear error and starts a new one', async () => {
    const pool = new ParsePool({ workerPath: path.join(dir, 'crashing-worker.cjs'), size: 1 });
    try {
      const crash = pool.parseFile(path.join(dir, 'crash.eml'));
      await expect(crash).rejects.toBeInstanceOf(WrenError);
      await expect(crash).rejects.toMatchObject({ code: 'Internal', message: 'The message parser stopped (exit code 3).' });
      expect((await pool.parseFile(fixture('big5.eml'))).subject).toBe('訂單出貨通知');
    } finally {
      await pool.close();
    }
  });

  it('stops a parse that takes too long', async () => {
    const pool = new ParsePool({ workerPath: path.join(dir, 'silent-worker.cjs'), timeoutMs: 200 });
    try {
      await expect(pool.parseFile(fixture('plain-ascii.eml'))).rejects.toMatchObject({ code: 'Internal', message: 'The message parser took too long and was stopped.' });
    } finally {
      await pool.close();
    }
  });

  it('rejects a missing file with NotFound', async () => {
    const pool = new ParsePool({ workerPath });
    await expect(pool.parseFile(path.join(dir, 'nope.eml'))).rejects.toMatchObject({ code: 'NotFound' });
    await pool.close();
  });

  it('does not keep the process alive once idle (workers are unref\'d)', async () => {
    const script = path.join(dir, 'idle-check.cjs');
    await build({
      stdin: {
        contents: `import { ParsePool } from ${JSON.stringify(path.join(MIME_DIR, 'parse-in-worker.ts'))};
          new ParsePool({ workerPath: process.argv[2] }).parseFile(process.argv[3]).then((r) => console.log(r.subject));`,
        resolveDir: MIME_DIR, loader: 'ts',
      },
      bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error',
    });
    const { stdout } = await promisify(execFile)(process.execPath, [script, workerPath, fixture('gb18030.eml')], { timeout: 15_000 });
    expect(stdout.trim()).toBe('GB18030 测试：𠮷野家与㐀');
  }, 30_000);
});

describe('parseSourceFileInWorker without a bundle', () => {
  it('finds no parse-worker.cjs next to the TypeScript source and parses in-process', async () => {
    expect(defaultWorkerPath()).toBeNull();
    const parsed = await parseSourceFileInWorker(fixture('rfc2231-continuation.eml'));
    expect(parsed.attachments[0]?.filename).toBe('2024年度财务报告（最终版）.txt');
  });
});

describe('the bundled worker on sources past the usual limits (what a cached source reads as)', () => {
  it('shows the text under a header block over 1 MB and behind delimiters that do not match', async () => {
    const received = Array.from({ length: 12_000 }, (_, i) => `Received: from relay${i}.example.test by mx.example.test; Mon, 02 Jun 2025 09:30:00 +0000\r\n`).join('');
    const huge = path.join(dir, 'huge-header.eml');
    writeFileSync(huge, `${received}Subject: huge\r\nContent-Type: text/plain\r\n\r\nText under a huge header.\r\n`);
    const mismatched = path.join(dir, 'mismatched.eml');
    writeFileSync(mismatched, 'Subject: mismatched\r\nContent-Type: multipart/mixed; boundary="Declared-1"\r\n\r\n--declared-1\r\nContent-Type: text/plain\r\n\r\nText behind a delimiter in another case.\r\n--declared-1--\r\n');
    const pool = new ParsePool({ workerPath, size: 1 });
    try {
      const [hugeParsed, mismatchedParsed] = await Promise.all([pool.parseFile(huge), pool.parseFile(mismatched)]);
      expect(hugeParsed.text).toBe('Text under a huge header.\n');
      expect(hugeParsed.warnings).toContain('wren:HugeHeader');
      expect(mismatchedParsed.text).toBe('Text behind a delimiter in another case.');
      expect(mismatchedParsed.warnings).toContain('wren:BoundaryRecovered');
    } finally {
      await pool.close();
    }
  }, 30_000);
});
