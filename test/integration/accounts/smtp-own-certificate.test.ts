import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraftInput } from '../../../src-main/ipc/contract';
import { makeCert, type LabCert } from '../../lab/cert';
import { startLab, type Lab } from '../../lab/lab';
import { startSubmission, type RunningSubmission } from '../../lab/submission';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { onServerById, sendNow, to } from '../outbox/outbox-lab';
import { runWren } from '../cli/run-wren';

/**
 * An outgoing server with its own self-signed certificate, not the incoming server's (a second real
 * smtp-server, STARTTLS and AUTH, delivering into the lab's Dovecot): it is trusted on its own, for SMTP
 * only, and a certificate it shows later in its place is refused with the one it shows, like the
 * incoming server's.
 */
describe('an SMTP server with its own self-signed certificate', () => {
  let lab: Lab;
  let wren: TestCore;
  let certDir: string;
  let smtpCert: LabCert;
  let renewed: LabCert;
  let own: RunningSubmission;
  let accountId: number;
  const alice = () => lab.users[0]!;
  const bob = () => lab.users[1]!;
  const ownSmtp = () => ({ host: lab.host, port: own.ports.submission, security: 'starttls' as const, user: alice().email });
  const draft = (overrides: Partial<AccountDraftInput> = {}) => labDraft(lab, alice(), { smtp: ownSmtp(), ...overrides });

  beforeAll(async () => {
    lab = await startLab();
    certDir = mkdtempSync(join(tmpdir(), 'wren-smtp-certs-'));
    [smtpCert, renewed] = (await Promise.all(['smtp', 'renewed'].map(async (name) => {
      mkdirSync(join(certDir, name));
      return makeCert(join(certDir, name));
    }))) as [LabCert, LabCert];
    own = await startSubmission({ users: lab.users, cert: smtpCert, lmtpSocket: lab.lmtpSocket });
    wren = startCore();
  }, 60_000);
  afterAll(async () => {
    await wren?.dispose();
    await own?.close();
    await lab?.stop();
    rmSync(certDir, { recursive: true, force: true });
  });

  const untrustedSmtp = (fingerprint256: string) => ({
    code: 'TlsUntrusted',
    details: { protocol: 'smtp', host: lab.host, port: own.ports.submission, certificate: { fingerprint256, selfSigned: true } },
  });

  it('Test connection: the incoming server\'s pin does not cover it; the refusal names the SMTP server and its certificate', async () => {
    expect(smtpCert.fingerprint256).not.toBe(lab.certFingerprint256);
    await expect(wren.call('accounts.testConnection', draft())).rejects.toMatchObject(untrustedSmtp(smtpCert.fingerprint256));
  });

  it('adding the account refuses it the same way, and saves nothing', async () => {
    await expect(wren.call('accounts.add', draft())).rejects.toMatchObject(untrustedSmtp(smtpCert.fingerprint256));
    expect(await wren.call('accounts.list', {})).toEqual([]);
  });

  it('trusted for SMTP, it tests, adds and sends: the message arrives in the recipient\'s Inbox', async () => {
    const trusted = draft({ smtpTrustedCertSha256: smtpCert.fingerprint256 });
    expect(await wren.call('accounts.testConnection', trusted)).toMatchObject({ ok: true, smtpChecked: true });
    const added = await wren.call('accounts.add', trusted);
    expect(added).toMatchObject({ trustedCertSha256: lab.certFingerprint256, smtpTrustedCertSha256: smtpCert.fingerprint256 });
    accountId = added.id;
    const sent = await sendNow(wren, { accountId, to: to(bob().email), subject: 'Through its own certificate', text: 'hello' });
    expect(sent.state).toBe('sent');
    expect(await onServerById(lab, bob().email, 'INBOX', sent.messageId)).toHaveLength(1);
  });

  it('the incoming server still syncs with its own pin (the SMTP pin is for SMTP only)', async () => {
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
  });

  it('a certificate the SMTP server shows later in its place is refused with the one it shows, and can be trusted again', async () => {
    await own.present(renewed);
    const refused = await sendNow(wren, { accountId, to: to(bob().email), subject: 'After the renewal', text: 'hello again' });
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatchObject(untrustedSmtp(renewed.fingerprint256));
    expect(await onServerById(lab, bob().email, 'INBOX', refused.messageId)).toHaveLength(0);

    const edited = await wren.call('accounts.update', { accountId, smtpTrustedCertSha256: renewed.fingerprint256 });
    expect(edited).toMatchObject({ trustedCertSha256: lab.certFingerprint256, smtpTrustedCertSha256: renewed.fingerprint256 });
    await wren.call('outbox.retry', { outboxId: refused.id });
    const [retried] = await wren.call('outbox.wait', { outboxIds: [refused.id] });
    expect(retried!.state).toBe('sent');
    expect(await onServerById(lab, bob().email, 'INBOX', refused.messageId)).toHaveLength(1);
  });

  it('trusting a fingerprint the SMTP server does not show is refused, and the trusted one is kept', async () => {
    await expect(wren.call('accounts.update', { accountId, smtpTrustedCertSha256: smtpCert.fingerprint256 })).rejects.toMatchObject(untrustedSmtp(renewed.fingerprint256));
    const [account] = await wren.call('accounts.list', {});
    expect(account!.smtpTrustedCertSha256).toBe(renewed.fingerprint256);
  });

  it('stop trusting it: the SMTP pin goes (the incoming one stays), and the next send is refused with the certificate shown', async () => {
    const edited = await wren.call('accounts.update', { accountId, smtpTrustedCertSha256: null });
    expect(edited).toMatchObject({ trustedCertSha256: lab.certFingerprint256, smtpTrustedCertSha256: null });
    const refused = await sendNow(wren, { accountId, to: to(bob().email), subject: 'After the SMTP pin went', text: 'hello' });
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatchObject(untrustedSmtp(renewed.fingerprint256));
    expect(await onServerById(lab, bob().email, 'INBOX', refused.messageId)).toHaveLength(0);
    // Trusted again, as the Outbox row offers.
    await wren.call('accounts.update', { accountId, smtpTrustedCertSha256: renewed.fingerprint256 });
    await wren.call('outbox.retry', { outboxId: refused.id });
    expect((await wren.call('outbox.wait', { outboxIds: [refused.id] }))[0]!.state).toBe('sent');
  });

  it('an SMTP server showing the incoming server\'s certificate needs no second trust step', async () => {
    const sameCert = labDraft(lab, bob(), { smtp: { host: lab.host, port: lab.ports.submission, security: 'starttls', user: bob().email } });
    expect(await wren.call('accounts.testConnection', sameCert)).toMatchObject({ ok: true, smtpChecked: true });
    const added = await wren.call('accounts.add', sameCert);
    expect(added.smtpTrustedCertSha256).toBeNull();
    const sent = await sendNow(wren, { accountId: added.id, to: to(alice().email), subject: 'One certificate for both', text: 'hi' });
    expect(sent.state).toBe('sent');
  });
});

/** The same through the command line: the refusal says which flag trusts the SMTP server's certificate. */
describe('wren account add / edit --trust-smtp-fingerprint', () => {
  let lab: Lab;
  let dir: string;
  let smtpCert: LabCert;
  let renewed: LabCert;
  let own: RunningSubmission;
  const alice = () => lab.users[0]!;

  const wren = (args: string[]) => runWren(dir, alice().password, args);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-smtp-cert-'));
    lab = await startLab();
    mkdirSync(join(dir, 'cert'));
    mkdirSync(join(dir, 'renewed'));
    [smtpCert, renewed] = await Promise.all([makeCert(join(dir, 'cert')), makeCert(join(dir, 'renewed'))]);
    own = await startSubmission({ users: lab.users, cert: smtpCert, lmtpSocket: lab.lmtpSocket });
  }, 60_000);
  afterAll(async () => {
    await own?.close();
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const addArgs = () => ['account', 'add', '--name', 'Alice', '--email', alice().email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
    '--trust-fingerprint', lab.certFingerprint256, '--smtp-host', lab.host, '--smtp-port', String(own.ports.submission), '--smtp-security', 'starttls'];

  it('add names the SMTP server\'s fingerprint and --trust-smtp-fingerprint; with it the account is added', async () => {
    const refused = await wren(addArgs());
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`outgoing (SMTP) server ${lab.host}:${own.ports.submission}`);
    expect(refused.stderr).toContain(smtpCert.fingerprint256);
    expect(refused.stderr).toContain('--trust-smtp-fingerprint');
    const added = await wren([...addArgs(), '--trust-smtp-fingerprint', smtpCert.fingerprint256, '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ smtpTrustedCertSha256: smtpCert.fingerprint256, trustedCertSha256: lab.certFingerprint256 });
  });

  it('edit --trust-smtp-fingerprint refuses a fingerprint the SMTP server does not show', async () => {
    const wrong = lab.certFingerprint256;
    const refused = await wren(['account', 'edit', 'Alice', '--trust-smtp-fingerprint', wrong]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(smtpCert.fingerprint256);
    const kept = await wren(['account', 'edit', 'Alice', '--trust-smtp-fingerprint', smtpCert.fingerprint256, '--json']);
    expect(kept.code, kept.stderr).toBe(0);
  });

  it('wren send refused by a changed SMTP certificate prints the one shown and the edit that trusts it', async () => {
    await own.present(renewed);
    const body = join(dir, 'body.txt');
    writeFileSync(body, 'hello\n');
    const refused = await wren(['send', '--account', 'Alice', '--to', lab.users[1]!.email, '--subject', 'After the renewal', '--body-file', body]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(renewed.fingerprint256);
    expect(refused.stderr).toContain(`wren account edit 1 --trust-smtp-fingerprint ${renewed.fingerprint256}`);
  });
});
