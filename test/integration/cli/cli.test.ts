import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { readFixture } from '../../lab/fixtures';

const run = promisify(execFile);

describe('the wren CLI against the lab', () => {
  let lab: Lab;
  let dir: string;

  /** Runs `wren` like a user would; never throws, returns the exit code and both streams. */
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

  const addArgs = () => ['account', 'add', '--name', 'Bob', '--email', lab.users[1]!.email, '--imap-host', lab.host,
    '--imap-port', String(lab.ports.imaps), '--imap-security', 'tls', '--user', lab.users[1]!.email,
    '--smtp-host', lab.host, '--smtp-port', String(lab.ports.submission), '--smtp-security', 'starttls'];

  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-main.mjs']);
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-'));
    lab = await startLab();
    await lab.seed(lab.users[1]!.email, 'INBOX', [readFixture('plain-ascii'), readFixture('attachment-pdf'), readFixture('iso-2022-jp')]);
  });
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains an untrusted certificate and how to trust it, and saves nothing', async () => {
    const result = await wren(addArgs(), { WREN_PASSWORD: lab.users[1]!.password });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(lab.certFingerprint256);
    expect(result.stderr).toContain('--trust-fingerprint');
    expect(JSON.parse((await wren(['account', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('never takes a password from argv', async () => {
    const result = await wren([...addArgs(), '--password', 'x']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/never takes a password on the command line/);
  });

  it('adds, syncs, lists and reads, with JSON output', async () => {
    const added = await wren([...addArgs(), '--trust-fingerprint', lab.certFingerprint256, '--json'], { WREN_PASSWORD: lab.users[1]!.password });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ id: 1, email: lab.users[1]!.email, smtp: { port: lab.ports.submission } });
    expect(JSON.parse((await wren(['account', 'list', '--json'])).stdout)).toHaveLength(1);

    const synced = await wren(['sync', 'Bob']);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/3 new/);
    expect(synced.stderr).toMatch(/headers INBOX: 3\/3/);

    const folders = JSON.parse((await wren(['folders', '1', '--json'])).stdout) as { path: string; role: string; total: number; unread: number }[];
    expect(folders).toContainEqual({ path: 'INBOX', role: 'inbox', total: 3, unread: 3 });

    const list = JSON.parse((await wren(['list', '1', 'INBOX', '--limit', '10', '--json'])).stdout) as { id: number; subject: string; flags: string[]; hasAttachments: boolean }[];
    expect(list).toHaveLength(3);
    expect(Object.keys(list[0]!).sort()).toEqual(['date', 'flags', 'from', 'hasAttachments', 'id', 'size', 'subject', 'uid']);
    const pdf = list.find((m) => m.hasAttachments)!;
    const read = JSON.parse((await wren(['read', String(pdf.id), '--json'])).stdout);
    expect(read).toMatchObject({ subject: 'Quarterly report (PDF attached)', text: expect.stringContaining('Please find the report attached.') });
    expect(read.attachments).toEqual([expect.objectContaining({ filename: '报告.pdf', contentType: 'application/pdf' })]);

    const japanese = list.find((m) => m.subject === '会議のお知らせ')!;
    expect(JSON.parse((await wren(['read', String(japanese.id), '--json'])).stdout).text).toContain('明日の会議は午後三時からです。');
  });

  it('fails with words a user can act on and a non-zero code', async () => {
    const missing = await wren(['read', '9999']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no message 9999/i);
    const unknown = await wren(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown command/);
    expect((await wren(['folders', 'nobody'])).stderr).toMatch(/No account "nobody"/);
  });
});
