import type { ErrorShape } from '../errors/error-codes';
import type { ComposeOrigin, OutboxEntryView, OutboxState, RefusedRecipient } from '../ipc/compose-shapes';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';

export interface OutboxEnvelope {
  from: string;
  to: string[];
}

export interface OutboxRecord extends OutboxEntryView {
  blob: string;
  size: number;
  envelope: OutboxEnvelope;
  sentCopy: SentCopyState | null;
  claimPid: number | null;
  claimToken: string | null;
}

export interface NewOutboxEntry {
  accountId: number;
  messageId: string;
  blob: string;
  size: number;
  envelope: OutboxEnvelope;
  composedJson: string | null;
  subject: string;
  to: string[];
  state: 'waiting' | 'queued';
  sendAt: number | null;
  /** The message itself when it is kept in the database (outbox_sources), not in its blob file. */
  content?: Buffer;
}

/** What is left to do once a composed message was sent: its original to mark, its draft to delete, its staged files. */
export interface SentFollowUp {
  origin: ComposeOrigin | null;
  draftMessageId: number | null;
  stagedIds: string[];
}

/** The fields that say whether a row's send is settled for now. */
export interface OutboxProgress {
  id: number;
  state: OutboxState;
  sentCopy: SentCopyState | null;
  /** An error is recorded (a failure, a retry pending, or a Sent copy that could not be filed yet). */
  failed: boolean;
  nextAttemptAt: number | null;
  sendAt: number | null;
}
export type SentCopyState = 'pending' | 'appending' | 'done' | 'skipped';

interface OutboxRow {
  id: number;
  account_id: number;
  message_id: string;
  blob: string;
  size: number;
  envelope_json: string;
  /** 1 when the composed message is kept (outbox_composed), to edit it again. */
  editable: number;
  subject: string;
  state: OutboxState;
  send_at: number | null;
  attempts: number;
  next_attempt_at: number | null;
  error_json: string | null;
  refused_json: string;
  sent_copy: OutboxRecord['sentCopy'];
  claim_pid: number | null;
  claim_token: string | null;
  created_at: number;
}

/**
 * A row's columns; the composed message (the whole text and HTML again) is
 * kept apart (migration 0026), as only editing and the after-send marks read it.
 */
const RECORD_COLUMNS = `id, account_id, message_id, blob, size, envelope_json,
  EXISTS (SELECT 1 FROM outbox_composed c WHERE c.outbox_id = outbox.id) AS editable, subject, state, send_at, attempts,
  next_attempt_at, error_json, refused_json, sent_copy, claim_pid, claim_token, created_at`;

/** Rows sent before the server's reply was kept hold the addresses alone. */
function refusedOf(json: string): RefusedRecipient[] {
  return (JSON.parse(json) as Array<string | RefusedRecipient>).map((refused) => (typeof refused === 'string' ? { address: refused, reply: '' } : refused));
}

function fromRow(row: OutboxRow): OutboxRecord {
  const envelope = JSON.parse(row.envelope_json) as OutboxEnvelope & { shown?: string[] };
  return {
    id: row.id,
    accountId: row.account_id,
    messageId: row.message_id,
    subject: row.subject,
    to: envelope.shown ?? envelope.to,
    state: row.state,
    sendAt: row.send_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    error: row.error_json ? (JSON.parse(row.error_json) as ErrorShape) : null,
    refused: refusedOf(row.refused_json),
    createdAt: row.created_at,
    editable: row.editable === 1,
    blob: row.blob,
    size: row.size,
    envelope: { from: envelope.from, to: envelope.to },
    sentCopy: row.sent_copy,
    claimPid: row.claim_pid,
    claimToken: row.claim_token,
  };
}

/** The outbox's rows (see migration 0009). Every state change is one statement, so a crash leaves a row in exactly one state. */
export class OutboxRepo {
  private readonly statements: PreparedStatements;

  constructor(private readonly db: Db) {
    this.statements = new PreparedStatements(db);
  }

  /** The row with its parts kept apart (the composed message, a small message's content), in one transaction. */
  insert(entry: NewOutboxEntry, now = Date.now()): number {
    return this.db.transaction(() => this.insertRow(entry, now))();
  }

  private insertRow(entry: NewOutboxEntry, now: number): number {
    const info = this.statements
      .get(
        `INSERT INTO outbox (account_id, message_id, blob, size, envelope_json, subject, state, send_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.accountId,
        entry.messageId,
        entry.blob,
        entry.size,
        JSON.stringify({ ...entry.envelope, shown: entry.to }),
        entry.subject,
        entry.state,
        entry.sendAt,
        now,
      );
    const id = Number(info.lastInsertRowid);
    if (entry.composedJson !== null) this.statements.get('INSERT INTO outbox_composed (outbox_id, composed_json) VALUES (?, ?)').run(id, entry.composedJson);
    if (entry.content) this.statements.get('INSERT INTO outbox_sources (outbox_id, content) VALUES (?, ?)').run(id, entry.content);
    return id;
  }

  /** The message of a row kept in the database; undefined when it is in its blob file. */
  source(id: number): Buffer | undefined {
    return this.statements.pluck('SELECT content FROM outbox_sources WHERE outbox_id = ?').get(id) as Buffer | undefined;
  }

  get(id: number): OutboxRecord | undefined {
    const row = this.statements.get(`SELECT ${RECORD_COLUMNS} FROM outbox WHERE id = ?`).get(id) as OutboxRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The composed message as the composer handed it (JSON), to edit it again; null for a raw message or a gone row. */
  composedJsonOf(id: number): string | null {
    return (this.statements.pluck('SELECT composed_json FROM outbox_composed WHERE outbox_id = ?').get(id) as string | null | undefined) ?? null;
  }

  /**
   * The few fields of the composed message a send leaves work for, picked out by SQLite: its text and
   * HTML (a large newsletter's can be megabytes) never cross into JavaScript on the core's thread for
   * them. Null for a raw message or a gone row.
   */
  sentFollowUpOf(id: number): SentFollowUp | null {
    const row = this.statements
      .get(
        `SELECT json_extract(composed_json, '$.origin') AS origin, json_extract(composed_json, '$.draftMessageId') AS draftMessageId,
           (SELECT json_group_array(json_extract(attachment.value, '$.stagedId')) FROM json_each(composed_json, '$.attachments') AS attachment) AS stagedIds
         FROM outbox_composed WHERE outbox_id = ? AND composed_json IS NOT NULL`,
      )
      .get(id) as { origin: string | null; draftMessageId: number | null; stagedIds: string } | undefined;
    if (!row) return null;
    return { origin: row.origin === null ? null : (JSON.parse(row.origin) as ComposeOrigin), draftMessageId: row.draftMessageId, stagedIds: JSON.parse(row.stagedIds) as string[] };
  }

  /** The row of an account's message by its Message-ID (unique per account), if it was committed. */
  idByMessageId(accountId: number, messageId: string): number | undefined {
    return this.statements.pluck('SELECT id FROM outbox WHERE account_id = ? AND message_id = ?').get(accountId, messageId) as number | undefined;
  }

  /** How far each row has come, without its payload (`outbox.wait` asks this of many rows, often). */
  progressOf(ids: number[]): OutboxProgress[] {
    const rows = this.statements
      .get(
        `SELECT id, state, sent_copy AS sentCopy, error_json IS NOT NULL AS failed, next_attempt_at AS nextAttemptAt, send_at AS sendAt
         FROM outbox WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as (Omit<OutboxProgress, 'failed'> & { failed: number })[];
    return rows.map((row) => ({ ...row, failed: row.failed === 1 }));
  }

  list(accountId?: number): OutboxRecord[] {
    const rows = accountId
      ? this.statements.get(`SELECT ${RECORD_COLUMNS} FROM outbox WHERE account_id = ? ORDER BY id`).all(accountId)
      : this.statements.get(`SELECT ${RECORD_COLUMNS} FROM outbox ORDER BY id`).all();
    return (rows as OutboxRow[]).map(fromRow);
  }

  /** Accounts with a row that may need work now (due, or left by a process that is gone). */
  accountsWithWork(): number[] {
    return this.statements
      .pluck(`SELECT DISTINCT account_id FROM outbox WHERE state IN ('waiting', 'queued', 'sending') OR sent_copy IN ('pending', 'appending')`)
      .all() as number[];
  }

  /**
   * Takes the rows of an account no living process holds, for this process.
   * `alive` says whether a claimant pid still runs; a claim by a dead process
   * (killed mid-send) is taken over. `afterId`: only rows newer than this
   * (those queued while a drain is under way).
   */
  claim(accountId: number, pid: number, token: string, alive: (pid: number) => boolean, afterId = 0): OutboxRecord[] {
    // Immediate: it reads then writes, and another connection (the outbox worker, another process) may write in between.
    const claim = this.db.transaction(() => {
      const rows = (this.statements
        // "+account_id": found through the state and sent_copy indexes (few rows), not all the account's sent ones.
        .get(`SELECT ${RECORD_COLUMNS} FROM outbox WHERE +account_id = ? AND id > ? AND (state IN ('waiting', 'queued', 'sending') OR sent_copy IN ('pending', 'appending')) ORDER BY id`)
        .all(accountId, afterId) as OutboxRow[]).map(fromRow);
      const mine: OutboxRecord[] = [];
      for (const row of rows) {
        const heldByOther = row.claimPid !== null && row.claimToken !== token && alive(row.claimPid);
        if (heldByOther) continue;
        this.statements.get('UPDATE outbox SET claim_pid = ?, claim_token = ? WHERE id = ?').run(pid, token, row.id);
        mine.push({ ...row, claimPid: pid, claimToken: token });
      }
      return mine;
    });
    return claim.immediate();
  }

  release(id: number, token: string): void {
    this.statements.get('UPDATE outbox SET claim_pid = NULL, claim_token = NULL WHERE id = ? AND claim_token = ?').run(id, token);
  }

  /** Gives up this claimant's rows in one transaction (a drain of a thousand rows is one write, not a thousand). */
  releaseAll(ids: number[], token: string): void {
    this.db.transaction(() => ids.forEach((id) => this.release(id, token))).immediate();
  }

  setState(id: number, state: OutboxState, fields: { error?: ErrorShape | null; nextAttemptAt?: number | null; attempts?: number } = {}): void {
    this.statements
      .get(
        `UPDATE outbox SET state = ?, error_json = ?, next_attempt_at = ?,
           attempts = COALESCE(?, attempts) WHERE id = ?`,
      )
      .run(state, fields.error ? JSON.stringify(fields.error) : null, fields.nextAttemptAt ?? null, fields.attempts ?? null, id);
  }

  /**
   * The "sending" mark, written before a byte of the message goes: false
   * when the row was taken back (Undo) or claimed by another process
   * meanwhile, and then not a byte may go out. `began`: written when the
   * message's turn has come on the connection (before its envelope); without
   * it, ahead of its turn (while the message before it is on the line), and
   * its turn is recorded by markBegan. `boot`: the machine's boot, see
   * requeueIfUnbegun.
   */
  beginSending(id: number, token: string, boot: string | null = null, began = true, now = Date.now()): boolean {
    return (
      this.statements
        .get(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, sending_boot = ?, began_at = ? WHERE id = ? AND claim_token = ? AND state IN ('waiting', 'queued')`)
        .run(boot, began ? now : null, id, token).changes === 1
    );
  }

  /** A row marked "sending" ahead of its turn: the turn has come, its envelope goes next. False when it moved on meanwhile. */
  markBegan(id: number, token: string, now = Date.now()): boolean {
    return this.statements.get(`UPDATE outbox SET began_at = ? WHERE id = ? AND claim_token = ? AND state = 'sending'`).run(now, id, token).changes === 1;
  }

  /**
   * Takes back a "sending" mark whose message provably never began to flow
   * (the server refused its envelope, or the line dropped before the DATA
   * reply): queued as it was, so the failure is settled as one that sent
   * nothing.
   */
  endSendingUnbegun(id: number, token: string): void {
    this.statements
      .get(`UPDATE outbox SET state = 'queued', attempts = attempts - 1, began_at = NULL, sending_boot = NULL WHERE id = ? AND claim_token = ? AND state = 'sending'`)
      .run(id, token);
  }

  /**
   * After a crash: a row marked "sending" ahead of its turn, whose turn never
   * came, is queued again, when the mark was written in this same boot of
   * the machine (`isThisBoot`). began_at is committed before the envelope
   * goes, and a commit survives the end of a process; only a power loss or an
   * OS crash could take it back, and those end the boot. Otherwise, or once
   * the turn came, the row stays "sending", for the Sent folder or the user to
   * settle. True when it was queued again.
   */
  requeueIfUnbegun(id: number, isThisBoot: (recorded: string) => boolean): boolean {
    const row = this.statements.get(`SELECT sending_boot AS boot FROM outbox WHERE id = ? AND state = 'sending' AND began_at IS NULL`).get(id) as { boot: string | null } | undefined;
    if (!row?.boot || !isThisBoot(row.boot)) return false;
    return (
      this.statements
        .get(`UPDATE outbox SET state = 'queued', attempts = attempts - 1, sending_boot = NULL WHERE id = ? AND state = 'sending' AND began_at IS NULL AND sending_boot = ?`)
        .run(id, row.boot).changes === 1
    );
  }

  /**
   * Send now: a row still held (Send later, the undo delay, a retry's
   * backoff) becomes due at once, in one statement, so it can never undo a
   * "sending" the outbox worker wrote meanwhile. False when the row is gone
   * or has moved on (began to leave, sent, failed).
   */
  makeDue(id: number): boolean {
    return this.moveToQueued(id, ['waiting', 'queued'], false);
  }

  /** Retry: a failed (or queued) row is queued again, due now, its error cleared; conditional like makeDue. */
  requeue(id: number): boolean {
    return this.moveToQueued(id, ['failed', 'queued'], true);
  }

  private moveToQueued(id: number, from: OutboxState[], clearError: boolean): boolean {
    return (
      this.statements
        .get(
          `UPDATE outbox SET state = 'queued', send_at = NULL, next_attempt_at = NULL, error_json = CASE WHEN ? THEN NULL ELSE error_json END
           WHERE id = ? AND state IN (SELECT value FROM json_each(?))`,
        )
        .run(clearError ? 1 : 0, id, JSON.stringify(from)).changes === 1
    );
  }

  /** The earliest time a waiting or queued row of any account but `busy` ones becomes due. */
  nextDue(busy: number[] = []): number | null {
    return (this.statements
      .pluck(
        `SELECT MIN(COALESCE(next_attempt_at, send_at, 0)) FROM outbox WHERE state IN ('waiting', 'queued')
         AND account_id NOT IN (SELECT value FROM json_each(?))`,
      )
      .get(JSON.stringify(busy)) as number | null) ?? null;
  }

  /** The server took the message: recorded with who was refused and whether a Sent copy is still to be filed. */
  markSent(id: number, refused: RefusedRecipient[], sentCopy: 'pending' | 'done' | 'skipped', now = Date.now()): void {
    this.statements
      .get(`UPDATE outbox SET state = 'sent', refused_json = ?, sent_copy = ?, error_json = NULL, next_attempt_at = NULL, sent_at = ? WHERE id = ?`)
      .run(JSON.stringify(refused), sentCopy, now, id);
  }

  setSentCopy(id: number, sentCopy: SentCopyState): void {
    this.statements.get('UPDATE outbox SET sent_copy = ?, error_json = NULL WHERE id = ?').run(sentCopy, id);
  }

  /** Why the Sent copy of a sent message could not be filed yet (it is tried again later). */
  noteSentCopyError(id: number, error: ErrorShape): void {
    this.statements.get('UPDATE outbox SET error_json = ? WHERE id = ?').run(JSON.stringify(error), id);
  }

  /**
   * Only a row that has not begun to leave can be taken back: waiting,
   * queued, or marked "sending" ahead of a turn that has not come (the
   * sending worker's markBegan then finds it gone, and sends nothing).
   */
  removeIfUnsent(id: number): boolean {
    return (
      this.statements
        .get(`DELETE FROM outbox WHERE id = ? AND (state IN ('waiting', 'queued', 'failed', 'unknown') OR (state = 'sending' AND began_at IS NULL AND sending_boot IS NOT NULL))`)
        .run(id).changes === 1
    );
  }

  remove(id: number): void {
    this.statements.get('DELETE FROM outbox WHERE id = ?').run(id);
  }

  /** Sent rows whose Sent copy is settled, older than `before`: their work is over. */
  pruneSent(before: number): number {
    return this.statements.get(`DELETE FROM outbox WHERE state = 'sent' AND sent_copy IN ('done', 'skipped') AND sent_at < ?`).run(before).changes;
  }

  /**
   * The accounts whose Sent copy an older Wren turned off here (outbox_settings);
   * the setting now lives in settings.json (`saveSentCopy`), where these are carried once.
   */
  /** Accounts an older Wren kept the Sent copy off for, in the store (settings.json holds it now). */
  legacySentCopyOff(): number[] {
    return this.statements.pluck(`SELECT account_id FROM outbox_settings WHERE sent_copy <> 'auto'`).all() as number[];
  }

  /** Once settings.json holds what legacySentCopyOff gave. */
  forgetLegacySentCopy(): void {
    this.statements.get('DELETE FROM outbox_settings').run();
  }
}
