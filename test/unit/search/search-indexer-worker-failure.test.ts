import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../../src-main/mime/parse-in-worker';
import { parseInPlace } from '../../../src-main/search/message-search';
import { searchDocument } from '../../../src-main/search/search-document';
import { SearchIndexer } from '../../../src-main/search/search-indexer';
import { disposeSearchStore, message, searchStore } from './search-store';

const dir = mkdtempSync(path.join(tmpdir(), 'wren-indexer-worker-'));
const workerPath = path.join(dir, 'parse-worker.cjs');

/** The parse worker bundled the way the app build bundles it. */
beforeAll(async () => {
  const entry = path.resolve(__dirname, '../../../src-main/mime/parse-worker.ts');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: workerPath, logLevel: 'error' });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => disposeSearchStore());

const ann = { name: 'Ann Lee', address: 'ann@example.com' };

describe('search indexer, a cached HTML body the parse worker fails on', () => {
  it('is indexed by its headers and plain text, and the messages after it are indexed too', async () => {
    const { store, folder, search } = searchStore();
    // A pool whose worker is stopped on any job longer than 50 ms (as a body html-to-text chokes on hits the 120 s limit).
    const pool = new ParsePool({ workerPath, size: 1, timeoutMs: 50 });
    const indexer = new SearchIndexer(store, parseInPlace, 'newest-first', (entry, body) => (body?.html ? pool.searchDocument(entry, body) : searchDocument(entry, body)));
    const inbox = folder('INBOX');
    store.write(() => {
      const plain = store.messages.insertHeaders(inbox, [message('minutes one', ann), message('minutes two', ann)]);
      for (const id of plain) store.bodies.saveBody(id, { text: 'quarterly figures', html: null, warnings: [] });
      // The newest, so first in the queue.
      const [big] = store.messages.insertHeaders(inbox, [{ ...message('weekly offers', ann), date: Date.now() + 60_000 }]);
      const html = `<table>${'<tr><td><a href="https://shop.example/p">Umbrella</a></td><td>价格 100 元</td></tr>'.repeat(20_000)}</table>`;
      store.bodies.saveBody(big!, { text: 'umbrellas on sale', html, warnings: [] });
    });
    try {
      await indexer.drain().catch(() => undefined);
      await indexer.drain().catch(() => undefined);
    } finally {
      await indexer.stop();
      await pool.close();
    }
    expect(store.search.pendingCount()).toBe(0);
    expect(await search('quarterly')).toHaveLength(2);
    expect(await search('umbrellas')).toHaveLength(1);
  }, 60_000);
});
