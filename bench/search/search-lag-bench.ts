// `npm run bench -- --search-lag [N]`: the main thread's event-loop lag while `messages.search` runs
// slow queries over a store of N messages with bodies (50,000 when no value is wanted), the FTS5 query
// in this thread (no search worker) and in the search worker, on the same data folder. Writes
// test-artifacts/bench-search-lag.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WrenCore } from '../../src-main/app/wren-core';
import { KeyFileSecretStore } from '../../src-main/secrets/key-file-secret-store';
import { makeTempDir } from '../cleanup';
import { RARE_WORD, writeBigSearchStore } from './big-search-store';

/** What a user types on the way to a word (one letter, short words), a common word, and a rare one. */
const QUERIES = ['a', 'th', 'we the to', 'warehouse', '会议', RARE_WORD];
const TRIALS = 5;

interface QueryFigures {
  query: string;
  hits: number;
  medianMs: number;
  /** The longest the main thread's event loop went without running a 1 ms timer, over the query's trials. */
  lagMaxMs: number;
  /** The same, the median over the trials. */
  lagMedianMs: number;
}

export async function runSearchLagBench(root: string, messages: number, seed: number, say: (line: string) => void): Promise<void> {
  const dir = await makeTempDir('bench-search-lag-');
  const dataDir = path.join(dir, 'data');
  say(`Writing ${messages} messages with bodies and indexing them…`);
  const built = await writeBigSearchStore(dataDir, messages, seed);
  say(`  written in ${(built.writeMs / 1000).toFixed(1)} s, indexed in ${(built.indexMs / 1000).toFixed(1)} s`);
  const modes = [
    { name: 'main thread', searchWorkerPath: null },
    { name: 'search worker', searchWorkerPath: path.join(root, 'dist', 'main', 'search-worker.cjs') },
  ];
  const results: Record<string, QueryFigures[]> = {};
  for (const mode of modes) {
    const core = WrenCore.open({ dataDir, mode: 'cli', secrets: new KeyFileSecretStore(path.join(dir, 'key')), outbox: false, syncWorkerPath: null, searchWorkerPath: mode.searchWorkerPath });
    try {
      await search(core, 'warm');
      results[mode.name] = [];
      for (const query of QUERIES) results[mode.name]!.push(await measure(core, query));
    } finally {
      await core.close();
    }
  }
  for (const [mode, figures] of Object.entries(results)) {
    say(`\n${mode}:`);
    for (const f of figures) say(`  ${f.query.padEnd(12)} ${String(f.hits).padStart(6)} hits  median ${f.medianMs.toFixed(0).padStart(4)} ms  main-thread lag median ${f.lagMedianMs.toFixed(0).padStart(4)} / max ${f.lagMaxMs.toFixed(0).padStart(4)} ms`);
  }
  await mkdir(path.join(root, 'test-artifacts'), { recursive: true });
  const file = path.join(root, 'test-artifacts', 'bench-search-lag.json');
  await writeFile(file, JSON.stringify({ finishedAt: new Date().toISOString(), messages, seed, built, results }, null, 2));
  say(`\nResults: ${path.relative(root, file)}`);
}

/** The UI's first page: 200 newest hits and the count. */
function search(core: WrenCore, query: string) {
  return core.search.search({ query, offset: 0, limit: 200 });
}

async function measure(core: WrenCore, query: string): Promise<QueryFigures> {
  const times: number[] = [];
  const lags: number[] = [];
  let hits = 0;
  for (let i = 0; i < TRIALS; i++) {
    const probe = startLagProbe();
    const started = performance.now();
    hits = (await search(core, query)).total;
    times.push(performance.now() - started);
    lags.push(await probe.stop());
  }
  return { query, hits, medianMs: median(times), lagMedianMs: median(lags), lagMaxMs: Math.max(...lags) };
}

/**
 * A 1 ms timer and the longest gap between two of its runs: what a window whose main process
 * runs this loop feels as frozen. (monitorEventLoopDelay's histogram missed a single long block
 * in a short window.) Stopping waits for one more run, so a block at the very end is counted.
 */
function startLagProbe(): { stop(): Promise<number> } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    async stop() {
      await sleep(5);
      clearInterval(timer);
      return longest;
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
