import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../../lab/simple-message';
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
 * A message opened while its server has gone, the account still shown as fine (checked hourly, no push):
 * the reader says the server cannot be reached and the text comes once the account is back online, and
 * the account is checked at once, so it does go offline (its banner, its retry) and that promise holds.
 */
describe('a body asked for while the server is gone', () => {
  let lab: Lab;
  let proxy: TcpProxy;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [simpleMessage(1, { subject: 'Gone', to: alice.email })]);
    proxy = await startTcpProxy(lab.ports.imaps);
    wren = startCore({ syncIntervalMs: 60 * 60_000 });
    accountId = (await wren.call('accounts.add', labDraft(lab, alice, { incoming: { host: lab.host, port: proxy.port, security: 'tls', user: alice.email } }))).id;
    await wren.core.sync.run(accountId, false);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await proxy?.close();
    await lab?.stop();
  });

  it('is not cut off but out of reach, and the account is found offline at once, not at its next check', async () => {
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const messageId = wren.core.store.messages.page(inbox.id, 0, 10).items.find((m) => m.subject === 'Gone 1')!.id;
    await proxy.close();
    expect(wren.core.status.get(accountId).state).toBe('idle');
    const failure = await wren.call('messages.read', { messageId }).then(() => null, (error: unknown) => error as { code: string; details?: Record<string, unknown> });
    expect(failure).toMatchObject({ code: 'Offline', details: { messageId } });
    expect(failure!.details!.cutOff).toBeUndefined();
    await until(() => wren.core.status.get(accountId).state === 'offline', 'the account found offline', 10_000);
    expect(wren.core.status.get(accountId).retryAt).toBeGreaterThan(Date.now());
  }, 30_000);
});
