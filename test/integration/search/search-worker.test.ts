import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WrenCore } from '../../../src-main/app/wren-core';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { answerQuery } from '../../../src-main/search/search-queries';
import { searchAskOf } from '../../../src-main/search/search-query';
import { WorkerSearchQueries } from '../../../src-main/search/worker-search-queries';
import type { SearchRequest } from '../../../src-main/search/message-search';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';

const WORKER = resolve('dist/main/search-worker.cjs');

let cleanup: () => Promise<void> = async () => undefined;
afterEach(async () => {
  await cleanup();
  cleanup = async () => undefined;
});

function openCore(searchWorkerPath: string): { core: WrenCore; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wren-search-worker-'));
  const core = WrenCore.open({ dataDir: join(dir, 'data'), mode: 'cli', secrets: new KeyFileSecretStore(join(dir, 'key')), outbox: false, syncWorkerPath: null, searchWorkerPath });
  cleanup = async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { core, dir };
}

const WORDS = ['warehouse', 'invoice', 'budget', 'meeting', 'report', '会议', '仓库', 'alpha', 'beta'];

function headers(count: number, from = 1): HeaderRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    uid: from + i, uidl: null, messageId: null, inReplyTo: null, threadRoot: null,
    subject: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} number ${from + i}`,
    from: { name: 'Ann Lee', address: 'ann@example.com' }, to: [], cc: [], date: Date.UTC(2026, 0, 1) + (i % 50) * 3_600_000, internalDate: null,
    // Sizes, read marks and attachments vary, for the operators.
    size: ((from + i) * 137) % 5000, flags: i % 3 === 0 ? ['\\Seen'] : [], hasAttachments: i % 4 === 0, structure: null, modseq: null,
  }));
}

/** Two local folders of messages, indexed. */
async function filledCore(searchWorkerPath: string): Promise<{ core: WrenCore; dir: string; folders: number[] }> {
  const opened = openCore(searchWorkerPath);
  const { store } = opened.core;
  const folders = ['Kept', 'Old'].map((name) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name, is_local) VALUES (NULL, ?, ?, 1)').run(name, name).lastInsertRowid),
  );
  store.write(() => folders.forEach((folderId, n) => store.messages.insertHeaders(folderId, headers(300, 1 + n * 1000))));
  await opened.core.search.indexer.drainWithin(60_000);
  return { ...opened, folders };
}

describe('the search worker (FTS5 queries off the main thread)', () => {
  it('answers every query as the main thread would: the same hits in the same order, the same total and unindexed count', async () => {
    const { core, folders } = await filledCore(WORKER);
    const requests: SearchRequest[] = [
      { query: 'warehouse', offset: 0, limit: 200 },
      { query: 'b', offset: 0, limit: 50 },
      { query: 'report 会议', offset: 20, limit: 30 },
      { query: '仓库', offset: 0, limit: 200, folderId: folders[1] },
      { query: 'alpha', offset: 0, limit: 200, accountId: null },
      { query: 'nothingmatches', offset: 0, limit: 10 },
      // Sorted as a folder's list: by subject (a function each connection registers), by size.
      { query: 'report', offset: 0, limit: 200, sort: { by: 'subject', descending: false } },
      { query: 'b', offset: 10, limit: 20, sort: { by: 'size', descending: true } },
      // Operators, with words and alone (then the messages are read without the index).
      { query: 'report is:unread larger:1k', offset: 0, limit: 200 },
      { query: 'is:unread', offset: 0, limit: 1000 },
      { query: 'has:attachment after:2000-01-01', offset: 0, limit: 50 },
      { query: 'is:read smaller:100000', offset: 5, limit: 20, sort: { by: 'size', descending: false } },
      // Left out by a minus (words through the index, operators turned round), and narrowed to folders.
      { query: 'meeting -budget -is:unread', offset: 0, limit: 200 },
      { query: '-report in:inbox', offset: 0, limit: 200 },
      { query: '-in:archive -has:attachment', offset: 0, limit: 50 },
    ];
    for (const request of requests) {
      const scope = { accountId: request.accountId, folderId: request.folderId };
      const expected = answerQuery(core.store.search, { ...searchAskOf(request.query, Date.now())!, scope, offset: request.offset, limit: request.limit, sort: request.sort });
      expect(await core.search.search(request), request.query).toEqual(expected);
      // The operators' queries are written to find something, so an answer of nothing would prove nothing.
      if (/\b(is|has|after|larger):/.test(request.query)) expect(expected.total, request.query).toBeGreaterThan(0);
    }
    expect((await core.search.search({ query: 'warehouse', offset: 0, limit: 200 })).total).toBeGreaterThan(0);
  });

  it('sorts by sender with Chinese names read as names, pinyin-pro loaded from its own file beside the bundle', async () => {
    const { core, folders } = await filledCore(WORKER);
    const senders = [{ name: '曾小贤', address: 'zeng@example.cn' }, { name: '王芳', address: 'wang@example.cn' }, { name: 'Carol', address: 'carol@example.test' }];
    core.store.write(() => core.store.messages.insertHeaders(folders[0]!, headers(3, 7000).map((header, i) => ({ ...header, subject: `quarterly ${i}`, from: senders[i]! }))));
    await core.search.indexer.drainWithin(60_000);
    const request: SearchRequest = { query: 'quarterly', offset: 0, limit: 10, sort: { by: 'from', descending: false } };
    const answer = await core.search.search(request);
    // 曾 as a surname reads zeng (with Z, after wang); its common reading, ceng, would put it before Carol.
    expect(answer.items.map((item) => item.from.name)).toEqual(['Carol', '王芳', '曾小贤']);
    expect(answer).toEqual(answerQuery(core.store.search, { ...searchAskOf(request.query, Date.now())!, scope: {}, offset: 0, limit: 10, sort: request.sort }));
  });

  it('sees what the main thread committed just before (WAL), the messages still waiting counted as unindexed', async () => {
    const { core, folders } = await filledCore(WORKER);
    const queries = new WorkerSearchQueries(core.databaseFile, WORKER);
    const before = await queries.run({ ...searchAskOf('budget', Date.now())!, scope: {}, offset: 0, limit: 1000 });
    core.store.write(() => core.store.messages.insertHeaders(folders[0]!, headers(7, 5000)));
    const after = await queries.run({ ...searchAskOf('budget', Date.now())!, scope: {}, offset: 0, limit: 1000 });
    await queries.close();
    expect(before.unindexed).toBe(0);
    expect(after.unindexed).toBe(7);
    expect(after.total).toBe(before.total);
  });

  it('fails a search whose worker died with SearchStopped, and the next search starts a new worker', async () => {
    // A worker that dies on its first query (as a crash in SQLite would), then, started again, is the real one.
    const scripts = mkdtempSync(join(tmpdir(), 'wren-dying-worker-'));
    const marker = join(scripts, 'died-once');
    const dying = join(scripts, 'dying-search-worker.cjs');
    writeFileSync(dying, `const fs = require('node:fs');
if (fs.existsSync(${JSON.stringify(marker)})) require(${JSON.stringify(WORKER)});
else require('node:worker_threads').parentPort.on('message', () => { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(3); });
`);
    try {
      const { core } = await filledCore(dying);
      await expect(core.search.search({ query: 'warehouse', offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'SearchStopped' });
      const again = await core.search.search({ query: 'warehouse', offset: 0, limit: 10 });
      expect(again.total).toBeGreaterThan(0);
    } finally {
      rmSync(scripts, { recursive: true, force: true });
    }
  });

  it('closing fails a query under way with SearchStopped at once, and later queries too', async () => {
    const { core } = await filledCore(WORKER);
    const queries = new WorkerSearchQueries(core.databaseFile, WORKER);
    const outcome = queries.run({ ...searchAskOf('b', Date.now())!, scope: {}, offset: 0, limit: 200 }).then(() => 'answered', (error: { code?: string }) => error.code);
    await queries.close();
    expect(await outcome).toBe('SearchStopped');
    await expect(queries.run({ ...searchAskOf('b', Date.now())!, scope: {}, offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'SearchStopped' });
  });

  it('the core closes with a search under way', async () => {
    const { core } = await filledCore(WORKER);
    const outcome = core.search.search({ query: 'b', offset: 0, limit: 200 }).then(() => 'answered', (error: { code?: string }) => error.code);
    await cleanup();
    cleanup = async () => undefined;
    expect(['answered', 'SearchStopped']).toContain(await outcome);
  });
});
