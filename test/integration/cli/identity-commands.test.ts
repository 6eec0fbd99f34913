import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';

const run = promisify(execFile);

/** `wren identity list|add|remove` on an account added from the command line, against the lab. */
describe('wren identity commands', () => {
  let lab: Lab;
  let dir: string;

  async function wren(args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-main.mjs']);
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-identities-'));
    lab = await startLab();
    const alice = lab.users[0]!;
    const added = await wren(['account', 'add', '--name', 'Work', '--email', alice.email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--trust-fingerprint', lab.certFingerprint256], { WREN_PASSWORD: alice.password });
    expect(added.code, added.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds an identity with a signature from a file, lists it as the default, removes it', async () => {
    writeFileSync(join(dir, 'sig.txt'), 'Alice\n销售部\n');
    const added = await wren(['identity', 'add', 'Work', '--email', 'sales@example.test', '--name', 'Sales', '--reply-to', 'orders@example.test',
      '--signature-file', join(dir, 'sig.txt'), '--default', '--json']);
    expect(added.code, added.stderr).toBe(0);
    const identity = JSON.parse(added.stdout) as { id: number; signature: string; isDefault: boolean; replyTo: string };
    expect(identity).toMatchObject({ signature: 'Alice\n销售部', isDefault: true, replyTo: 'orders@example.test' });

    const listed = await wren(['identity', 'list', 'Work']);
    expect(listed.stdout).toContain(`${identity.id}\tSales <sales@example.test>  (default)  reply-to orders@example.test  (signature)`);
    expect(listed.stdout.trim().split('\n')).toHaveLength(2);

    const bad = await wren(['identity', 'add', 'Work', '--email', 'not an address']);
    expect(bad.code).toBe(2); // refused as a bad request, nothing added
    expect(bad.stderr).toMatch(/email|address/i);

    const missing = await wren(['identity', 'add', 'Work', '--email', 'x@example.test', '--signature-file', join(dir, 'missing.txt')]);
    expect(missing.code).toBe(2); // the user's mistake (a bad request), not a bug
    expect(missing.stderr).toContain(`Cannot read the signature file ${join(dir, 'missing.txt')}: there is no such file.`);
    expect(missing.stderr).not.toMatch(/ENOENT|bug/i);

    expect((await wren(['identity', 'remove', String(identity.id)])).code).toBe(0);
    const after = JSON.parse((await wren(['identity', 'list', 'Work', '--json'])).stdout) as { isDefault: boolean }[];
    expect(after).toHaveLength(1);
    expect(after[0]!.isDefault).toBe(true);
  });
});
