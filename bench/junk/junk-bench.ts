// `npm run bench -- --junk [N]`: the adaptive junk filter against bogofilter (apt: bogofilter; the classic
// Bayesian filter, Robinson–Fisher as Wren's) on the same generated mail: training on N junk and N good
// messages, then scoring N/2 of each never seen. Times both, with Wren's main-thread lag while it scores
// (Run Junk Mail Controls runs on the core's thread), and how many junk each caught and how many good
// messages each took for junk. Writes test-artifacts/bench-junk.json.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { JunkFilter } from '../../src-main/junk/junk-filter';
import { JUNK_THRESHOLD } from '../../src-main/junk/junk-score';
import type { MailOperation } from '../../src-main/ipc/contract';
import type { HeaderRecord } from '../../src-main/store/messages-repo';
import { Store } from '../../src-main/store/store';
import { makeTempDir, removeDir } from '../cleanup';
import { withLag, type Lag } from '../send/event-loop-lag';
import { installWithApt } from '../tools';
import { labelledMessage, messageFile, type LabelledMessage } from './junk-mail-pool';

/** Messages the user marks at once (a selection), in the training. */
const SELECTION = 50;

interface Verdicts {
  /** Junk among the unseen junk found junk. */
  caught: number;
  /** Good among the unseen good found junk. */
  falseJunk: number;
}

interface SideFigures extends Verdicts {
  trainMs: number;
  scoreMs: number;
}

export async function runJunkBench(root: string, perKind: number, seed: number, say: (line: string) => void): Promise<void> {
  const notes: string[] = [];
  if (!existsSync('/usr/bin/bogofilter')) installWithApt(['bogofilter'], notes);
  notes.forEach(say);
  if (!existsSync('/usr/bin/bogofilter')) throw new Error('bogofilter is needed for the comparison: apt-get install bogofilter');
  const unseen = Math.max(1, Math.floor(perKind / 2));
  const make = (from: number, count: number, junk: boolean) => Array.from({ length: count }, (_, i) => labelledMessage(seed, from + i, junk));
  const train = [...make(0, perKind, true), ...make(perKind, perKind, false)];
  const test = [...make(2 * perKind, unseen, true), ...make(2 * perKind + unseen, unseen, false)];
  say(`Training on ${perKind} junk and ${perKind} good messages, scoring ${unseen} of each never seen…`);
  const dir = await makeTempDir('bench-junk-');
  try {
    const wren = await wrenSide(path.join(dir, 'wren'), train, test);
    const bogofilter = await bogofilterSide(path.join(dir, 'bogofilter'), train, test);
    const rows = [['wren', wren], ['bogofilter', bogofilter.atItsCutoff]] as const;
    for (const [name, f] of rows) say(`  ${name.padEnd(11)} train ${f.trainMs.toFixed(0).padStart(6)} ms  score ${f.scoreMs.toFixed(0).padStart(6)} ms  caught ${f.caught}/${unseen}  good taken for junk ${f.falseJunk}/${unseen}`);
    say(`  bogofilter at Wren's threshold (${JUNK_THRESHOLD}): caught ${bogofilter.atWrenThreshold.caught}/${unseen}, good taken for junk ${bogofilter.atWrenThreshold.falseJunk}/${unseen}`);
    say(`  ratios (wren / bogofilter): training ${(wren.trainMs / bogofilter.atItsCutoff.trainMs).toFixed(2)}x, scoring ${(wren.scoreMs / bogofilter.atItsCutoff.scoreMs).toFixed(2)}x`);
    say(`  wren's main thread while scoring: lag p50 ${wren.lag.p50} / p99 ${wren.lag.p99} / max ${wren.lag.max} ms; longest training of a selection of ${SELECTION}: ${wren.longestLearnMs.toFixed(1)} ms`);
    await mkdir(path.join(root, 'test-artifacts'), { recursive: true });
    const file = path.join(root, 'test-artifacts', 'bench-junk.json');
    await writeFile(file, JSON.stringify({ finishedAt: new Date().toISOString(), perKind, unseen, seed, wren, bogofilter }, null, 2));
    say(`\nResults: ${path.relative(root, file)}`);
  } finally {
    await removeDir(dir);
  }
}

/** Wren's filter over a store, as the app runs it: trained a selection at a time from stored bodies, then run over a folder. */
async function wrenSide(dataDir: string, train: LabelledMessage[], test: LabelledMessage[]): Promise<SideFigures & { lag: Lag; longestLearnMs: number }> {
  await mkdir(dataDir, { recursive: true });
  const store = new Store(dataDir);
  try {
    const { ids: trainIds } = storeMessages(store, 'Train', train);
    const { ids: testIds, folderId: testFolder } = storeMessages(store, 'Test', test);
    const marked = new Set<number>();
    const record = async (operation: MailOperation) => {
      if (operation.kind === 'flags') operation.messageIds.forEach((id) => marked.add(id));
    };
    const filter = new JunkFilter(store, record, async () => null, () => 'mark');
    let longestLearnMs = 0;
    const trainStart = performance.now();
    for (let at = 0; at < train.length; at += SELECTION) {
      const started = performance.now();
      filter.learn(trainIds.slice(at, at + SELECTION), train[at]!.junk);
      longestLearnMs = Math.max(longestLearnMs, performance.now() - started);
    }
    const trainMs = performance.now() - trainStart;
    const scoreStart = performance.now();
    const { lag } = await withLag(() => filter.runOnFolder(testFolder));
    const scoreMs = performance.now() - scoreStart;
    const verdicts = countVerdicts(test, (i) => marked.has(testIds[i]!));
    return { trainMs, scoreMs, ...verdicts, lag, longestLearnMs };
  } finally {
    store.close();
  }
}

function storeMessages(store: Store, folder: string, messages: LabelledMessage[]): { folderId: number; ids: number[] } {
  const folderId = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, is_local) VALUES (NULL, ?, ?, 1)").run(folder, folder).lastInsertRowid);
  return store.write(() => {
    const ids = store.messages.insertHeaders(folderId, messages.map(header));
    ids.forEach((id, i) => store.bodies.saveBody(id, { text: messages[i]!.text, html: null, warnings: [] }));
    return { folderId, ids };
  });
}

function header(message: LabelledMessage): HeaderRecord {
  return {
    uid: message.index + 1, uidl: null, messageId: `<junk-bench-${message.index}@example.test>`, inReplyTo: null, threadRoot: null,
    subject: message.subject, from: { name: '', address: message.from }, to: [{ name: '', address: 'me@example.test' }], cc: [],
    date: Date.UTC(2026, 0, 1) + message.index * 60_000, internalDate: null, size: message.text.length, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
}

/** bogofilter trained in bulk (-s, -n, file names on stdin), then scoring in bulk (-T: each file's verdict and score). */
async function bogofilterSide(dir: string, train: LabelledMessage[], test: LabelledMessage[]) {
  const db = path.join(dir, 'db');
  await mkdir(db, { recursive: true });
  const files = async (messages: LabelledMessage[]) => {
    const names: string[] = [];
    for (const message of messages) {
      const name = path.join(dir, `${message.index}.eml`);
      await writeFile(name, messageFile(message));
      names.push(name);
    }
    return names;
  };
  const junkFiles = await files(train.filter((m) => m.junk));
  const goodFiles = await files(train.filter((m) => !m.junk));
  const testFiles = await files(test);
  const trainStart = performance.now();
  await bogofilter(['-d', db, '-s', '-b'], junkFiles);
  await bogofilter(['-d', db, '-n', '-b'], goodFiles);
  const trainMs = performance.now() - trainStart;
  const scoreStart = performance.now();
  const lines = (await bogofilter(['-d', db, '-T', '-b'], testFiles)).trim().split('\n');
  const scoreMs = performance.now() - scoreStart;
  const byFile = new Map(lines.map((line) => line.split(' ')).map(([file, verdict, score]) => [file!, { verdict: verdict!, score: Number(score) }]));
  const answer = (i: number) => byFile.get(testFiles[i]!)!;
  return {
    atItsCutoff: { trainMs, scoreMs, ...countVerdicts(test, (i) => answer(i).verdict === 'S') },
    atWrenThreshold: countVerdicts(test, (i) => answer(i).score >= JUNK_THRESHOLD),
  };
}

function countVerdicts(test: LabelledMessage[], foundJunk: (index: number) => boolean): Verdicts {
  let caught = 0;
  let falseJunk = 0;
  test.forEach((message, i) => {
    if (!foundJunk(i)) return;
    if (message.junk) caught++;
    else falseJunk++;
  });
  return { caught, falseJunk };
}

/** Runs bogofilter with file names on stdin; its exit code is its verdict (0 spam, 1 ham, 2 unsure), 3 an error. */
function bogofilter(args: string[], fileNames: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/bogofilter', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 3 ? reject(new Error(`bogofilter failed: ${stderr}`)) : resolve(stdout)));
    child.stdin.end(`${fileNames.join('\n')}\n`);
  });
}
