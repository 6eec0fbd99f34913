import { describe, expect, it } from 'vitest';
import { imapOptions } from '../../../src-main/imap/imap-connection';
import { toServerError } from '../../../src-main/imap/imap-error';

const login = {
  server: { host: 'imap.example.test', port: 993, security: 'tls' as const, user: 'u' },
  password: 'p',
  allowPlaintext: false,
  pin: null,
};

describe('a silent connection', () => {
  it('is given up after a minute of silence by default, not imapflow\'s five', () => {
    expect(imapOptions(login).socketTimeout).toBeLessThanOrEqual(60_000);
    expect(imapOptions({ ...login, timeouts: { socketMs: 1_500 } }).socketTimeout).toBe(1_500);
  });

  it('is reported as the server having stopped answering', () => {
    const error = toServerError(Object.assign(new Error('Socket timeout'), { code: 'ETIMEOUT' }), login.server, 'imap');
    expect(error.code).toBe('ServerStalled');
    expect(error.message).toMatch(/imap\.example\.test:993 stopped answering/);
  });
});
