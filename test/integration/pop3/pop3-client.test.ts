import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WrenError } from '../../../src-main/errors/wren-error';
import { openPop3, type Pop3Client, type Pop3ConnectOptions } from '../../../src-main/pop3/pop3-client';
import { makeCert } from '../../lab/cert';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { extraUsers, labMessage, pop3Options, readAll } from './pop3-lab';

let lab: Lab;
const USERS = extraUsers(['dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj']);

beforeAll(async () => {
  lab = await startLab({ users: USERS });
});
afterAll(async () => {
  await lab?.stop();
});

function user(name: string): LabUser {
  const found = lab.users.find((u) => u.email === `${name}@example.test`);
  if (!found) throw new Error(`no lab user ${name}`);
  return found;
}

async function withClient<T>(options: Pop3ConnectOptions, work: (client: Pop3Client) => Promise<T>): Promise<T> {
  const client = await openPop3(options);
  try {
    const result = await work(client);
    await client.quit();
    return result;
  } finally {
    client.close();
  }
}

async function refusal(options: Pop3ConnectOptions): Promise<WrenError> {
  const error = await openPop3(options).then(
    (client) => {
      client.close();
      throw new Error('the login succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrenError);
  return error as WrenError;
}

describe('POP3 client against Dovecot: logins', () => {
  it('USER/PASS over POP3S reads STAT, LIST, UIDL and RETR, pipelined', async () => {
    const alice = user('alice');
    const sources = [labMessage(1), labMessage(2), labMessage(3)];
    await lab.seed(alice.email, 'INBOX', sources);
    await withClient(pop3Options(lab, alice, { auth: 'user' }), async (client) => {
      expect(client.greeting).toMatch(/ready/i);
      expect(client.capabilities.has('PIPELINING')).toBe(true);
      expect(await client.stat()).toEqual({ count: 3, size: sources.reduce((sum, s) => sum + s.length, 0) });
      expect(await client.list()).toEqual(sources.map((s, i) => ({ number: i + 1, size: s.length })));
      const uidls = await client.uidl();
      expect(uidls.map((u) => u.number)).toEqual([1, 2, 3]);
      expect(new Set(uidls.map((u) => u.uidl)).size).toBe(3);
      // All three RETRs go out before the first answer is read; the answers come back in order.
      const streams = [1, 2, 3].map((n) => client.retr(n));
      for (const [i, stream] of streams.entries()) expect(await readAll(stream)).toEqual(sources[i]);
      expect(await client.retrBuffer(3)).toEqual(sources[2]);
    });
  });

  it('upgrades with STLS, then logs in with USER/PASS', async () => {
    const bob = user('bob');
    await lab.seed(bob.email, 'INBOX', [labMessage(1)]);
    await withClient(pop3Options(lab, bob, { port: lab.ports.pop3, security: 'starttls', auth: 'user' }), async (client) => {
      // STLS is offered only before TLS is up.
      expect(client.capabilities.has('STLS')).toBe(false);
      expect((await client.stat()).count).toBe(1);
    });
  });

  it('logs in without encryption only when plain text is allowed', async () => {
    const carol = user('carol');
    const plain = pop3Options(lab, carol, { port: lab.ports.pop3, security: 'none', pin: null, auth: 'user' });
    expect((await refusal(plain)).code).toBe('PlaintextNotAllowed');
    await withClient({ ...plain, allowPlaintext: true }, async (client) => expect((await client.stat()).count).toBe(0));
  });

  it('logs in with APOP (the password never crosses the wire) and with AUTH PLAIN', async () => {
    const dave = user('dave');
    const plain = pop3Options(lab, dave, { port: lab.ports.pop3, security: 'none', allowPlaintext: true, pin: null });
    await withClient({ ...plain, auth: 'apop' }, async (client) => {
      expect(client.greeting).toMatch(/<[^>]+@[^>]+>/);
      expect((await client.stat()).count).toBe(0);
    });
    await withClient(pop3Options(lab, dave, { auth: 'plain' }), async (client) => expect((await client.stat()).count).toBe(0));
    // Dovecot logs each login's mechanism: USER/PASS and AUTH PLAIN both show as PLAIN, APOP as APOP.
    // The login process hands its lines to Dovecot's log process, which writes them when it gets to run:
    // on a loaded machine the second line may not be in the file yet when the session has ended.
    await vi.waitFor(async () => {
      const logins = (await readFile(lab.logPath, 'utf8')).split('\n').filter((line) => line.includes('Login: user=<dave@'));
      expect(logins.map((line) => /method=(\w+)/.exec(line)?.[1])).toEqual(['APOP', 'PLAIN']);
    }, { timeout: 10_000, interval: 50 });
  });

  it('offers CAPA, and the capabilities after login say what the session can do', async () => {
    const dave = user('dave');
    await withClient(pop3Options(lab, dave), async (client) => {
      for (const capability of ['TOP', 'UIDL', 'PIPELINING', 'RESP-CODES', 'AUTH-RESP-CODE']) expect(client.capabilities.has(capability), capability).toBe(true);
    });
  });

  it('a wrong password is AuthFailed, the code the IMAP side uses, for every login method', async () => {
    const erin = { ...user('erin'), password: 'wrong' };
    for (const auth of ['user', 'plain', 'auto'] as const) {
      const error = await refusal(pop3Options(lab, erin, { auth }));
      expect(error.code, auth).toBe('AuthFailed');
      expect(error.message).not.toContain('wrong');
    }
    const apop = await refusal(pop3Options(lab, erin, { port: lab.ports.pop3, security: 'none', allowPlaintext: true, auth: 'apop' }));
    expect(apop.code).toBe('AuthFailed');
  });

  it('refuses the self-signed certificate without the pin (POP3S and STLS) and accepts it with the pin', async () => {
    const frank = user('frank');
    expect((await refusal(pop3Options(lab, frank, { pin: null }))).code).toBe('TlsUntrusted');
    expect((await refusal(pop3Options(lab, frank, { pin: null, port: lab.ports.pop3, security: 'starttls' }))).code).toBe('TlsUntrusted');
    const otherDir = await mkdtemp(path.join(tmpdir(), 'wren-other-cert-'));
    try {
      const other = await makeCert(otherDir);
      const otherPin = { sha256: other.fingerprint256, pem: other.certPem };
      expect((await refusal(pop3Options(lab, frank, { pin: otherPin }))).code).toBe('TlsUntrusted');
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
    await withClient(pop3Options(lab, frank), async (client) => expect((await client.stat()).count).toBe(0));
  });
});

describe('POP3 client against Dovecot: messages', () => {
  it('RETR and TOP give an 8-bit GBK body byte for byte', async () => {
    const grace = user('grace');
    // 你好，世界 in GBK, then every byte from 0x80 to 0xFF on a line of its own.
    const gbk = Buffer.concat([
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7, 0x0d, 0x0a]),
      Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i).filter((b) => b !== 0x0d && b !== 0x0a)),
      Buffer.from('\r\n'),
    ]);
    const source = labMessage(1, gbk, 'Content-Type: text/plain; charset=GBK\nContent-Transfer-Encoding: 8bit\n');
    await lab.seed(grace.email, 'INBOX', [source]);
    await withClient(pop3Options(lab, grace), async (client) => {
      expect(await client.retrBuffer(1)).toEqual(source);
      expect(await readAll(client.retr(1))).toEqual(source);
      const headerEnd = source.indexOf('\r\n\r\n') + 4;
      expect(await readAll(client.top(1, 0))).toEqual(source.subarray(0, headerEnd));
      expect(await readAll(client.top(1, 1))).toEqual(source.subarray(0, headerEnd + 12));
    });
  });

  it('un-stuffs a body line that is just "." and lines starting with ".."', async () => {
    const heidi = user('heidi');
    const body = '.\r\n..\r\n...three\r\n..two\r\n.one\r\nend\r\n.\r\n';
    const source = labMessage(1, body);
    await lab.seed(heidi.email, 'INBOX', [source, labMessage(2)]);
    await withClient(pop3Options(lab, heidi), async (client) => {
      const first = client.retr(1);
      const second = client.retr(2);
      expect((await readAll(first)).toString('latin1')).toBe(source.toString('latin1'));
      expect((await readAll(second)).toString()).toContain('Body of message 2.');
    });
  });

  it('DELE takes effect on QUIT; close() without QUIT keeps the message; RSET undoes', async () => {
    const ivan = user('ivan');
    await lab.seed(ivan.email, 'INBOX', [labMessage(1), labMessage(2), labMessage(3)]);
    const options = pop3Options(lab, ivan);
    const firstUidls = await withClient(options, (client) => client.uidl());

    const abrupt = await openPop3(options);
    await abrupt.dele(1);
    expect((await abrupt.stat()).count).toBe(2);
    abrupt.close();
    expect(await withClient(options, (client) => client.uidl())).toEqual(firstUidls);

    await withClient(options, async (client) => {
      await client.dele(1);
      await client.rset();
      await client.noop();
    });
    expect((await withClient(options, (client) => client.stat())).count).toBe(3);

    await withClient(options, async (client) => {
      await client.dele(1);
      await client.dele(3);
      const twice = await client.dele(3).catch((e: unknown) => e);
      expect(twice).toMatchObject({ code: 'ServerSaid' });
    });
    const left = await withClient(options, (client) => client.uidl());
    expect(left.map((u) => u.uidl)).toEqual([firstUidls[1]!.uidl]);
  });

  it('RETR of a message that does not exist fails its stream and leaves the session usable', async () => {
    const judy = user('judy');
    await lab.seed(judy.email, 'INBOX', [labMessage(1)]);
    await withClient(pop3Options(lab, judy), async (client) => {
      await expect(readAll(client.retr(7))).rejects.toMatchObject({ code: 'ServerSaid' });
      expect((await client.retrBuffer(1)).length).toBeGreaterThan(0);
    });
  });

  it('streams a 6 MB message to a slow reader without losing a byte', async () => {
    const mallory = user('mallory');
    const line = `${'x'.repeat(74)}\r\n`;
    const big = labMessage(1, line.repeat(Math.ceil((6 * 1024 * 1024) / line.length)));
    await lab.seed(mallory.email, 'INBOX', [big]);
    await withClient(pop3Options(lab, mallory), async (client) => {
      const stream = client.retr(1);
      const parts: Buffer[] = [];
      for await (const chunk of stream) {
        parts.push(chunk as Buffer);
        if (parts.length % 16 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(Buffer.concat(parts).equals(big)).toBe(true);

      // A reader that never reads and gives up once the stream is full (the socket is paused then):
      // the rest is read and dropped, and the session goes on.
      const abandoned = client.retr(1);
      while (abandoned.readableLength < abandoned.readableHighWaterMark) await new Promise((resolve) => setTimeout(resolve, 10));
      abandoned.destroy();
      expect((await client.retrBuffer(1)).equals(big)).toBe(true);
    });
  });
});
