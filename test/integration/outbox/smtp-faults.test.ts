import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { startScriptedSmtp, type ScriptedSmtp } from '../../lab/scripted-smtp';
import { labDraft, type TestCore } from '../imap/lab-core';
import { coreFor, onServerById, to } from './outbox-lab';

describe('the outbox against a scripted SMTP server: the right outcome, nothing lost, nothing twice', () => {
  let lab: Lab;
  let smtp: ScriptedSmtp;
  let wren: TestCore;
  let accountId: number;
  const alice = () => lab.users[0]!;

  beforeAll(async () => {
    lab = await startLab();
    smtp = await startScriptedSmtp(alice().password);
    ({ wren, accountId } = await coreFor(lab, 0, {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: alice().email },
      allowPlaintext: true,
    }));
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await smtp?.close();
    await lab?.stop();
  });

  const send = async (subject: string, recipients = ['bob@example.test']) => {
    const entry = await wren.call('outbox.send', { message: { accountId, to: to(...recipients), subject, text: subject }, undoSeconds: 0 });
    return (await wren.call('outbox.wait', { outboxIds: [entry.id] }))[0]!;
  };

  it('a 5xx leaves the message failed with the server\'s own words; a retry sends it once', async () => {
    smtp.answer = 'reject';
    const failed = await send('Rejected');
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'SmtpRejected', details: { responseCode: 554, response: expect.stringContaining('looks like spam to us') } });
    expect(smtp.accepted).not.toContain(failed.messageId);

    smtp.answer = 'accept';
    await wren.call('outbox.retry', { outboxId: failed.id });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [failed.id] });
    expect(sent!.state).toBe('sent');
    expect(smtp.accepted.filter((id) => id === failed.messageId)).toHaveLength(1);
    expect(await onServerById(lab, alice().email, 'Sent', failed.messageId)).toHaveLength(1);
  }, 30_000);

  it('a 4xx queues it for a retry with backoff', async () => {
    smtp.answer = 'defer';
    const deferred = await send('Deferred');
    expect(deferred.state).toBe('queued');
    expect(deferred.error).toMatchObject({ code: 'SmtpDeferred', details: { responseCode: 451 } });
    expect(deferred.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(deferred.attempts).toBe(1);

    smtp.answer = 'accept';
    await wren.call('outbox.retry', { outboxId: deferred.id });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [deferred.id] });
    expect(sent!.state).toBe('sent');
    expect(smtp.accepted.filter((id) => id === deferred.messageId)).toHaveLength(1);
  }, 30_000);

  it('a partial accept says which recipients were refused, each with the server\'s reply', async () => {
    smtp.answer = 'accept';
    const sent = await send('Partial', ['bob@example.test', 'refuse-me@example.test', 'carol@example.test']);
    expect(sent.state).toBe('sent');
    expect(sent.refused).toEqual([{ address: 'refuse-me@example.test', reply: expect.stringMatching(/^550 5\.1\.1 <refuse-me@example\.test>: Recipient address rejected/) }]);
    const all = await send('All refused', ['refuse-1@example.test', 'refuse-2@example.test']);
    expect(all.state).toBe('failed');
    expect(all.error).toMatchObject({ code: 'SmtpRejected', details: { responseCode: 550 } });
  }, 30_000);

  it('a connection dropped after the final dot is not resent blindly: unknown, and the user decides', async () => {
    smtp.answer = 'drop';
    const cut = await send('Cut after dot');
    expect(cut.state).toBe('unknown');
    expect(smtp.dropped).toContain(cut.messageId);
    expect(smtp.accepted).not.toContain(cut.messageId);
    await wren.call('outbox.resolve', { outboxId: cut.id, action: 'discard' });
    expect((await wren.call('outbox.list', {})).some((e) => e.id === cut.id)).toBe(false);

    const again = await send('Cut, then sent anyway');
    expect(again.state).toBe('unknown');
    smtp.answer = 'accept';
    await wren.call('outbox.resolve', { outboxId: again.id, action: 'sendAnyway' });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [again.id] });
    expect(sent!.state).toBe('sent');
    expect(smtp.accepted.filter((id) => id === again.messageId)).toHaveLength(1);
  }, 30_000);

  it('a line cut during the envelope (no byte of the message sent) queues it for a retry, not "unknown"', async () => {
    // The row is marked "sending" when its turn comes, before MAIL FROM; a failure before the first byte puts it back.
    smtp.answer = 'accept';
    const cut = await send('Cut at RCPT', ['cut-here@example.test']);
    expect(cut.state).toBe('queued');
    expect(cut.error).toMatchObject({ code: 'ConnectionLost' });
    expect(cut.attempts).toBe(1);
    expect(smtp.recipients).toContain('cut-here@example.test');
    expect([...smtp.accepted, ...smtp.dropped]).not.toContain(cut.messageId);
    await wren.call('outbox.cancel', { outboxId: cut.id });
  }, 30_000);

  it('a wrong password is AuthFailed, as for IMAP', async () => {
    const other = await coreFor(lab, 1, {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: lab.users[1]!.email },
      allowPlaintext: true,
    });
    try {
      const entry = await other.wren.call('outbox.send', { message: { accountId: other.accountId, to: to('x@example.test'), subject: 'auth' }, undoSeconds: 0 });
      const [failed] = await other.wren.call('outbox.wait', { outboxIds: [entry.id] });
      expect(failed!.state).toBe('failed');
      expect(failed!.error?.code).toBe('AuthFailed');
    } finally {
      await other.wren.dispose();
    }
  }, 30_000);

  it('"Test connection" logs in to SMTP too: 587 STARTTLS and 465 TLS with the pinned certificate, a wrong password refused', async () => {
    expect(await wren.call('accounts.testConnection', labDraft(lab, alice()))).toMatchObject({ ok: true, smtpChecked: true });
    const implicit = labDraft(lab, alice(), { smtp: { host: lab.host, port: lab.ports.smtps, security: 'tls', user: alice().email } });
    expect(await wren.call('accounts.testConnection', implicit)).toMatchObject({ ok: true, smtpChecked: true });
    const wrong = labDraft(lab, lab.users[1]!, { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: lab.users[1]!.email }, allowPlaintext: true });
    await expect(wren.call('accounts.testConnection', wrong)).rejects.toMatchObject({ code: 'AuthFailed', details: { protocol: 'smtp' } });
    const unpinned = { ...labDraft(lab, alice()), trustedCertSha256: null, incoming: { host: lab.host, port: lab.ports.imap, security: 'none' as const, user: alice().email }, allowPlaintext: true };
    await expect(wren.call('accounts.testConnection', unpinned)).rejects.toMatchObject({ code: 'TlsUntrusted', details: { protocol: 'smtp' } });
  }, 30_000);

  it('the other security setting on a port, as users mix them up: each fault names its cause, which the words of setup turn into advice', async () => {
    // STARTTLS (a plain start) where the server waits for TLS first: no greeting ever comes.
    const plainOn465 = labDraft(lab, alice(), { smtp: { host: lab.host, port: lab.ports.smtps, security: 'starttls', user: alice().email } });
    await expect(wren.call('accounts.testConnection', plainOn465)).rejects.toMatchObject({ code: 'Timeout', details: { protocol: 'smtp', cause: 'GREETING_TIMEOUT' } });
    // TLS spoken to IMAP's plain port: its greeting in clear text is no TLS record.
    const tlsOn143 = labDraft(lab, alice(), { incoming: { host: lab.host, port: lab.ports.imap, security: 'tls', user: alice().email } });
    await expect(wren.call('accounts.testConnection', tlsOn143)).rejects.toMatchObject({ code: 'ConnectionLost', details: { protocol: 'imap', cause: 'ERR_SSL_WRONG_VERSION_NUMBER' } });
  }, 60_000);

  it('Bcc is in the envelope only, never in the headers sent', async () => {
    smtp.answer = 'accept';
    const entry = await wren.call('outbox.send', {
      message: { accountId, to: to('bob@example.test'), bcc: [{ name: 'Hidden', address: 'hidden@example.test' }], subject: 'Bcc check' },
      undoSeconds: 0,
    });
    const [sent] = await wren.call('outbox.wait', { outboxIds: [entry.id] });
    expect(sent!.state).toBe('sent');
    const source = smtp.sources[smtp.accepted.indexOf(entry.messageId)]!.toString('latin1');
    expect(source).not.toMatch(/^bcc:/im);
    expect(source).not.toContain('hidden@example.test');
  }, 30_000);

  it('header injection through the contract is refused before anything is stored', async () => {
    for (const message of [
      { accountId, to: to('bob@example.test'), subject: 'Hi\r\nBcc: victim@example.test' },
      { accountId, to: [{ name: 'Bob\r\nBcc: victim@example.test', address: 'bob@example.test' }] },
      { accountId, to: [{ name: 'Bob', address: 'bob@example.test\nBcc: victim@example.test' }] },
      { accountId, to: to('bob@example.test'), references: ['<a@b>\r\nBcc: victim@example.test'] },
    ]) {
      await expect(wren.call('outbox.send', { message, undoSeconds: 0 })).rejects.toMatchObject({ code: 'BadRequest' });
    }
  });
});
