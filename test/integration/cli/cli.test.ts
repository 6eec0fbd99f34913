import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { readFixture } from '../../lab/fixtures';
import { simpleMessage } from '../../lab/simple-message';
import { startTcpProxy } from '../../lab/tcp-proxy';

const run = promisify(execFile);

/** Carol's INBOX: big enough that a sync takes a while and a --json listing of it is far beyond a pipe's 64 KB. */
const CAROL_MESSAGES = 2000;

interface Summary { accountId: number; newMessages: number; waitedForOtherSync?: boolean }

describe('the wren CLI against the lab', () => {
  let lab: Lab;
  let dir: string;

  /** Runs `wren` like a user would; never throws, returns the exit code and both streams. */
  async function wren(args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env }, maxBuffer: 64 * 1024 * 1024,
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

  /** Starts `wren` with stdout and stderr as pipes this test reads when it likes. */
  function spawnWren(args: string[]) {
    return spawn(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
      env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') },
    });
  }

  /** A fresh data folder holding one account, Carol's, not synced yet. */
  async function carolDataDir(name: string): Promise<string> {
    const carol = lab.users[2]!;
    const dataDir = join(dir, name);
    const added = await wren(['--data-dir', dataDir, 'account', 'add', '--name', 'Carol', '--email', carol.email, '--imap-host', lab.host,
      '--imap-port', String(lab.ports.imaps), '--trust-fingerprint', lab.certFingerprint256], { WREN_PASSWORD: carol.password });
    expect(added.code).toBe(0);
    return dataDir;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-'));
    lab = await startLab();
    await lab.seed(lab.users[1]!.email, 'INBOX', [readFixture('plain-ascii'), readFixture('attachment-pdf'), readFixture('iso-2022-jp')]);
    const carol = lab.users[2]!.email;
    await lab.seed(carol, 'INBOX', Array.from({ length: CAROL_MESSAGES }, (_, i) => simpleMessage(i + 1, { subject: 'Bulk', to: carol })));
  }, 240_000);
  afterAll(async () => {
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains an untrusted certificate and how to trust it, and saves nothing', async () => {
    const result = await wren(addArgs(), { WREN_PASSWORD: lab.users[1]!.password });
    expect(result.code).toBe(1); // TlsUntrusted: failed, what to do on stderr
    expect(result.stderr).toContain(lab.certFingerprint256);
    expect(result.stderr).toContain('--trust-fingerprint');
    expect(JSON.parse((await wren(['account', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('never takes a password from argv', async () => {
    const result = await wren([...addArgs(), '--password', 'x']);
    expect(result.code).toBe(2); // a usage error
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
    expect(Object.keys(list[0]!).sort()).toEqual(['date', 'flags', 'from', 'hasAttachments', 'id', 'size', 'subject', 'tags', 'uid']);
    const pdf = list.find((m) => m.hasAttachments)!;
    const read = JSON.parse((await wren(['read', String(pdf.id), '--json'])).stdout);
    expect(read).toMatchObject({ subject: 'Quarterly report (PDF attached)', text: expect.stringContaining('Please find the report attached.') });
    expect(read.attachments).toEqual([expect.objectContaining({ filename: '报告.pdf', contentType: 'application/pdf' })]);

    const bySubject = JSON.parse((await wren(['list', '1', 'INBOX', '--sort', 'subject', '--json'])).stdout) as { subject: string }[];
    const subjectsInOrder = bySubject.map((m) => m.subject);
    // Han characters by their pinyin among the Latin letters: 会 (hui) with H, before P and Q.
    expect(subjectsInOrder).toEqual(['会議のお知らせ', 'Plain ASCII fixture', 'Quarterly report (PDF attached)']);
    const reversed = JSON.parse((await wren(['list', '1', 'INBOX', '--sort', 'subject', '--reverse', '--json'])).stdout) as { subject: string }[];
    expect(reversed.map((m) => m.subject)).toEqual([...subjectsInOrder].reverse());
    const withAttachments = JSON.parse((await wren(['list', '1', 'INBOX', '--attachments', '--json'])).stdout) as { hasAttachments: boolean }[];
    expect(withAttachments.length).toBe(list.filter((m) => m.hasAttachments).length);
    expect(withAttachments.every((m) => m.hasAttachments)).toBe(true);
    const badSort = await wren(['list', '1', 'INBOX', '--sort', 'colour']);
    expect(badSort.code).toBe(2);
    expect(badSort.stderr).toMatch(/--sort takes date, from, subject, size/);

    const japanese = list.find((m) => m.subject === '会議のお知らせ')!;
    expect(JSON.parse((await wren(['read', String(japanese.id), '--json'])).stdout).text).toContain('明日の会議は午後三時からです。');

    // A message that starts and ends its conversation: itself, with its folder; a bad id is a usage error, a missing one a failure.
    expect(JSON.parse((await wren(['conversation', String(japanese.id), '--json'])).stdout)).toEqual([
      expect.objectContaining({ id: japanese.id, folder: 'INBOX', subject: '会議のお知らせ', flags: ['\\Seen'] }),
    ]);
    expect((await wren(['conversation', 'x'])).code).toBe(2);
    expect((await wren(['conversation', '99999'])).code).toBe(1);
  });

  it('search --server: the server finds a word in the text of a message never read, which is then downloaded and found', async () => {
    const before = JSON.parse((await wren(['search', 'dot-stuffing', '--json'])).stdout) as { total: number; textless: number };
    expect(before).toMatchObject({ total: 0, textless: 1 });
    const found = await wren(['search', 'dot-stuffing', '--server']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('(the server found the words in 1 message whose text was not here; 1 downloaded)');
    expect(found.stdout).toContain('Plain ASCII fixture');
  });

  it('fails with words a user can act on and its exit code: 1 for what is not there, 2 for a command that is not one', async () => {
    const missing = await wren(['read', '9999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no message 9999/i);
    const unknown = await wren(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command/);
    expect((await wren(['folders', 'nobody'])).stderr).toMatch(/No account "nobody"/);
  });

  it('tells the server a message was read before it exits (read sends the queued \\Seen)', async () => {
    const list = JSON.parse((await wren(['list', 'Bob', 'INBOX', '--json'])).stdout) as { id: number; uid: number; subject: string; flags: string[] }[];
    const unread = list.find((m) => !m.flags.includes('\\Seen'))!;
    expect(unread).toBeDefined();
    const read = await wren(['read', String(unread.id)]);
    expect(read.code).toBe(0);
    expect(read.stderr).not.toMatch(/could not be told/);

    const bob = await connectImap(lab, lab.users[1]!.email);
    try {
      await bob.mailboxOpen('INBOX', { readOnly: true });
      const onServer = await bob.fetchOne(String(unread.uid), { flags: true }, { uid: true });
      expect(onServer ? [...(onServer.flags ?? [])] : []).toContain('\\Seen');
    } finally {
      await bob.logout();
    }
  });

  it('gives the raw source byte for byte: wren source, and read --json --raw', async () => {
    const gbk = readFixture('eight-bit-header-gbk');
    await lab.seed(lab.users[1]!.email, 'INBOX', [gbk]);
    expect((await wren(['sync', 'Bob'])).code).toBe(0);
    const list = JSON.parse((await wren(['list', 'Bob', 'INBOX', '--json'])).stdout) as { id: number; uid: number }[];
    const newest = list.reduce((a, b) => (b.uid > a.uid ? b : a));

    const bob = await connectImap(lab, lab.users[1]!.email);
    let onServer: Buffer;
    try {
      await bob.mailboxOpen('INBOX', { readOnly: true });
      const fetched = await bob.fetchOne(String(newest.uid), { source: true }, { uid: true });
      if (!fetched || !fetched.source) throw new Error('the server has no such message');
      onServer = fetched.source;
    } finally {
      await bob.logout();
    }
    expect(onServer.toString('utf8')).toContain('\ufffd'); // 8-bit GBK, not UTF-8: only a binary-safe path keeps it

    // Not cached yet (the sync took headers only): downloaded, then served from the cache.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const raw = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), 'source', String(newest.id)], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') }, encoding: 'buffer',
      });
      expect(Buffer.compare(raw.stdout, onServer)).toBe(0);
    }
    const read = JSON.parse((await wren(['read', String(newest.id), '--json', '--raw'])).stdout) as { source: { encoding: string; size: number; data: string } };
    expect(read.source.encoding).toBe('base64');
    expect(Buffer.compare(Buffer.from(read.source.data, 'base64'), onServer)).toBe(0);
    expect(read.source.size).toBe(onServer.length);
  }, 120_000);

  it('two syncs of one account at once: the second waits for the first and downloads nothing again', async () => {
    const dataDir = await carolDataDir('two-syncs');
    const [first, second] = await Promise.all([
      wren(['--data-dir', dataDir, 'sync', 'Carol', '--json']),
      wren(['--data-dir', dataDir, 'sync', 'Carol', '--json']),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const summaries = [first, second].map((r) => (JSON.parse(r.stdout) as Summary[])[0]!);
    expect(summaries[0]!.newMessages + summaries[1]!.newMessages).toBe(CAROL_MESSAGES);
    expect(summaries.filter((s) => s.waitedForOtherSync)).toHaveLength(1);
    expect(summaries.find((s) => s.waitedForOtherSync)!.newMessages).toBe(0);
    expect([first, second].find((r) => r.stdout.includes('"waitedForOtherSync": true'))!.stderr).toMatch(/another Wren process \(pid \d+ .*\) is syncing account 1; waiting/);
    const human = await wren(['--data-dir', dataDir, 'sync', 'Carol']);
    expect(human.stdout).toMatch(/0 new/);
  }, 180_000);

  it('a sync killed with kill -9 does not leave its account locked', async () => {
    const dataDir = await carolDataDir('killed-sync');
    const victim = spawnWren(['--data-dir', dataDir, 'sync', 'Carol']);
    await new Promise<void>((resolve, reject) => {
      victim.stderr.on('data', (chunk: Buffer) => {
        if (/headers INBOX: [1-9]/.test(chunk.toString())) resolve();
      });
      victim.on('exit', () => reject(new Error('the sync ended before it could be killed')));
    });
    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.on('exit', resolve));

    const after = await wren(['--data-dir', dataDir, 'sync', 'Carol', '--json']);
    expect(after.code).toBe(0);
    const [summary] = JSON.parse(after.stdout) as Summary[];
    expect(summary!.waitedForOtherSync).toBeUndefined(); // the dead holder's lease was taken over at once
    const folders = JSON.parse((await wren(['--data-dir', dataDir, 'folders', 'Carol', '--json'])).stdout) as { path: string; total: number }[];
    expect(folders.find((f) => f.path === 'INBOX')!.total).toBe(CAROL_MESSAGES);
  }, 180_000);

  it('writes all of a long --json output into a slow pipe before it exits', async () => {
    const dataDir = join(dir, 'two-syncs'); // synced by the test before
    const child = spawnWren(['--data-dir', dataDir, 'list', 'Carol', 'INBOX', '--limit', String(CAROL_MESSAGES), '--json']);
    const chunks: Buffer[] = [];
    child.stdout.pause(); // the reader is busy: the pipe fills at 64 KB
    setTimeout(() => child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk)).resume(), 1_500);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const output = Buffer.concat(chunks);
    expect(output.length).toBeGreaterThan(64 * 1024);
    expect(code).toBe(0);
    expect(JSON.parse(output.toString())).toHaveLength(CAROL_MESSAGES);
  });

  it('lists past 1,000 messages and pages with --offset', async () => {
    const dataDir = join(dir, 'two-syncs'); // synced before
    const all = JSON.parse((await wren(['--data-dir', dataDir, 'list', 'Carol', 'INBOX', '--limit', '5000', '--json'])).stdout) as { id: number }[];
    expect(all).toHaveLength(CAROL_MESSAGES);
    expect(new Set(all.map((m) => m.id)).size).toBe(CAROL_MESSAGES);
    const page = JSON.parse((await wren(['--data-dir', dataDir, 'list', 'Carol', 'INBOX', '--offset', '990', '--limit', '1200', '--json'])).stdout) as { id: number }[];
    expect(page.map((m) => m.id)).toEqual(all.slice(990, 2190).map((m) => m.id));
    const past = JSON.parse((await wren(['--data-dir', dataDir, 'list', 'Carol', 'INBOX', '--offset', String(CAROL_MESSAGES), '--json'])).stdout);
    expect(past).toEqual([]);
    expect((await wren(['--data-dir', dataDir, 'list', 'Carol', 'INBOX', '--offset', '-1'])).code).not.toBe(0);
  }, 120_000);

  it('reports a failed sync on stderr with exit 75 (the server cannot be reached, try later), nothing on stdout', async () => {
    const alice = lab.users[0]!;
    const proxy = await startTcpProxy(lab.ports.imaps);
    const dataDir = join(dir, 'unreachable');
    const added = await wren(['--data-dir', dataDir, 'account', 'add', '--name', 'Alice', '--email', alice.email, '--imap-host', lab.host,
      '--imap-port', String(proxy.port), '--trust-fingerprint', lab.certFingerprint256], { WREN_PASSWORD: alice.password });
    expect(added.code).toBe(0);
    await proxy.close(); // the server is gone

    const human = await wren(['--data-dir', dataDir, 'sync']);
    expect(human.code).toBe(75);
    expect(human.stdout.trim()).toBe('');
    expect(human.stderr).toMatch(/account 1: sync failed \(ConnectionRefused\)/);
    const json = await wren(['--data-dir', dataDir, 'sync', '--json']);
    expect(json.code).toBe(75);
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(json.stderr).toMatch(/"code":"ConnectionRefused"/);
  }, 120_000);

  it('reads a cached message offline: exit 0, the \\Seen stays queued and goes out with the next sync', async () => {
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [readFixture('plain-ascii')]);
    let proxy = await startTcpProxy(lab.ports.imaps);
    const dataDir = join(dir, 'offline-read');
    const added = await wren(['--data-dir', dataDir, 'account', 'add', '--name', 'Alice', '--email', alice.email, '--imap-host', lab.host,
      '--imap-port', String(proxy.port), '--trust-fingerprint', lab.certFingerprint256], { WREN_PASSWORD: alice.password });
    expect(added.code).toBe(0);
    expect((await wren(['--data-dir', dataDir, 'sync', '--bodies'])).code).toBe(0);
    const [message] = JSON.parse((await wren(['--data-dir', dataDir, 'list', 'Alice', 'INBOX', '--json'])).stdout) as { id: number; uid: number }[];
    await proxy.close(); // offline

    const read = await wren(['--data-dir', dataDir, 'read', String(message!.id)]);
    expect(read.code).toBe(0);
    expect(read.stdout).toMatch(/Subject:/);
    expect(read.stderr).toMatch(/next sync will tell it/);

    proxy = await startTcpProxy(lab.ports.imaps, lab.host, proxy.port); // back online
    try {
      expect((await wren(['--data-dir', dataDir, 'sync'])).code).toBe(0);
    } finally {
      await proxy.close();
    }
    const client = await connectImap(lab, alice.email);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const onServer = await client.fetchOne(String(message!.uid), { flags: true }, { uid: true });
      expect(onServer ? [...(onServer.flags ?? [])] : []).toContain('\\Seen');
    } finally {
      await client.logout();
    }
  }, 120_000);
});
