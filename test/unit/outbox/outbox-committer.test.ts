import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuiltMessage } from '../../../src-main/outbox/build-message';
import { OutboxCommitter, type QueuedRow } from '../../../src-main/outbox/outbox-committer';
import { fsyncLog } from '../store/fsync-log';
import { tempStore } from '../store/temp-store';

vi.mock('node:fs', async (importOriginal) => (await import('../store/fsync-log')).withFsyncLog(importOriginal));

let temp: ReturnType<typeof tempStore>;
let accountId: number;
beforeEach(() => {
  temp = tempStore();
  const { store } = temp;
  accountId = store.write(() => {
    store.secrets.put('s1', { scheme: 'test', sealed: Buffer.from([1]) });
    return store.accounts.insert({
      name: 'A', email: 'a@example.test', displayName: '', protocol: 'imap',
      incoming: { host: 'imap.example.test', port: 993, security: 'tls', user: 'a' }, smtp: { host: 'smtp.example.test', port: 465, security: 'tls', user: 'a' },
      allowPlaintext: false, passwordSecretId: 's1', trustedCertSha256: null, trustedCertPem: null,
    });
  });
  fsyncLog.length = 0;
});
afterEach(() => temp.dispose());

function message(i: number, chunks: (Buffer | Error)[] = [Buffer.from(`Subject: ${i}\r\n\r\nbody ${i}\r\n`)], sizeBound = 1024): BuiltMessage {
  return {
    sizeBound,
    messageId: `<m${i}@example.test>`,
    envelope: { from: 'a@example.test', to: ['b@example.test'] },
    stream: () =>
      Readable.from(
        (async function* () {
          for (const chunk of chunks) {
            if (chunk instanceof Error) throw chunk;
            yield chunk;
          }
        })(),
      ),
  };
}

const row = (i: number): QueuedRow => ({ accountId, composedJson: null, subject: `m${i}`, to: ['b@example.test'], state: 'queued', sendAt: null });

// Small messages are built in memory and written in one call; others (a raw message, large attachments) stream through a temp file.
describe.each([
  ['built in memory', 1024],
  ['streamed', Infinity],
])('OutboxCommitter: group commit of queued messages (%s)', (_how, sizeBound) => {
  it('writes each row only after its message is flushed, and messages queued together share one flush and one transaction', async () => {
    const { store } = temp;
    const flushedAtInsert: number[] = [];
    const insert = store.outbox.insert.bind(store.outbox);
    vi.spyOn(store.outbox, 'insert').mockImplementation((entry, now) => {
      // Its message file is on the disk before the row that names it is written (or the message is kept with the row).
      if (sizeBound === Infinity) expect(fsyncLog).toContain(store.blobs.pathOf(entry.blob));
      else expect(entry.content).toBeInstanceOf(Buffer);
      flushedAtInsert.push(fsyncLog.length);
      return insert(entry, now);
    });
    const committer = new OutboxCommitter(store);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => committer.add(message(i, undefined, sizeBound), row(i))));

    expect(new Set(ids).size).toBe(12);
    for (const [i, id] of ids.entries()) {
      const entry = store.outbox.get(id)!;
      expect(entry).toMatchObject({ messageId: `<m${i}@example.test>`, subject: `m${i}`, state: 'queued' });
      const kept = store.outbox.source(id);
      // A small message is kept in the database (no file to create and flush), a larger one in its blob file.
      expect(kept === undefined).toBe(sizeBound === Infinity);
      expect(existsSync(store.blobs.pathOf(entry.blob))).toBe(sizeBound === Infinity);
      expect((kept ?? readFileSync(store.blobs.pathOf(entry.blob))).toString('utf8')).toBe(`Subject: ${i}\r\n\r\nbody ${i}\r\n`);
    }
    // Twelve messages, far fewer flush rounds than messages (each round's rows were inserted together).
    expect(new Set(flushedAtInsert).size).toBeLessThanOrEqual(3);
  });

  it('a message that cannot be read fails alone; the others are queued', async () => {
    const committer = new OutboxCommitter(temp.store);
    const results = await Promise.allSettled([
      committer.add(message(1, undefined, sizeBound), row(1)),
      committer.add(message(2, [Buffer.from('Subject: 2\r\n'), new Error('the staged file is gone')], sizeBound), row(2)),
      committer.add(message(3, undefined, sizeBound), row(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // Written side by side, either may commit first: the order of the two rows is not the point.
    expect(temp.store.outbox.list().map((e) => e.subject).sort()).toEqual(['m1', 'm3']);
  });
});
