import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAutoconfigServer, type TestAutoconfigServer } from '../../lab/autoconfig-server';
import { startDnsServer, type TestDnsServer } from '../../lab/dns-server';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';

const run = promisify(execFile);

/** `wren account discover|edit|remove` and `wren sync` over several accounts, as a user runs them. */
describe('wren account commands against the lab', () => {
  let lab: Lab;
  let dir: string;
  let dns: TestDnsServer;
  let http: TestAutoconfigServer;

  async function wren(args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        // Discovery never leaves loopback here: the test hooks point it at this test's servers.
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), WREN_TEST_DNS: dns.server, WREN_TEST_AUTOCONFIG_BASE: http.base, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  const add = (name: string, index: number) =>
    wren(['account', 'add', '--name', name, '--email', lab.users[index]!.email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--trust-fingerprint', lab.certFingerprint256], { WREN_PASSWORD: lab.users[index]!.password });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-accounts-'));
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { to: lab.users[0]!.email })));
    await lab.seed(lab.users[1]!.email, 'INBOX', [3, 4, 5].map((n) => simpleMessage(n, { to: lab.users[1]!.email })));
    dns = await startDnsServer();
    http = await startAutoconfigServer();
  });
  afterAll(async () => {
    await http?.close();
    await dns?.close();
    await lab?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('discover --json prints host, port and security of IMAP, POP3 and SMTP, and the source', async () => {
    const result = await wren(['account', 'discover', 'zhang@qq.com', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      email: 'zhang@qq.com',
      config: {
        source: 'bundled',
        imap: { host: 'imap.qq.com', port: 993, security: 'tls', user: 'zhang@qq.com' },
        pop3: { host: 'pop.qq.com', port: 995, security: 'tls' },
        smtp: { host: 'smtp.qq.com', port: 465, security: 'tls' },
      },
    });
  });

  it('discover says what it tried when nothing is found, with exit code 1', async () => {
    const result = await wren(['account', 'discover', 'who@nowhere.test']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Nothing found for who@nowhere\.test/);
    expect(result.stdout).toMatch(/srv: nothing/);
    expect(dns.questions).toContain('SRV _imaps._tcp.nowhere.test');
  });

  it('sync with no account syncs every account', async () => {
    expect((await add('Alice', 0)).code).toBe(0);
    expect((await add('Bob', 1)).code).toBe(0);
    const result = await wren(['sync', '--json']);
    expect(result.code).toBe(0);
    const summaries = JSON.parse(result.stdout) as { newMessages: number }[];
    expect(summaries.map((s) => s.newMessages)).toEqual([2, 3]);
  });

  it('edit renames and recolours an account', async () => {
    const result = await wren(['account', 'edit', 'Alice', '--name', 'Work', '--colour', '#00aa00']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const accounts = JSON.parse((await wren(['account', 'list', '--json'])).stdout) as { name: string; colour: string }[];
    expect(accounts[0]).toMatchObject({ name: 'Work', colour: '#00aa00' });
  });

  it("edit --pop3-policy / --pop3-max-size change a POP3 account's policy (keeping what is not given); an IMAP account refuses them", async () => {
    const user = lab.users[2]!;
    const added = await wren(['account', 'add', '--name', 'Pop', '--email', user.email, '--pop3-host', lab.host, '--pop3-port', String(lab.ports.pop3s),
      '--trust-fingerprint', lab.certFingerprint256, '--pop3-max-size', '100'], { WREN_PASSWORD: user.password });
    expect(added.code, added.stderr).toBe(0);
    const policy = async () => (JSON.parse((await wren(['account', 'list', '--json'])).stdout) as { name: string; pop3: unknown }[]).find((a) => a.name === 'Pop')!.pop3;
    expect((await wren(['account', 'edit', 'Pop', '--pop3-policy', 'delete-after:7'])).code).toBe(0);
    expect(await policy()).toEqual({ leave: 'deleteAfterDays', deleteAfterDays: 7, maxMessageKb: 100 });
    expect((await wren(['account', 'edit', 'Pop', '--pop3-max-size', 'none'])).code).toBe(0);
    expect(await policy()).toEqual({ leave: 'deleteAfterDays', deleteAfterDays: 7, maxMessageKb: null });
    const refused = await wren(['account', 'edit', 'Work', '--pop3-policy', 'delete']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/IMAP account/);
    expect((await wren(['account', 'remove', 'Pop', '--yes'])).code).toBe(0);
  });

  it('remove without --yes and without a terminal asks nobody and removes nothing', async () => {
    const result = await wren(['account', 'remove', 'Bob']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--yes/);
    expect(JSON.parse((await wren(['account', 'list', '--json'])).stdout)).toHaveLength(2);
  });

  it('remove --yes removes the account here, says what went and that the server keeps it; the other account stays', async () => {
    const result = await wren(['account', 'remove', 'Bob', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Removed account \d+ "Bob" <bob@example\.test>: \d+ folders and 3 messages .*Nothing was deleted on the server/);
    const accounts = JSON.parse((await wren(['account', 'list', '--json'])).stdout) as { name: string }[];
    expect(accounts.map((a) => a.name)).toEqual(['Work']);
    expect(JSON.parse((await wren(['list', 'Work', 'INBOX', '--json'])).stdout)).toHaveLength(2);
  });
});
