// The rows of the bench: each syncs the same seeded INBOX from a cold client state (fresh
// data dir or Maildir) as a child process, and verifies it got every message.
import { execFile } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { HEADER_FIELDS } from '../src-main/imap/fetch-headers';
import type { Lab, LabUser } from '../test/lab/lab';
import { makeTempDir, removeDir } from './cleanup';
import { runMeasured, type ChildRun } from './measure';
import type { ThreadCpu } from './thread-cpu';
import type { Tools } from './tools';
import { wrenListUpdate } from './ops/list-update-row';
import { imapflowMarkRead, imapflowMove, wrenMarkRead, wrenMove } from './ops/operation-rows';
import { mbsyncResync, wrenResync } from './ops/resync-rows';
import { wrenSearch } from './search/search-row';

const execFileAsync = promisify(execFile);

export interface BenchContext {
  root: string;
  lab: Lab;
  user: LabUser;
  expected: number;
  tools: Tools;
  /** The lab certificate as a PEM file, for mbsync and the imapflow child. */
  certFile: string;
  /** Where wren runs write V8 CPU profiles (--profile), or null. */
  profileDir: string | null;
}

export interface Lag {
  p50: number;
  p99: number;
  max: number;
}

export interface Measurement {
  wallMs: number;
  maxRssBytes: number | null;
  /** CPU time of the client process (all threads, user + system), when GNU time measured it. */
  cpuMs?: number | null;
  /** CPU ms by thread name ("main", wren's named workers, "node" for V8's and libuv's helpers), as sampled. */
  cpuByThread?: ThreadCpu | null;
  /** Messages the client ended up with (wren: its database; mbsync: Maildir files). */
  messages: number | null;
  verified: boolean;
  /** wren only: event-loop lag reported by `wren --stats`. */
  lag?: Lag;
  /** wren --bodies only: when the bodies phase began, from its progress output. */
  bodiesStartMs?: number;
  /** Bytes the client stored on disk (database + blobs, or Maildir). */
  storedBytes?: number;
  /** Further figures of a row, in ms (the operation rows: local apply, command answered, list round trips). */
  figures?: Record<string, number>;
}

export interface Runner {
  id: string;
  label: string;
  /** Set when the row cannot run here (a tool is missing); says what to install. */
  unavailable?: string;
  run(context: BenchContext, round: number): Promise<Measurement>;
}

export function allRunners(tools: Tools): Runner[] {
  return [
    { id: 'imapflow-headers', label: 'imapflow fetch headers', run: (c, round) => imapflowFetch(c, 'headers', round) },
    { id: 'wren-headers', label: 'wren sync', run: (c, round) => wrenSync(c, false, round) },
    { id: 'imapflow-bodies', label: 'imapflow fetch bodies', run: (c, round) => imapflowFetch(c, 'bodies', round) },
    { id: 'mbsync', label: 'mbsync (isync)', unavailable: 'missing' in tools.mbsync ? tools.mbsync.missing : undefined, run: (c) => mbsync(c) },
    { id: 'wren-bodies', label: 'wren sync --bodies', run: (c, round) => wrenSync(c, true, round) },
    { id: 'mbsync-resync', label: 'mbsync no-change', unavailable: 'missing' in tools.mbsync ? tools.mbsync.missing : undefined, run: (c) => mbsyncResync(c) },
    { id: 'wren-resync', label: 'wren no-change resync', run: (c) => wrenResync(c) },
    { id: 'imapflow-move', label: 'imapflow move 1,000', run: (c) => imapflowMove(c) },
    { id: 'wren-move', label: 'wren move 1,000', run: (c) => wrenMove(c) },
    { id: 'imapflow-mark-read', label: 'imapflow mark all read', run: (c) => imapflowMarkRead(c) },
    { id: 'wren-mark-read', label: 'wren mark all read', run: (c) => wrenMarkRead(c) },
    { id: 'wren-list-update', label: 'wren list update', run: (c) => wrenListUpdate(c) },
    { id: 'wren-search', label: 'wren search (query)', run: (c) => wrenSearch(c) },
  ];
}

function checkExit(what: string, run: ChildRun): void {
  if (run.exitCode !== 0) throw new Error(`${what} exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
}

// --- wren ----------------------------------------------------------------------------------

async function wrenSync(context: BenchContext, bodies: boolean, round: number): Promise<Measurement> {
  const dir = await makeTempDir('bench-wren-');
  try {
    const dataDir = path.join(dir, 'data');
    // The CLI keeps its key file in $XDG_CONFIG_HOME: point it into the temp dir too.
    const env = { ...process.env, WREN_PASSWORD: context.user.password, XDG_CONFIG_HOME: path.join(dir, 'config') };
    const wren = (args: string[]) => [path.join(context.root, 'bin', 'wren.cjs'), '--data-dir', dataDir, ...args];
    await execFileAsync(process.execPath, wren(addAccountArgs(context)), { env });
    // A folder per run and Node's own file names (they carry the thread id): the sync worker
    // inherits --cpu-prof and writes its profile beside the main thread's.
    const profile = context.profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(context.profileDir, `wren-${bodies ? 'bodies' : 'headers'}-run${round}`)}`]
      : [];
    const run = await runMeasured(process.execPath, [...profile, ...wren(['--json', '--stats', 'sync', ...(bodies ? ['--bodies'] : [])])], {
      env,
      timeTool: context.tools.time,
      markers: { bodies: /bodies INBOX/ },
    });
    checkExit(`wren sync${bodies ? ' --bodies' : ''}`, run);
    const stats = parseWrenStats(run.stderr);
    const summary = (JSON.parse(run.stdout) as Array<{ newMessages?: number; bodiesFetched?: number; error?: unknown }>)[0];
    const inbox = await inboxTotal(wren, env);
    const verified = inbox === context.expected && summary?.newMessages === context.expected && (!bodies || summary?.bodiesFetched === context.expected);
    return {
      wallMs: run.wallMs,
      maxRssBytes: run.maxRssBytes ?? stats?.maxRssBytes ?? null,
      cpuMs: run.cpuMs,
      cpuByThread: run.cpuByThread,
      messages: inbox,
      verified,
      lag: stats?.eventLoopDelayMs,
      bodiesStartMs: bodies ? run.marks.bodies : undefined,
      storedBytes: await diskUsage(dataDir),
    };
  } finally {
    await removeDir(dir);
  }
}

function addAccountArgs(context: BenchContext): string[] {
  const { lab, user } = context;
  return ['account', 'add', '--email', user.email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps), '--imap-security', 'tls', '--trust-fingerprint', lab.certFingerprint256];
}

interface WrenStats {
  wallMs: number;
  maxRssBytes: number;
  eventLoopDelayMs: Lag;
}

/** The `wren-stats {json}` line that `wren --stats` prints last on stderr. */
function parseWrenStats(stderr: string): WrenStats | null {
  // Not anchored: the line follows the progress output's carriage returns and erase codes.
  const json = [...stderr.matchAll(/wren-stats (\{.*\})/g)].at(-1)?.[1];
  return json ? (JSON.parse(json) as WrenStats) : null;
}

/** What wren's database holds for INBOX, as the user would see it: `wren --json folders 1`. */
async function inboxTotal(wren: (args: string[]) => string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  const { stdout } = await execFileAsync(process.execPath, wren(['--json', 'folders', '1']), { env });
  const folders = JSON.parse(stdout) as Array<{ path: string; total: number }>;
  return folders.find((f) => f.path === 'INBOX')?.total ?? null;
}

// --- imapflow ------------------------------------------------------------------------------

async function imapflowFetch(context: BenchContext, mode: 'headers' | 'bodies', round: number): Promise<Measurement> {
  const { lab, user } = context;
  // The header fields wren's sync asks for, so that both rows fetch the same.
  const connection = { host: lab.host, port: lab.ports.imaps, user: user.email, pass: user.password, caFile: context.certFile, headerFields: HEADER_FIELDS };
  // Profiled too when wren is, so that both rows pay the profiler's overhead and compare.
  const profile = context.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(context.profileDir, `imapflow-${mode}-run${round}`)}`] : [];
  const run = await runMeasured(process.execPath, [...profile, path.join(context.root, 'bench', 'imapflow-fetch.mjs'), mode], {
    env: { ...process.env, BENCH_IMAP: JSON.stringify(connection) },
    timeTool: context.tools.time,
  });
  checkExit(`imapflow fetch ${mode}`, run);
  const result = JSON.parse(run.stdout) as { messages: number; maxRssBytes: number };
  return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes ?? result.maxRssBytes, cpuMs: run.cpuMs, cpuByThread: run.cpuByThread, messages: result.messages, verified: result.messages === context.expected };
}

// --- mbsync --------------------------------------------------------------------------------

async function mbsync(context: BenchContext): Promise<Measurement> {
  const tool = context.tools.mbsync;
  if ('missing' in tool) throw new Error(tool.missing);
  const dir = await makeTempDir('bench-mbsync-');
  try {
    const mailDir = path.join(dir, 'mail');
    await mkdir(mailDir);
    const rc = path.join(dir, 'mbsyncrc');
    await writeFile(rc, mbsyncConfig(context, tool.tlsKeyword, mailDir), { mode: 0o600 });
    const run = await runMeasured(tool.path, ['-c', rc, '-a'], { timeTool: context.tools.time });
    checkExit('mbsync', run);
    const messages = await maildirCount(path.join(mailDir, 'INBOX'));
    return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, cpuMs: run.cpuMs, messages, verified: messages === context.expected, storedBytes: await diskUsage(mailDir) };
  } finally {
    await removeDir(dir);
  }
}

/**
 * Pull-only, INBOX only, into a fresh Maildir. Host is "localhost", the name in the lab
 * certificate: mbsync 1.4 does not match IP addresses in certificates. FSync stays at mbsync's
 * default (yes): wren flushes its blobs before recording them, so both clients pay for durable
 * writes and the bench compares like with like. (The lab's Dovecot runs with mail_fsync=never;
 * that is the server's side, the same for every row.)
 */
export function mbsyncConfig(context: BenchContext, tlsKeyword: string, mailDir: string): string {
  const { lab, user } = context;
  return `FSync yes

IMAPAccount lab
Host localhost
Port ${lab.ports.imaps}
User ${user.email}
Pass "${user.password}"
${tlsKeyword} IMAPS
CertificateFile ${context.certFile}

IMAPStore lab-far
Account lab

MaildirStore local
Path ${mailDir}/
Inbox ${mailDir}/INBOX

Channel pull
Far :lab-far:
Near :local:
Patterns INBOX
Sync Pull
Create Near
SyncState *
`;
}

export async function maildirCount(maildir: string): Promise<number> {
  let total = 0;
  for (const sub of ['cur', 'new']) total += (await readdir(path.join(maildir, sub)).catch(() => [])).length;
  return total;
}

// --- helpers -------------------------------------------------------------------------------

async function diskUsage(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? await diskUsage(file) : (await stat(file)).size;
  }
  return total;
}
