import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapSessions } from '../../../src-main/imap/imap-sessions';
import type { ImapLogin } from '../../../src-main/imap/imap-connection';
import { startLab, type Lab } from '../../lab/lab';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';

describe('ImapSessions, when the line drops under a command', () => {
  let lab: Lab;
  let proxy: TcpProxy;

  beforeAll(async () => {
    lab = await startLab();
    proxy = await startTcpProxy(lab.ports.imaps);
  });
  afterAll(async () => {
    await proxy?.close();
    await lab?.stop();
  });

  it('reports the network fault, without asking for a login again (an OAuth2 renewal would fail offline and hide it)', async () => {
    const alice = lab.users[0]!;
    const login: ImapLogin = {
      server: { host: lab.host, port: proxy.port, security: 'tls', user: alice.email },
      password: alice.password,
      allowPlaintext: false,
      pin: { sha256: lab.certFingerprint256, pem: lab.certPem },
    };
    let logins = 0;
    // The first login is given; any later one fails as a token renewal with no network would.
    const sessions = new ImapSessions(() => {
      logins += 1;
      if (logins > 1) throw new Error('token endpoint unreachable');
      return login;
    });
    try {
      const failure = await sessions
        .use(1, 'read', async (client) => {
          await proxy.close();
          return client.mailboxOpen('INBOX');
        })
        .then(() => null, (error: unknown) => error as { code: string });
      expect(failure?.code).toBe('ConnectionLost');
      expect(logins).toBe(1);
    } finally {
      sessions.closeAll();
    }
  });
});
