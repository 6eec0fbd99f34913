import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { serverEventually, serverSourceEventually, serverSubjects } from '../../lab/server-subjects';
import { submitMail } from '../../lab/submit-mail';
import type { TestCore } from '../imap/lab-core';
import { coreFor } from '../outbox/outbox-lab';

/**
 * A filter's Redirect against the lab: new mail delivered to Alice over SMTP is sent on as it is, through
 * Alice's outbox and the lab's SMTP server, to Bob; and one redirected to Alice herself comes back once and
 * is not sent round again.
 */
describe('a filter that redirects', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;
  const alice = () => lab.users[0]!;
  const bob = () => lab.users[1]!;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren, accountId } = await coreFor(lab, 0));
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  // The sync announces the new mail; the filters act on that announcement (the redirect goes through the outbox).
  const syncAndSettle = () => wren.call('sync.run', { accountId });

  it('sends new mail on to another address as it is, with Resent-From naming the account', async () => {
    await wren.call('filters.save', { accountId, name: 'To Bob', conditions: [{ field: 'subject', operator: 'contains', text: 'invoice' }], actions: { redirectTo: bob().email } });
    await submitMail(lab, bob(), alice(), 'Invoice 42');
    await syncAndSettle();
    const source = await serverSourceEventually(lab, bob(), 'INBOX', 'Invoice 42');
    expect(source.split('\r\n').find((line) => line.startsWith('Resent-From: '))).toContain(alice().email);
    expect(source).toMatch(/^Subject: Invoice 42\r$/m);
  }, 60_000);

  it('sends a message that came back redirected by this account no further: no loop', async () => {
    await wren.call('filters.save', { accountId, name: 'To myself', conditions: [{ field: 'subject', operator: 'contains', text: 'loop' }], actions: { redirectTo: alice().email } });
    await submitMail(lab, bob(), alice(), 'A loop');
    await syncAndSettle();
    await serverEventually(async () => (await serverSubjects(lab, alice(), 'INBOX')).filter((subject) => subject === 'A loop'), ['A loop', 'A loop']);
    // The copy that came back is synced and screened too; it is not sent on again.
    for (let round = 0; round < 3; round++) await syncAndSettle();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await serverSubjects(lab, alice(), 'INBOX')).filter((subject) => subject === 'A loop')).toHaveLength(2);
  }, 90_000);
});
