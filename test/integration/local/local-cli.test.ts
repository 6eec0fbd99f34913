import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { onServer, subjects } from '../journal/journal-lab';

const run = promisify(execFile);

/** The large import: far more than the bound below, so a file read whole could not pass. */
const BIG_MBOX_BYTES = 300 * 1024 * 1024;
/** A generous bound on the importing process's peak RSS (Node and SQLite alone take about 80 MB). */
const RSS_BOUND_BYTES = 200 * 1024 * 1024;

describe('wren CLI: the local folders as the account "local", export and import', () => {
  let lab: Lab;
  let dir: string;
  const bob = () => lab.users[1]!;

  async function wren(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), WREN_PASSWORD: bob().password }, maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const json = async (args: string[]) => {
    const result = await wren(['--json', ...args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as unknown;
  };

  beforeAll(async () => {
    lab = await startLab();
    dir = mkdtempSync(join(tmpdir(), 'wren-local-cli-'));
    await lab.seed(bob().email, 'CliSource', [1, 2, 3].map((n) => simpleMessage(n, { subject: 'Cli' })));
    const added = await wren(['account', 'add', '--name', 'Bob', '--email', bob().email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--imap-security', 'tls', '--user', bob().email, '--trust-fingerprint', lab.certFingerprint256]);
    expect(added.code).toBe(0);
    expect((await wren(['sync', 'Bob'])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, renames and deletes local folders, moves mail in from IMAP and back out, exports and imports', async () => {
    expect((await wren(['folder', 'create', 'local', 'Archive/2026'])).code).toBe(0);
    expect(await json(['folders', 'local'])).toEqual([
      expect.objectContaining({ path: 'Archive', total: 0 }), expect.objectContaining({ path: 'Archive/2026', total: 0 }),
    ]);
    expect((await wren(['folder', 'rename', 'local', 'Archive/2026', 'Archive/Old'])).code).toBe(0);

    const listed = (await json(['list', 'Bob', 'CliSource'])) as { id: number; subject: string }[];
    const moved = await wren(['move', String(listed[0]!.id), String(listed[1]!.id), 'Archive/Old', '--to-account', 'local']);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(subjects(await onServer(lab, bob().email, 'CliSource'))).toEqual([listed[2]!.subject]);
    const local = (await json(['list', 'local', 'Archive/Old'])) as { id: number; subject: string }[];
    expect(subjects(local)).toEqual(subjects(listed.slice(0, 2)));
    expect(((await json(['read', String(local[0]!.id)])) as { text: string }).text).toContain('Body');

    const mbox = join(dir, 'old.mbox');
    expect(await json(['export', 'local', 'Archive/Old', '--mbox', mbox])).toEqual({ savedTo: mbox, exported: 2 });
    expect((await wren(['folder', 'create', 'local', 'Imports'])).code).toBe(0);
    expect(await json(['import', 'local', 'Imports', mbox])).toEqual({ imported: 2, skipped: 0, files: 1 });
    const imported = (await json(['list', 'local', 'Imports'])) as { id: number; subject: string }[];
    const [a, b] = [await wren(['source', String(local[0]!.id)]), await wren(['source', String(imported.find((m) => m.subject === local[0]!.subject)!.id)])];
    expect(b.stdout).toBe(a.stdout);

    expect((await wren(['folder', 'create', 'Bob', 'BackOnServer'])).code).toBe(0);
    expect((await wren(['move', ...imported.map((m) => String(m.id)), 'BackOnServer', '--to-account', 'Bob'])).code).toBe(0);
    expect(subjects(await onServer(lab, bob().email, 'BackOnServer'))).toEqual(subjects(local));

    // Into the Local Folders' Trash first, as Thunderbird does; deleted there, for good.
    const deleted = await wren(['folder', 'delete', 'local', 'Archive']);
    expect([deleted.code, deleted.stdout]).toEqual([0, 'Moved folder Archive to Trash as Trash/Archive\n']);
    expect(((await json(['folders', 'local'])) as { path: string }[]).map((f) => f.path)).toEqual(['Imports', 'Trash', 'Trash/Archive', 'Trash/Archive/Old']);
    expect((await wren(['folder', 'delete', 'local', 'Trash/Archive'])).stdout).toBe('Deleted folder Trash/Archive for good\n');
    expect(((await json(['folders', 'local'])) as { path: string }[]).map((f) => f.path)).toEqual(['Imports', 'Trash']);
  }, 120_000);

  it(`imports a ${BIG_MBOX_BYTES / 1024 / 1024} MB mbox streamed, its peak memory far below the file's size`, async () => {
    const file = join(dir, 'big.mbox');
    const count = await writeBigMbox(file, BIG_MBOX_BYTES);
    expect(statSync(file).size).toBeGreaterThanOrEqual(BIG_MBOX_BYTES);
    expect((await wren(['folder', 'create', 'local', 'Big'])).code).toBe(0);
    const result = await wren(['--stats', '--json', 'import', 'local', 'Big', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ imported: count, skipped: 0, files: 1 });
    const stats = JSON.parse(/wren-stats (.*)/.exec(result.stderr)![1]!) as { maxRssBytes: number; wallMs: number };
    console.log(`big mbox import: ${count} messages, ${BIG_MBOX_BYTES / 1024 / 1024} MB, peak RSS ${(stats.maxRssBytes / 1024 / 1024).toFixed(0)} MB, ${(stats.wallMs / 1000).toFixed(1)} s`);
    expect(stats.maxRssBytes).toBeLessThan(RSS_BOUND_BYTES);
  }, 600_000);
});

/** Mostly 100 KB messages and a few of 8 MB (those stream to their own blob), written without holding the file. */
async function writeBigMbox(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  const line = `${'x'.repeat(76)}\n`;
  let written = 0;
  let count = 0;
  while (written < bytes) {
    count += 1;
    const lines = count % 50 === 0 ? 8 * 1024 * 1024 / line.length : 100 * 1024 / line.length;
    const head = `From s${count}@example.test Mon Jan  5 07:08:09 2026\nFrom: S <s${count}@example.test>\nSubject: Big ${count}\nMessage-ID: <big${count}@example.test>\n\n>From quoted\n`;
    const body = Buffer.from(line.repeat(lines));
    for (const part of [Buffer.from(head), body, Buffer.from('\n')]) {
      if (!out.write(part)) await once(out, 'drain');
      written += part.length;
    }
  }
  out.end();
  await once(out, 'finish');
  return count;
}
