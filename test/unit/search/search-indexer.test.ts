import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchIndexer, type ParseSourceFile } from '../../../src-main/search/search-indexer';
import type { Store } from '../../../src-main/store/store';
import { disposeSearchStore, message, searchStore } from './search-store';

afterEach(() => disposeSearchStore());

const ann = { name: 'Ann Lee', address: 'ann@example.com' };

/** Messages whose bodies must come from their (pretend) source files, so every one goes through `parse`. */
function storeWithSources(store: Store, folderId: number, count: number, subject = 'report'): number[] {
  return store.write(() => {
    const ids = store.messages.insertHeaders(folderId, Array.from({ length: count }, () => message(subject, ann)));
    const addSource = store.db.prepare('INSERT INTO message_sources (message_id, blob, size) VALUES (?, ?, 1)');
    for (const id of ids) addSource.run(id, id.toString(16).padStart(64, '0'));
    return ids;
  });
}

describe('search indexer', () => {
  it('answers a search within its budget when bodies are slow to parse, and says how many it left out', async () => {
    const slowParse: ParseSourceFile = async () => {
      await delay(100);
      return { text: 'quarterly figures', html: null };
    };
    const { store, folder, engine } = searchStore(slowParse);
    storeWithSources(store, folder('INBOX'), 200);
    const started = Date.now();
    const found = await engine.search({ query: 'report', offset: 0, limit: 10 });
    expect(Date.now() - started).toBeLessThan(5_000); // 200 × 100 ms would be 20 s
    expect(found.unindexed).toBeGreaterThan(0);
    expect(found.unindexed + found.total).toBe(200);
    await engine.indexer.stop();
  });

  it('answers within its budget when the waiting bodies are cached HTML, long to turn into text, and never holds the thread for all of them', async () => {
    const { store, folder, engine } = searchStore();
    const row = '<tr><td style="padding:4px"><a href="https://shop.example/p?id=1">Umbrella, large</a></td><td>价格 100 元</td></tr>';
    const html = `<table>${row.repeat(2500)}</table>`;
    store.write(() => {
      const ids = store.messages.insertHeaders(folder('INBOX'), Array.from({ length: 50 }, () => message('report', ann)));
      for (const id of ids) store.bodies.saveBody(id, { text: 'View it in your browser.', html, warnings: [] });
    });
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const found = await engine.search({ query: 'report', offset: 0, limit: 10 });
    const took = performance.now() - started;
    clearInterval(ticker);
    await engine.indexer.stop();
    expect(found.unindexed + found.total).toBe(50);
    // 50 such bodies take many seconds to convert; the budget is one second, plus the one body under way.
    expect(took).toBeLessThan(5_000);
    expect(longestStall).toBeLessThan(3_000);
  }, 60_000);

  it('two indexers from opposite ends of the queue parse each message about once, not each one twice', async () => {
    const { store, folder } = searchStore();
    storeWithSources(store, folder('INBOX'), 300);
    const parsed: number[] = [];
    const counting: ParseSourceFile = async (path) => {
      parsed.push(parseInt(path.split('/').pop()!, 16));
      await delay(1);
      return { text: 'body', html: null };
    };
    const main = new SearchIndexer(store, counting, 'newest-first');
    const worker = new SearchIndexer(store, counting, 'oldest-first');
    await Promise.all([main.drain(), worker.drain()]);
    expect(store.search.pendingCount()).toBe(0);
    // At most the batch each was reading when they met is parsed twice.
    expect(parsed.length).toBeLessThanOrEqual(300 + 2 * 50);
    expect(new Set(parsed).size).toBe(300);
  });
});
