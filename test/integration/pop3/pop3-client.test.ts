import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { startLab, type Lab } from '../../lab/lab';
import { crlf, pop3Options, readAll } from './pop3-lab';

let lab: Lab;

beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});

const message = (n: number, body = `Body of message ${n}.\r\n`) =>
  Buffer.from(crlf(`From: a@example.test\nTo: alice@example.test\nSubject: Message ${n}\nMessage-ID: <m${n}@example.test>\n\n`) + body);

describe('POP3 client against Dovecot', () => {
  it('logs in with USER/PASS over POP3S and reads STAT, LIST, UIDL, RETR', async () => {
    const user = lab.users[0]!;
    const sources = [message(1), message(2), message(3)];
    await lab.seed(user.email, 'INBOX', sources);
    const client = await openPop3(pop3Options(lab, user, { auth: 'user' }));
    try {
      expect(client.capabilities.has('UIDL')).toBe(true);
      expect(client.capabilities.has('PIPELINING')).toBe(true);
      expect(await client.stat()).toEqual({ count: 3, size: sources.reduce((sum, s) => sum + s.length, 0) });
      expect(await client.list()).toEqual(sources.map((s, i) => ({ number: i + 1, size: s.length })));
      const uidls = await client.uidl();
      expect(uidls.map((u) => u.number)).toEqual([1, 2, 3]);
      expect(new Set(uidls.map((u) => u.uidl)).size).toBe(3);
      expect(await readAll(client.retr(2))).toEqual(sources[1]);
      expect(await client.retrBuffer(3)).toEqual(sources[2]);
      await client.quit();
    } finally {
      client.close();
    }
  });
});
