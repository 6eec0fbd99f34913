import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { startOAuth2Provider, type LabOAuth2Provider } from '../../lab/oauth2-provider';
import { simpleMessage } from '../../lab/simple-message';
import { actAsBrowser } from '../accounts/oauth2-lab';

const run = promisify(execFile);

/** `wren account add --oauth2`: prints the sign-in URL, waits for the browser's redirect, then syncs with the token. */
describe('wren account add --oauth2 against the lab', () => {
  let lab: Lab;
  let provider: LabOAuth2Provider;
  let dir: string;
  const env = () => ({ ...process.env, XDG_CONFIG_HOME: join(dir, 'config') });
  const base = () => ['bin/wren.cjs', '--data-dir', join(dir, 'data')];

  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-main.mjs']);
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-oauth2-'));
    provider = await startOAuth2Provider();
    lab = await startLab({ oauth2: { userinfoUrl: provider.userinfoUrl } });
    await lab.seed(lab.users[0]!.email, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { to: lab.users[0]!.email })));
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
    await provider?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the URL, waits for the redirect, saves the account without a password; sync then logs in with the token', async () => {
    const alice = lab.users[0]!;
    const child = spawn(process.execPath, [...base(), 'account', 'add', '--email', alice.email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--trust-fingerprint', lab.certFingerprint256, '--oauth2', '--oauth2-auth-url', provider.authorizationEndpoint,
      '--oauth2-token-url', provider.tokenEndpoint, '--oauth2-client-id', provider.clientId, '--oauth2-scope', 'mail', '--json'], { env: env() });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /(http:\/\/\S+\/authorize\?\S+)\n/.exec(stderr);
        if (found) resolve(found[1]!);
      });
      child.on('exit', () => reject(new Error(`wren exited before printing the URL: ${stderr}`)));
    });
    await actAsBrowser(url);
    expect(await exited).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ email: alice.email, auth: 'oauth2' });
    expect(stderr).toContain('Signed in.');

    const sync = await run(process.execPath, [...base(), 'sync'], { env: env() });
    expect(sync.stdout).toMatch(/3 new/);
    expect(provider.checked).toContain(provider.issued.at(-1)!.token);
  });
});
