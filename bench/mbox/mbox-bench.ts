// `npm run bench -- --mbox [MB]`: import and export of one large mbox (mboxrd) into a local
// folder by the `wren` CLI, against Python's `mailbox` module (the standard library's mbox
// reader, one message at a time into a Maildir) on the same file. Two sizes, to show that
// Wren's peak RSS stays flat as the file grows (issue 7: "a 2 GB mbox stays in flat memory").
// Results: test-artifacts/bench-mbox.json.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { atCleanup, makeTempDir, removeDir } from '../cleanup';
import { generateMessage, type MailboxPlan } from '../generator/generate-message';
import { runMeasured } from '../measure';
import { megabytes } from '../report';
import { detectTools } from '../tools';

const execFileAsync = promisify(execFile);

interface Run {
  wallMs: number;
  maxRssBytes: number | null;
  messages: number;
}

interface SizeResult {
  megabytes: number;
  messages: number;
  wrenImport: Run;
  wrenExport: Run;
  python: Run;
  importRatio: number;
}

/** The smaller file, to compare peak RSS with the big one. */
const SMALL_MB = 200;

export async function runMboxBench(root: string, sizeMb: number, seed: number, say: (line: string) => void): Promise<void> {
  const timeTool = detectTools().time;
  const work = await makeTempDir('bench-mbox-');
  atCleanup(() => removeDir(work));
  const results: SizeResult[] = [];
  for (const mb of [...new Set([Math.min(SMALL_MB, sizeMb), sizeMb])]) {
    const file = path.join(work, `bench-${mb}.mbox`);
    say(`Writing a ${mb} MB mbox of generated mail...`);
    const messages = await writeMbox(file, mb * 1024 * 1024, seed);
    const context = { root, work, file, timeTool };
    const wrenImport = await step(`wren import ${mb} MB`, () => wrenImportRun(context), say);
    const wrenExport = await step(`wren export ${mb} MB`, () => wrenExportRun(context), say);
    const python = await step(`python mailbox ${mb} MB`, () => pythonRun(context), say);
    for (const run of [wrenImport, wrenExport, python]) {
      if (run.messages !== messages) throw new Error(`expected ${messages} messages, a run found ${run.messages}`);
    }
    results.push({ megabytes: mb, messages, wrenImport, wrenExport, python, importRatio: wrenImport.wallMs / python.wallMs });
    await removeDir(path.join(work, 'data'));
  }
  for (const r of results) {
    say(`${r.megabytes} MB, ${r.messages} messages: wren import ${(r.importRatio).toFixed(2)}x python mailbox; peak RSS import ${megabytes(r.wrenImport.maxRssBytes)}, export ${megabytes(r.wrenExport.maxRssBytes)}, python ${megabytes(r.python.maxRssBytes)}`);
  }
  const dir = path.join(root, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'bench-mbox.json'), `${JSON.stringify({ finishedAt: new Date().toISOString(), seed, results }, null, 2)}\n`);
  say('Results: test-artifacts/bench-mbox.json');
}

interface MboxContext {
  root: string;
  work: string;
  file: string;
  timeTool: string | null;
}

function wrenArgs(context: MboxContext, args: string[]): string[] {
  return [path.join(context.root, 'bin', 'wren.cjs'), '--data-dir', path.join(context.work, 'data'), ...args];
}

async function wrenImportRun(context: MboxContext): Promise<Run> {
  await execFileAsync(process.execPath, wrenArgs(context, ['folder', 'create', 'local', 'Bench']));
  const run = await runMeasured(process.execPath, wrenArgs(context, ['--json', 'import', 'local', 'Bench', context.file]), { timeTool: context.timeTool });
  if (run.exitCode !== 0) throw new Error(`wren import exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
  const { stdout } = await execFileAsync(process.execPath, wrenArgs(context, ['--json', 'folders', 'local']), { maxBuffer: 64 * 1024 * 1024 });
  const folder = (JSON.parse(stdout) as Array<{ path: string; total: number }>).find((f) => f.path === 'Bench');
  return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, messages: folder?.total ?? 0 };
}

async function wrenExportRun(context: MboxContext): Promise<Run> {
  const out = path.join(context.work, 'exported.mbox');
  const run = await runMeasured(process.execPath, wrenArgs(context, ['export', 'local', 'Bench', '--mbox', out]), { timeTool: context.timeTool });
  if (run.exitCode !== 0) throw new Error(`wren export exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
  const messages = await countFromLines(out);
  await removeDir(out);
  return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, messages };
}

/** The reference: Python's mailbox module copying every message of the mbox into a Maildir. */
async function pythonRun(context: MboxContext): Promise<Run> {
  const maildir = path.join(context.work, 'python-maildir');
  const script = [
    'import mailbox, sys',
    'source = mailbox.mbox(sys.argv[1], create=False)',
    'target = mailbox.Maildir(sys.argv[2], create=True)',
    'count = 0',
    'for key in source.iterkeys():',
    '    target.add(source.get_bytes(key))',
    '    count += 1',
    'print(count)',
  ].join('\n');
  const run = await runMeasured('python3', ['-c', script, context.file, maildir], { timeTool: context.timeTool });
  if (run.exitCode !== 0) throw new Error(`python exited with ${run.exitCode}: ${run.stderr.slice(-2000)}`);
  await removeDir(maildir);
  return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, messages: Number(run.stdout.trim()) };
}

/** Generated messages as mboxrd until the file reaches `bytes`; gives the count. */
async function writeMbox(file: string, bytes: number, seed: number): Promise<number> {
  const plan: MailboxPlan = { count: 1_000_000, seed, owner: { name: 'Alice Example', address: 'alice@example.test' }, end: new Date('2025-06-01T00:00:00Z'), spanDays: 730 };
  const out = createWriteStream(file);
  let written = 0;
  let count = 0;
  while (written < bytes) {
    const message = generateMessage(count, plan);
    const entry = mboxrdEntry(message.source, message.internalDate);
    if (!out.write(entry)) await once(out, 'drain');
    written += entry.length;
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  if ((await stat(file)).size !== written) throw new Error('the mbox was not written whole');
  return count;
}

/** One mboxrd entry: the From_ line, LF line ends, `>*From ` lines quoted with one more '>'. */
function mboxrdEntry(source: Buffer, date: Date): Buffer {
  const text = source.toString('latin1').replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return Buffer.from(`From bench@example.test ${date.toUTCString().replace(/,/g, '')}\n${body}\n`, 'latin1');
}

async function countFromLines(file: string): Promise<number> {
  const { stdout } = await execFileAsync('grep', ['-c', '^From ', file]);
  return Number(stdout.trim());
}

async function step(label: string, run: () => Promise<Run>, say: (line: string) => void): Promise<Run> {
  process.stdout.write(`${label.padEnd(28)} `);
  const result = await run();
  say(`${(result.wallMs / 1000).toFixed(2)} s, peak RSS ${megabytes(result.maxRssBytes)}, ${result.messages} messages`);
  return result;
}
