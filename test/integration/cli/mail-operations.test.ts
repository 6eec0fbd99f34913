import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap, startLab, type Lab } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { startTcpProxy, type TcpProxy } from '../../lab/tcp-proxy';

const run = promisify(execFile);

interface Listed { id: number; uid: number; subject: string; flags: string[]; tags?: string[] }

/**
 * `wren move|copy|delete|flag` and `wren folder …` against Dovecot: each
 * command goes through messages.apply / folders.* (the same handlers as the
 * UI), and a second IMAP session, standing in for another device, checks
 * that the server ends as asked. Bob's account reaches the server through a
 * proxy this test can cut, to go offline.
 */
describe('wren mail operations against the lab', () => {
  let lab: Lab;
  let dir: string;
  let proxy: TcpProxy;

  async function wren(args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), ...env }, maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function listed(folder: string): Promise<Listed[]> {
    const listing = await wren(['list', 'Bob', folder, '--json']);
    expect(listing.stderr).toBe('');
    return JSON.parse(listing.stdout) as Listed[];
  }

  async function byServer<T>(use: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = await connectImap(lab, lab.users[1]!.email);
    try {
      return await use(client);
    } finally {
      await client.logout();
    }
  }

  /** Subjects in a folder, as the other device sees them. */
  const subjectsOnServer = (folder: string) => byServer(async (client) => {
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const subjects: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects.sort();
    } catch {
      return []; // an empty folder has no 1:*
    } finally {
      lock.release();
    }
  });

  const folderPathsOnServer = (subscribedOnly = false) =>
    byServer(async (client) => (await client.list()).filter((f) => !subscribedOnly || f.subscribed).map((f) => f.path).sort());

  const idOf = async (folder: string, subject: string) => (await listed(folder)).find((m) => m.subject === subject)!.id;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-cli-ops-'));
    lab = await startLab();
    const bob = lab.users[1]!;
    await lab.seed(bob.email, 'INBOX', Array.from({ length: 8 }, (_, i) => simpleMessage(i + 1, { subject: 'Op', to: bob.email })));
    await lab.seed(lab.users[2]!.email, 'INBOX', [simpleMessage(1, { subject: 'Carol', to: lab.users[2]!.email })]);
    proxy = await startTcpProxy(lab.ports.imaps);
    for (const [name, user, port] of [['Bob', bob, proxy.port], ['Carol', lab.users[2]!, lab.ports.imaps]] as const) {
      const added = await wren(['account', 'add', '--name', name, '--email', user.email, '--imap-host', lab.host, '--imap-port', String(port),
        '--trust-fingerprint', lab.certFingerprint256], { WREN_PASSWORD: user.password });
      expect(added.stderr).toBe('');
    }
    expect((await wren(['sync'])).code).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await proxy?.close();
    await lab?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves and copies messages into a folder of their account, on the server too', async () => {
    const moved = await wren(['move', String(await idOf('INBOX', 'Op 1')), String(await idOf('INBOX', 'Op 2')), 'Archive']);
    expect(moved).toMatchObject({ code: 0, stdout: 'Moved 2 messages to Archive\n' });
    const copied = await wren(['copy', String(await idOf('INBOX', 'Op 3')), 'Archive']);
    expect(copied.code).toBe(0);
    expect(await subjectsOnServer('Archive')).toEqual(['Op 1', 'Op 2', 'Op 3']);
    expect(await subjectsOnServer('INBOX')).toEqual(['Op 3', 'Op 4', 'Op 5', 'Op 6', 'Op 7', 'Op 8']);
    expect((await listed('Archive')).map((m) => m.subject).sort()).toEqual(['Op 1', 'Op 2', 'Op 3']);
  }, 120_000);

  it('moves into another account with --to-account: APPENDed there, then expunged here', async () => {
    const id = await idOf('Archive', 'Op 3');
    const moved = await wren(['move', String(id), 'INBOX', '--to-account', 'Carol']);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(await subjectsOnServer('Archive')).toEqual(['Op 1', 'Op 2']);
    const carol = await connectImap(lab, lab.users[2]!.email);
    try {
      await carol.mailboxOpen('INBOX', { readOnly: true });
      const subjects = (await carol.fetchAll('1:*', { envelope: true })).map((m) => m.envelope?.subject).sort();
      expect(subjects).toEqual(['Carol 1', 'Op 3']);
    } finally {
      await carol.logout();
    }
  });

  it('flags and unflags, marks read and unread, on the server too', async () => {
    const id = await idOf('INBOX', 'Op 4');
    expect((await wren(['flag', String(id), '--seen', '--flagged'])).code).toBe(0);
    const flagsOf = () => byServer(async (client) => {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const uid = (await listed('INBOX')).find((m) => m.id === id)!.uid;
      return [...((await client.fetchOne(String(uid), { flags: true }, { uid: true })) || { flags: new Set<string>() }).flags!].sort();
    });
    expect(await flagsOf()).toEqual(['\\Flagged', '\\Seen']);
    expect((await wren(['flag', String(id), '--unseen'])).code).toBe(0);
    expect(await flagsOf()).toEqual(['\\Flagged']);
    // Tags are keywords on the server, as Thunderbird keeps them; the listing names them.
    expect((await wren(['flag', String(id), '--tag', 'work', '--tag', '5'])).code).toBe(0);
    expect(await flagsOf()).toEqual(['$label2', '$label5', '\\Flagged']);
    expect((await listed('INBOX')).find((m) => m.id === id)).toMatchObject({ tags: ['$label2', '$label5'] });
    expect((await wren(['flag', String(id), '--untag', 'all'])).code).toBe(0);
    expect(await flagsOf()).toEqual(['\\Flagged']);
  }, 120_000);

  it('deletes to Trash, and for good with --permanent', async () => {
    expect((await wren(['delete', String(await idOf('INBOX', 'Op 5'))])).code).toBe(0);
    expect(await subjectsOnServer('Trash')).toEqual(['Op 5']);
    expect((await wren(['delete', '--permanent', String(await idOf('INBOX', 'Op 6'))])).code).toBe(0);
    const everywhere = [...(await subjectsOnServer('INBOX')), ...(await subjectsOnServer('Trash')), ...(await subjectsOnServer('Archive'))];
    expect(everywhere).not.toContain('Op 6');
    expect(await subjectsOnServer('INBOX')).not.toContain('Op 5');
  }, 120_000);

  it('creates (nested), renames, unsubscribes, subscribes and deletes folders, on the server too', async () => {
    expect((await wren(['folder', 'create', 'Bob', 'Projects'])).code).toBe(0);
    expect((await wren(['folder', 'create', 'Bob', 'Projects/2026'])).code).toBe(0);
    expect(await folderPathsOnServer()).toEqual(expect.arrayContaining(['Projects', 'Projects/2026']));
    expect((await wren(['folder', 'rename', 'Bob', 'Projects/2026', 'Projects/Current'])).code).toBe(0);
    expect(await folderPathsOnServer()).toContain('Projects/Current');
    expect(await folderPathsOnServer()).not.toContain('Projects/2026');

    expect((await wren(['folder', 'unsubscribe', 'Bob', 'Projects/Current'])).code).toBe(0);
    expect(await folderPathsOnServer(true)).not.toContain('Projects/Current');
    expect((await wren(['folder', 'subscribe', 'Bob', 'Projects/Current'])).code).toBe(0);
    expect(await folderPathsOnServer(true)).toContain('Projects/Current');

    expect((await wren(['folder', 'delete', 'Bob', 'Projects/Current'])).code).toBe(0);
    expect(await folderPathsOnServer()).not.toContain('Projects/Current');
    const listedFolders = JSON.parse((await wren(['folders', 'Bob', '--json'])).stdout) as { path: string }[];
    expect(listedFolders.map((f) => f.path)).not.toContain('Projects/Current');
  }, 120_000);

  it('offline: a move and a flag change apply here at once, are queued (said on stderr, exit 0), and reach the server on the next sync', async () => {
    const moveId = await idOf('INBOX', 'Op 7');
    const flagId = await idOf('INBOX', 'Op 8');
    await proxy.close(); // offline
    try {
      const moved = await wren(['move', String(moveId), 'Archive']);
      expect(moved.code).toBe(0);
      expect(moved.stderr).toMatch(/queued and goes out with the next sync/);
      const flagged = await wren(['flag', String(flagId), '--flagged']);
      expect(flagged.code).toBe(0);
      expect(flagged.stderr).toMatch(/queued/);
      // Applied here at once, whatever the network does.
      expect((await listed('Archive')).map((m) => m.subject)).toContain('Op 7');
      expect((await listed('INBOX')).find((m) => m.id === flagId)?.flags).toContain('\\Flagged');
      expect(await subjectsOnServer('INBOX')).toContain('Op 7');
    } finally {
      proxy = await startTcpProxy(lab.ports.imaps, lab.host, proxy.port); // back online
    }
    expect((await wren(['sync', 'Bob'])).code).toBe(0);
    expect(await subjectsOnServer('Archive')).toContain('Op 7');
    expect(await subjectsOnServer('INBOX')).not.toContain('Op 7');
  }, 180_000);

  it('working offline (app.workOffline): a sync exits 75 saying so, a flag change is queued (exit 0), and both go once it is off', async () => {
    const flagId = await idOf('INBOX', 'Op 3');
    expect((await wren(['settings', 'set', 'app.workOffline', 'true'])).code).toBe(0);
    try {
      const synced = await wren(['sync', 'Bob']);
      expect(synced.code).toBe(75);
      expect(synced.stderr).toMatch(/working offline/i);
      const flagged = await wren(['flag', String(flagId), '--flagged']);
      expect(flagged.code).toBe(0);
      expect(flagged.stderr).toMatch(/working offline .*queued/);
      expect((await listed('INBOX')).find((m) => m.id === flagId)?.flags).toContain('\\Flagged');
    } finally {
      expect((await wren(['settings', 'set', 'app.workOffline', 'false'])).code).toBe(0);
    }
    expect((await wren(['sync', 'Bob'])).code).toBe(0);
    const flags = await byServer(async (client) => {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const found = (await client.fetchAll('1:*', { envelope: true, flags: true })).find((m) => m.envelope?.subject === 'Op 3');
      return [...(found?.flags ?? [])];
    });
    expect(flags).toContain('\\Flagged');
  }, 120_000);

  it('archives by year once the account is set so: into Archive/YEAR on the server', async () => {
    expect((await wren(['settings', 'set', 'account.Bob.archiveGranularity', 'year'])).code).toBe(0);
    const archived = await wren(['archive', String(await idOf('INBOX', 'Op 8'))]);
    expect(archived).toMatchObject({ code: 0, stdout: 'Archived 1 message\n' });
    // simpleMessage dates its mail on 1 January 2025 (UTC): the year here is this computer's.
    const year = new Date(Date.UTC(2025, 0, 1) + 8_000).getFullYear();
    expect(await subjectsOnServer(`Archive/${year}`)).toEqual(['Op 8']);
    expect(await subjectsOnServer('INBOX')).not.toContain('Op 8');
  }, 120_000);
});
