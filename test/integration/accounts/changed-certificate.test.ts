import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCert, type LabCert } from '../../lab/cert';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { startTlsFront, type TlsFront } from '../../lab/tls-front';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

/**
 * A trusted self-signed certificate that the server replaces (renewed, or someone in the middle):
 * the sync refuses it, never silently accepts it, and says which certificate the server now shows,
 * so the user can compare it and trust it again (the app's banner and `wren sync` show it).
 */
describe('a trusted certificate the server replaced', () => {
  let lab: Lab;
  let wren: TestCore;
  let front: TlsFront;
  let certDir: string;
  let first: LabCert;
  let renewed: LabCert;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    certDir = mkdtempSync(join(tmpdir(), 'wren-certs-'));
    [first, renewed] = await Promise.all(['a', 'b'].map(async (name) => {
      const dir = join(certDir, name);
      mkdirSync(dir);
      return makeCert(dir);
    })) as [LabCert, LabCert];
    front = await startTlsFront(lab.ports.imaps, lab.certPem, first);
    const user = lab.users[0]!;
    await lab.seed(user.email, 'INBOX', [simpleMessage(1, { to: user.email })]);
    wren = startCore();
    const draft = labDraft(lab, user, { incoming: { host: lab.host, port: front.port, security: 'tls', user: user.email }, smtp: null, trustedCertSha256: first.fingerprint256 });
    accountId = (await wren.call('accounts.add', draft)).id;
  });
  afterAll(async () => {
    await wren?.dispose();
    await front?.close();
    await lab?.stop();
    rmSync(certDir, { recursive: true, force: true });
  });

  /** The next sync's connection is a new one (an open connection's handshake is behind it). */
  const reconnect = () => wren.core.sync.dropConnection(accountId);

  it('syncs through the certificate the user trusted', async () => {
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
  });

  it('refuses the replaced certificate and names it, so it can be compared and trusted again', async () => {
    front.present(renewed);
    reconnect();
    const { failures } = await wren.call('sync.run', { accountId });
    expect(failures).toHaveLength(1);
    expect(failures[0]!.error.code).toBe('TlsUntrusted');
    expect(failures[0]!.error.details).toMatchObject({ certificate: { fingerprint256: renewed.fingerprint256, selfSigned: true } });
    const [account] = await wren.call('accounts.list', {});
    expect(account!.lastError).toMatchObject({ code: 'TlsUntrusted', details: { certificate: { fingerprint256: renewed.fingerprint256 } } });
  });

  it('trusting the new certificate makes the account work again, and only that one is trusted', async () => {
    const edited = await wren.call('accounts.update', { accountId, trustedCertSha256: renewed.fingerprint256 });
    expect(edited.trustedCertSha256).toBe(renewed.fingerprint256);
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    front.present(first);
    reconnect();
    const { failures } = await wren.call('sync.run', { accountId });
    expect(failures[0]?.error.code).toBe('TlsUntrusted');
  });

  it('stop trusting it (a fingerprint set to null): saved without a login test, the open connection goes, and the next sync refuses the certificate again', async () => {
    front.present(renewed);
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    // Not reconnected by the test: the update itself must close the connection made with the trust now withdrawn.
    const edited = await wren.call('accounts.update', { accountId, trustedCertSha256: null });
    expect(edited.trustedCertSha256).toBeNull();
    expect(wren.core.store.accounts.get(accountId)).toMatchObject({ trustedCertSha256: null, trustedCertPem: null });
    const { failures } = await wren.call('sync.run', { accountId });
    expect(failures[0]?.error).toMatchObject({ code: 'TlsUntrusted', details: { certificate: { fingerprint256: renewed.fingerprint256 } } });
  });
});
