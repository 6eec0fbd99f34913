import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  const runner = { kick: async (id: number) => void kicked.push(id), kickAll: () => undefined } as unknown as OutboxRunner;
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
