import type { Statement } from 'better-sqlite3';
import { WrenError } from '../errors/wren-error';
import { ComposedMessage, scheduledTime, type OutboxEntryView } from '../ipc/compose-shapes';
import type { Store } from '../store/store';
import type { OutboxProgress, OutboxRecord } from '../store/outbox-repo';
import type { AttachmentStaging } from './attachment-staging';
import type { BuiltMessage, SendingIdentity } from './build-message';
import { forwardedMessageIdOf } from '../compose/original-message';
import { newMessageId } from './message-id';
import { OutboxCommitter, type QueuedRow } from './outbox-committer';
import type { OutboxEngine } from './outbox-engine';
import type { OutboxRunner } from './outbox-runner';
import { prepareRawMessage } from './raw-message';

export interface SendRequest {
  sendAt: number | null;
  undoSeconds: number;
}

/**
 * How often `wait` looks at all its rows: between looks it hears this
 * process's changes as they happen, and this catches what another process
 * sharing the data folder did.
 */
const WAIT_POLL_MS = 100;

/**
 * The outbox's requests. Sending assigns the Message-ID here, has the engine
 * build the message (MIME) into the blob store and record its row, and
 * returns: the network is the runner's business, later.
 */
export class OutboxService {
  /** For `--raw` messages, streamed from their staged file in this thread (there is nothing to build). */
  private readonly rawCommitter: OutboxCommitter;
  private identityQuery: Statement | null = null;

  constructor(
    private readonly store: Store,
    private readonly staging: AttachmentStaging,
    private readonly engine: OutboxEngine,
    private readonly runner: OutboxRunner,
    private readonly changed: (entry: OutboxEntryView, removed: boolean) => void,
    /** Subscribes to this process's outbox changes (every `outbox.changed`, the runner's included); returns the unsubscribe. */
    private readonly watchChanges: (listener: (outboxId: number) => void) => () => void = () => () => undefined,
  ) {
    this.rawCommitter = new OutboxCommitter(store);
  }

  async send(composed: ComposedMessage, request: SendRequest): Promise<OutboxEntryView> {
    const account = this.requireSmtpAccount(composed.accountId);
    const from = this.identity(account.id, composed.identityId);
    const shown = [...composed.to, ...composed.cc].map((a) => a.address);
    const row = queuedRow(account.id, { composedJson: JSON.stringify(composed), subject: composed.subject, shown }, request);
    const messageId = newMessageId(from.address);
    const forwardedMessageId = forwardedMessageIdOf(this.store, composed.origin);
    const id = await this.engine.queue({ composed, from, messageId, date: Date.now(), row, forwardedMessageId }).catch((error: unknown) => {
      // The build worker may have committed the row and died (or its reply was lost) before saying so: that
      // row will be sent, so answering "failed" would have the user press Send again and the message go twice.
      const committed = this.store.outbox.idByMessageId(account.id, messageId);
      if (committed === undefined) throw error;
      return committed;
    });
    return this.queued(id, row);
  }

  async sendRaw(accountId: number, stagedId: string, request: SendRequest): Promise<OutboxEntryView> {
    const account = this.requireSmtpAccount(accountId);
    const built: BuiltMessage = await prepareRawMessage(this.staging.openStream(stagedId), account.email);
    const entry = await this.sendBuilt(account.id, built, '', request);
    // Queued whatever happens to the staged copy: a failure here must not read as a send that failed (and be sent again).
    await this.staging.discard(stagedId, 'a staged message');
    return entry;
  }

  /**
   * A message built already (a raw one, a return receipt): stored in the outbox as it is, with `subject`
   * for the outbox's list. It cannot go back to the composer.
   */
  async sendBuilt(accountId: number, built: BuiltMessage, subject: string, request: SendRequest): Promise<OutboxEntryView> {
    this.requireSmtpAccount(accountId);
    const row = queuedRow(accountId, { composedJson: null, subject, shown: built.envelope.to }, request);
    return this.queued(await this.rawCommitter.add(built, row), row);
  }

  list(accountId?: number): OutboxEntryView[] {
    return this.store.outbox.list(accountId).map(view);
  }

  /** Undo: only a message that has not begun to leave comes back, with the time it was scheduled for (no longer, once taken back). */
  cancel(outboxId: number): { message: ComposedMessage | null; scheduledFor: number | null } {
    const entry = this.require(outboxId);
    // Read before the row goes with it.
    const composedJson = this.store.outbox.composedJsonOf(outboxId);
    if (!this.store.outbox.removeIfUnsent(outboxId)) {
      throw new WrenError('BadRequest', `Message ${outboxId} is ${entry.state} and can no longer be taken back.`, { outboxId, state: entry.state });
    }
    // It may be waiting its turn on the SMTP connection already: called off there before any of it goes.
    this.engine.takeBack(outboxId);
    this.changed(view(entry), true);
    return { message: composedJson ? ComposedMessage.parse(JSON.parse(composedJson)) : null, scheduledFor: scheduledTime(entry) };
  }

  retry(outboxId: number): OutboxEntryView {
    const entry = this.require(outboxId);
    // Conditional, like sendNow: never over a "sending" the outbox worker wrote since `entry` was read.
    if (!this.store.outbox.requeue(outboxId)) throw this.movedOn(outboxId, 'only a failed or queued message is sent again');
    void this.runner.kick(entry.accountId);
    return view(this.require(outboxId));
  }

  /**
   * Send now: a message held back (Send later, the undo delay, a retry's
   * backoff) leaves at once. Refused once it began to leave or has ended;
   * the row is changed in one conditional write, never over a "sending".
   */
  sendNow(outboxId: number): OutboxEntryView {
    const entry = this.require(outboxId);
    if (!this.store.outbox.makeDue(outboxId)) throw this.movedOn(outboxId, 'only a waiting or queued message can be sent now');
    const due = view(this.require(outboxId));
    this.changed(due, false);
    void this.runner.kick(entry.accountId);
    return due;
  }

  resolve(outboxId: number, action: 'sendAnyway' | 'discard'): { resolved: true } {
    const entry = this.require(outboxId);
    if (entry.state !== 'unknown') throw new WrenError('BadRequest', `Message ${outboxId} is ${entry.state}, not waiting for a decision.`, { outboxId });
    if (action === 'discard') {
      this.store.outbox.remove(outboxId);
      this.changed(view(entry), true);
    } else {
      this.store.outbox.setState(outboxId, 'queued', { nextAttemptAt: null });
      void this.runner.kick(entry.accountId);
    }
    return { resolved: true };
  }

  /** Sends whatever is due now in every account (`wren outbox flush`), and gives the outbox as it then stands. */
  async flush(): Promise<OutboxEntryView[]> {
    await this.runner.flush();
    return this.list();
  }

  /**
   * Until each entry is settled for now: sent with its Sent copy settled,
   * failed, unknown, or held (offline, later). An entry is looked at again as
   * soon as this process changes it (so `wren send` returns as the server
   * answers, not up to a poll later), and all of them every WAIT_POLL_MS.
   */
  async wait(outboxIds: number[]): Promise<OutboxEntryView[]> {
    const settled = new Map<number, OutboxEntryView>();
    const open = new Set(outboxIds);
    const changed = new Set<number>();
    let wake: (() => void) | null = null;
    const stopWatching = this.watchChanges((id) => {
      if (!open.has(id)) return;
      changed.add(id);
      wake?.();
    });
    try {
      let look = [...open];
      for (;;) {
        this.settleSome(look, open, settled);
        if (open.size === 0) return outboxIds.map((id) => settled.get(id)!);
        const polled = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), WAIT_POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = null;
        look = polled ? [...open] : [...changed].filter((id) => open.has(id));
        changed.clear();
      }
    } finally {
      stopWatching();
    }
  }

  /** Looks at `ids`: a settled one moves from `open` to `settled`; a gone one is NotFound. */
  private settleSome(ids: number[], open: Set<number>, settled: Map<number, OutboxEntryView>): void {
    const progress = new Map(this.store.outbox.progressOf(ids).map((row) => [row.id, row]));
    for (const id of ids) {
      const row = progress.get(id);
      if (!row) throw new WrenError('NotFound', `No outbox entry ${id}.`, { outboxId: id });
      if (!isSettled(row)) continue;
      settled.set(id, view(this.require(id)));
      open.delete(id);
    }
  }

  private queued(id: number, row: QueuedRow): OutboxEntryView {
    const entry = view(this.require(id));
    this.changed(entry, false);
    if (row.state === 'queued') void this.runner.kick(row.accountId);
    else this.runner.wakeBy(row.sendAt!);
    return entry;
  }

  private requireSmtpAccount(accountId: number) {
    const account = this.store.accounts.get(accountId);
    if (!account) throw new WrenError('NotFound', `No account ${accountId}.`, { accountId });
    if (!account.smtp) throw new WrenError('NoSmtpServer', `Account ${account.name} has no outgoing (SMTP) server.`, { accountId });
    return account;
  }

  private identity(accountId: number, identityId: number | null): SendingIdentity {
    this.identityQuery ??= this.store.db.prepare(
      `SELECT name, email, reply_to AS replyTo FROM identities WHERE account_id = ? AND (id = ? OR (? IS NULL AND is_default = 1))
       ORDER BY is_default DESC, id LIMIT 1`,
    );
    const row = this.identityQuery
      .get(accountId, identityId, identityId) as { name: string; email: string; replyTo: string | null } | undefined;
    if (!row) throw new WrenError('NotFound', `No identity ${identityId ?? '(default)'} for account ${accountId}.`, { accountId, identityId });
    return { name: row.name, address: row.email, replyTo: row.replyTo };
  }

  /** A request the row has moved past (it began to leave, or ended) since the user saw it. */
  private movedOn(outboxId: number, rule: string): WrenError {
    const state = this.store.outbox.get(outboxId)?.state ?? 'gone';
    return new WrenError('BadRequest', `Message ${outboxId} is ${state}; ${rule}.`, { outboxId, state });
  }

  private require(outboxId: number): OutboxRecord {
    const entry = this.store.outbox.get(outboxId);
    if (!entry) throw new WrenError('NotFound', `No outbox entry ${outboxId}.`, { outboxId });
    return entry;
  }
}

function queuedRow(accountId: number, about: { composedJson: string | null; subject: string; shown: string[] }, request: SendRequest): QueuedRow {
  const later = request.sendAt ?? (request.undoSeconds > 0 ? Date.now() + request.undoSeconds * 1000 : null);
  return { accountId, composedJson: about.composedJson, subject: about.subject, to: about.shown, state: later === null ? 'queued' : 'waiting', sendAt: later };
}

function isSettled(entry: OutboxProgress): boolean {
  if (entry.state === 'sent') return (entry.sentCopy !== 'pending' && entry.sentCopy !== 'appending') || entry.failed;
  if (entry.state === 'failed' || entry.state === 'unknown') return true;
  if (entry.state === 'queued') return entry.failed && entry.nextAttemptAt !== null;
  return entry.state === 'waiting' && (entry.sendAt ?? 0) > Date.now() + 60_000;
}

export function view(entry: OutboxEntryView): OutboxEntryView {
  const { id, accountId, messageId, subject, to, state, sendAt, attempts, nextAttemptAt, error, refused, createdAt, editable } = entry;
  return { id, accountId, messageId, subject, to, state, sendAt, attempts, nextAttemptAt, error, refused, createdAt, editable };
}
