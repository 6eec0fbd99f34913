import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src-main/ipc/contract';
import { formatTime } from '../../../src-renderer/format/format-date';
import { en } from '../../../src-renderer/i18n/en';
import { describeError } from '../../../src-renderer/i18n/error-words';
import { statusHeadline } from '../../../src-renderer/i18n/status-words';
import { translator } from '../../../src-renderer/i18n/translate';
import { startLab, type Lab } from '../../lab/lab';
import { mountTinyDisk, type TinyDisk } from '../../lab/tiny-disk';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

const run = promisify(execFile);
const MB = 1024 * 1024;
const HOUR = 60 * 60_000;

function sized(n: number, to: string, bytes: number): Buffer {
  const body = randomBytes(bytes).toString('base64').replace(/(.{76})/g, '$1\r\n');
  return Buffer.from(
    `From: s${n}@example.test\r\nTo: ${to}\r\nSubject: Sized ${n}\r\nMessage-ID: <sized-${n}@example.test>\r\n` +
      `Date: Tue, 03 Jun 2025 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nBody ${n}\r\n${body}\r\n`,
  );
}

/** What a failed sync must leave behind: every recorded source whole on disk, and a sound database. */
function expectNothingLost(wren: TestCore, accountId: number, headers: number): void {
  const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
  const items = wren.core.store.messages.page(inbox.id, 0, 1000).items;
  expect(items).toHaveLength(headers);
  for (const item of items) {
    const source = wren.core.store.bodies.source(item.id);
    if (!source) continue;
    const path = wren.core.store.blobs.pathOf(source.blob);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBe(source.size);
  }
  expect(wren.core.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/** Writes a file until the disk has no byte left. */
function fillUp(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

function sourcesSaved(wren: TestCore, accountId: number): number {
  const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
  return wren.core.store.messages.page(inbox.id, 0, 1000).items.filter((item) => wren.core.store.bodies.source(item.id)).length;
}

/**
 * A full disk and a read-only data folder, for real (a tiny tmpfs; a read-only
 * remount), met in the middle of `sync --bodies`: each keeps its own code, the
 * account is in error rather than offline, and no retry is scheduled. Only a
 * server that cannot be reached means offline.
 */
describe('local faults during a sync are not network faults', () => {
  let lab: Lab;
  /** Disks holding a whole data folder, unmounted once their core is closed. */
  const disks: TinyDisk[] = [];
  /** Disks mounted inside a core's own temp folder, unmounted before it is removed. */
  const innerDisks: TinyDisk[] = [];
  const cores: TestCore[] = [];
  const alice = () => lab.users[0]!;
  const bob = () => lab.users[1]!;
  const carol = () => lab.users[2]!;
  const SMALL_COUNT = 30;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(alice().email, 'INBOX', Array.from({ length: SMALL_COUNT }, (_, i) => sized(i + 1, alice().email, 100 * 1024)));
    await lab.seed(bob().email, 'INBOX', [sized(100, bob().email, 2000), sized(101, bob().email, 9 * MB)]);
    await lab.seed(carol().email, 'INBOX', Array.from({ length: 5 }, (_, i) => sized(200 + i, carol().email, 4000)));
  }, 180_000);
  afterAll(async () => {
    for (const disk of innerDisks) disk.unmount();
    for (const wren of cores) await wren.dispose();
    for (const disk of disks) disk.unmount();
    await lab?.stop();
  });

  async function coreOn(disk: TinyDisk | null, worker: boolean): Promise<TestCore> {
    const wren = startCore({
      syncIntervalMs: HOUR, // background retries on, far beyond the test
      syncWorkerPath: worker ? resolve('dist/main/sync-worker.cjs') : null,
      ...(disk ? { dataDir: join(disk.path, 'data') } : {}),
    });
    cores.push(wren);
    return wren;
  }

  it('a disk that fills up while saving bodies → DiskFull, status error with no retry, nothing saved is lost', async () => {
    const disk = mountTinyDisk(1.5 * MB);
    disks.push(disk);
    const wren = await coreOn(disk, false);
    const accountId = (await wren.call('accounts.add', labDraft(lab, alice()))).id;
    expect((await wren.core.sync.run(accountId, false)).newMessages).toBe(SMALL_COUNT);

    await expect(wren.core.sync.run(accountId, true)).rejects.toMatchObject({ code: 'DiskFull' });
    const status = wren.core.status.get(accountId);
    expect(status).toMatchObject({ state: 'error', error: { code: 'DiskFull' }, retryAt: null });
    expectNothingLost(wren, accountId, SMALL_COUNT);
    expect(sourcesSaved(wren, accountId)).toBeLessThan(SMALL_COUNT);

    disk.remount(`size=${64 * MB}`); // the user frees space
    await wren.core.sync.run(accountId, true);
    expect(sourcesSaved(wren, accountId)).toBe(SMALL_COUNT);
    expectNothingLost(wren, accountId, SMALL_COUNT);
    const inbox = wren.core.store.folders.list(accountId).find((f) => f.path === 'INBOX')!;
    const first = wren.core.store.messages.page(inbox.id, 0, 1000).items.find((m) => m.subject === 'Sized 1')!;
    expect((await wren.call('messages.read', { messageId: first.id })).text).toContain('Body 1');
  });

  it('a disk already full when the message list is saved → SQLITE_FULL from the database is DiskFull too', async () => {
    const disk = mountTinyDisk(4 * MB);
    disks.push(disk);
    const wren = await coreOn(disk, false);
    const accountId = (await wren.call('accounts.add', labDraft(lab, alice()))).id;
    fillUp(disk.path);

    await expect(wren.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'DiskFull', details: { cause: 'SQLITE_FULL' } });
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'error', error: { code: 'DiskFull' }, retryAt: null });
    expect(wren.core.store.db.pragma('integrity_check', { simple: true })).toBe('ok');

    rmSync(join(disk.path, 'filler'));
    expect((await wren.core.sync.run(accountId, false)).newMessages).toBe(SMALL_COUNT);
  });

  it('in the sync worker, a large message streamed onto a full disk → DiskFull across the thread boundary', async () => {
    const disk = mountTinyDisk(2 * MB);
    disks.push(disk);
    const wren = await coreOn(disk, true);
    const accountId = (await wren.call('accounts.add', labDraft(lab, bob()))).id;
    await wren.core.sync.run(accountId, false);

    await expect(wren.core.sync.run(accountId, true)).rejects.toMatchObject({ code: 'DiskFull' });
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'error', error: { code: 'DiskFull' }, retryAt: null });
    expectNothingLost(wren, accountId, 2);
  });

  it('the wren CLI says the disk is full, with the code in --json, and exits non-zero', async () => {
    const disk = mountTinyDisk(2 * MB);
    disks.push(disk);
    const wren = (args: string[]) =>
      run(process.execPath, ['bin/wren.cjs', '--data-dir', join(disk.path, 'data'), ...args], {
        env: { ...process.env, XDG_CONFIG_HOME: join(disk.path, 'config'), WREN_PASSWORD: bob().password },
      }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const added = await wren(['account', 'add', '--email', bob().email, '--imap-host', lab.host, '--imap-port', String(lab.ports.imaps),
      '--imap-security', 'tls', '--user', bob().email, '--trust-fingerprint', lab.certFingerprint256]);
    expect(added.code, added.stderr).toBe(0);

    const text = await wren(['sync', '--bodies']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('sync failed (DiskFull): The disk is full: Wren could not save mail. Free some space.');
    const json = await wren(['sync', '--bodies', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
    // Not a terminal: no progress escapes on stderr, only the failure as one JSON object on its own line.
    const failure = json.stderr.split('\n').find((line) => line.startsWith('{'));
    expect(JSON.parse(failure ?? 'null')).toEqual(expect.objectContaining({ error: expect.objectContaining({ code: 'DiskFull' }) }));
  });

  it('a read-only data folder → DataReadOnly, status error with no retry; writable again, the sync completes', async () => {
    const wren = await coreOn(null, false);
    const accountId = (await wren.call('accounts.add', labDraft(lab, carol()))).id;
    await wren.core.sync.run(accountId, false);
    const blobs = mountTinyDisk(8 * MB, join(wren.dir, 'data', 'blobs'));
    innerDisks.push(blobs);
    blobs.remount('ro');

    await expect(wren.core.sync.run(accountId, true)).rejects.toMatchObject({ code: 'DataReadOnly' });
    expect(wren.core.status.get(accountId)).toMatchObject({ state: 'error', error: { code: 'DataReadOnly' }, retryAt: null });
    expectNothingLost(wren, accountId, 5);

    blobs.remount('rw');
    await wren.core.sync.run(accountId, true);
    expect(sourcesSaved(wren, accountId)).toBe(5);
  });

  it('by contrast, a background sync against a server that stopped answering → offline, with the time of the next try', async () => {
    const wren = cores.at(-1)!;
    const accountId = (await wren.call('accounts.list', {}))[0]!.id;
    await lab.stop();
    const settled = new Promise<Events['account.status']>((done) => {
      const off = wren.core.events.on('account.status', (status) => {
        if (status.accountId === accountId && status.state !== 'syncing') {
          off();
          done(status);
        }
      });
    });
    expect((await wren.call('sync.start', { accountId })).started).toEqual([accountId]);
    const status = await settled;
    expect(status).toMatchObject({ state: 'offline', error: { code: 'ConnectionRefused' } });
    expect(status.retryAt).toBeGreaterThan(Date.now());
    // What the banner says of it: the server cannot be reached, and when Wren tries again; no setup advice.
    const headline = statusHeadline(translator(en), 'en', 'Carol', status);
    expect(headline).toBe(`Wren cannot reach the mail server of Carol. Wren tries again at ${formatTime(status.retryAt!, 'en')}.`);
    expect(describeError(en, status.error!, 'background').join(' ')).not.toMatch(/check the port/i);
  });
});
