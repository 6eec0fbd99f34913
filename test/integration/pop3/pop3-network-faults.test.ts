import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isUnreachable, type WrenError } from '../../../src-main/errors/wren-error';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { startTcpProxy, type TcpProxy, type TcpProxyOptions } from '../../lab/tcp-proxy';
import { extraUsers, labMessage, pop3Options, readAll } from './pop3-lab';

let lab: Lab;
let proxy: TcpProxy | undefined;
const USERS = extraUsers(['dave', 'erin', 'frank']);

beforeAll(async () => {
  lab = await startLab({ users: USERS });
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  await lab?.stop();
});

function user(name: string): LabUser {
  return lab.users.find((u) => u.email === `${name}@example.test`)!;
}

/**
 * Through a proxy that treats the server's bytes as `options` says: POP3S, or plain POP3 when
 * the proxy must see the bytes inside (TLS records cannot be re-cut or rewritten by a relay).
 */
async function throughProxy(who: LabUser, options: TcpProxyOptions & { plain?: boolean; idleMs?: number }) {
  proxy = await startTcpProxy(options.plain ? lab.ports.pop3 : lab.ports.pop3s, lab.host, 0, options);
  const security = options.plain ? { security: 'none' as const, allowPlaintext: true, pin: null, auth: 'user' as const } : {};
  return openPop3(pop3Options(lab, who, { port: proxy.port, timeouts: options.idleMs ? { idleMs: options.idleMs } : undefined, ...security }));
}

const oneByteAtATime = (chunk: Buffer): Buffer[] => Array.from({ length: chunk.length }, (_, i) => chunk.subarray(i, i + 1));

describe('POP3 client over a misbehaving network', () => {
  it('reads messages fed one byte at a time', async () => {
    const alice = user('alice');
    const sources = [labMessage(1, '.\r\n..x\r\nlast\r\n'), labMessage(2)];
    await lab.seed(alice.email, 'INBOX', sources);
    const client = await throughProxy(alice, { fromServer: oneByteAtATime, plain: true });
    try {
      expect((await client.uidl()).length).toBe(2);
      expect(await readAll(client.retr(1))).toEqual(sources[0]);
      expect(await client.retrBuffer(2)).toEqual(sources[1]);
      await client.quit();
    } finally {
      client.close();
    }
  });

  it('finds the terminator when CRLF.CRLF is split across packets, wherever the cut falls', async () => {
    const bob = user('bob');
    const source = labMessage(1, 'line\r\n.\r\n');
    await lab.seed(bob.email, 'INBOX', [source]);
    for (let cut = 1; cut <= 4; cut++) {
      // Cuts the server's bytes inside the final "\r\n.\r\n" (and inside the stuffed ".." line before it).
      const splitTerminator = (chunk: Buffer): Buffer[] => {
        const end = chunk.lastIndexOf('\r\n.\r\n');
        if (end < 0) return [chunk];
        const stuffed = chunk.lastIndexOf('\r\n..\r\n', end);
        const cuts = [stuffed >= 0 ? stuffed + 3 : -1, end + cut].filter((at) => at > 0);
        return [chunk.subarray(0, cuts[0]), ...cuts.map((at, i) => chunk.subarray(at, cuts[i + 1] ?? chunk.length))];
      };
      const client = await throughProxy(bob, { fromServer: splitTerminator, plain: true });
      try {
        expect(await client.retrBuffer(1)).toEqual(source);
        expect((await client.stat()).count).toBe(1);
      } finally {
        client.close();
        await proxy?.close();
        proxy = undefined;
      }
    }
  });

  it('a connection dropped in the middle of RETR fails the stream as a lost connection', async () => {
    const carol = user('carol');
    const line = `${'y'.repeat(70)}\r\n`;
    await lab.seed(carol.email, 'INBOX', [labMessage(1, line.repeat(20_000))]);
    let forwarded = 0;
    const client = await throughProxy(carol, {
      fromServer: (chunk, relay) => {
        forwarded += chunk.length;
        // Well inside the 1.4 MB message: the greeting, CAPA and login are long past.
        if (forwarded > 300_000) {
          relay.cut();
          return [];
        }
        return [chunk];
      },
    });
    try {
      const error = (await readAll(client.retr(1)).catch((e: unknown) => e)) as WrenError;
      expect(error.code).toBe('ConnectionLost');
      expect(isUnreachable(error)).toBe(true);
      // Everything after the cut says the same, at once.
      await expect(client.noop()).rejects.toMatchObject({ code: 'ConnectionLost' });
    } finally {
      client.close();
    }
  });

  it('a server that goes silent mid-session is ServerStalled', async () => {
    const dave = user('dave');
    await lab.seed(dave.email, 'INBOX', [labMessage(1)]);
    // The silence allowed covers the login too: Dovecot answers PASS from the pop3 process it starts for the
    // session once the maildrop is open, which on a loaded machine can take well over a few hundred ms.
    const client = await throughProxy(dave, { idleMs: 3_000 });
    try {
      proxy!.blackHole();
      const error = (await client.stat().catch((e: unknown) => e)) as WrenError;
      expect(error.code).toBe('ServerStalled');
      expect(isUnreachable(error)).toBe(true);
    } finally {
      client.close();
    }
  });

  it('a wrong size in LIST does not matter: RETR reads up to the terminator', async () => {
    const erin = user('erin');
    const sources = [labMessage(1, 'a longer body than LIST will admit\r\n'.repeat(50)), labMessage(2)];
    await lab.seed(erin.email, 'INBOX', sources);
    // Rewrites the LIST answer (it is small, so it arrives in one chunk) to claim 10 octets each.
    const lyingList = (chunk: Buffer): Buffer[] => {
      const text = chunk.toString('latin1');
      if (!/^\+OK \d+ messages:\r\n/.test(text)) return [chunk];
      return [Buffer.from(text.replace(/^(\d+) \d+\r$/gm, '$1 10\r'), 'latin1')];
    };
    const client = await throughProxy(erin, { fromServer: lyingList, plain: true });
    try {
      expect(await client.list()).toEqual([{ number: 1, size: 10 }, { number: 2, size: 10 }]);
      expect(await client.retrBuffer(1)).toEqual(sources[0]);
      expect(await client.retrBuffer(2)).toEqual(sources[1]);
      await client.quit();
    } finally {
      client.close();
    }
  });

  it('a server that is not there is ConnectionRefused, through the IMAP side\u2019s classifier', async () => {
    const frank = user('frank');
    proxy = await startTcpProxy(lab.ports.pop3s);
    const port = proxy.port;
    await proxy.close();
    proxy = undefined;
    await expect(openPop3(pop3Options(lab, frank, { port }))).rejects.toMatchObject({ code: 'ConnectionRefused' });
  });
});
