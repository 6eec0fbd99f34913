import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WrenCore } from '../../../src-main/app/wren-core';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';

const run = promisify(execFile);

/** Distinct messages of about 40 KB: one FETCH batch (500) takes a good while to arrive. */
function paddedMessage(n: number): string {
  const line = `Message ${n} line `.padEnd(76, String(n % 10));
  return simpleMessage(n, { subject: 'Interrupted', to: 'carol@example.test' }) + `${line}\r\n`.repeat(520);
}

/**
 * `sync --bodies` interrupted again and again, by a kill, by quitting the app
 * (WrenCore.close, as Electron and web mode do) and by Ctrl-C: each time keeps
 * what arrived, though every interruption comes well inside one FETCH batch.
 */
describe('an interrupted wren sync --bodies', () => {
  let lab: Lab;
  let dir: string;
  const total = 1200;
  const FOR_QUIT = 600;
  const FOR_CTRL_C = 600;
  const dataDir = () => join(dir, 'data');
  const env = () => ({ ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), WREN_PASSWORD: lab.users[2]!.password });
  const wrenArgs = (args: string[]) => ['bin/wren.cjs', '--data-dir', dataDir(), ...args];

  /** Sources recorded in the database, and whether each one's file is whole. */
  function cached(): { count: number; damaged: number } {
    const db = new Database(join(dataDir(), 'wren.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT blob, size FROM message_sources').all() as { blob: string; size: number }[];
      const damaged = rows.filter((r) => statSync(join(dataDir(), 'blobs', r.blob.slice(0, 2), r.blob), { throwIfNoEntry: false })?.size !== r.size);
      return { count: rows.length, damaged: damaged.length };
    } finally {
      db.close();
    }
  }

  const blobFiles = () => readdirSync(join(dataDir(), 'blobs')).filter((name) => /^[0-9a-f]{2}$/.test(name)).reduce((n, folder) => n + readdirSync(join(dataDir(), 'blobs', folder)).length, 0);

  /**
   * Starts `wren sync --bodies` and sends `signal` once `afterFiles` more
   * sources are on disk than when it started: inside its first FETCH batch
   * (500). Resolves with the exit code and output.
   */
  async function interrupt(signal: NodeJS.Signals, afterFiles: number) {
    const before = blobFiles();
    const child = spawn(process.execPath, wrenArgs(['sync', '--bodies']), { env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const watch = setInterval(() => {
      if (blobFiles() - before < afterFiles) return;
      clearInterval(watch);
      child.kill(signal);
    }, 20);
    const code = await exited;
    clearInterval(watch);
    return { code, stdout, stderr };
  }

  /** Delivers `count` more messages numbered from `first`, and syncs their headers only. */
  async function seedMore(first: number, count: number) {
    await lab.seed(lab.users[2]!.email, 'INBOX', Array.from({ length: count }, (_, i) => paddedMessage(first + i)));
    await run(process.execPath, wrenArgs(['sync']), { env: env() });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-interrupted-'));
    lab = await startLab();
    const carol = lab.users[2]!;
    await lab.seed(carol.email, 'INBOX', Array.from({ length: total }, (_, i) => paddedMessage(i + 1)));
    await run(process.execPath, wrenArgs(['account', 'add', '--email', carol.email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--imap-security', 'tls', '--trust-fingerprint', lab.certFingerprint256]), { env: env() });
    await run(process.execPath, wrenArgs(['sync']), { env: env() }); // headers only
  }, 300_000);
  afterAll(async () => {
    await lab?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Starts `wren sync --bodies` and kills it (SIGKILL) as soon as the database
   * shows its first commit. Watching the database rather than the files on
   * disk: where flushes are slow, hundreds of files may be written before the
   * first commit lands (in CI, 300 were).
   */
  async function killAtFirstCommit(before: number) {
    const child = spawn(process.execPath, wrenArgs(['sync', '--bodies']), { env: env(), stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const db = new Database(join(dataDir(), 'wren.sqlite'), { readonly: true });
    const count = db.prepare('SELECT count(*) FROM message_sources').pluck();
    let seen = before;
    const watch = setInterval(() => {
      seen = count.get() as number;
      if (seen > before) {
        clearInterval(watch);
        child.kill('SIGKILL');
      }
    }, 10);
    try {
      return { code: await exited, seen };
    } finally {
      clearInterval(watch);
      db.close();
    }
  }

  it('killed (SIGKILL) inside a FETCH batch, again and again, keeps every commit and makes progress every time', async () => {
    const counts = [cached().count];
    for (let round = 0; round < 3; round++) {
      const before = counts.at(-1)!;
      const { code, seen } = await killAtFirstCommit(before);
      expect(code).toBeNull(); // killed, not finished
      const now = cached();
      expect(now.damaged).toBe(0);
      expect(now.count).toBeGreaterThanOrEqual(seen);
      // Commits land while a FETCH batch (500) is still arriving, not at its end.
      expect(now.count - before, `counts ${[...counts, now.count].join(' → ')}`).toBeLessThan(500);
      counts.push(now.count);
    }
    for (let i = 1; i < counts.length; i++) expect(counts[i], `counts ${counts.join(' → ')}`).toBeGreaterThan(counts[i - 1]!);
  }, 180_000);

  it('quitting the app (WrenCore.close) stops the sync worker cleanly and keeps what arrived', async () => {
    // Fresh messages of its own: the kills above may have left fewer than the 100 this waits for.
    await seedMore(total + 1, FOR_QUIT);
    const before = cached().count;
    const core = WrenCore.open({
      dataDir: dataDir(), mode: 'web', secrets: new KeyFileSecretStore(join(dir, 'config', 'wren', 'secret.key')),
      syncWorkerPath: resolve('dist/main/sync-worker.cjs'),
    });
    const files = blobFiles();
    const syncing = core.sync.run(1, true);
    syncing.catch(() => undefined);
    await vi.waitFor(() => expect(blobFiles() - files).toBeGreaterThanOrEqual(100), { timeout: 60_000, interval: 20 });
    await core.close();
    await expect(syncing).rejects.toMatchObject({ code: 'SyncStopped' });
    const after = cached();
    expect(after.damaged).toBe(0);
    expect(after.count).toBeGreaterThan(before);
  }, 120_000);

  it('Ctrl-C (SIGINT) stops cleanly with a message and exit code 130, keeping what arrived', async () => {
    // Fresh messages of its own: the interruptions above may have left few, as downloads write in the background.
    await seedMore(total + FOR_QUIT + 1, FOR_CTRL_C);
    const before = cached().count;
    const { code, stdout, stderr } = await interrupt('SIGINT', 20);
    expect(code).toBe(130);
    expect(stderr).toContain('wren: stopping; what has arrived is kept');
    expect(stderr).toMatch(/sync failed \(SyncStopped\): The sync was stopped/);
    expect(stdout.trim()).toBe('');
    const after = cached();
    expect(after.damaged).toBe(0);
    expect(after.count).toBeGreaterThan(before);
    // What it announced is what it kept: every source file it wrote and recorded is whole, and the next run finishes the rest.
    const finished = await run(process.execPath, wrenArgs(['--json', 'sync', '--bodies']), { env: env() });
    expect(JSON.parse(finished.stdout)[0].bodiesFetched).toBe(total + FOR_QUIT + FOR_CTRL_C - after.count);
    expect(cached()).toEqual({ count: total + FOR_QUIT + FOR_CTRL_C, damaged: 0 });
  }, 180_000);
});
