import { randomBytes } from 'node:crypto';
import { toWrenError, type WrenError } from '../errors/wren-error';
import type { OutboxEntryView } from '../ipc/compose-shapes';
import { isTemporary } from '../smtp/smtp-error';
import { isThisBoot } from '../system/boot-identity';
import type { Store } from '../store/store';
import type { OutboxRecord } from '../store/outbox-repo';
import type { OutboxEngine } from './outbox-engine';
import type { SentCopies } from './sent-copy';

/** A sent message stays listed (with its Message-ID) this long, then its row and blob go. */
const SENT_KEPT_MS = 7 * 24 * 3600_000;

/**
 * Messages handed to the SMTP connection ahead of the one on the line, so it
 * never waits for the runner (nor the outbox worker's round trip) between
 * two messages. Each is still marked "sending" only when its own DATA is
 * accepted; one still waiting its turn when the process dies is "queued" and
 * provably never left, and Undo takes one back from that queue.
 */
const SENDS_IN_FLIGHT = 32;

/** Sent rows past their keeping time are pruned this often (not at every pass: a full scan each time). */
const PRUNE_EVERY_MS = 10 * 60_000;

/** Backoff after a temporary failure: 15 s, 30 s, 1 min … up to 15 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

export interface RunnerHooks {
  /** An entry changed (for `outbox.changed`). */
  changed(entry: OutboxEntryView, removed: boolean): void;
  /** The server accepted the message: mark the original, drop staged files. */
  sent(entry: OutboxRecord): void;
  /** Whether the account keeps a Sent copy (its setting, read at each send, so a change applies at once). */
  keepsSentCopy(accountId: number): boolean;
  /** The message was in Sent before Wren filed it: the server files sent mail itself, so the copy is turned off. */
  serverFilesSentMail(accountId: number): void;
  /** The message is in the account's Sent folder now (filed, or found there): the cache should show it, and filters run on it. */
  inSentFolder(entry: OutboxRecord): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drains each account's outbox over its pooled SMTP connection (messages go
 * one after another on it, the next already waiting its turn), and files the
 * Sent copies. Rows are claimed for this process
 * first (the app and the CLI share the data folder), so two processes never
 * send the same row; a claimant that died is taken over, and a row it left in
 * "sending" is never sent again blindly: the Sent folder is asked, and when it
 * cannot tell, the row becomes "unknown" for the user to decide.
 */
export class OutboxRunner {
  private readonly token = randomBytes(8).toString('hex');
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  private readonly reachable = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** When the timer is for (it may fire sooner, to look again). */
  private timerDue = 0;
  private stopped = false;
  private prunedAt = 0;
  /** A drain's wake-up for rows queued while it runs (it takes them without waiting for the next pass). */
  private readonly nudges = new Map<number, () => void>();

  constructor(
    private readonly store: Store,
    private readonly engine: OutboxEngine,
    private readonly sentCopies: SentCopies,
    private readonly hooks: RunnerHooks,
  ) {}

  /** Every account's outbox worked through now, network-held messages included; resolves when done. */
  async flush(): Promise<void> {
    await Promise.all(this.store.outbox.accountsWithWork().map((accountId) => this.kick(accountId, true)));
    // A kick that found a drain running waits for the pass it queued too.
    await Promise.all([...this.running.values()]);
  }

  /** Works through every account that has something due (at start, and when an account is back online). */
  kickAll(): void {
    if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      this.store.outbox.pruneSent(Date.now() - SENT_KEPT_MS);
    }
    for (const accountId of this.store.outbox.accountsWithWork()) this.kick(accountId);
    this.scheduleWake();
  }

  /**
   * Works through the account's outbox. `reachable`: the account just proved
   * reachable (a sync went through), so messages held back by a network
   * fault go now rather than at the end of their backoff.
   */
  kick(accountId: number, reachable = false): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (reachable) this.reachable.add(accountId);
    const current = this.running.get(accountId);
    if (current) {
      this.again.add(accountId);
      this.nudges.get(accountId)?.();
      return current;
    }
    const run = this.drain(accountId, this.reachable.delete(accountId))
      .catch((error: unknown) => console.error('[wren] outbox:', toWrenError(error).message))
      .finally(() => {
        this.running.delete(accountId);
        if (this.again.delete(accountId)) void this.kick(accountId);
        this.scheduleWake();
      });
    this.running.set(accountId, run);
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.running.values()]);
    for (const entry of this.store.outbox.list()) if (entry.claimToken === this.token) this.store.outbox.release(entry.id, this.token);
  }

  /**
   * A row queued to leave at `due` (Send later, the undo delay): the runner
   * wakes then, unless it wakes sooner already. Nothing else to do now, so a
   * burst of such rows costs no drain, nor any query, each.
   */
  wakeBy(due: number): void {
    if (this.stopped) return;
    if (this.timer && this.timerDue <= due) return;
    this.wakeAt(due);
  }

  private scheduleWake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // An account being drained takes its new rows itself: its queued rows are no reason to wake.
    const due = this.store.outbox.nextDue([...this.running.keys()]);
    if (due !== null) this.wakeAt(due);
  }

  private wakeAt(due: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    // At most a minute ahead: then it looks again (the clock may have been changed meanwhile).
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kickAll();
    }, Math.max(0, Math.min(due - Date.now(), 60_000)) + 5);
    this.timer.unref();
  }

  /**
   * Works through the account's claimed rows, a few sends ahead on the
   * connection; rows queued meanwhile (newer than any claimed so far) are
   * claimed and taken in the same drain. Older rows that need work again
   * (a retry, "send anyway") come with the next drain, which `again` starts.
   */
  private async drain(accountId: number, reachable: boolean): Promise<void> {
    const sending = new Set<Promise<void>>();
    const claimedIds: number[] = [];
    let lastId = 0;
    try {
      for (;;) {
        this.again.delete(accountId);
        const claimed = this.store.outbox.claim(accountId, process.pid, this.token, isAlive, lastId);
        for (const entry of claimed) {
          claimedIds.push(entry.id);
          lastId = Math.max(lastId, entry.id);
          if (this.stopped) break;
          await this.take(entry, reachable, sending);
        }
        if (this.stopped || (claimed.length === 0 && sending.size === 0)) break;
        // Until a row is queued, or every send under way has ended: then look again.
        if (claimed.length === 0 && !this.again.has(accountId)) await this.nextEvent(accountId, sending);
      }
    } finally {
      this.nudges.delete(accountId);
      await Promise.allSettled(sending);
      this.store.outbox.releaseAll(claimedIds, this.token);
    }
  }

  private async take(entry: OutboxRecord, reachable: boolean, sending: Set<Promise<void>>): Promise<void> {
    let fresh = this.store.outbox.get(entry.id);
    if (!fresh || fresh.claimToken !== this.token) return;
    // Marked ahead of a turn that never came, by a process that ended: it sent nothing, and goes now.
    if (fresh.state === 'sending' && this.store.outbox.requeueIfUnbegun(fresh.id, isThisBoot)) fresh = this.store.outbox.get(entry.id)!;
    if (fresh.state === 'sending') await this.recover(fresh);
    else if (fresh.state === 'sent') await this.fileSentCopy(fresh);
    else if (isDue(fresh) || (reachable && heldByNetwork(fresh))) {
      const send: Promise<void> = this.sendOne(fresh).finally(() => sending.delete(send));
      sending.add(send);
      if (sending.size >= SENDS_IN_FLIGHT) await Promise.race(sending);
    }
  }

  private nextEvent(accountId: number, sending: Set<Promise<void>>): Promise<unknown> {
    const nudged = new Promise<void>((resolve) => this.nudges.set(accountId, resolve));
    return Promise.race([nudged, Promise.allSettled(sending)]);
  }

  private async sendOne(entry: OutboxRecord): Promise<void> {
    let began = false;
    try {
      const sentCopy = this.copyPlanFor(entry.accountId);
      const job = { accountId: entry.accountId, outboxId: entry.id, token: this.token, envelope: entry.envelope, blob: entry.blob, size: entry.size, sentCopy };
      await this.engine.send(job, () => {
        began = true;
        this.announce(entry.id);
      });
    } catch (caught) {
      return this.unsent(entry, began, caught);
    }
    // The engine marked it sent. What follows never makes it a failed send: asking "did it go?" of a message
    // the server took invites a second one, and its Sent copy would never be filed.
    const sent = this.store.outbox.get(entry.id)!;
    this.hooks.changed(sent, false);
    try {
      this.hooks.sent(sent);
    } catch (error) {
      console.warn('[wren] outbox: after a send:', toWrenError(error).message);
    }
    await this.fileSentCopy(sent);
  }

  /** A send that failed: retried, final, or asked about, by whether it may have reached the server. */
  private async unsent(entry: OutboxRecord, began: boolean, caught: unknown): Promise<void> {
    const error = toWrenError(caught);
    if (!began) {
      const row = this.store.outbox.get(entry.id);
      // Marked "sending" though the notice never came (a worker that died with it): as if it had, unless its
      // turn provably never came (marked ahead of it).
      if (row?.state === 'sending' && !this.store.outbox.requeueIfUnbegun(row.id, isThisBoot)) return this.recover(row, error);
      // Nothing reached the server: safe to try again, or final when the server refused the envelope.
      this.settleUnsent(entry, error);
      return;
    }
    if (error.code === 'SmtpRejected' || error.code === 'SmtpDeferred') this.settleUnsent(entry, error);
    else await this.recover(this.store.outbox.get(entry.id) ?? entry, error);
  }

  private settleUnsent(entry: OutboxRecord, error: WrenError): void {
    const row = this.store.outbox.get(entry.id);
    if (!row) return;
    if (isTemporary(error)) {
      const attempts = row.attempts + (row.state === 'sending' ? 0 : 1);
      this.store.outbox.setState(entry.id, 'queued', { error: error.toShape(), nextAttemptAt: Date.now() + retryDelayMs(attempts), attempts });
    } else {
      this.store.outbox.setState(entry.id, 'failed', { error: error.toShape() });
    }
    this.announce(entry.id);
  }

  /**
   * A send whose final reply never came (a cut connection, or a process
   * killed after DATA): found in Sent means it went; otherwise Wren cannot
   * know, and asks.
   */
  private async recover(entry: OutboxRecord, cause?: WrenError): Promise<void> {
    let inSent: boolean | null = null;
    try {
      inSent = await this.sentCopies.isInSent(entry.accountId, entry.messageId);
    } catch {
      inSent = null;
    }
    if (inSent) {
      this.store.outbox.markSent(entry.id, entry.refused, 'done');
      this.announce(entry.id);
      this.hooks.sent(this.store.outbox.get(entry.id)!);
      return;
    }
    const error = cause?.toShape() ?? { code: 'ConnectionLost' as const, message: 'The send was cut off before the server answered.' };
    this.store.outbox.setState(entry.id, 'unknown', { error });
    this.announce(entry.id);
  }

  private copyPlanFor(accountId: number): 'pending' | 'skipped' {
    if (!this.store.accounts.get(accountId)) return 'skipped';
    return this.hooks.keepsSentCopy(accountId) ? 'pending' : 'skipped';
  }

  private async fileSentCopy(entry: OutboxRecord): Promise<void> {
    if (entry.sentCopy !== 'pending' && entry.sentCopy !== 'appending') return;
    try {
      const wasAppending = entry.sentCopy === 'appending';
      this.store.outbox.setSentCopy(entry.id, 'appending');
      const outcome = await this.sentCopies.file(entry);
      // Already there though Wren never began an APPEND: the server files sent mail itself.
      if (outcome === 'foundThere' && !wasAppending) this.hooks.serverFilesSentMail(entry.accountId);
      this.store.outbox.setSentCopy(entry.id, outcome === 'noSentFolder' ? 'skipped' : 'done');
      if (outcome !== 'noSentFolder') this.hooks.inSentFolder(entry);
    } catch (error) {
      // Left 'appending': retried at the next drain, where the search finds a copy that did land.
      this.store.outbox.noteSentCopyError(entry.id, toWrenError(error).toShape());
    }
    this.announce(entry.id);
  }

  private announce(id: number): void {
    const entry = this.store.outbox.get(id);
    if (entry) this.hooks.changed(entry, false);
  }
}

function heldByNetwork(entry: OutboxRecord): boolean {
  return entry.state === 'queued' && entry.error !== null && entry.error.code !== 'SmtpDeferred';
}

function isDue(entry: OutboxRecord, now = Date.now()): boolean {
  if (entry.state === 'waiting') return (entry.sendAt ?? 0) <= now;
  if (entry.state === 'queued') return (entry.nextAttemptAt ?? 0) <= now;
  return false;
}
