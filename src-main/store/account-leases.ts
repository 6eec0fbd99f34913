import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { WrenError } from '../errors/wren-error';

export interface LeaseTiming {
  /** How often a holder renews its lease. */
  heartbeatMs: number;
  /** A lease not renewed for this long belongs to a process that hung or died elsewhere: taken over. */
  staleMs: number;
  /** How often a waiting process looks again. */
  pollMs: number;
}

const DEFAULT_TIMING: LeaseTiming = { heartbeatMs: 5_000, staleMs: 30_000, pollMs: 500 };

/** Who holds an account's lease. */
export interface LeaseHolder {
  pid: number;
  host: string;
  heartbeatAt: number;
}

export interface AccountLease {
  /** Another process held this account's lease when this one asked; this one waited for it. */
  readonly waited: boolean;
  release(): void;
}

interface LeaseRow {
  owner: string;
  pid: number;
  host: string;
  heartbeat_at: number;
}

/**
 * What a lease guards: `sync`, one sync per account (a second one waits, then
 * fetches only what arrived meanwhile); `token`, one OAuth2 token refresh per
 * account (providers that rotate refresh tokens accept each only once, so a
 * second refresh with the same one would sign the account out).
 */
export type LeaseKind = 'sync' | 'token';

/**
 * One holder per account and kind across processes sharing a data folder (the
 * app and `wren sync`, or two `wren sync`): a lease row per account in a small
 * SQLite file of its own (so renewing it never waits behind a sync's write
 * batch), a table per kind. A lease whose process is gone (kill -9, crash) is
 * taken over at once on this machine, and any lease a waiter sees not renewed
 * for `staleMs` is taken over.
 */
export class AccountLeases {
  private readonly db: Database.Database;
  /** Distinguishes two cores in one process (tests) as well as processes. */
  private readonly owner = randomUUID();
  private readonly heartbeats = new Map<number, NodeJS.Timeout>();
  /** Per account, another holder's heartbeat as this core last saw it, and since when (monotonic ms): see `abandoned`. */
  private readonly seen = new Map<number, { owner: string; heartbeatAt: number; since: number }>();
  private closed = false;

  /** `${kind}_leases`: a fixed name from LeaseKind, never user input. */
  private readonly table: string;

  constructor(file: string, kind: LeaseKind, private readonly timing: LeaseTiming = DEFAULT_TIMING) {
    this.table = `${kind}_leases`;
    this.db = new Database(file);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (account_id INTEGER PRIMARY KEY, owner TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL, heartbeat_at INTEGER NOT NULL)`);
  }

  /** Waits until no other live process holds the account's lease, then holds it until `release()`. */
  async acquire(accountId: number, onWait?: (holder: LeaseHolder) => void): Promise<AccountLease> {
    let waited = false;
    for (let holder = this.tryTake(accountId); holder; holder = this.tryTake(accountId)) {
      if (!waited) onWait?.(holder);
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, this.timing.pollMs));
    }
    const heartbeat = setInterval(() => this.renew(accountId), this.timing.heartbeatMs);
    heartbeat.unref();
    this.heartbeats.set(accountId, heartbeat);
    return { waited, release: () => this.release(accountId) };
  }

  /** Gives up every lease this core holds; waiting acquires fail. */
  close(): void {
    if (this.closed) return;
    for (const accountId of [...this.heartbeats.keys()]) this.release(accountId);
    this.closed = true;
    this.db.close();
  }

  /** Takes the lease when it is free, ours or abandoned; otherwise returns who holds it. */
  private tryTake(accountId: number): LeaseHolder | null {
    if (this.closed) throw new WrenError('Internal', 'Wren is shutting down; the sync or sign-in renewal did not start.');
    const take = this.db.transaction((): LeaseHolder | null => {
      const row = this.db.prepare(`SELECT owner, pid, host, heartbeat_at FROM ${this.table} WHERE account_id = ?`).get(accountId) as LeaseRow | undefined;
      if (row && row.owner !== this.owner && !this.abandoned(accountId, row)) return { pid: row.pid, host: row.host, heartbeatAt: row.heartbeat_at };
      this.seen.delete(accountId);
      this.db
        .prepare(`INSERT OR REPLACE INTO ${this.table} (account_id, owner, pid, host, heartbeat_at) VALUES (?, ?, ?, ?, ?)`)
        .run(accountId, this.owner, process.pid, hostname(), Date.now());
      return null;
    });
    // IMMEDIATE: two processes must not both read "free" and both write.
    return take.immediate();
  }

  /**
   * Stale means this core saw the same heartbeat for `staleMs` of its own monotonic clock, not that the
   * heartbeat is older than that by the wall clock: after a suspend the wall clock has jumped, and a waiter
   * polling first on waking would take the lease of a holder that is alive and renews a moment later.
   */
  private abandoned(accountId: number, row: LeaseRow): boolean {
    if (row.host === hostname() && !processAlive(row.pid)) return true;
    const now = performance.now();
    const last = this.seen.get(accountId);
    if (last && last.owner === row.owner && last.heartbeatAt === row.heartbeat_at) return now - last.since > this.timing.staleMs;
    this.seen.set(accountId, { owner: row.owner, heartbeatAt: row.heartbeat_at, since: now });
    return false;
  }

  /**
   * Runs in a timer, where a throw would end the process: a heartbeat that cannot
   * be written (a full disk, a busy file) is skipped, and the next one tries again.
   * The holder itself meets the same fault in its own writes and reports it.
   */
  private renew(accountId: number): void {
    if (this.closed) return;
    try {
      this.db.prepare(`UPDATE ${this.table} SET heartbeat_at = ? WHERE account_id = ? AND owner = ?`).run(Date.now(), accountId, this.owner);
    } catch {
      // Skipped; see above.
    }
  }

  /** A lease that cannot be deleted (a full disk) goes stale and is taken over: the holder's own error is what matters. */
  private release(accountId: number): void {
    clearInterval(this.heartbeats.get(accountId));
    this.heartbeats.delete(accountId);
    if (this.closed) return;
    try {
      this.db.prepare(`DELETE FROM ${this.table} WHERE account_id = ? AND owner = ?`).run(accountId, this.owner);
    } catch {
      // Left to go stale; see above.
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
