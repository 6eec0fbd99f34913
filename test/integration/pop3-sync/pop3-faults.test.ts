import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab, type LabUser } from '../../lab/lab';
import { mountTinyDisk, type TinyDisk } from '../../lab/tiny-disk';
import { startCore, type TestCore } from '../imap/lab-core';
import { startCuttingRelay } from './cutting-relay';
import { localMessageIds, pop3Draft, serverMessageCount } from './pop3-sync-lab';

const KB = 1024;
const MB = 1024 * KB;
const HOUR = 60 * 60_000;

let lab: Lab;
const cores: TestCore[] = [];
const disks: TinyDisk[] = [];

/** A plain message of about `bytes`, with a Message-ID naming `n`. */
function sized(n: number, to: string, bytes: number): Buffer {
  const body = randomBytes(Math.ceil(bytes * 0.75)).toString('base64').replace(/(.{76})/g, '$1\r\n');
  return Buffer.from(`From: s${n}@example.test\r\nTo: ${to}\r\nSubject: Sized ${n}\r\nMessage-ID: <sized-${n}@example.test>\r\n` +
    `Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nBody ${n}\r\n${body}\r\n`);
}

function user(name: string): LabUser {
  return lab.users.find((u) => u.email === `${name}@example.test`)!;
}

function core(dataDir?: string): TestCore {
  const test = startCore({ syncIntervalMs: HOUR, ...(dataDir ? { dataDir } : {}) });
  cores.push(test);
  return test;
}

/** Every recorded source is whole on disk and the database is sound. */
function expectSourcesWhole(test: TestCore, accountId: number): void {
  const [inbox] = test.core.store.folders.list(accountId);
  for (const item of test.core.store.messages.page(inbox!.id, 0, 1000).items) {
    const source = test.core.store.bodies.source(item.id)!;
    expect(source, `message ${item.id} has its source`).toBeDefined();
    expect(existsSync(test.core.store.blobs.pathOf(source.blob))).toBe(true);
    expect(statSync(test.core.store.blobs.pathOf(source.blob)).size).toBe(source.size);
  }
  expect(test.core.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

beforeAll(async () => {
  lab = await startLab({ users: ['topper', 'cutter', 'filler', 'offliner'].map((name) => ({ email: `${name}@example.test`, password: `${name}-pw` })) });
}, 120_000);
afterAll(async () => {
  for (const test of cores) await test.dispose();
  for (const disk of disks) disk.unmount();
  await lab?.stop();
});
afterEach(() => undefined);

describe('POP3 downloads: size limit, cut connections, a full disk', () => {
  it('a message over the size limit comes with TOP, marked partial; opening it downloads the rest; only then may it be deleted', async () => {
    const topper = user('topper');
    const big = sized(2, topper.email, 60 * KB);
    await lab.seed(topper.email, 'INBOX', [sized(1, topper.email, 2 * KB), big]);
    const test = core();
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, topper, { leave: 'delete', maxMessageKb: 20 }));
    await test.call('sync.run', { accountId, bodies: false });
    // The whole small one is deleted on the server; the partial one keeps its rest there.
    expect(await serverMessageCount(lab, topper)).toBe(1);
    const [inbox] = await test.call('folders.list', { accountId });
    const items = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;
    const partial = items.find((m) => m.subject === 'Sized 2')!;
    expect(partial.size).toBe(big.length);
    // What is stored is the beginning (messages.source would download the rest first).
    const top = readFileSync(test.core.store.blobs.pathOf(test.core.store.bodies.source(partial.id)!.blob));
    expect(top.length).toBeLessThan(10 * KB);
    expect(big.toString().startsWith(top.toString())).toBe(true);

    const opened = await test.call('messages.read', { messageId: partial.id, markSeen: false });
    expect(opened.partial).toBeUndefined();
    expect(opened.text).toContain(big.toString().split('\r\n\r\n')[1]!.slice(0, 2000).replace(/\r\n/g, '\n').trim().slice(0, 200));
    expect((await test.call('messages.source', { messageId: partial.id })).source).toBe(big.toString());
    await test.call('sync.run', { accountId, bodies: false });
    expect(await serverMessageCount(lab, topper)).toBe(0);
    expect(localMessageIds(test, accountId)).toEqual(['<sized-1@example.test>', '<sized-2@example.test>']);
  });

  it('a partial message opened while the server cannot be reached: it opens as it is, partial, with the bytes stored here', async () => {
    const offliner = user('offliner');
    const big = sized(1, offliner.email, 60 * KB);
    await lab.seed(offliner.email, 'INBOX', [big]);
    const relay = await startCuttingRelay(lab.ports.pop3s);
    const test = core();
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, offliner, { maxMessageKb: 20 }, relay.port));
    await test.call('sync.run', { accountId, bodies: false });
    await relay.close();
    const [inbox] = await test.call('folders.list', { accountId });
    const [item] = (await test.call('messages.list', { folderId: inbox!.id, offset: 0, limit: 10 })).items;
    const opened = await test.call('messages.read', { messageId: item!.id, markSeen: false });
    expect(opened.partial).toBe(true);
    expect(opened.size).toBe(big.length);
    expect(opened.partialBytes).toBe(test.core.store.bodies.source(item!.id)!.size);
    expect(opened.partialBytes).toBeLessThan(10 * KB);
    expect(opened.warnings).toContain('wren:PartialDownload');
  });

  it('a connection cut in the middle of a RETR: what arrived before is kept, nothing deleted, the next check resumes without duplicates', async () => {
    const cutter = user('cutter');
    const messages = [sized(1, cutter.email, 4 * KB), sized(2, cutter.email, 4 * KB), sized(3, cutter.email, 3 * MB), sized(4, cutter.email, 4 * KB)];
    await lab.seed(cutter.email, 'INBOX', messages);
    const relay = await startCuttingRelay(lab.ports.pop3s);
    try {
      const test = core();
      const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, cutter, { leave: 'delete' }, relay.port));
      relay.cutNextAfter(1 * MB); // well into the 3 MB message, after the two small ones
      await expect(test.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'ConnectionLost' });
      expect(test.core.status.get(accountId).state).toBe('offline');
      expect(localMessageIds(test, accountId)).toEqual(['<sized-1@example.test>', '<sized-2@example.test>']);
      expect(await serverMessageCount(lab, cutter)).toBe(4);
      expectSourcesWhole(test, accountId);

      const resumed = await test.core.sync.run(accountId, false);
      expect(resumed.newMessages).toBe(2);
      expect(localMessageIds(test, accountId)).toEqual(['<sized-1@example.test>', '<sized-2@example.test>', '<sized-3@example.test>', '<sized-4@example.test>']);
      expect(await serverMessageCount(lab, cutter)).toBe(0);
      const [inbox] = test.core.store.folders.list(accountId);
      const bigRow = test.core.store.messages.page(inbox!.id, 0, 10).items.find((m) => m.subject === 'Sized 3')!;
      const stored = test.core.store.bodies.source(bigRow.id)!;
      expect(stored.size).toBe(messages[2]!.length);
      expectSourcesWhole(test, accountId);
    } finally {
      await relay.close();
    }
  });

  it('a full disk during the download: DiskFull, what was stored is whole, nothing unstored is deleted; with space again it completes', async () => {
    const filler = user('filler');
    const count = 24;
    await lab.seed(filler.email, 'INBOX', Array.from({ length: count }, (_, i) => sized(i + 1, filler.email, 200 * KB)));
    const disk = mountTinyDisk(3 * MB);
    disks.push(disk);
    const test = core(join(disk.path, 'data'));
    const { id: accountId } = await test.call('accounts.add', pop3Draft(lab, filler, { leave: 'delete' }));
    await expect(test.core.sync.run(accountId, false)).rejects.toMatchObject({ code: 'DiskFull' });
    expect(test.core.status.get(accountId)).toMatchObject({ state: 'error', error: { code: 'DiskFull' }, retryAt: null });
    const stored = localMessageIds(test, accountId);
    expect(stored.length).toBeLessThan(count);
    // The failed check ended without QUIT: the server still has every message.
    expect(await serverMessageCount(lab, filler)).toBe(count);
    expectSourcesWhole(test, accountId);

    disk.remount(`size=${64 * MB}`);
    await test.core.sync.run(accountId, false);
    expect(localMessageIds(test, accountId)).toEqual(Array.from({ length: count }, (_, i) => `<sized-${i + 1}@example.test>`).sort());
    expect(await serverMessageCount(lab, filler)).toBe(0);
    expectSourcesWhole(test, accountId);
  });
});
