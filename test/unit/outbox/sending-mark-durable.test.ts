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
/** For each message the server received: whether the WAL had been flushed since its row was marked sending. */
const flushedAtFirstByte: boolean[] = [];
let sinceMarked = 0;

beforeEach(async () => {
  temp = tempStore();
  fsyncLog.length = 0;
  flushedAtFirstByte.length = 0;
  const wal = `${realpathSync(temp.store.db.name)}-wal`;
  server = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false, disableReverseLookup: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'a' }),
    onData(stream, _session, callback) {
      stream.once('data', () => flushedAtFirstByte.push(fsyncLog.slice(sinceMarked).includes(wal)));
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
  // In libuv's pool (the engine on the core's thread), and on the sending worker's own thread.
  it.each([false, true])('flushes that mark to the disk before the message flows (on its own thread: %s)', async (flushOnThisThread) => {
    const { store } = temp;
    const accountId = addAccount(store, 'a');
    const engine = new InProcessOutboxEngine(store, new AttachmentStaging(temp.dir), () => ({
      server: { host: '127.0.0.1', port, security: 'none', user: 'a' }, password: 'p', allowPlaintext: true, pin: null,
    }), undefined, flushOnThisThread);
    const mark = store.outbox.beginSending.bind(store.outbox);
    vi.spyOn(store.outbox, 'beginSending').mockImplementation((...args) => {
      const marked = mark(...args);
      sinceMarked = fsyncLog.length;
      return marked;
    });
    for (const subject of ['one', 'two']) {
      const row = { accountId, composedJson: null, subject, to: ['b@example.test'], state: 'queued' as const, sendAt: null };
      const composed = { accountId, identityId: null, to: [{ name: '', address: 'b@example.test' }], cc: [], bcc: [], subject, text: subject, html: null,
        attachments: [], inReplyTo: null, references: [], origin: null, draftMessageId: null, draftKey: null };
      const from = { name: '', address: 'a@example.test', replyTo: null };
      const id = await engine.queue({ composed, from, messageId: `<${subject}@example.test>`, date: Date.now(), row });
      const [claimed] = store.outbox.claim(accountId, process.pid, 'token', () => true);
      expect(claimed?.id).toBe(id);
      await engine.send({ accountId, outboxId: id, token: 'token', envelope: claimed!.envelope, blob: claimed!.blob, size: claimed!.size, sentCopy: 'skipped' }, () => undefined);
      expect(store.outbox.get(id)?.state).toBe('sent');
    }
    await engine.closeAll();
    expect(flushedAtFirstByte).toEqual([true, true]);
  });
});
