// `npm run bench`: seeds the lab's INBOX with realistic mail, then times wren's sync against
// mbsync and a bare imapflow fetch of the same mailbox. Loaded by scripts/bench.mjs.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLab, type Lab } from '../test/lab/lab';
import { runBigHtmlBench } from './big-html/big-html-bench';
import { runPushBench } from './push/push-latency-bench';
import { runMboxBench } from './mbox/mbox-bench';
import { runPop3Bench } from './pop3/pop3-bench';
import { runSendBench } from './send/send-bench';
import { runSearchLagBench } from './search/search-lag-bench';
import { runJunkBench } from './junk/junk-bench';
import { atCleanup, cleanUpOnSignals, cleanupAll, makeTempDir, stopping } from './cleanup';
import type { MailboxPlan } from './generator/generate-message';
import { USAGE, parseOptions, type BenchOptions } from './options';
import { summarizeProfile } from './profile-summary';
import { describeMailbox, lagWarnings, printReport, ratios, summarize, type BenchReport, type RowResult } from './report';
import { allRunners, type BenchContext, type Runner } from './runners';
import { seedInbox } from './seed-maildir';
import { detectTools, type Tools } from './tools';

const say = (line: string) => process.stdout.write(`${line}\n`);

export async function runBench(argv: string[], root: string): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    say(USAGE);
    return 0;
  }
  cleanUpOnSignals();
  if (options.bigHtml !== null) return runBigHtml(root, options.bigHtml);
  if (options.push !== null) return runAlone(() => runPushBench(root, options.push!, say));
  if (options.pop3) return runAlone(() => runPop3Bench(root, options.messages, options.seed, say));
  if (options.send !== null) return runAlone(() => runSendBench(root, options.send!, options.only, say, options.profile, options.runs));
  if (options.mbox !== null) return runAlone(() => runMboxBench(root, options.mbox!, options.seed, say));
  if (options.searchLag !== null) return runAlone(() => runSearchLagBench(root, options.searchLag!, options.seed, say));
  if (options.junk !== null) return runAlone(() => runJunkBench(root, options.junk!, options.seed, say));
  try {
    const tools = detectTools();
    describeTools(tools);
    const lab = await startLab();
    atCleanup(() => lab.stop());
    const user = lab.users[0]!;
    const mailbox = await seed(lab, user.email, options);
    for (const line of describeMailbox(mailbox)) say(line);
    const context: BenchContext = { root, lab, user, expected: options.messages, tools, certFile: await writeCert(lab), profileDir: await profileDir(root, options) };
    const rows = await measureRows(context, selectRunners(tools, options.only), options.runs);
    const report: BenchReport = {
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.release()}` },
      options: { messages: options.messages, runs: options.runs, seed: options.seed },
      tools: { mbsync: 'version' in tools.mbsync ? tools.mbsync.version : null, time: tools.time },
      mailbox,
      rows,
      ratios: ratios(rows),
      warnings: lagWarnings(rows),
      notes: [...tools.notes, 'Figures are ratios within this run; absolute times vary with the machine\'s load.'],
      profiles: context.profileDir ? await summarizeProfiles(context.profileDir, options.runs) : undefined,
    };
    printReport(report, say);
    const file = await writeResults(root, report);
    say(`\nResults: ${path.relative(root, file)}`);
    return rows.every((row) => row.skipped || (row.median?.verified && !row.error)) ? 0 : 1;
  } catch (error) {
    if (error instanceof Interrupted) return 130;
    throw error;
  } finally {
    await cleanupAll();
  }
}

function runBigHtml(root: string, megabytes: number): Promise<number> {
  return runAlone(() => runBigHtmlBench(root, megabytes, say));
}

/** A bench of its own instead of the sync rows: 130 when interrupted, everything cleaned up. */
async function runAlone(bench: () => Promise<void>): Promise<number> {
  try {
    await bench();
    return 0;
  } catch (error) {
    if (stopping()) return 130;
    throw error;
  } finally {
    await cleanupAll();
  }
}

/** Ctrl-C during a run: the signal handler cleans up and exits; nothing more is printed. */
class Interrupted extends Error {}

function describeTools(tools: Tools): void {
  say(`mbsync: ${'version' in tools.mbsync ? `${tools.mbsync.version} (${tools.mbsync.path})` : tools.mbsync.missing}`);
  say(`peak RSS: ${tools.time ? `GNU time (${tools.time})` : 'sampled from /proc/PID/status'}`);
}

async function seed(lab: Lab, user: string, options: BenchOptions) {
  const plan: MailboxPlan = {
    count: options.messages,
    seed: options.seed,
    owner: { name: 'Alice Example', address: user },
    end: new Date('2025-06-01T00:00:00Z'),
    spanDays: 730,
  };
  say(`Seeding ${options.messages} messages into ${user}'s INBOX...`);
  const showProgress = process.stdout.isTTY;
  const mailbox = await seedInbox(lab, user, plan, (done) => {
    if (showProgress) process.stdout.write(`\r  ${done}/${options.messages}`);
  });
  if (showProgress) process.stdout.write('\r\u001b[K');
  return mailbox;
}

async function writeCert(lab: Lab): Promise<string> {
  const file = path.join(await makeTempDir('bench-cert-'), 'lab-cert.pem');
  await writeFile(file, lab.certPem);
  return file;
}

async function profileDir(root: string, options: BenchOptions): Promise<string | null> {
  if (!options.profile) return null;
  const dir = path.join(root, 'test-artifacts', 'bench-profiles');
  // Old profiles would be summarized as if they were this run's.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The last round's profiles, one per thread (the runs are alike; one of each is enough to read). */
async function summarizeProfiles(dir: string, rounds: number): Promise<BenchReport['profiles']> {
  const runs = (await readdir(dir)).filter((name) => name.endsWith(`-run${rounds}`)).sort();
  const files = (await Promise.all(runs.map(async (run) => (await readdir(path.join(dir, run))).map((file) => path.join(run, file))))).flat();
  return files.map((file) => ({ file: path.join('test-artifacts', 'bench-profiles', file), summary: summarizeProfile(path.join(dir, file)) }));
}

function selectRunners(tools: Tools, only: string[]): Runner[] {
  const runners = allRunners(tools);
  const unknown = only.filter((id) => !runners.some((r) => r.id === id));
  if (unknown.length) throw new Error(`unknown row(s) for --only: ${unknown.join(', ')} (known: ${runners.map((r) => r.id).join(', ')})`);
  return only.length ? runners.filter((r) => only.includes(r.id)) : runners;
}

/** Rounds of all rows in turn (not all runs of one row, then the next), so drift in machine load spreads over every row. */
async function measureRows(context: BenchContext, runners: Runner[], rounds: number): Promise<RowResult[]> {
  const rows: RowResult[] = runners.map((r) => ({ id: r.id, label: r.label, runs: [], skipped: r.unavailable }));
  for (let round = 1; round <= rounds; round += 1) {
    for (const [i, runner] of runners.entries()) {
      const row = rows[i]!;
      if (row.skipped || row.error) continue;
      process.stdout.write(`[${round}/${rounds}] ${runner.label.padEnd(24)} `);
      flushDisk();
      try {
        const m = await runner.run(context, round);
        if (stopping()) throw new Interrupted();
        row.runs.push(m);
        say(`${(m.wallMs / 1000).toFixed(2)} s, ${m.messages} messages${m.verified ? '' : ' (WRONG COUNT)'}`);
      } catch (error) {
        if (stopping()) throw new Interrupted();
        row.error = (error as Error).message;
        say(`failed: ${row.error.split('\n')[0]}`);
      }
    }
  }
  for (const row of rows) row.median = summarize(row.runs);
  return rows;
}

/**
 * Writes the page cache out before each run. A run leaves hundreds of MB of dirty pages (and
 * the removal of its folder); flushed during the next run, they slowed whichever row came
 * next by seconds (seen: the same wren build 6 s or 9 s for its bodies, depending on its turn).
 */
function flushDisk(): void {
  execFileSync('sync');
}

async function writeResults(root: string, report: BenchReport): Promise<string> {
  const dir = path.join(root, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'bench-results.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
