// Search over the bench's mailbox: a Wren core (sync worker as in the app) downloads every
// body, its sync worker builds the full-text index, then queries are timed through the core's
// request boundary against `grep -r -l -F` over the same messages as files (the blob store's
// raw sources, one file per message, as in a Maildir), measured in the same run.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { labDraft, startCore, type TestCore } from '../../test/integration/imap/lab-core';
import type { BenchContext, Lag, Measurement } from '../runners';

const execFileAsync = promisify(execFile);
const TRIALS = 15;
/** Words the generator writes in bodies: English, and Chinese (2 characters, in GBK, UTF-8 and Big5 mail alike). */
const ENGLISH_QUERY = 'warehouse';
const CHINESE_QUERY = '仓库';

export async function wrenSearch(context: BenchContext): Promise<Measurement> {
  const dist = path.join(context.root, 'dist', 'main');
  const wren = startCore({ syncWorkerPath: path.join(dist, 'sync-worker.cjs'), searchWorkerPath: path.join(dist, 'search-worker.cjs') });
  try {
    const accountId = (await wren.call('accounts.add', labDraft(context.lab, context.user))).id;
    const synced = await wren.call('sync.run', { accountId, bodies: true });
    if (synced.failures.length) throw new Error(`the sync failed: ${synced.failures[0]!.error.message}`);
    const build = await indexBuild(wren);
    const english = await timedSearches(wren, ENGLISH_QUERY);
    const chinese = await timedSearches(wren, CHINESE_QUERY);
    const grep = await timedGrep(path.join(wren.dir, 'data', 'blobs'), ENGLISH_QUERY);
    const indexed = wren.core.store.db.prepare('SELECT count(*) FROM message_search').pluck().get() as number;
    return {
      wallMs: english.medianMs,
      maxRssBytes: null,
      messages: indexed,
      verified: indexed === context.expected && english.total > 0 && chinese.total > 0,
      lag: build.lag,
      storedBytes: indexBytes(wren),
      figures: {
        indexBuildMs: build.ms,
        englishMedianMs: english.medianMs,
        englishHits: english.total,
        chineseMedianMs: chinese.medianMs,
        chineseHits: chinese.total,
        grepMs: grep.ms,
        grepHits: grep.files,
      },
    };
  } finally {
    await wren.dispose();
  }
}

/** From the end of the sync to an empty queue: the sync worker indexes; the main thread's lag is sampled meanwhile. */
async function indexBuild(wren: TestCore): Promise<{ ms: number; lag: Lag }> {
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  const started = performance.now();
  while (wren.core.store.search.pendingCount() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const ms = performance.now() - started;
  monitor.disable();
  const toMs = (ns: number) => ns / 1e6;
  return { ms, lag: { p50: toMs(monitor.percentile(50)), p99: toMs(monitor.percentile(99)), max: toMs(monitor.max) } };
}

async function timedSearches(wren: TestCore, query: string): Promise<{ medianMs: number; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < TRIALS; i++) {
    const started = performance.now();
    // The UI's first page: 200 newest hits and the count.
    const result = await wren.call('messages.search', { query, offset: 0, limit: 200 });
    times.push(performance.now() - started);
    total = result.total;
  }
  return { medianMs: median(times), total };
}

/** grep reads the raw files: it finds the word where it is written in plain bytes (not in base64, QP or GBK). */
async function timedGrep(dir: string, word: string): Promise<{ ms: number; files: number }> {
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const { stdout } = await execFileAsync('grep', ['-r', '-l', '-F', '-i', word, dir], { maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout: string }) => error);
    times.push(performance.now() - started);
    files = stdout.split('\n').filter(Boolean).length;
  }
  return { ms: median(times), files };
}

/** The index's share of the database (its shadow tables), when SQLite has dbstat. */
function indexBytes(wren: TestCore): number | undefined {
  try {
    return wren.core.store.db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'message_search%'").pluck().get() as number;
  } catch {
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
