import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';
import { InProcessOutboxEngine } from '../../../src-main/outbox/outbox-engine';
import { fsyncLog } from '../store/fsync-log';
import { addAccount, tempStore } from '../store/temp-store';

vi.mock('node:fs', async (importOriginal) => (await import('../store/fsync-log')).withFsyncLog(importOriginal));

/**
 * "Sending" is what stops a message from going twice: after a crash, a row
 * still marked queued is sent again, one marked sending is looked for in Sent
 * first. The mark commits under synchronous = NORMAL, which a power loss can
 * take back; so the message's first byte may reach the server only once the
 * WAL holding the mark is on the disk.
 */
let temp: ReturnType<typeof tempStore>;
let server: SMTPServer;
let port: number;
/** For each message the server received (by subject): whether the WAL had been flushed since its row was marked sending. */
const flushedAtFirstByte: Record<string, boolean> = {};
/** Each row's place in the fsync log when it was marked, and whether it was marked ahead of its turn. */
const marks = new Map<number, { at: number; ahead: boolean }>();
const subjects = new Map<string, number>();

beforeEach(async () => {
  temp = tempStore();
  fsyncLog.length = 0;
  for (const key of Object.keys(flushedAtFirstByte)) delete flushedAtFirstByte[key];
  marks.clear();
  subjects.clear();
  const wal = `${realpathSync(temp.store.db.name)}-wal`;
  server = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false, disableReverseLookup: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'a' }),
    onData(stream, _session, callback) {
      stream.once('data', (chunk: Buffer) => {
        const subject = /^Subject: (\S+)/m.exec(chunk.toString('latin1'))![1]!;
        flushedAtFirstByte[subject] = fsyncLog.slice(marks.get(subjects.get(subject)!)!.at).includes(wal);
      });
      stream.on('data', () => undefined);
      stream.on('end', () => callback(null));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  temp.dispose();
});

describe('the outbox engine marking a message "sending"', () => {
  function engineFor(accountId: number, flushOnThisThread: boolean) {
    const { store } = temp;
    const mark = store.outbox.beginSending.bind(store.outbox);
    vi.spyOn(store.outbox, 'beginSending').mockImplementation((id, token, boot, began) => {
      const marked = mark(id, token, boot, began);
      marks.set(id, { at: fsyncLog.length, ahead: began === false });
      return marked;
    });
    return new InProcessOutboxEngine(store, new AttachmentStaging(temp.dir), () => ({
      server: { host: '127.0.0.1', port, security: 'none', user: 'a' }, password: 'p', allowPlaintext: true, pin: null,
    }), undefined, flushOnThisThread);
  }

  async function queued(engine: InProcessOutboxEngine, accountId: number, subject: string) {
    const row = { accountId, composedJson: null, subject, to: ['b@example.test'], state: 'queued' as const, sendAt: null };
    const composed = { accountId, identityId: null, to: [{ name: '', address: 'b@example.test' }], cc: [], bcc: [], subject, text: subject, html: null,
      attachments: [], inReplyTo: null, references: [], origin: null, draftMessageId: null, draftKey: null, requestReceipt: false, writeAt: null, priority: 'normal' as const };
    const from = { name: '', address: 'a@example.test', replyTo: null };
    const id = await engine.queue({ composed, from, messageId: `<${subject}@example.test>`, date: Date.now(), row });
    subjects.set(subject, id);
    return id;
  }

  const jobFor = (accountId: number, id: number) => {
    const [claimed] = temp.store.outbox.claim(accountId, process.pid, 'token', () => true, id - 1);
    expect(claimed?.id).toBe(id);
    return { accountId, outboxId: id, token: 'token', envelope: claimed!.envelope, blob: claimed!.blob, size: claimed!.size, sentCopy: 'skipped' as const };
  };

  // In libuv's pool (the engine on the core's thread), and on the sending worker's own thread.
  it.each([false, true])('flushes that mark to the disk before the message flows, one message at a time (on its own thread: %s)', async (flushOnThisThread) => {
    const accountId = addAccount(temp.store, 'a');
    const engine = engineFor(accountId, flushOnThisThread);
    for (const subject of ['one', 'two']) {
      const id = await queued(engine, accountId, subject);
      await engine.send(jobFor(accountId, id), () => undefined);
      expect(temp.store.outbox.get(id)?.state).toBe('sent');
    }
    await engine.closeAll();
    expect(flushedAtFirstByte).toEqual({ one: true, two: true });
  });

  it.each([false, true])('marks the message next in line ahead of its turn, flushed before its own first byte too (on its own thread: %s)', async (flushOnThisThread) => {
    const accountId = addAccount(temp.store, 'a');
    const engine = engineFor(accountId, flushOnThisThread);
    const names = ['first', 'second', 'third', 'fourth'];
    const ids = [];
    for (const subject of names) ids.push(await queued(engine, accountId, subject));
    // Handed to the connection together, as the runner does: each waits its turn behind the one before.
    await Promise.all(ids.map((id) => engine.send(jobFor(accountId, id), () => undefined)));
    await engine.closeAll();
    expect(ids.map((id) => temp.store.outbox.get(id)?.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(flushedAtFirstByte).toEqual({ first: true, second: true, third: true, fourth: true });
    // The first was marked at its turn, the others ahead of theirs (the flush ran while the one before was on the line).
    expect(ids.map((id) => marks.get(id)?.ahead)).toEqual([false, true, true, true]);
  });
});
