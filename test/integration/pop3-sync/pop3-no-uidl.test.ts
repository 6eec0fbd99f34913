import { afterEach, describe, expect, it } from 'vitest';
import { startFakePop3, type FakePop3Server } from '../../unit/pop3/fake-pop3-server';
import { startCore, type TestCore } from '../imap/lab-core';

// Dovecot always offers UIDL: an RFC 1939 server without it (TOP only, as the RFC allows) is scripted here.
let server: FakePop3Server | undefined;
let test: TestCore | undefined;
afterEach(async () => {
  await test?.dispose();
  await server?.close();
  test = server = undefined;
});

const message = (n: number, lines: number) =>
  `Received: from relay${n}.example.test; Tue, 01 Dec 2026 10:0${n}:00 +0000\r\nFrom: s${n}@example.test\r\nSubject: Old server ${n}\r\n` +
  `Message-ID: <old-${n}@example.test>\r\n\r\n${Array.from({ length: lines }, (_, i) => `Line ${i + 1} of message ${n}, long enough to add up.`).join('\r\n')}\r\n`;

/** A maildrop without UIDL: LIST, RETR, TOP, DELE (applied at QUIT). */
function noUidlServer(messages: string[]) {
  const deleted = new Set<number>();
  return (line: string): string => {
    const [verb = '', a = '', b = ''] = line.split(' ');
    const stuffed = (text: string) => `+OK\r\n${text.replace(/^\./gm, '..')}.\r\n`;
    switch (verb.toUpperCase()) {
      case 'CAPA': return '+OK\r\nUSER\r\nTOP\r\n.\r\n';
      case 'USER': case 'PASS': case 'NOOP': return '+OK\r\n';
      case 'LIST': return stuffed(messages.map((m, i) => `${i + 1} ${m.length}\r\n`).join(''));
      case 'RETR': return stuffed(messages[Number(a) - 1]!);
      case 'TOP': {
        const [head, body] = messages[Number(a) - 1]!.split('\r\n\r\n');
        return stuffed(`${head}\r\n\r\n${body!.split('\r\n').slice(0, Number(b)).map((l) => `${l}\r\n`).join('')}`);
      }
      case 'DELE': deleted.add(Number(a)); return '+OK\r\n';
      default: return '-ERR unknown command\r\n';
    }
  };
}

async function accountOn(port: number, leave: 'delete' | 'keep', maxMessageKb: number | null = null): Promise<number> {
  test = startCore();
  const account = await test.call('accounts.add', {
    name: 'Old', email: 'old@example.test', protocol: 'pop3', password: 'pw', allowPlaintext: true,
    incoming: { host: '127.0.0.1', port, security: 'none', user: 'old' },
    pop3: { leave, deleteAfterDays: null, maxMessageKb },
  });
  return account.id;
}

async function subjects(accountId: number): Promise<string[]> {
  const [inbox] = await test!.call('folders.list', { accountId });
  return (await test!.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 50 })).items.map((m) => m.subject).sort();
}

describe('a POP3 server without UIDL', () => {
  it('with "download and delete" (what the Pop3NoUidl words advise) each message comes once, even over two checks, and is deleted', async () => {
    const messages = [1, 2, 3].map((n) => message(n, 5));
    server = await startFakePop3('+OK old server', noUidlServer(messages));
    const accountId = await accountOn(server.port, 'delete');
    expect((await test!.call('sync.run', { accountId, bodies: false })).summaries[0]!.newMessages).toBe(3);
    // This fake server never applies DELE: as after a check cut before QUIT, the same three are there again.
    expect((await test!.call('sync.run', { accountId, bodies: false })).summaries[0]!.newMessages).toBe(0);
    expect(await subjects(accountId)).toEqual(['Old server 1', 'Old server 2', 'Old server 3']);
    expect(server.received.filter((line) => line.startsWith('DELE'))).toEqual(['DELE 1', 'DELE 2', 'DELE 3', 'DELE 1', 'DELE 2', 'DELE 3']);
  });

  it('with a size limit too: the partial message opens whole, found again by its headers', async () => {
    const big = message(2, 2000);
    server = await startFakePop3('+OK old server', noUidlServer([message(1, 5), big]));
    const accountId = await accountOn(server.port, 'delete', 20);
    await test!.call('sync.run', { accountId, bodies: false });
    const [inbox] = await test!.call('folders.list', { accountId });
    const partial = (await test!.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items.find((m) => m.subject === 'Old server 2')!;
    const opened = await test!.call('messages.read', { messageId: partial.id, markSeen: false });
    expect(opened.partial).toBeUndefined();
    expect(opened.text).toContain('Line 2000 of message 2');
  });

  it('leaving mail on it stays refused as Pop3NoUidl', async () => {
    server = await startFakePop3('+OK old server', noUidlServer([message(1, 5)]));
    const accountId = await accountOn(server.port, 'keep');
    const run = await test!.call('sync.run', { accountId, bodies: false });
    expect(run.failures).toEqual([{ accountId, error: expect.objectContaining({ code: 'Pop3NoUidl' }) }]);
    expect(await subjects(accountId)).toEqual([]);
  });
});
