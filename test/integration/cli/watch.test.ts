import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { doveadm, startLab, type Lab } from '../../lab/lab';
import { passwdFile } from '../../lab/dovecot-config';
import { simpleMessage } from '../../lab/simple-message';
import { submitMail } from '../../lab/submit-mail';

const run = promisify(execFile);
/** Generous: the test says "it is printed", the bench says how fast. */
const WAIT_MS = 30_000;

/** `wren watch ACCOUNT`, the built CLI run as a user would, against the lab. */
describe('wren watch', () => {
  let lab: Lab;
  let dir: string;
  const env = () => ({ ...process.env, XDG_CONFIG_HOME: join(dir, 'config') });
  const wrenArgs = (args: string[]) => ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args];

  /** Resolves with the first stdout line `accept` likes, or fails after WAIT_MS. */
  function lineFrom(child: ChildProcessWithoutNullStreams, accept: (line: string) => boolean, waitMs = WAIT_MS): Promise<string> {
    const lines = createInterface({ input: child.stdout });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such line from wren watch')), waitMs);
      lines.on('line', (line) => {
        if (!accept(line)) return;
        clearTimeout(timer);
        resolve(line);
      });
    });
  }

  function stderrLine(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<void> {
    const lines = createInterface({ input: child.stderr });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wren watch never said ${pattern}`)), WAIT_MS);
      lines.on('line', (line) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        resolve();
      });
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-watch-'));
    lab = await startLab();
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [simpleMessage(1, { to: alice.email })]);
    await run(process.execPath, wrenArgs(['account', 'add', '--name', 'Alice', '--email', alice.email, '--imap-host', lab.host,
      '--imap-port', String(lab.ports.imaps), '--trust-fingerprint', lab.certFingerprint256]), { env: { ...env(), WREN_PASSWORD: alice.password } });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one JSON line per message submitted over SMTP, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, wrenArgs(['watch', 'Alice']), { env: env() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await stderrLine(child, /watching account 1/);
      const printed = lineFrom(child, (line) => line.includes('Watched arrival'));
      await submitMail(lab, lab.users[1]!, lab.users[0]!, 'Watched arrival');
      expect(JSON.parse(await printed)).toEqual({
        id: expect.any(Number), accountId: 1, folder: 'INBOX', from: { name: 'Sender', address: lab.users[1]!.email }, subject: 'Watched arrival',
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits 0 on SIGINT too, having printed nothing while no mail came', async () => {
    const child = spawn(process.execPath, wrenArgs(['watch', '1']), { env: env() });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await stderrLine(child, /watching account 1/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toBe('');
  });

  it('working offline (app.workOffline): waits, saying so, and prints what came once another wren turns it off', async () => {
    const settings = (value: string) => run(process.execPath, wrenArgs(['settings', 'set', 'app.workOffline', value]), { env: env() });
    await settings('true');
    const child = spawn(process.execPath, wrenArgs(['watch', 'Alice']), { env: env() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await stderrLine(child, /offline \(WorkingOffline\)/);
      await submitMail(lab, lab.users[1]!, lab.users[0]!, 'Arrived while offline');
      const printed = lineFrom(child, (line) => line.includes('Arrived while offline'));
      await settings('false'); // as the app's toolbar would: the running watch reads the settings file again
      expect(JSON.parse(await printed)).toMatchObject({ accountId: 1, folder: 'INBOX', subject: 'Arrived while offline' });
    } finally {
      child.kill('SIGTERM');
      await settings('false');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('prints every message that came while it was not watching, 60 of them, not only the newest 50', async () => {
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', Array.from({ length: 60 }, (_, i) => simpleMessage(i + 1, { subject: 'Away', to: alice.email })));
    const child = spawn(process.execPath, wrenArgs(['watch', 'Alice']), { env: env() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const subjects: string[] = [];
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => subjects.push((JSON.parse(line) as { subject: string }).subject));
    const printed = new Promise((resolve) => lines.on('close', resolve));
    try {
      await stderrLine(child, /watching account 1/);
      // The catch-up sync announces before watch says it is watching; stopped at once, it still prints every line.
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await printed;
    // Oldest first, each once.
    expect(subjects).toEqual(Array.from({ length: 60 }, (_, i) => `Away ${i + 1}`));
  }, 60_000);

  it('prints mail of a POP3 account, checked on its interval (POP3 has no IDLE), once it was checked before', async () => {
    const bob = lab.users[1]!;
    const added = await run(process.execPath, wrenArgs(['account', 'add', '--name', 'Pop', '--email', bob.email, '--pop3-host', lab.host,
      '--pop3-port', String(lab.ports.pop3s), '--pop3-security', 'tls', '--trust-fingerprint', lab.certFingerprint256]), { env: { ...env(), WREN_PASSWORD: bob.password } });
    const popId = (JSON.parse((await run(process.execPath, wrenArgs(['account', 'list', '--json']), { env: env() })).stdout) as { id: number; name: string }[])
      .find((account) => account.name === 'Pop')!.id;
    expect(added.stderr).not.toMatch(/error/i);
    await run(process.execPath, wrenArgs(['settings', 'set', 'account.Pop.checkIntervalMinutes', '1']), { env: env() });
    const child = spawn(process.execPath, wrenArgs(['watch', 'Pop']), { env: env() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await stderrLine(child, new RegExp(`watching account ${popId}`));
      const printed = lineFrom(child, (line) => line.includes('Checked arrival'), 100_000);
      await submitMail(lab, lab.users[2]!, bob, 'Checked arrival');
      expect(JSON.parse(await printed)).toMatchObject({ accountId: popId, folder: 'INBOX', subject: 'Checked arrival' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 150_000);

  it('ends, saying so, when another process removes the account it watches (not IDLE for good on a removed account)', async () => {
    const carol = lab.users[2]!;
    await run(process.execPath, wrenArgs(['account', 'add', '--name', 'Carol', '--email', carol.email, '--imap-host', lab.host,
      '--imap-port', String(lab.ports.imaps), '--trust-fingerprint', lab.certFingerprint256]), { env: { ...env(), WREN_PASSWORD: carol.password } });
    const child = spawn(process.execPath, wrenArgs(['watch', 'Carol']), { env: env() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await stderrLine(child, /watching account \d+/);
      await run(process.execPath, wrenArgs(['account', 'remove', 'Carol', '--yes']), { env: env() });
      const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), WAIT_MS))]);
      expect(code).toBe(1); // NotFound: failed, not a usage error
      expect(stderr).toMatch(/removed/);
      // Dovecot counts a connection until its imap process has seen it close, a moment after the client exited.
      const connections = async () => Number(/^\S+\s+(\d+)\s+imap/m.exec(await doveadm(lab, ['who', carol.email]))?.[1] ?? 0);
      await vi.waitFor(async () => expect(await connections()).toBe(0), { timeout: WAIT_MS, interval: 200 });
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  // Last: it changes Alice's password on the server.
  it('ends with the reason and exit 77 when the server refuses the login while watching (not silent forever)', async () => {
    const connections = async () => Number(/^\S+\s+(\d+)\s+imap/m.exec(await doveadm(lab, ['who', lab.users[0]!.email]))?.[1] ?? 0);
    // The earlier tests' watchers gone from the server, so the connections counted below are this one's.
    for (const end = Date.now() + WAIT_MS; (await connections()) > 0 && Date.now() < end;) await new Promise((r) => setTimeout(r, 200));
    const child = spawn(process.execPath, wrenArgs(['watch', 'Alice']), { env: env() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await stderrLine(child, /watching account 1/);
      // Push logged in (the sync's connection and push's own), so the kick below is what drops it.
      for (const end = Date.now() + WAIT_MS; (await connections()) < 2 && Date.now() < end;) await new Promise((r) => setTimeout(r, 200));
      // The password changed elsewhere (webmail, an admin), then the line drops: the reconnect's login is refused.
      writeFileSync(join(lab.dir, 'passwd'), passwdFile(lab.users.map((u, i) => (i === 0 ? { ...u, password: 'changed-elsewhere' } : u))));
      // Dovecot reads the passwd file again when it sees it changed: the new password works before the kick.
      for (const end = Date.now() + WAIT_MS; Date.now() < end;) {
        if (await doveadm(lab, ['auth', 'test', lab.users[0]!.email, 'changed-elsewhere']).then(() => true, () => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await doveadm(lab, ['kick', lab.users[0]!.email]);
      const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), WAIT_MS))]);
      expect(code).toBe(77); // the login refused (EX_NOPERM)
      expect(stderr).toMatch(/rejected the user name or password/);
      expect(stderr).not.toMatch(/\n\s+at /); // words, no stack trace
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
