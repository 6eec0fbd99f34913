import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../../../src-main/ipc/compose-shapes';
import { AttachmentStaging } from '../../../src-main/outbox/attachment-staging';
import type { OutboxEngine, SendJob } from '../../../src-main/outbox/outbox-engine';
import { OutboxRunner } from '../../../src-main/outbox/outbox-runner';
import { OutboxService } from '../../../src-main/outbox/outbox-service';
import type { SentCopies } from '../../../src-main/outbox/sent-copy';
import type { NewOutboxEntry } from '../../../src-main/store/outbox-repo';
import type { Store } from '../../../src-main/store/store';
import { addAccount, tempStore } from '../store/temp-store';

const HOUR = 3600_000;

/**
 * The SMTP side as the outbox worker plays it, without a network: marks the
 * row "sending" (refused for a row taken back) and then "sent", and records
 * which rows it was given.
 */
class RecordingEngine implements Partial<OutboxEngine> {
  readonly sent: number[] = [];
  constructor(private readonly store: Store) {}
  send(job: SendJob, onBegan: () => void) {
    if (!this.store.outbox.beginSending(job.outboxId, job.token)) return Promise.reject(new Error('taken back'));
    onBegan();
    this.store.outbox.markSent(job.outboxId, [], 'skipped');
    this.sent.push(job.outboxId);
    return Promise.resolve({ response: '250 OK', accepted: job.envelope.to, refused: [] });
  }
  takeBack(): void {}
}

let temp: ReturnType<typeof tempStore>;
let accountId: number;
let engine: RecordingEngine;
let runner: OutboxRunner;
let service: OutboxService;
let announced: OutboxEntryView[];

beforeEach(() => {
  temp = tempStore();
  accountId = addAccount(temp.store, 'a');
  engine = new RecordingEngine(temp.store);
  announced = [];
  const changed = (entry: OutboxEntryView) => void announced.push(entry);
  // No Sent copy is kept (keepsSentCopy false), so the runner never asks the IMAP side.
  runner = new OutboxRunner(temp.store, engine as unknown as OutboxEngine, {} as SentCopies, {
    changed, sent: () => undefined, keepsSentCopy: () => false, serverFilesSentMail: () => undefined, inSentFolder: () => undefined,
  });
  service = new OutboxService(temp.store, new AttachmentStaging(temp.dir), engine as unknown as OutboxEngine, runner, changed);
});
afterEach(async () => {
  await runner.stop();
  temp.dispose();
});

function insert(subject: string, fields: Partial<NewOutboxEntry> = {}): number {
  return temp.store.outbox.insert({
    accountId, messageId: `<${subject}@example.test>`, blob: `blob-${subject}`, size: 10, envelope: { from: 'a@example.test', to: ['b@example.test'] },
    composedJson: null, subject, to: ['b@example.test'], state: 'waiting', sendAt: Date.now() + HOUR, ...fields,
  });
}

async function settled(id: number) {
  const [entry] = await service.wait([id]);
  return entry!;
}

describe('Send now (outbox.sendNow)', () => {
  it('makes a message scheduled an hour ahead due at once in one write, and the runner sends it', async () => {
    const id = insert('later');
    const other = insert('other');
    const due = service.sendNow(id);
    expect(due).toMatchObject({ id, state: 'queued', sendAt: null, nextAttemptAt: null });
    // Said at once, so the Outbox view stops showing "Scheduled for …".
    expect(announced[0]).toMatchObject({ id, state: 'queued', sendAt: null });
    expect((await settled(id)).state).toBe('sent');
    expect(engine.sent).toEqual([id]);
    // The other scheduled message keeps its time.
    expect(temp.store.outbox.get(other)).toMatchObject({ state: 'waiting' });
  });

  it('sends a message waiting out a retry backoff now, and one in its undo delay', async () => {
    const backingOff = insert('backoff', { state: 'queued', sendAt: null });
    temp.store.outbox.setState(backingOff, 'queued', { error: { code: 'ConnectionRefused', message: 'refused' }, nextAttemptAt: Date.now() + 15 * 60_000, attempts: 3 });
    const undoDelay = insert('undo', { sendAt: Date.now() + 10_000 });
    service.sendNow(backingOff);
    service.sendNow(undoDelay);
    expect((await settled(backingOff)).state).toBe('sent');
    expect((await settled(undoDelay)).state).toBe('sent');
    expect(engine.sent.sort()).toEqual([backingOff, undoDelay].sort());
  });

  it('refuses a message that began to leave, has failed or is sent, and leaves its row as it was', () => {
    const sending = insert('sending', { state: 'queued', sendAt: null });
    temp.store.outbox.setState(sending, 'sending', { attempts: 1 });
    const failed = insert('failed', { state: 'queued', sendAt: null });
    temp.store.outbox.setState(failed, 'failed', { error: { code: 'SmtpRejected', message: '550' } });
    for (const id of [sending, failed]) {
      const before = temp.store.outbox.get(id);
      expect(() => service.sendNow(id)).toThrow(expect.objectContaining({ code: 'BadRequest' }) as Error);
      expect(temp.store.outbox.get(id)).toEqual(before);
    }
    expect(() => service.sendNow(9999)).toThrow(expect.objectContaining({ code: 'NotFound' }) as Error);
    expect(announced).toEqual([]);
    expect(engine.sent).toEqual([]);
  });

  it('the store write is conditional: a row marked sending after it was read is not made queued again', () => {
    const id = insert('race', { state: 'queued', sendAt: null });
    // What the outbox worker's connection does between the service's read and its write.
    temp.store.outbox.setState(id, 'sending', { attempts: 1 });
    expect(temp.store.outbox.makeDue(id)).toBe(false);
    expect(temp.store.outbox.get(id)!.state).toBe('sending');
  });

  it('Retry is conditional the same way: a failed row is queued again with its error cleared, a sending one is left alone', () => {
    const id = insert('failed', { state: 'queued', sendAt: null });
    temp.store.outbox.setState(id, 'failed', { error: { code: 'SmtpRejected', message: '550' }, attempts: 1 });
    expect(temp.store.outbox.requeue(id)).toBe(true);
    expect(temp.store.outbox.get(id)).toMatchObject({ state: 'queued', error: null, nextAttemptAt: null, attempts: 1 });
    temp.store.outbox.setState(id, 'sending', { attempts: 2 });
    expect(temp.store.outbox.requeue(id)).toBe(false);
    expect(() => service.retry(id)).toThrow(expect.objectContaining({ code: 'BadRequest' }) as Error);
    expect(temp.store.outbox.get(id)!.state).toBe('sending');
  });
});
