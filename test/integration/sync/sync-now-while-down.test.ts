import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Sync now pressed again and again while the server is gone (the QA report: "Wren will retry at" five
 * minutes later, though the server was back within 20 s): the retry stays the first one's, 15 s.
 */
describe('Sync now while the server is down', () => {
  let lab: Lab;
  let proxy: TcpProxy;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    proxy = await startTcpProxy(lab.ports.imaps);
    // Background sync on (an hour apart), so a failure is retried on the backoff as in the app.
    wren = startCore({ syncIntervalMs: 60 * 60_000 });
    const alice = lab.users[0]!;
    accountId = (await wren.call('accounts.add', labDraft(lab, alice, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: alice.email } }))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await proxy?.close();
    await lab?.stop();
  });

  it('does not push the retry back, and the retry finds the server once it is back', async () => {
    const port = proxy.port;
    await proxy.close();
    for (let press = 0; press < 5; press++) {
      const outcome = await wren.call('sync.run', { accountId });
      // The first finds its kept connection cut, the next ones are refused.
      expect(['ConnectionLost', 'ConnectionRefused']).toContain(outcome.failures[0]?.error.code);
      const status = wren.core.status.get(accountId);
      expect(status.state).toBe('offline');
      expect(status.retryAt! - Date.now()).toBeLessThanOrEqual(15_000);
    }
    proxy = await startTcpProxy(lab.ports.imaps, lab.host, port);
    await until(() => wren.core.status.get(accountId).state === 'idle', 'the retry after the server came back', 25_000);
  }, 60_000);
});
