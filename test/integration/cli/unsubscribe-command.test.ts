import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimSender } from '../../lab/dkim-sender';
import { startDnsServer, type TestDnsServer } from '../../lab/dns-server';
import { listMessage } from '../../lab/list-message';
import { startOneClickServer, type OneClickServer } from '../../lab/one-click-server';
import { cliAccount } from './cli-account';

interface Listed { id: number; subject: string }

/** `wren unsubscribe`: the built CLI, against Dovecot, a list's HTTPS server and the DNS server with its DKIM key. */
describe('wren unsubscribe', () => {
  let certDir: string;
  let list: OneClickServer;
  let dns: TestDnsServer;
  const signer = dkimSender('lists.example.org');
  // Before the account's lab, whose seed names the list's server: the CLI trusts its certificate and asks that DNS.
  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'wren-cli-one-click-'));
    list = await startOneClickServer(certDir);
    dns = await startDnsServer({ txt: { [signer.record.name]: [signer.record.text] } });
    process.env.NODE_EXTRA_CA_CERTS = list.cert.certPath;
    process.env.WREN_TEST_DNS = dns.server;
  });
  afterAll(async () => {
    delete process.env.NODE_EXTRA_CA_CERTS;
    delete process.env.WREN_TEST_DNS;
    await list?.close();
    await dns?.close();
    await rm(certDir, { recursive: true, force: true });
  });
  const { wren } = cliAccount(async (lab) => {
    await lab.seed(lab.users[0]!.email, 'INBOX', [
      await signer.sign(listMessage('Signed', [`List-Unsubscribe: <${list.base}/u?member=alice>`])),
      listMessage('Unsigned', ['List-Unsubscribe: <mailto:leave@lists.example.org?subject=leave>, <https://lists.example.org/page>']),
      ['From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: Lunch', 'Message-ID: <lunch@example.test>', '', 'Noon?', ''].join('\r\n'),
    ]);
  });
  const idOf = async (subject: string) => {
    const listed = JSON.parse((await wren(['list', 'Work', 'INBOX', '--json'])).stdout) as Listed[];
    return String(listed.find((m) => m.subject === subject)!.id);
  };

  it('posts the one click of a signed list with --yes, and says so', async () => {
    const run = await wren(['unsubscribe', await idOf('Signed'), '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Unsubscribed: ${new URL(list.base).host}`);
    expect(list.received.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/u?member=alice', 'List-Unsubscribe=One-Click']]);
  });

  it('asks first; without a terminal it wants --yes and posts nothing', async () => {
    const run = await wren(['unsubscribe', await idOf('Signed')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pass --yes to confirm');
    expect(list.received).toHaveLength(1);
  });

  it('prints the page and the address where the list signed no one click; a message on no list is an error', async () => {
    const run = await wren(['--json', 'unsubscribe', await idOf('Unsigned')]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      unsubscribed: false, web: 'https://lists.example.org/page', mailto: { to: ['leave@lists.example.org'], cc: [], subject: 'leave', body: '' },
    });
    const text = await wren(['unsubscribe', await idOf('Unsigned')]);
    expect(text.stdout).toContain('Open its page: https://lists.example.org/page');
    const none = await wren(['unsubscribe', await idOf('Lunch')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('names no way to leave a mailing list');
  });
});
