import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { freePorts } from '../../lab/net-util';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { labDraft, startCore, type TestCore } from './lab-core';

async function failure(run: () => Promise<unknown>): Promise<ErrorShape & { details?: Record<string, unknown> }> {
  try {
    await run();
  } catch (error) {
    return error as ErrorShape;
  }
  throw new Error('expected a failure');
}

describe('connection failures each get their own clear error', () => {
  let lab: Lab;
  let wren: TestCore;
  let silent: Server;

  beforeAll(async () => {
    lab = await startLab();
    wren = startCore();
    // Accepts connections and never says a word: a server that hangs.
    silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
  });
  afterAll(async () => {
    silent?.close();
    await wren?.dispose();
    await lab?.stop();
  });

  const alice = () => lab.users[0]!;

  it('wrong password → AuthFailed, and no account is saved', async () => {
    const error = await failure(() => wren.call('accounts.add', labDraft(lab, alice(), { password: 'wrong' })));
    expect(error.code).toBe('AuthFailed');
    expect(error.message).toMatch(/user name or password/);
    expect(await wren.call('accounts.list', {})).toEqual([]);
  });

  it('unknown host → HostNotFound', async () => {
    const draft = labDraft(lab, alice(), { trustedCertSha256: null });
    const error = await failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, host: 'no-such-host.invalid' } }));
    expect(error.code).toBe('HostNotFound');
  });

  it('closed port → ConnectionRefused', async () => {
    const [closed] = await freePorts(1);
    const draft = labDraft(lab, alice(), { trustedCertSha256: null });
    const error = await failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, port: closed! } }));
    expect(error.code).toBe('ConnectionRefused');
  });

  it('with a certificate already trusted, a closed port or an unknown host is still said as such, not as an untrusted certificate', async () => {
    const [closed] = await freePorts(1);
    const draft = labDraft(lab, alice());
    expect(draft.trustedCertSha256).toBeTruthy();
    const refused = await failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, port: closed! } }));
    expect(refused.code).toBe('ConnectionRefused');
    const unknown = await failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, host: 'no-such-host.invalid' } }));
    expect(unknown.code).toBe('HostNotFound');
  });

  it('a server that never answers → Timeout', async () => {
    const port = (silent.address() as AddressInfo).port;
    const draft = labDraft(lab, alice(), { trustedCertSha256: null });
    const error = await failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, port, security: 'starttls' } }));
    expect(error.code).toBe('Timeout');
  }, 40_000);

  it('another kind of server on the port (the lab\'s POP3, its SMTP submission) → ServerProtocolError with what it sent, not Timeout', async () => {
    const draft = labDraft(lab, alice(), { trustedCertSha256: null, allowPlaintext: true });
    const at = (port: number) => failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, port, security: 'none' } }));
    const [pop3, smtp] = await Promise.all([at(lab.ports.pop3), at(lab.ports.submission)]);
    // Both greetings parse as tagged answers ("+OK", "220" their tags) and imapflow names only the tag; a line it cannot parse it keeps whole.
    expect(pop3).toMatchObject({ code: 'ServerProtocolError', details: { host: lab.host, port: lab.ports.pop3, protocol: 'imap', serverText: '+OK' } });
    expect(smtp).toMatchObject({ code: 'ServerProtocolError', details: expect.objectContaining({ port: lab.ports.submission, serverText: expect.stringMatching(/^220\b/) }) });
    // Said as soon as that answer came: this test's time is shorter than the greeting timeout (15 s) it used to wait out.
    expect(pop3.details?.cause).toBe('NOT_IMAP_GREETING');
  }, 10_000);

  it('self-signed certificate → TlsUntrusted with the certificate to show, for TLS and STARTTLS', async () => {
    for (const imap of [{ port: lab.ports.imaps, security: 'tls' as const }, { port: lab.ports.imap, security: 'starttls' as const }]) {
      const draft = labDraft(lab, alice(), { trustedCertSha256: null });
      const error = await failure(() => wren.call('accounts.testConnection', { ...draft, incoming: { ...draft.incoming, ...imap } }));
      expect(error.code).toBe('TlsUntrusted');
      expect(error.details?.certificate).toMatchObject({ fingerprint256: lab.certFingerprint256, selfSigned: true });
    }
  });

  it('trusting exactly that certificate works; a different pinned fingerprint is refused', async () => {
    const ok = await wren.call('accounts.testConnection', labDraft(lab, alice()));
    expect(ok.ok).toBe(true);
    expect(ok.capabilities).toContain('IMAP4rev1');
    const starttls = labDraft(lab, alice());
    expect((await wren.call('accounts.testConnection', { ...starttls, incoming: { ...starttls.incoming, port: lab.ports.imap, security: 'starttls' } })).ok).toBe(true);
    const wrongPin = lab.certFingerprint256.replace(/^../, lab.certFingerprint256.startsWith('00') ? '11' : '00');
    const error = await failure(() => wren.call('accounts.testConnection', labDraft(lab, alice(), { trustedCertSha256: wrongPin })));
    expect(error.code).toBe('TlsUntrusted');
  });

  it('plain text only when explicitly allowed', async () => {
    const draft = labDraft(lab, alice(), { trustedCertSha256: null });
    // Without SMTP: the lab's SMTP certificate is not pinned here, and this test is about the incoming server.
    const plain = { ...draft, smtp: null, incoming: { ...draft.incoming, port: lab.ports.imap, security: 'none' as const } };
    expect((await failure(() => wren.call('accounts.testConnection', plain))).code).toBe('PlaintextNotAllowed');
    expect((await wren.call('accounts.testConnection', { ...plain, allowPlaintext: true })).ok).toBe(true);
  });

  it('keeps the password out of error messages and the database', async () => {
    const error = await failure(() => wren.call('accounts.add', labDraft(lab, alice(), { password: 'wrong-pw-XYZZY' })));
    expect(JSON.stringify(error)).not.toContain('XYZZY');
    await wren.call('accounts.add', labDraft(lab, alice()));
    const dump = wren.core.store.db.prepare("SELECT group_concat(quote(sealed)) FROM secrets").pluck().get() as string;
    expect(dump).not.toContain(Buffer.from(alice().password).toString('hex').toUpperCase());
    const accountsRow = JSON.stringify(wren.core.store.db.prepare('SELECT * FROM accounts').all());
    expect(accountsRow).not.toContain(alice().password);
  });
});
