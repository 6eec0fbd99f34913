// `npm run bench -- --send [N]`: N messages of mixed sizes sent through Wren's outbox, against a bare
// nodemailer pooled transport sending the same messages (target: outbox <= 1.2x), twice: handed over by
// the composer (the outbox builds, stores and sends them; nodemailer builds and sends), and already queued
// (the outbox sends what it stored; nodemailer sends them built beforehand). Then msmtp (one process per
// message, the common command-line choice), all to one SMTP sink; then peak RSS while the outbox sends a
// 50 MB attachment. Writes test-artifacts/bench-send.json.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { labDraft, startCore, type TestCore } from '../../test/integration/imap/lab-core';
import { startLab } from '../../test/lab/lab';
import { atCleanup, makeTempDir } from '../cleanup';
import { makeSendSet, type BenchMessage } from './send-set';
import { withLag, type Lag } from './event-loop-lag';
import { withCpuTime, type CpuTime } from './cpu-time';
import { plainTextOf } from '../../src-main/outbox/plain-text';
import { describeSummary, profiled } from './row-profile';
import { startSinkSmtp, type SinkSmtp } from './sink-smtp';
import { phasesPerMessage, phasesText, type PhasesPerMessage } from './sink-phases';

const TARGET_RATIO = 1.2;
const RECIPIENT = 'bob@example.test';

interface SendPair {
  bare: { ms: number; lag: Lag; cpu: CpuTime; phases: PhasesPerMessage };
  /** From the composer's hand-over: queueing (building, storing) and sending. */
  outbox: { ms: number; queueMs: number; lag: Lag; cpu: CpuTime; phases: PhasesPerMessage; profile: unknown };
  ratio: number;
  /** nodemailer sending the messages built beforehand: the baseline of `drain`. */
  bareBuilt: { ms: number; lag: Lag; cpu: CpuTime; phases: PhasesPerMessage };
  /** Already queued: from the moment they fall due to the last one sent. */
  drain: { ms: number; lag: Lag; cpu: CpuTime; phases: PhasesPerMessage };
  drainRatio: number;
}

export async function runSendBench(root: string, count: number, only: string[], say: (line: string) => void, profile = false, runs = 1): Promise<void> {
  const wanted = (row: string) => only.length === 0 || only.includes(row);
  const lab = await startLab();
  atCleanup(() => lab.stop());
  const alice = lab.users[0]!;
  const sink = await startSinkSmtp(alice.email, alice.password);
  atCleanup(() => sink.close());
  const dir = await makeTempDir('wren-send-bench-');
  const set = makeSendSet(count, dir);
  // As in the app: the outbox's work in its bundled worker threads, syncing in its own (which also sets the main
  // thread's checkpoint threshold as the app has it); `npm run bench` builds dist/main first.
  const dist = path.join(root, 'dist', 'main');
  const wren = startCore({ outboxWorkerPath: path.join(dist, 'outbox-worker.cjs'), syncWorkerPath: path.join(dist, 'sync-worker.cjs') });
  atCleanup(() => wren.dispose());
  const smtp = { host: '127.0.0.1', port: sink.port, security: 'none' as const, user: alice.email };
  const accountId = (await wren.call('accounts.add', labDraft(lab, alice, { smtp, allowPlaintext: true }))).id;
  // nodemailer and msmtp file no Sent copy; neither does the outbox here, so the rows compare sending alone.
  await wren.call('outbox.setSentCopy', { accountId, sentCopy: 'off' });
  const totalBytes = set.reduce((sum, m) => sum + m.text.length + (m.html?.length ?? 0) + m.attachments.reduce((s, a) => s + a.size, 0), 0);
  say(`Send bench: ${count} messages (${(totalBytes / 1e6).toFixed(1)} MB of content), to an SMTP sink on loopback`);

  // The same messages on every row: HTML mail carries its plain-text alternative. The app's composer hands the
  // outbox the editor's text with its HTML (innerText, see rich-text-editor.tsx), so the outbox row is given
  // it too, as bare nodemailer is; the outbox makes one itself (plainTextOf) only when a message comes without.
  const texts = set.map((message) => (message.html && message.text.trim() === '' ? plainTextOf(message.html) : message.text));
  const out = path.join(root, 'test-artifacts');
  await mkdir(out, { recursive: true });
  const profileFile = path.join(out, 'bench-send-outbox.cpuprofile');
  // Rounds of rows, bare then outbox, `runs` times: this machine's load drifts, and a round's ratios are
  // measured under the same drift. The median round is reported. Two comparisons in each: from the composer's
  // hand-over (the outbox builds and stores, then sends; bare nodemailer builds and sends), and from the
  // queue (the outbox sends what it stored; bare nodemailer sends the same messages built beforehand).
  const pairs: SendPair[] = [];
  const built: Buffer[] = [];
  for (const [i, message] of set.entries()) built.push(await buffer(new MailComposer(mailOf(message, texts[i]!, alice.email)).compile().createReadStream()));
  for (let run = 1; run <= runs; run += 1) {
    if (runs > 1) say(`  round ${run} of ${runs}:`);
    const bareRun = await withCpuTime(() => withLag(() => timed(sink, count, () => sendBare(set, texts, sink.port, alice))));
    const bare = { ...bareRun.result.result, lag: bareRun.result.lag, cpu: bareRun.cpu };
    say(`  bare nodemailer pool:  ${bare.ms} ms   ${cpuText(bare.cpu)}   main-thread lag ${lagText(bare.lag)}`);
    say(`                         ${phasesText(bare.phases)}`);
    // The composer stages a file when it is picked, long before Send: done beforehand, not timed.
    const staged = await stageAttachments(wren, set);
    // Profiled (when asked) in the last pair only.
    const sent = await profiled(profile && run === runs, profileFile, () => withCpuTime(() => withLag(() => timeOutbox(wren, accountId, set, texts, staged, sink))));
    const outbox = { ...sent.result.result.result, lag: sent.result.result.lag, cpu: sent.result.cpu, profile: sent.summary };
    const ratio = outbox.ms / bare.ms;
    say(`  wren outbox:           ${outbox.ms} ms (of which queueing: ${outbox.queueMs} ms)   ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x)`);
    say(`                         ${cpuText(outbox.cpu)}   main-thread lag ${lagText(outbox.lag)}`);
    say(`                         ${phasesText(outbox.phases)}`);
    if (sent.summary) describeSummary(sent.summary, say, profileFile);
    // Queued beforehand (untimed), sent from the moment they fall due.
    const drainBefore = await sink.accepted();
    const { ids, sendAt } = await timeDrain(wren, accountId, set, texts, await stageAttachments(wren, set), sink, outbox.queueMs * 2 + 2000);
    await sink.phases(); // nothing went since: Send later holds them until sendAt
    const drained = await withCpuTime(() => withLag(() => timedFrom(sendAt, () => waitAllSent(wren, ids, sink, drainBefore))));
    const drain = { ms: drained.result.result.ms, lag: drained.result.lag, cpu: drained.cpu, phases: phasesPerMessage(await sink.phases()) };
    // Its baseline does the same work: nodemailer sending the same messages built beforehand (untimed), as raw.
    const bareBuiltRun = await withCpuTime(() => withLag(() => timed(sink, count, () => sendBareBuilt(built, sink.port, alice))));
    const bareBuilt = { ...bareBuiltRun.result.result, lag: bareBuiltRun.result.lag, cpu: bareBuiltRun.cpu };
    const drainRatio = drain.ms / bareBuilt.ms;
    say(`  bare, built beforehand: ${bareBuilt.ms} ms   ${cpuText(bareBuilt.cpu)}   main-thread lag ${lagText(bareBuilt.lag)}`);
    say(`                         ${phasesText(bareBuilt.phases)}`);
    say(`  wren outbox, queued:   ${drain.ms} ms (${count} queued messages falling due at once)   ratio ${drainRatio.toFixed(2)}x against bare built beforehand (target <= ${TARGET_RATIO}x)`);
    say(`                         ${cpuText(drain.cpu)}   main-thread lag ${lagText(drain.lag)}`);
    say(`                         ${phasesText(drain.phases)}`);
    pairs.push({ bare, outbox, ratio, bareBuilt, drain, drainRatio });
  }
  const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor((pairs.length - 1) / 2)]!;
  const ratio = median.ratio;
  const drainMedian = [...pairs].sort((a, b) => a.drainRatio - b.drainRatio)[Math.floor((pairs.length - 1) / 2)]!;
  if (runs > 1) {
    say(`  median of ${runs} rounds, from hand-over: ratio ${ratio.toFixed(2)}x (bare ${median.bare.ms} ms, outbox ${median.outbox.ms} ms; rounds ${pairs.map((p) => p.ratio.toFixed(2)).join(', ')})`);
    say(`  median of ${runs} rounds, already queued: ratio ${drainMedian.drainRatio.toFixed(2)}x (bare built beforehand ${drainMedian.bareBuilt.ms} ms, outbox ${drainMedian.drain.ms} ms; rounds ${pairs.map((p) => p.drainRatio.toFixed(2)).join(', ')})`);
  }
  const bare = median.bare;
  const msmtp = wanted('msmtp') ? await timeMsmtp(set, texts, sink, alice, dir, say) : null;
  if (msmtp) say(`  msmtp (1 process each): ${msmtp.ms} ms   ratio ${(msmtp.ms / bare.ms).toFixed(2)}x (against the median pair's bare row)`);
  const rss = wanted('rss') ? await bigAttachmentRss(wren, accountId, dir) : null;
  if (rss) say(`  50 MB attachment through the outbox: RSS before ${rss.beforeMb} MB, peak ${rss.peakMb} MB (+${rss.peakMb - rss.beforeMb} MB)`);

  const file = path.join(out, 'bench-send.json');
  const report = { finishedAt: new Date().toISOString(), count, totalBytes, runs, bareMs: bare.ms, bareLag: bare.lag, bareCpu: bare.cpu, outbox: median.outbox, ratio, drainRatio: drainMedian.drainRatio, targetRatio: TARGET_RATIO, pairs, msmtpMs: msmtp?.ms ?? null, rss };
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  say(`Results: ${path.relative(root, file)}`);
}

function cpuText(cpu: CpuTime): string {
  const threads = Object.entries(cpu.byThread).map(([name, ms]) => `${name} ${ms}`).join(', ');
  return `CPU: main thread ${cpu.mainMs ?? '?'} ms, process ${cpu.processMs} ms${threads ? ` (by thread: ${threads})` : ''}`;
}

function lagText(lag: Lag): string {
  return `p50 ${lag.p50} ms, p99 ${lag.p99} ms, max ${lag.max} ms`;
}

async function timed(sink: SinkSmtp, count: number, work: () => Promise<void>): Promise<{ ms: number; phases: PhasesPerMessage }> {
  const before = await sink.accepted();
  await sink.phases();
  const started = performance.now();
  await work();
  const ms = Math.round(performance.now() - started);
  const got = (await sink.accepted()) - before;
  if (got !== count) throw new Error(`the sink got ${got} messages, expected ${count}`);
  return { ms, phases: phasesPerMessage(await sink.phases()) };
}

function mailOf(message: BenchMessage, text: string, from: string) {
  return {
    from,
    to: RECIPIENT,
    subject: message.subject,
    text,
    html: message.html ?? undefined,
    attachments: message.attachments.map((a) => ({ path: a.path, filename: a.filename, contentType: a.contentType })),
  };
}

/** nodemailer's pooled transport with Wren's pool settings (one connection, `maxMessages: Infinity`), for one row. */
async function withBarePool(port: number, user: { email: string; password: string }, send: (transport: ReturnType<typeof nodemailer.createTransport>) => Promise<unknown>): Promise<void> {
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 1, maxMessages: Infinity, host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: { user: user.email, pass: user.password } });
  try {
    await send(transport);
  } finally {
    transport.close();
  }
}

function sendBareBuilt(built: Buffer[], port: number, user: { email: string; password: string }): Promise<void> {
  return withBarePool(port, user, (transport) => Promise.all(built.map((raw) => transport.sendMail({ envelope: { from: user.email, to: [RECIPIENT] }, raw }))));
}

function sendBare(set: BenchMessage[], texts: string[], port: number, user: { email: string; password: string }): Promise<void> {
  return withBarePool(port, user, (transport) => Promise.all(set.map((message, i) => transport.sendMail(mailOf(message, texts[i]!, user.email)))));
}

type StagedAttachments = { stagedId: string; filename: string; contentType: string; size: number }[];

async function stageAttachments(wren: TestCore, set: BenchMessage[]): Promise<StagedAttachments[]> {
  const staged = [];
  for (const message of set) {
    const attachments = [];
    for (const a of message.attachments) {
      const copy = await wren.core.staging.stageFile(a.path);
      attachments.push({ stagedId: copy.stagedId, filename: a.filename, contentType: a.contentType, size: copy.size });
    }
    staged.push(attachments);
  }
  return staged;
}

async function timeOutbox(wren: TestCore, accountId: number, set: BenchMessage[], texts: string[], staged: StagedAttachments[], sink: SinkSmtp): Promise<{ ms: number; queueMs: number; phases: PhasesPerMessage }> {
  const before = await sink.accepted();
  await sink.phases();
  const started = performance.now();
  const ids = await queueAll(wren, accountId, set, texts, staged, null);
  const queueMs = Math.round(performance.now() - started);
  await waitAllSent(wren, ids, sink, before);
  return { ms: Math.round(performance.now() - started), queueMs, phases: phasesPerMessage(await sink.phases()) };
}

/**
 * The issue's own words: 1,000 messages already queued (built and stored, as after days offline or a
 * batch sent later), sent through the outbox. Queued untimed with Send later at `sendAt`, which
 * `marginMs` puts well past the queueing; timed from that moment (the runner's wake-up) to the last
 * one sent. The other outbox row times the same from the composer's hand-over, queueing included.
 */
async function timeDrain(wren: TestCore, accountId: number, set: BenchMessage[], texts: string[], staged: StagedAttachments[], sink: SinkSmtp, marginMs: number): Promise<{ ids: number[]; sendAt: number }> {
  const sendAt = Date.now() + marginMs;
  const ids = await queueAll(wren, accountId, set, texts, staged, sendAt);
  if (Date.now() > sendAt - 100) throw new Error(`queueing took longer than the ${marginMs} ms margin before Send later`);
  return { ids, sendAt };
}

/** Runs `work` once `sendAt` (Date.now() time) has come, and times it from that moment. */
export async function timedFrom(sendAt: number, work: () => Promise<void>): Promise<{ ms: number }> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, sendAt - Date.now() - 20)));
  const startedAt = performance.now() + (sendAt - Date.now());
  await work();
  return { ms: Math.round(performance.now() - startedAt) };
}

/**
 * All handed over at once, as the bare row hands nodemailer every message at once (a batch queued together).
 * Each request in its own turn of the event loop, as requests arrive over IPC (one synchronous loop would be
 * one long stall of the bench's making), none waiting for the one before.
 */
async function queueAll(wren: TestCore, accountId: number, set: BenchMessage[], texts: string[], staged: StagedAttachments[], sendAt: number | null): Promise<number[]> {
  const pending = [];
  for (const [i, message] of set.entries()) {
    pending.push(
      wren.call('outbox.send', {
        message: { accountId, to: [{ name: '', address: RECIPIENT }], subject: message.subject, text: texts[i]!, html: message.html, attachments: staged[i]! },
        undoSeconds: 0,
        ...(sendAt === null ? {} : { sendAt }),
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  return (await Promise.all(pending)).map((entry) => entry.id);
}

async function waitAllSent(wren: TestCore, ids: number[], sink: SinkSmtp, before: number): Promise<void> {
  const settled = await wren.call('outbox.wait', { outboxIds: ids });
  const notSent = settled.filter((e) => e.state !== 'sent');
  if (notSent.length > 0 || (await sink.accepted()) - before !== ids.length) throw new Error(`outbox: ${notSent.length} not sent (${notSent[0]?.error?.message ?? ''})`);
}

async function timeMsmtp(set: BenchMessage[], texts: string[], sink: SinkSmtp, user: { email: string; password: string }, dir: string, say: (line: string) => void): Promise<{ ms: number } | null> {
  try {
    execFileSync('msmtp', ['--version'], { stdio: 'ignore' });
  } catch {
    say('  msmtp: not installed (apt install msmtp), row skipped');
    return null;
  }
  const config = path.join(dir, 'msmtprc');
  writeFileSync(config, `account bench\nhost 127.0.0.1\nport ${sink.port}\nauth plain\nuser ${user.email}\npassword ${user.password}\ntls off\nfrom ${user.email}\naccount default : bench\n`, { mode: 0o600 });
  // The same messages, built beforehand (msmtp sends a finished message; building is not its job).
  const files: string[] = [];
  for (const [i, message] of set.entries()) {
    const file = path.join(dir, `m${i}.eml`);
    await pipeline(new MailComposer(mailOf(message, texts[i]!, user.email)).compile().createReadStream(), createWriteStream(file));
    files.push(file);
  }
  return timed(sink, set.length, async () => {
    for (const file of files) await runMsmtp(config, file);
  });
}

function runMsmtp(config: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('msmtp', ['-C', config, RECIPIENT], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`msmtp exited ${code}: ${err}`))));
    pipeline(createReadStream(file), child.stdin).catch(reject);
  });
}

/** RSS sampled every 20 ms while a 50 MB attachment is staged, built into the outbox and sent. */
async function bigAttachmentRss(wren: TestCore, accountId: number, dir: string): Promise<{ beforeMb: number; peakMb: number }> {
  const file = path.join(dir, 'fifty.bin');
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  const out = createWriteStream(file);
  for (let i = 0; i < 50; i += 1) out.write(chunk);
  await new Promise((resolve) => out.end(resolve));
  global.gc?.();
  const mb = () => Math.round(process.memoryUsage().rss / 1e6);
  const beforeMb = mb();
  let peakMb = beforeMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, mb())), 20);
  try {
    const staged = await wren.core.staging.stageFile(file);
    const entry = await wren.call('outbox.send', {
      message: { accountId, to: [{ name: '', address: RECIPIENT }], subject: '50 MB', text: 'big', attachments: [{ stagedId: staged.stagedId, filename: 'fifty.bin', contentType: 'application/octet-stream', size: staged.size }] },
      undoSeconds: 0,
    });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    if (sent!.state !== 'sent') throw new Error(`50 MB message: ${sent!.state} ${sent!.error?.message ?? ''}`);
  } finally {
    clearInterval(sampler);
  }
  return { beforeMb, peakMb: Math.max(peakMb, mb()) };
}
