import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import { ComposedMessage } from '../../../src-main/ipc/compose-shapes';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';
import { InProcessOutboxEngine, type QueueRequest } from '../../../src-main/outbox/outbox-engine';
import type { OutboxRunner } from '../../../src-main/outbox/outbox-runner';
import { OutboxService } from '../../../src-main/outbox/outbox-service';
import { tempStore } from '../store/temp-store';

let temp: ReturnType<typeof tempStore>;
let accountId: number;
beforeEach(() => {
  temp = tempStore();
  const { store } = temp;
  accountId = store.write(() => {
    store.secrets.put('s1', { scheme: 'test', sealed: Buffer.from([1]) });
    const id = store.accounts.insert({
      name: 'A', email: 'a@example.test', displayName: '', protocol: 'imap',
      incoming: { host: 'imap.example.test', port: 993, security: 'tls', user: 'a' }, smtp: { host: 'smtp.example.test', port: 465, security: 'tls', user: 'a' },
      allowPlaintext: false, passwordSecretId: 's1', trustedCertSha256: null, trustedCertPem: null,
    });
    store.identities.insert({ accountId: id, name: 'A', email: 'a@example.test', replyTo: null, signature: null, isDefault: true });
    return id;
  });
});
afterEach(() => temp.dispose());

/**
 * The build worker's engine when the worker dies after committing the row but before its "queued"
 * reply reaches the main thread: the row is in the store (and will be sent), yet the call fails the
 * way OutboxWorkerThread fails the calls of a worker that exited.
 */
class DiesAfterCommit extends InProcessOutboxEngine {
  override async queue(request: QueueRequest): Promise<number> {
    await super.queue(request);
    throw new WrenError('Internal', 'The outbox worker stopped unexpectedly; the next send starts a new one.');
  }
}

/** The service over `engine`, with what it announced and which accounts' runs it asked for. */
function serviceWith(Engine: typeof InProcessOutboxEngine) {
  const { store, dir } = temp;
  const staging = new AttachmentStaging(dir);
  const engine = new Engine(store, staging, () => { throw new Error('no SMTP in this test'); });
  const kicked: number[] = [];
  // The runner's part here is only to be told the account has work (no SMTP server in this test).
  const runner = { kick: async (id: number) => void kicked.push(id), kickAll: () => undefined, wakeBy: () => undefined } as unknown as OutboxRunner;
  const changed: number[] = [];
  return { service: new OutboxService(store, staging, engine, runner, (entry) => changed.push(entry.id)), kicked, changed };
}

const composed = () => ComposedMessage.parse({ accountId, to: [{ name: '', address: 'b@example.test' }], subject: 'Once', text: 'only once' });

describe('OutboxService.send when the build worker dies', () => {
  it('after the commit: answers with the committed row (found by its Message-ID), so the user is not told to send it again', async () => {
    const { store } = temp;
    const { service, kicked, changed } = serviceWith(DiesAfterCommit);
    const entry = await service.send(composed(), { sendAt: null, undoSeconds: 0 });

    const rows = store.outbox.list(accountId);
    expect(rows).toHaveLength(1);
    expect(entry).toMatchObject({ id: rows[0]!.id, messageId: rows[0]!.messageId, subject: 'Once', state: 'queued' });
    expect(changed).toEqual([entry.id]);
    expect(kicked).toEqual([accountId]);
  });

  it('before the commit: the failure stands, and nothing is queued', async () => {
    class DiesBeforeCommit extends InProcessOutboxEngine {
      override async queue(): Promise<number> {
        throw new WrenError('Internal', 'The outbox worker stopped unexpectedly; the next send starts a new one.');
      }
    }
    const { service, kicked, changed } = serviceWith(DiesBeforeCommit);
    await expect(service.send(composed(), { sendAt: null, undoSeconds: 0 })).rejects.toMatchObject({ code: 'Internal' });
    expect(temp.store.outbox.list(accountId)).toEqual([]);
    expect([kicked, changed]).toEqual([[], []]);
  });
});

describe('OutboxService.wait', () => {
  /** A service whose change feed the test drives, and a row in the outbox "sending". */
  function waiting() {
    const { store, dir } = temp;
    const staging = new AttachmentStaging(dir);
    const engine = new InProcessOutboxEngine(store, staging, () => { throw new Error('no SMTP in this test'); });
    const runner = { kick: async () => undefined } as unknown as OutboxRunner;
    const listeners = new Set<(id: number) => void>();
    const watch = (listener: (id: number) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const service = new OutboxService(store, staging, engine, runner, () => undefined, watch);
    const row = (n: number) => store.outbox.insert({
      accountId, messageId: `<w${n}@example.test>`, blob: 'b'.repeat(64), size: 10, envelope: { from: 'a@example.test', to: ['b@example.test'] },
      composedJson: null, subject: `w${n}`, to: ['b@example.test'], state: 'queued', sendAt: null,
    });
    const announce = (id: number) => listeners.forEach((listener) => listener(id));
    return { service, row, announce, listeners };
  }

  afterEach(() => vi.useRealTimers());

  it('answers as soon as this process announces the change, not a poll later', async () => {
    vi.useFakeTimers();
    const { service, row, announce, listeners } = waiting();
    const [a, b] = [row(1), row(2)];
    let answer: { id: number; state: string }[] | null = null;
    const waited = service.wait([a, b]).then((entries) => (answer = entries));
    temp.store.outbox.markSent(a, [], 'skipped');
    announce(a);
    await vi.advanceTimersByTimeAsync(0);
    expect(answer).toBeNull();
    temp.store.outbox.markSent(b, [], 'skipped');
    // A change to an entry the caller does not wait for settles nothing.
    announce(row(3));
    announce(b);
    await vi.advanceTimersByTimeAsync(0);
    expect(answer!.map((e) => [e.id, e.state])).toEqual([[a, 'sent'], [b, 'sent']]);
    await waited;
    expect(listeners.size).toBe(0);
  });

  it('sees what another process did (no announcement here) at its next look', async () => {
    vi.useFakeTimers();
    const { service, row } = waiting();
    const a = row(1);
    let answer: { state: string }[] | null = null;
    void service.wait([a]).then((entries) => (answer = entries));
    temp.store.outbox.markSent(a, [], 'skipped');
    await vi.advanceTimersByTimeAsync(0);
    expect(answer).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(answer![0]!.state).toBe('sent');
  });

  it('an entry taken out of the outbox meanwhile is NotFound', async () => {
    const { service, row, announce } = waiting();
    const a = row(1);
    const waited = service.wait([a]);
    temp.store.outbox.remove(a);
    announce(a);
    await expect(waited).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('OutboxService.cancel', () => {
  it('gives back a scheduled message with the time it was scheduled for (Edit in the Outbox, Undo of Send later)', async () => {
    const { service, changed } = serviceWith(InProcessOutboxEngine);
    const sendAt = new Date(2099, 4, 4, 8, 30).getTime();
    const entry = await service.send(composed(), { sendAt, undoSeconds: 10 });
    expect(service.cancel(entry.id)).toEqual({ message: expect.objectContaining({ subject: 'Once', text: 'only once' }), scheduledFor: sendAt });
    expect(temp.store.outbox.list(accountId)).toEqual([]);
    expect(changed).toEqual([entry.id, entry.id]);
  });

  it('gives no time for a message that was only in its undo delay, or made due by Send now', async () => {
    const { service } = serviceWith(InProcessOutboxEngine);
    const undoable = await service.send(composed(), { sendAt: null, undoSeconds: 30 });
    expect(service.cancel(undoable.id).scheduledFor).toBeNull();
    const scheduled = await service.send(composed(), { sendAt: Date.now() + 24 * 60 * 60 * 1000, undoSeconds: 10 });
    service.sendNow(scheduled.id);
    expect(service.cancel(scheduled.id)).toMatchObject({ message: { subject: 'Once' }, scheduledFor: null });
  });
});
