import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { submitMail } from '../../lab/submit-mail';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';

/** Far below IDLE's own silence timeout (60 s, and a NOOP probe first), far above a push's usual 0.5 s. */
const ARRIVAL_WAIT_MS = 10_000;
/**
 * For mail that must arrive (a reconnect, a sync, push again): what says "it came" need not stay below IDLE's
 * timeout, only what says "it did not" does; a loaded machine's TLS handshakes and syncs get room.
 */
const EXPECTED_ARRIVAL_WAIT_MS = 30_000;

/** A wake from sleep: the push connection is silently dead (no FIN, no RST), the network works again. */
describe('push after a wake from sleep', () => {
  let lab: Lab;
  let wren: TestCore;
  let proxy: TcpProxy;
  let accountId: number;

  function arrival(subject: string, waitMs = EXPECTED_ARRIVAL_WAIT_MS): Promise<Events['mail.new'] | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), waitMs);
      const off = wren.core.events.on('mail.new', (event) => {
        if (!event.messages.some((m) => m.subject === subject)) return;
        clearTimeout(timer);
        off();
        resolve(event);
      });
    });
  }

  beforeAll(async () => {
    lab = await startLab();
    proxy = await startTcpProxy(lab.ports.imaps);
    wren = startCore({ syncWorkerPath: resolve('dist/main/sync-worker.cjs') });
    const alice = lab.users[0]!;
    accountId = (await wren.call('accounts.add', labDraft(lab, alice, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: alice.email } }))).id;
    await wren.core.sync.watch(accountId);
    // Push is up once a message arrives without a sync (the IDLE connection opens after watch's sync).
    const first = arrival('Before the sleep');
    await submitMail(lab, lab.users[1]!, alice, 'Before the sleep');
    expect(await first).not.toBeNull();
  });
  afterAll(async () => {
    await wren?.dispose();
    await proxy?.close();
    await lab?.stop();
  });

  it('misses mail on the dead line until told of the wake, then reconnects and pushes at once', async () => {
    proxy.blackHoleOpenLines();
    const missed = arrival('While asleep', ARRIVAL_WAIT_MS);
    await submitMail(lab, lab.users[1]!, lab.users[0]!, 'While asleep');
    expect(await missed).toBeNull(); // the dead IDLE hears nothing, and nothing notices yet
    const caughtUp = arrival('While asleep');
    wren.core.sync.wake();
    expect((await caughtUp)?.accountId).toBe(accountId);
    const pushed = arrival('After the wake');
    await submitMail(lab, lab.users[1]!, lab.users[0]!, 'After the wake');
    expect((await pushed)?.accountId).toBe(accountId);
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'idle', error: null });
  }, ARRIVAL_WAIT_MS + 3 * EXPECTED_ARRIVAL_WAIT_MS);
});
