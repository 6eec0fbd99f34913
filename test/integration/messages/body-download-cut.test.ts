import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { padded, simpleMessage } from '../../lab/simple-message';
import { startLab, type Lab } from '../../lab/lab';
import { startTcpProxy, type RelayedLine, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const BODY_BYTES = 3_000_000;
const CUT_AFTER = 1_000_000;

/**
 * A big message whose download is cut off mid-way (that one connection; the account's sync
 * stays healthy): the reader says the download was cut, not that the server is out of reach,
 * keeps nothing of it, and opening it again brings the whole text.
 */
describe('a body download cut off mid-way', () => {
  let lab: Lab;
  let proxy: TcpProxy;
  let wren: TestCore;
  let accountId: number;
  let armed = false;
  let cuts = 0;
  const received = new WeakMap<RelayedLine, number>();

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [padded(simpleMessage(1, { subject: 'Huge', to: alice.email }), BODY_BYTES)]);
    proxy = await startTcpProxy(lab.ports.imaps, lab.host, 0, {
      fromServer: (chunk, line) => {
        if (!armed) return [chunk];
        const count = (received.get(line) ?? 0) + chunk.length;
        received.set(line, count);
        if (count <= CUT_AFTER) return [chunk];
        armed = false;
        cuts += 1;
        line.cut();
        return [];
      },
    });
    wren = startCore();
    accountId = (await wren.call('accounts.add', labDraft(lab, alice, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: alice.email } }))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await proxy?.close();
    await lab?.stop();
  });

  it('fails as cut off (not as a server out of reach), keeps nothing, and the next open brings it whole', async () => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const messageId = wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => m.subject === 'Huge 1')!.id;

    armed = true;
    const failure = await wren.call('messages.read', { messageId }).then(() => null, (error: unknown) => error as { code: string; details?: Record<string, unknown> });
    expect(cuts).toBe(1);
    expect(failure).toMatchObject({ code: 'Offline', details: { messageId, cutOff: true, cause: 'ConnectionLost' } });
    // Nothing partial kept as if it were the message.
    expect(wren.core.store.bodies.body(messageId)).toBeUndefined();
    expect(wren.core.store.bodies.source(messageId)).toBeUndefined();
    expect(wren.core.store.messages.get(messageId)!.bodyState).toBe('none');
    expect(wren.core.status.get(accountId).state).toBe('idle');

    const view = await wren.call('messages.read', { messageId });
    expect(view.text!.length).toBeGreaterThan(BODY_BYTES * 0.95);
    expect(view.text!.trimEnd().endsWith('x'.repeat(76))).toBe(true);
    expect(wren.core.store.bodies.body(messageId)!.text!.length).toBe(view.text!.length);
  }, 60_000);
});
