// `npm run bench -- --push [N]`: how long after delivery over SMTP the core announces new mail
// (`mail.new`) with push (IDLE in the sync worker) on the Inbox; the target is 2 s.
// Writes test-artifacts/bench-push.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Events } from '../../src-main/ipc/contract';
import { labDraft, startCore } from '../../test/integration/imap/lab-core';
import { startLab } from '../../test/lab/lab';
import { simpleMessage } from '../../test/lab/simple-message';
import { submitMail } from '../../test/lab/submit-mail';
import { atCleanup } from '../cleanup';

const TARGET_MS = 2000;
const GIVE_UP_MS = 60_000;
/** Between messages, so each arrival is its own IDLE wake-up rather than a batch. */
const PAUSE_MS = 300;

interface Sample { submitToEventMs: number; deliveredToEventMs: number }

export async function runPushBench(root: string, count: number, say: (line: string) => void): Promise<void> {
  const lab = await startLab();
  atCleanup(() => lab.stop());
  const [alice, bob] = [lab.users[0]!, lab.users[1]!];
  await lab.seed(alice.email, 'INBOX', Array.from({ length: 100 }, (_, i) => simpleMessage(i + 1, { to: alice.email })));
  const wren = startCore({ syncWorkerPath: path.join(root, 'dist', 'main', 'sync-worker.cjs') });
  atCleanup(() => wren.dispose());
  const accountId = (await wren.call('accounts.add', labDraft(lab, alice))).id;
  await wren.core.sync.watch(accountId);

  say(`Push latency: ${count} messages submitted over SMTP to an Inbox of 100, IDLE in the sync worker...`);
  const samples: Sample[] = [];
  for (let i = 1; i <= count; i += 1) {
    const subject = `Push bench ${i}`;
    const announced = arrival(wren.core.events, subject);
    const submitted = performance.now();
    await submitMail(lab, bob, alice, subject); // the SMTP server answers 250 once Dovecot has it (LMTP)
    const delivered = performance.now();
    const at = await announced;
    samples.push({ submitToEventMs: at - submitted, deliveredToEventMs: at - delivered });
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  const figures = summarize(samples.map((s) => s.deliveredToEventMs));
  say(`  delivered -> mail.new: median ${figures.median} ms, p90 ${figures.p90} ms, max ${figures.max} ms (target ${TARGET_MS} ms)`);
  const submitted = summarize(samples.map((s) => s.submitToEventMs));
  say(`  SMTP submit started -> mail.new: median ${submitted.median} ms, p90 ${submitted.p90} ms, max ${submitted.max} ms`);
  const dir = path.join(root, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'bench-push.json');
  await writeFile(file, `${JSON.stringify({ finishedAt: new Date().toISOString(), count, targetMs: TARGET_MS, deliveredToEvent: figures, submitToEvent: submitted, samples }, null, 2)}\n`);
  say(`Results: ${path.relative(root, file)}`);
}

/** When `mail.new` names the subject, on this clock. */
function arrival(events: { on(event: 'mail.new', listener: (e: Events['mail.new']) => void): () => void }, subject: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no mail.new for "${subject}" within ${GIVE_UP_MS} ms`)), GIVE_UP_MS);
    const off = events.on('mail.new', (event) => {
      if (!event.messages.some((m) => m.subject === subject)) return;
      const at = performance.now();
      clearTimeout(timer);
      off();
      resolve(at);
    });
  });
}

function summarize(values: number[]): { median: number; p90: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { median: at(0.5), p90: at(0.9), max: Math.round(sorted[sorted.length - 1]!) };
}
