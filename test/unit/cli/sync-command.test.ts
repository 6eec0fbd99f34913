import { describe, expect, it } from 'vitest';
import { syncCommand } from '../../../src-main/cli/commands/sync-command';
import { fakeCli } from './fake-cli';

const FINGERPRINT = 'D7:CA:CD:EF:D4:0F:20:A2:C0:9D:95:C8:E5:3E:41:55:8B:38:51:B6:EF:E9:91:BF:80:A7:B3:65:10:5D:33:D7';

/** `wren sync` against a server whose trusted certificate was replaced: what the user sees and can do. */
describe('wren sync: a certificate no longer trusted', () => {
  const untrusted = (accountId: number) => ({
    summaries: [],
    failures: [{
      accountId,
      error: {
        code: 'TlsUntrusted' as const,
        message: 'The certificate of the IMAP server 127.0.0.1:993 is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).',
        details: { host: '127.0.0.1', port: 993, certificate: { fingerprint256: FINGERPRINT, subject: 'CN=mail.home.test', selfSigned: true } },
      },
    }],
  });

  it('prints the certificate the server now shows and the command that trusts it for that account', async () => {
    const cli = fakeCli({ syncOutcome: untrusted });
    expect(await syncCommand(cli.context, ['Carol'])).toBe(1);
    const stderr = cli.stderr();
    expect(stderr).toContain('sync failed (TlsUntrusted)');
    expect(stderr).toContain('CN=mail.home.test');
    expect(stderr).toContain(FINGERPRINT);
    expect(stderr).toContain(`wren account edit 2 --trust-fingerprint ${FINGERPRINT}`);
  });
});

describe('wren sync: the exit code says why', () => {
  const failing = (...codes: ('ConnectionRefused' | 'Timeout' | 'AuthFailed')[]) => () => ({
    summaries: [],
    failures: codes.map((code, i) => ({ accountId: i + 1, error: { code, message: code } })),
  });

  it('75 when the server cannot be reached, 77 when it refused the login, 1 when accounts fail for different reasons', async () => {
    expect(await syncCommand(fakeCli({ syncOutcome: failing('ConnectionRefused') }).context, ['Carol'])).toBe(75);
    expect(await syncCommand(fakeCli({ syncOutcome: failing('AuthFailed') }).context, ['Carol'])).toBe(77);
    expect(await syncCommand(fakeCli({ syncOutcome: failing('ConnectionRefused', 'Timeout') }).context, [])).toBe(75);
    expect(await syncCommand(fakeCli({ syncOutcome: failing('ConnectionRefused', 'AuthFailed') }).context, [])).toBe(1);
  });
});
