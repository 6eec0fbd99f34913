import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import { openPop3, type Pop3ConnectOptions } from '../../../src-main/pop3/pop3-client';
import { startFakePop3, rfc1939Only, type FakePop3Server } from './fake-pop3-server';

let server: FakePop3Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function options(port: number, overrides: Partial<Pop3ConnectOptions> = {}): Pop3ConnectOptions {
  return { host: '127.0.0.1', port, security: 'none', allowPlaintext: true, pin: null, user: 'u', password: 'p', ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<WrenError> {
  const error = await promise.then(() => new Error('it succeeded'), (e: unknown) => e);
  expect(error).toBeInstanceOf(WrenError);
  return error as WrenError;
}

describe('POP3 client against scripted servers', () => {
  it('a server without CAPA gets USER/PASS and no pipelining: each command waits for the last answer', async () => {
    server = await startFakePop3('+OK hello', rfc1939Only());
    const client = await openPop3(options(server.port));
    expect(client.capabilities.size).toBe(0);
    const bodies = await Promise.all([client.retrBuffer(1), client.retrBuffer(2), client.dele(1), client.noop()]);
    expect(bodies[0].toString()).toBe('Subject: one\r\n\r\n.dot\r\n');
    expect(bodies[1].toString()).toBe('Subject: two\r\n\r\nbody\r\n');
    await client.quit();
    expect(server.received).toEqual(['CAPA', 'USER u', 'PASS p', 'CAPA', 'RETR 1', 'RETR 2', 'DELE 1', 'NOOP', 'QUIT']);
    expect(server.overlapping).toEqual([]);
  });

  it('with PIPELINING the commands go out without waiting', async () => {
    const script = rfc1939Only({ CAPA: '+OK\r\nUSER\r\nPIPELINING\r\nUIDL\r\n.\r\n' });
    server = await startFakePop3('+OK hello', script);
    const client = await openPop3(options(server.port));
    expect(client.capabilities.has('PIPELINING')).toBe(true);
    await Promise.all([client.retrBuffer(1), client.retrBuffer(2), client.dele(1), client.dele(2)]);
    client.close();
    expect(server.overlapping.length).toBeGreaterThan(0);
  });

  it('a server without UIDL is Pop3NoUidl', async () => {
    server = await startFakePop3('+OK hello', rfc1939Only());
    const client = await openPop3(options(server.port));
    const error = await failure(client.uidl());
    expect(error.code).toBe('Pop3NoUidl');
    expect((await client.stat()).count).toBe(2);
    client.close();
  });

  it.each([
    ['-ERR [LOGIN-DELAY] wait 15 minutes\r\n', 'Pop3LoginDelay'],
    ['-ERR [SYS/TEMP] backend down\r\n', 'ServerTemporary'],
    ['-ERR [IN-USE] locked\r\n', 'Pop3InUse'],
    ['-ERR [AUTH] bad password\r\n', 'AuthFailed'],
    ['-ERR nope\r\n', 'AuthFailed'],
    ['-ERR [SYS/PERM] account disabled\r\n', 'ServerSaid'],
  ])('PASS answered %j is %s', async (answer, code) => {
    server = await startFakePop3('+OK hello', rfc1939Only({ PASS: answer }));
    const error = await failure(openPop3(options(server.port, { password: 'hunter2' })));
    expect(error.code).toBe(code);
    expect(error.message).not.toContain('hunter2');
  });

  it('APOP sends the MD5 of the greeting timestamp and the password (RFC 1939 example)', async () => {
    server = await startFakePop3('+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>', rfc1939Only({ APOP: '+OK\r\n' }));
    const client = await openPop3(options(server.port, { user: 'mrose', password: 'tanstaaf', auth: 'apop' }));
    client.close();
    expect(server.received).toContain('APOP mrose c4c9334bac560ecc979e58001b3e22fb');
  });

  it('a login refused with [LOGIN-DELAY] says how long the server asked to wait (its LOGIN-DELAY capability), for the retry timer', async () => {
    const script = rfc1939Only({ CAPA: '+OK\r\nUSER\r\nUIDL\r\nLOGIN-DELAY 900\r\n.\r\n', PASS: '-ERR [LOGIN-DELAY] wait 15 minutes\r\n' });
    server = await startFakePop3('+OK hello', script);
    const error = await failure(openPop3(options(server.port)));
    expect(error.code).toBe('Pop3LoginDelay');
    expect(error.details).toMatchObject({ retryAfterMs: 900_000 });
  });

  // qmail-pop3d puts a timestamp in every greeting, but APOP works only with a checkpassword that supports it.
  it('auto login on a plain line: a greeting timestamp with APOP refused falls back to USER/PASS, which the server takes', async () => {
    server = await startFakePop3('+OK <2519.1764756000@mail.example.test>', rfc1939Only({ APOP: '-ERR authorization failed\r\n' }));
    const client = await openPop3(options(server.port));
    client.close();
    expect(server.received.slice(1, 4)).toEqual([expect.stringMatching(/^APOP u [0-9a-f]{32}$/), 'USER u', 'PASS p']);
  });

  it('auto login: a server that hangs up after refusing APOP is AuthFailed (its refusal), not a lost connection', async () => {
    server = await startFakePop3('+OK <2519.1764756000@mail.example.test>', (line) => (line.startsWith('USER') ? undefined : rfc1939Only({ APOP: '-ERR authorization failed\r\n' })(line)));
    expect((await failure(openPop3(options(server.port)))).code).toBe('AuthFailed');
  });

  it('auto login: APOP refused for a stated reason ([IN-USE]) is that reason, with no second try', async () => {
    server = await startFakePop3('+OK <2519.1764756000@mail.example.test>', rfc1939Only({ APOP: '-ERR [IN-USE] locked\r\n' }));
    expect((await failure(openPop3(options(server.port)))).code).toBe('Pop3InUse');
    expect(server.received.filter((line) => line.startsWith('USER') || line.startsWith('PASS'))).toEqual([]);
  });

  it('APOP against a greeting without a timestamp is refused before anything is sent', async () => {
    server = await startFakePop3('+OK hello', rfc1939Only());
    expect((await failure(openPop3(options(server.port, { auth: 'apop' })))).code).toBe('ServerSaid');
    expect(server.received).toEqual(['CAPA']);
  });

  it('AUTH PLAIN with credentials too long for one line answers the "+ " continuation', async () => {
    const password = 'x'.repeat(300);
    const expected = Buffer.from(`\0u\0${password}`).toString('base64');
    server = await startFakePop3('+OK hello', (line) => {
      if (line === 'CAPA') return '+OK\r\nSASL PLAIN\r\n.\r\n';
      if (line === 'AUTH PLAIN') return '+ \r\n';
      if (line === expected) return '+OK logged in\r\n';
      return rfc1939Only()(line);
    });
    const client = await openPop3(options(server.port, { password }));
    client.close();
    expect(server.received.slice(0, 3)).toEqual(['CAPA', 'AUTH PLAIN', expected]);
  });

  it('a greeting of -ERR with a response code is that code: [SYS/TEMP] (a busy server) is ServerTemporary, retried later', async () => {
    server = await startFakePop3('-ERR [SYS/TEMP] too many connections, try later', rfc1939Only());
    const error = await failure(openPop3(options(server.port)));
    expect(error.code).toBe('ServerTemporary');
    expect(error.message).toContain('too many connections');
  });

  it('a greeting of -ERR and a server that talks nonsense are errors, not hangs', async () => {
    server = await startFakePop3('-ERR too busy', rfc1939Only());
    expect((await failure(openPop3(options(server.port)))).code).toBe('ServerSaid');
    await server.close();
    server = await startFakePop3('* OK IMAP4rev1 ready', rfc1939Only());
    const garbage = await failure(openPop3(options(server.port)));
    expect(garbage.code).toBe('ServerProtocolError');
    expect(garbage.details).toMatchObject({ host: '127.0.0.1', port: server.port, protocol: 'pop3', serverText: '* OK IMAP4rev1 ready' });
  });

  it.each([
    ['garbage for a status line', { STAT: 'hello there\r\n' }, 'hello there'],
    ['a STAT without numbers', { STAT: '+OK lots of mail\r\n' }, '+OK lots of mail'],
    ['a SASL continuation to a plain command', { STAT: '+ \r\n' }, '+ '],
  ])('%s is ServerProtocolError with the line, not a lost connection', async (_name, overrides, serverText) => {
    server = await startFakePop3('+OK hello', rfc1939Only(overrides));
    const client = await openPop3(options(server.port));
    const error = await failure(client.stat());
    expect(error.code).toBe('ServerProtocolError');
    expect(error.details).toMatchObject({ host: '127.0.0.1', serverText });
    client.close();
  });

  it('a broken LIST line and a status line that never ends are ServerProtocolError, the line cut to a sane length', async () => {
    server = await startFakePop3('+OK hello', rfc1939Only({ LIST: '+OK\r\n1 100\r\n2\r\n.\r\n', NOOP: `${'\u0000garbage'.repeat(10_000)}` }));
    const client = await openPop3(options(server.port));
    expect(await failure(client.list())).toMatchObject({ code: 'ServerProtocolError', details: { serverText: '2' } });
    const endless = await failure(client.noop());
    expect(endless.code).toBe('ServerProtocolError');
    expect(String(endless.details?.serverText)).toMatch(/^\\x00garbage\\x00.*…$/);
    expect(String(endless.details?.serverText).length).toBeLessThanOrEqual(121);
    client.close();
  });

  it('a server that closes in the middle of a body fails that RETR as ConnectionLost', async () => {
    server = await startFakePop3('+OK hello', rfc1939Only({ RETR: '+OK\r\nSubject: cut\r\n\r\nhalf' }));
    const client = await openPop3(options(server.port));
    const retr = client.retr(1);
    const noop = client.noop();
    const errored = new Promise<unknown>((resolve) => retr.on('error', resolve));
    // The first bytes of the body have arrived; then the server goes away: no terminator ever comes.
    await once(retr, 'data');
    await server.close();
    expect(await errored).toMatchObject({ code: 'ConnectionLost' });
    expect((await failure(noop)).code).toBe('ConnectionLost');
  });

  it('refuses an unencrypted connection unless allowed, before connecting', async () => {
    expect((await failure(openPop3(options(1, { allowPlaintext: false })))).code).toBe('PlaintextNotAllowed');
  });

  it('no greeting within connectMs is Timeout', async () => {
    const silent = await import('node:net').then((net) => net.createServer(() => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      expect((await failure(openPop3(options(port, { timeouts: { connectMs: 200 } })))).code).toBe('Timeout');
    } finally {
      silent.close();
    }
  });
});
