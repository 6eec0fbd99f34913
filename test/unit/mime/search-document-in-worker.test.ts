import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../../src-main/mime/parse-in-worker';
import { searchDocument } from '../../../src-main/search/search-document';
import type { PendingEntry } from '../../../src-main/store/search-repo';

const MIME_DIR = path.resolve(__dirname, '../../../src-main/mime');
const dir = mkdtempSync(path.join(tmpdir(), 'wren-document-worker-'));
const workerPath = path.join(dir, 'parse-worker.cjs');

/** The parse worker bundled the way the app build bundles it. */
beforeAll(async () => {
  await build({ entryPoints: [path.join(MIME_DIR, 'parse-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerPath, logLevel: 'error' });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A newsletter-sized HTML body (about 400 KB): tables, links, images, Chinese and English. */
function bigHtml(): string {
  const row = (i: number) =>
    `<tr><td><a href="https://example.com/item/${i}"><img src="https://img.example.com/${i}.png" alt=""></a></td><td><h3>Item ${i}: warehouse 仓库清单</h3><p>Offer ${i} ends Friday. 明天的会议\n改到下午。<b>Order now</b></p></td></tr>`;
  return `<html><body><table>${Array.from({ length: 1900 }, (_, i) => row(i)).join('\n')}</table></body></html>`;
}

const entry: PendingEntry = {
  id: 7, token: 1, subject: 'Weekly offers', fromName: 'Shop', fromAddr: 'news@shop.example', toJson: '[{"name":"Ann","address":"ann@example.com"}]',
  ccJson: '[]', text: null, html: null, sourceBlob: null, structureJson: null,
};

/** The longest gap between two runs of a 1 ms timer while `work` runs: how long this thread was frozen. */
async function longestFreeze(work: () => unknown): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await sleep(5);
  await work();
  await sleep(5);
  clearInterval(timer);
  return longest;
}

describe('search documents from cached HTML bodies, in the parse worker', () => {
  it('are the same as prepared in-process, and the calling thread is not frozen while html-to-text runs', async () => {
    const body = { text: null, html: bigHtml() };
    expect(body.html.length).toBeGreaterThan(400_000);
    const pool = new ParsePool({ workerPath, size: 1 });
    try {
      // A first document starts the worker (its start and warm-up are not what is measured).
      await pool.searchDocument(entry, { text: null, html: '<p>warm</p>' });
      let inWorker: unknown;
      const workerFreeze = await longestFreeze(async () => (inWorker = await pool.searchDocument(entry, body)));
      let inProcess: unknown;
      const inProcessFreeze = await longestFreeze(() => (inProcess = searchDocument(entry, body)));
      expect(inWorker).toEqual(inProcess);
      expect((inWorker as { body: string }).body).toContain('Offer 10 ends Friday');
      // html-to-text on 400 KB blocks for hundreds of ms in this thread; posting it to the worker does not.
      expect(workerFreeze, `worker ${workerFreeze.toFixed(0)} ms, in-process ${inProcessFreeze.toFixed(0)} ms`).toBeLessThan(inProcessFreeze / 2);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('without a bundle (vitest) are prepared in-process', async () => {
    const pool = new ParsePool({ workerPath: null });
    expect(await pool.searchDocument(entry, { text: null, html: '<p>Hello <b>world</b></p>' })).toEqual(searchDocument(entry, { text: null, html: '<p>Hello <b>world</b></p>' }));
  });
});
