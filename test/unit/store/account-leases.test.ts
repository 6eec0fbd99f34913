import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountLeases, type LeaseHolder } from '../../../src-main/store/account-leases';

const QUICK = { heartbeatMs: 50, staleMs: 60_000, pollMs: 20 };

describe('the per-account leases shared by processes', () => {
  let dir: string;
  let file: string;
  const opened: AccountLeases[] = [];
  const locks = (timing = QUICK) => {
    const made = new AccountLeases(file, 'sync', timing);
    opened.push(made);
    return made;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wren-lock-'));
    file = join(dir, 'sync-locks.sqlite');
  });
  afterEach(() => {
    for (const made of opened.splice(0)) made.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a second holder wait until the first releases', async () => {
    const first = await locks().acquire(1);
    expect(first.waited).toBe(false);
    const holders: LeaseHolder[] = [];
    let secondHasIt = false;
    const second = locks().acquire(1, (holder) => holders.push(holder)).then((lease) => {
      secondHasIt = true;
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondHasIt).toBe(false);
    expect(holders).toEqual([expect.objectContaining({ pid: process.pid })]);
    // Other accounts are not held up.
    expect((await locks().acquire(2)).waited).toBe(false);
    first.release();
    expect((await second).waited).toBe(true);
  });

  it('keeps the token lease apart from the sync lease: a refresh is not held up by a sync of the same account', async () => {
    const sync = await locks().acquire(1);
    const tokens = new AccountLeases(file, 'token', QUICK);
    opened.push(tokens);
    const holders: LeaseHolder[] = [];
    const refresh = await tokens.acquire(1, (holder) => holders.push(holder));
    expect(refresh.waited).toBe(false);
    // A second refresher of the account (another process) waits for the first.
    const otherTokens = new AccountLeases(file, 'token', QUICK);
    opened.push(otherTokens);
    const second = otherTokens.acquire(1, (holder) => holders.push(holder));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(holders).toHaveLength(1);
    refresh.release();
    expect((await second).waited).toBe(true);
    sync.release();
  });

  it('takes over at once a lease whose process is gone (kill -9)', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const db = new Database(file);
    db.exec('CREATE TABLE IF NOT EXISTS sync_leases (account_id INTEGER PRIMARY KEY, owner TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL, heartbeat_at INTEGER NOT NULL)');
    db.prepare('INSERT INTO sync_leases VALUES (1, ?, ?, ?, ?)').run('killed', dead, hostname(), Date.now());
    db.close();
    expect((await locks().acquire(1)).waited).toBe(false);
  });

  it('takes over a lease that stopped being renewed (a hung holder)', async () => {
    const hung = locks({ ...QUICK, heartbeatMs: 60_000 }); // never renews within the test
    await hung.acquire(1);
    const lease = await locks({ ...QUICK, staleMs: 200 }).acquire(1);
    expect(lease.waited).toBe(true);
  });

  it('keeps a held lease fresh, so a patient waiter does not steal it', async () => {
    const holder = await locks().acquire(1);
    let stolen = false;
    const waiter = locks({ ...QUICK, staleMs: 300 }).acquire(1).then((lease) => {
      stolen = true;
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(stolen).toBe(false);
    holder.release();
    await waiter;
  });

  it('does not take a live holder\'s lease after the machine slept: the wall clock jumped, and the holder renews on waking', async () => {
    // Only Date is faked: the timers and the monotonic clock run as usual, and the wall clock moves when told.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const holder = await locks({ ...QUICK, heartbeatMs: 200 }).acquire(1);
      let taken = false;
      const waiter = locks().acquire(1).then((lease) => {
        taken = true;
        return lease;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      // An hour of suspend: no timer ran, and on waking the waiter polls before the holder's heartbeat is due.
      vi.setSystemTime(Date.now() + 3_600_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(taken).toBe(false);
      holder.release();
      expect((await waiter).waited).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a heartbeat or release that cannot be written (disk full) is skipped, not thrown from the timer', async () => {
    const holder = locks();
    const lease = await holder.acquire(1);
    const db = (holder as unknown as { db: Database.Database }).db;
    const prepare = db.prepare.bind(db);
    let refused = 0;
    db.prepare = ((sql: string) => {
      if (/^(UPDATE|DELETE)/.test(sql)) {
        refused += 1;
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      }
      return prepare(sql);
    }) as typeof db.prepare;
    await new Promise((resolve) => setTimeout(resolve, QUICK.heartbeatMs * 3));
    expect(() => lease.release()).not.toThrow();
    expect(refused).toBeGreaterThanOrEqual(2);
    db.prepare = prepare as typeof db.prepare;
  });

  it('stops waiting when Wren shuts down', async () => {
    await locks().acquire(1);
    const waiting = locks();
    const acquiring = waiting.acquire(1);
    waiting.close();
    await expect(acquiring).rejects.toMatchObject({ code: 'Internal' });
  });
});
