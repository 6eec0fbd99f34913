import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { startScriptedSmtp, type ScriptedSmtp } from '../../lab/scripted-smtp';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { to } from './outbox-lab';
import { MARKED_AHEAD } from '../../../src-main/outbox/sending-marks';

const run = promisify(execFile);

/**
 * Messages handed to the pooled SMTP connection wait there behind the one on
 * the line: Undo must still take one back before any of it (its envelope
 * included) reaches the server, and a message the server refuses after DATA
 * must not take the connection (and the messages behind it) down with it.
 * Both arrangements: the engine in the main thread (tests) and in the bundled
 * worker (the app).
 */
describe.each([
  ['in the main thread', null],
  ['in the outbox worker', 'worker'],
])('the pooled SMTP queue, the outbox %s', (_name, arrangement) => {
  let lab: Lab;
  let smtp: ScriptedSmtp;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    if (arrangement) await run(process.execPath, ['scripts/build-main.mjs']);
    lab = await startLab();
    smtp = await startScriptedSmtp(lab.users[0]!.password);
    wren = startCore({ outboxWorkerPath: arrangement ? resolve('dist/main/outbox-worker.cjs') : null });
    const smtpSettings = { host: '127.0.0.1', port: smtp.port, security: 'none' as const, user: lab.users[0]!.email };
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!, { smtp: smtpSettings, allowPlaintext: true }))).id;
    await wren.call('outbox.setSentCopy', { accountId, sentCopy: 'off' });
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await smtp?.close();
    await lab?.stop();
  });

  /**
   * Queued together, all due at the same moment, so one pass hands them all to the connection at once. Each
   * send flushes its message file and row to the disk, one after the other: where flushes are slow, a few of
   * them take more than a second, so the moment leaves room for all of them.
   */
  const queueTogether = async (subjects: string[], recipient: (i: number) => string) => {
    const sendAt = Date.now() + 5_000;
    const entries = [];
    for (const [i, subject] of subjects.entries()) {
      entries.push(await wren.call('outbox.send', { message: { accountId, to: to(recipient(i)), subject, text: subject }, sendAt, undoSeconds: 0 }));
    }
    return entries;
  };

  const until = async (what: () => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('Undo takes back a message waiting behind another on the connection: not even its envelope reaches the server', async () => {
    smtp.answer = 'accept';
    smtp.holdMs = 1500;
    try {
      const tag = arrangement ?? 'main';
      const [first, second] = await queueTogether([`On the line ${tag}`, `Taken back ${tag}`], (i) => (i === 0 ? `first-${tag}@example.test` : `undone-${tag}@example.test`));
      await until(() => smtp.recipients.includes(`first-${tag}@example.test`));
      expect(await wren.call('outbox.cancel', { outboxId: second!.id })).toMatchObject({ message: { subject: `Taken back ${tag}` } });
      const [sent] = await wren.call('outbox.wait', { outboxIds: [first!.id] });
      expect(sent!.state).toBe('sent');
      // Longer than a turn of the connection: the taken-back message would have gone by now.
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.recipients).not.toContain(`undone-${tag}@example.test`);
      expect(smtp.accepted).not.toContain(second!.messageId);
      expect((await wren.call('outbox.list', {})).some((e) => e.id === second!.id)).toBe(false);
    } finally {
      smtp.holdMs = 0;
    }
  }, 30_000);

  it('the messages behind the one on the line are marked "sending" ahead of their turn (a few, not all); a line dropped after the first\'s final dot sends them once later, never "unknown"', async () => {
    const tag = arrangement ?? 'main';
    const dropped = `Dropped after the dot ${tag}`;
    smtp.answer = 'accept';
    smtp.answerBySubject[dropped] = 'drop';
    smtp.holdMs = 1000;
    try {
      const behindSubjects = Array.from({ length: MARKED_AHEAD + 1 }, (_, i) => `Behind the dropped one ${i} ${tag}`);
      const [first, ...behind] = await queueTogether([dropped, ...behindSubjects], (i) => `ahead-${i}-${tag}@example.test`);
      await until(() => smtp.recipients.includes(`ahead-0-${tag}@example.test`));
      // The first is on the line (its final reply held): those next in line are marked, their turn not come; the
      // one after them waits unmarked (still "waiting", as queued with Send later).
      const row = (id: number) => wren.core.store.db.prepare('SELECT state, began_at AS beganAt, sending_boot AS boot FROM outbox WHERE id = ?').get(id) as { state: string; beganAt: number | null; boot: string | null };
      for (const entry of behind.slice(0, MARKED_AHEAD)) expect(row(entry.id)).toMatchObject({ state: 'sending', beganAt: null, boot: expect.any(String) });
      expect(row(behind[MARKED_AHEAD]!.id)).toMatchObject({ state: 'waiting', beganAt: null, boot: null });
      const settled = await wren.call('outbox.wait', { outboxIds: [first!.id, ...behind.map((e) => e.id)] });
      expect(settled[0]!.state).toBe('unknown');
      // Sent on a new connection at once, or queued for a retry as ones that sent nothing: never a question for the user.
      for (const [i, entry] of behind.entries()) {
        let next = settled[i + 1]!;
        if (next.state === 'queued') {
          expect(next.error).toMatchObject({ code: 'ConnectionLost' });
          await wren.call('outbox.sendNow', { outboxId: entry.id });
          [next] = (await wren.call('outbox.wait', { outboxIds: [entry.id] })) as [typeof next];
        }
        expect(next.state).toBe('sent');
        expect(smtp.accepted.filter((id) => id === entry.messageId)).toHaveLength(1);
      }
      await wren.call('outbox.resolve', { outboxId: first!.id, action: 'discard' });
    } finally {
      smtp.holdMs = 0;
      delete smtp.answerBySubject[dropped];
    }
  }, 60_000);

  it('a message refused after DATA fails alone: the ones behind it go over the same connection at once', async () => {
    smtp.answer = 'accept';
    const tag = arrangement ?? 'main';
    const refused = `Refused at DATA ${tag}`;
    smtp.answerBySubject[refused] = 'reject';
    const entries = await queueTogether([refused, `After it 1 ${tag}`, `After it 2 ${tag}`], () => 'bob@example.test');
    const settled = await wren.call('outbox.wait', { outboxIds: entries.map((e) => e.id) });
    expect(settled[0]).toMatchObject({ state: 'failed', error: { code: 'SmtpRejected', details: { responseCode: 554 } } });
    for (const entry of settled.slice(1)) {
      expect(entry).toMatchObject({ state: 'sent', attempts: 1, error: null });
      expect(smtp.accepted.filter((id) => id === entry.messageId)).toHaveLength(1);
    }
  }, 30_000);
});
