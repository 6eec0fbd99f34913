import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import type { TestCore } from '../imap/lab-core';
import { coreFor, onServerById, to } from './outbox-lab';

describe('Send now (outbox.sendNow) against the lab', () => {
  let lab: Lab;
  let alice: TestCore;
  let aliceId: number;
  const email = (i: number) => lab.users[i]!.email;

  beforeAll(async () => {
    lab = await startLab();
    ({ wren: alice, accountId: aliceId } = await coreFor(lab, 0));
  }, 60_000);
  afterAll(async () => {
    await alice?.dispose();
    await lab?.stop();
  });

  it('a message scheduled an hour ahead leaves now, arrives in the INBOX once, and cannot be sent now twice', async () => {
    const sendAt = Date.now() + 3600_000;
    const entry = await alice.call('outbox.send', { message: { accountId: aliceId, to: to(email(1)), subject: 'Plan, sent early', text: 'now, not later' }, sendAt });
    expect(entry).toMatchObject({ state: 'waiting', sendAt });

    const due = await alice.call('outbox.sendNow', { outboxId: entry.id });
    expect(due).toMatchObject({ id: entry.id, sendAt: null });
    const [sent] = await alice.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');
    const delivered = await onServerById(lab, email(1), 'INBOX', entry.messageId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.parsed.subject).toBe('Plan, sent early');
    expect(await onServerById(lab, email(0), 'Sent', entry.messageId)).toHaveLength(1);

    // Sent: a second Send now is refused, and a flush sends nothing again.
    await expect(alice.call('outbox.sendNow', { outboxId: entry.id })).rejects.toMatchObject({ code: 'BadRequest' });
    await alice.call('outbox.flush', {});
    expect(await onServerById(lab, email(1), 'INBOX', entry.messageId)).toHaveLength(1);
  }, 60_000);

  it('a message in its undo delay leaves before the delay is over', async () => {
    const entry = await alice.call('outbox.send', { message: { accountId: aliceId, to: to(email(1)), subject: 'No undo wanted', text: 'go' }, undoSeconds: 30 });
    expect(entry.state).toBe('waiting');
    await alice.call('outbox.sendNow', { outboxId: entry.id });
    const [sent] = await alice.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');
    expect(Date.now()).toBeLessThan(entry.sendAt!);
    expect(await onServerById(lab, email(1), 'INBOX', entry.messageId)).toHaveLength(1);
  }, 60_000);
});
