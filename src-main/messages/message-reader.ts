import type { Readable } from 'node:stream';
import { WrenError, isOfflineFault, isUnreachable } from '../errors/wren-error';
import type { MessageView } from '../ipc/contract';
import { tagsOf } from '../ipc/contract-constants';
import type { ImapSessions } from '../imap/imap-sessions';
import { chooseDisplayParts, toAttachmentView } from '../mime/choose-display-parts';
import type { CachedBody } from '../store/bodies-repo';
import type { StoredBlob } from '../store/blob-store';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { fetchTrustedBody, fromFullSource } from './fetch-trusted-body';
import { bodyFromSource, fetchSource, intactSource } from './message-source';
import type { ParsedAttachment } from '../mime/parse-source';
import { parseSourceFileInWorker } from '../mime/parse-in-worker';
import { structureFromParsed } from '../mime/structure-from-parsed';
import { hasAttachments } from '../mime/body-structure';
import { optionalWriteStarted, tryOptionalWrite } from './optional-write';
import type { OperationsService } from '../journal/operations-service';
import type { ImapClient } from '../imap/imap-client';
import type { ImapLogin } from '../imap/imap-connection';
import { downloadRest } from './pop3-rest';
import { repairNamesOnOpen } from './lost-names-on-open';
import type { StructurePart } from '../mime/structure';
import { codedWarning } from '../errors/warning-codes';

/** The login of an account, for work outside the sync (a POP3 message's rest). */
export type LoginFor = (accountId: number) => ImapLogin | Promise<ImapLogin>;

/**
 * Opening a message: from the cache when it is there (offline too),
 * otherwise from the server, part by part; an unread message is then marked
 * read locally at once and on the server as soon as it can be reached.
 */
export class MessageReader {
  constructor(
    private readonly store: Store,
    private readonly sessions: ImapSessions,
    private readonly operations: OperationsService,
    private readonly loginFor: LoginFor | null = null,
    /** Told when the account's server could not be reached for a message (not a line cut under a download). */
    private readonly onUnreachable: ((accountId: number) => void) | null = null,
  ) {}

  requireMessage(id: number): MessageRecord {
    const record = this.store.messages.get(id);
    if (!record) throw new WrenError('NotFound', `There is no message ${id}.`, { messageId: id });
    return record;
  }

  async read(id: number, options: { markSeen?: boolean } = {}): Promise<MessageView> {
    const record = this.requireMessage(id);
    const stillPartial = await this.completePartial(record);
    const body = this.store.bodies.body(id) ?? (await this.loadBody(record));
    // The server push is not awaited (it may be unreachable); only a local write that failed is reported.
    const markSeen = !record.seen && options.markSeen !== false;
    const notSeen = markSeen ? await optionalWriteStarted(this.setFlags(record, { seen: true }), 'marking a message read') : null;
    const warnings = notSeen && !body.warnings.includes(notSeen) ? [...body.warnings, notSeen] : body.warnings;
    return { ...toView(this.requireMessage(id), { ...body, warnings: stillPartial ? [...warnings, stillPartial] : warnings }), ...(stillPartial && { partial: true, partialBytes: this.store.bodies.source(id)?.size ?? 0 }) };
  }

  /**
   * Its text read again as `charset`, whatever its labels say (the reading pane's Text Encoding, for a mailer that
   * labelled GBK as ISO-8859-1), and its raw 8-bit headers with it: parsed from the whole source in the parse worker,
   * downloaded first when not here (Offline when it cannot be). Shown only: neither kept nor marked read.
   */
  async readAs(id: number, charset: string): Promise<MessageView> {
    const source = await this.cachedSource(id);
    const parsed = await parseSourceFileInWorker(this.store.blobs.pathOf(source.blob), { charset });
    const view = toView(this.requireMessage(id), { text: parsed.text, html: parsed.html, warnings: parsed.warnings });
    return { ...view, subject: parsed.subject || view.subject, from: parsed.from.address ? parsed.from : view.from, to: parsed.to, cc: parsed.cc };
  }

  /**
   * A POP3 message stored with TOP only (over the size limit) is completed
   * when it is opened; offline it opens as it is, saying so. Returns that
   * notice while the message stays partial, else null.
   */
  private async completePartial(record: MessageRecord): Promise<string | null> {
    const held = this.store.pop3Uidls.ofMessage(record.id);
    if (!held?.partial) return null;
    const notice = codedWarning('PartialDownload');
    if (!this.loginFor) return notice;
    try {
      await downloadRest(this.store, await this.loginFor(held.accountId), record.id, held);
      return null;
    } catch (error) {
      if (isOfflineFault(error) || notNow(error)) return notice;
      // Deleted on the server meanwhile: the beginning is all there will be, and it still opens.
      if (error instanceof WrenError && error.code === 'NotFound' && error.details?.uidl === held.uidl) return codedWarning('PartialRestGone');
      throw error;
    }
  }

  /**
   * Stored locally with its journal entry (the UI updates at once); the sync
   * service sends it to the server when it can be reached.
   */
  async setFlags(record: MessageRecord, change: { seen?: boolean; flagged?: boolean }): Promise<void> {
    this.operations.setFlags(record.id, change);
  }

  /** The raw source, downloaded and cached on first ask. */
  async source(id: number): Promise<{ stream: Readable; size: number }> {
    const cached = await this.cachedSource(id);
    return { stream: this.store.blobs.read(cached.blob), size: cached.size };
  }

  /** The source's blob, downloaded first if it is not cached whole (a POP3 message stored with TOP only, too). */
  async cachedSource(id: number): Promise<StoredBlob> {
    const record = this.requireMessage(id);
    await this.wholePop3Source(record);
    return intactSource(this.store, record) ?? (await this.online(record, (client) => fetchSource(client, this.store, record)));
  }

  /**
   * The stored source of a partial POP3 message is its beginning only: moved to
   * a server, copied, exported or forwarded as it is, that beginning would
   * pass for the message. Its rest is downloaded first; unreachable, Offline.
   */
  private async wholePop3Source(record: MessageRecord): Promise<void> {
    const held = this.store.pop3Uidls.ofMessage(record.id);
    if (!held?.partial) return;
    try {
      if (!this.loginFor) throw new WrenError('Offline', 'No POP3 login here to download the rest.');
      await downloadRest(this.store, await this.loginFor(held.accountId), record.id, held);
    } catch (error) {
      // Working offline says so itself: the user's choice, not a server out of reach.
      if (!isOfflineFault(error) || (error as WrenError).code === 'WorkingOffline') throw error;
      throw new WrenError('Offline', 'Only the beginning of this message is downloaded and its POP3 server cannot be reached. It can be used once the account is back online.', { messageId: record.id, cause: (error as WrenError).code });
    }
  }

  private async loadBody(record: MessageRecord): Promise<CachedBody> {
    const source = intactSource(this.store, record);
    let body: CachedBody;
    let parsed: ParsedAttachment[] | null = null;
    let renamed: StructurePart | null = null;
    if (source) ({ attachments: parsed, ...body } = await bodyFromSource(this.store, source));
    else if (!record.structure || record.bodyState === 'full') {
      // No usable BODYSTRUCTURE (malformed message), or a cached source found damaged: (re)fetch and parse the whole source.
      const fetched = await this.online(record, (client) => fetchSource(client, this.store, record));
      ({ attachments: parsed, ...body } = await bodyFromSource(this.store, fetched));
    } else {
      const stored = record.structure;
      renamed = await this.online(record, (client) => repairNamesOnOpen(client, record, stored));
      const trusted = await this.online(record, (client) => fetchTrustedBody(client, record, stored));
      body = trusted ?? fromFullSource(await bodyFromSource(this.store, await this.online(record, (client) => fetchSource(client, this.store, record))));
    }
    // No server told its structure (POP3, imported, a local Sent copy): its attachments are known from the parse.
    const structure = !record.structure && parsed ? structureFromParsed(parsed) : renamed;
    const notCached = tryOptionalWrite(() => this.store.write(() => {
      this.store.bodies.saveBody(record.id, body);
      if (structure) this.store.messages.setStructure(record.id, structure, hasAttachments(structure));
      if (record.bodyState === 'none') this.store.messages.setBodyState(record.id, 'text');
    }));
    return notCached ? { ...body, warnings: [...body.warnings, notCached] } : body;
  }

  /** Runs IMAP work for this message's account, turning "cannot reach the server" into Offline. */
  imapFor(record: MessageRecord): <T>(work: (client: ImapClient) => Promise<T>) => Promise<T> {
    return (work) => this.online(record, work);
  }

  private async online<T>(record: MessageRecord, work: (client: ImapClient) => Promise<T>): Promise<T> {
    if (record.accountId === null) throw new WrenError('NotFound', 'This message has no copy on a server.');
    // Moved here (or back by an Undo) and not yet taken by the server: the replay gives it its UID, and the row's change the reading pane follows.
    if (record.uid === null) throw new WrenError('MessageInTransit', 'This message is on its way to its folder on the server; its text can be fetched once the server has it.', { messageId: record.id });
    try {
      return await this.sessions.use(record.accountId, 'read', work);
    } catch (error) {
      if (isUnreachable(error)) {
        const fault = unreachableWhileReading(record.id, error as WrenError);
        if (!fault.details?.cutOff) this.onUnreachable?.(record.accountId);
        throw fault;
      }
      throw error;
    }
  }
}

/**
 * A line that dropped or went silent under the download (the account's own connection may be fine) is
 * told apart by `cutOff`: the reading pane retries it itself, and does not promise "once back online"
 * for an account that never went offline. Nothing of the cut download was kept either way.
 */
function unreachableWhileReading(messageId: number, fault: WrenError): WrenError {
  if (CUT_OFF.has(fault.code)) {
    return new WrenError('Offline', 'The download of this message was cut off before it ended; nothing of it was kept. Opening it again downloads it anew.', { messageId, cause: fault.code, cutOff: true });
  }
  return new WrenError('Offline', 'This part of the message has not been downloaded yet and the server cannot be reached. It will open once the account is back online.', { messageId, cause: fault.code });
}

const CUT_OFF: ReadonlySet<string> = new Set(['ConnectionLost', 'ServerStalled']);

/**
 * A POP3 server that will not hand over the rest now: a check (ours, a phone's)
 * holds the maildrop ([IN-USE]), it is too soon after the last login
 * ([LOGIN-DELAY]), it has a passing fault ([SYS/TEMP]), or it answers
 * something that is not POP3. The beginning still opens; the rest comes with
 * a later open.
 */
const NOT_NOW: ReadonlySet<string> = new Set(['Pop3InUse', 'Pop3LoginDelay', 'ServerTemporary', 'ServerProtocolError']);

function notNow(error: unknown): boolean {
  return error instanceof WrenError && NOT_NOW.has(error.code);
}

function toView(record: MessageRecord, body: CachedBody): MessageView {
  const attachments = record.structure ? chooseDisplayParts(record.structure).attachments.map(toAttachmentView) : [];
  return {
    id: record.id, folderId: record.folderId, uid: record.uid, subject: record.subject, from: record.from, date: record.date,
    size: record.size, seen: record.seen, flagged: record.flagged, answered: record.answered, hasAttachments: record.hasAttachments,
    tags: tagsOf(record.flags), to: record.to, cc: record.cc, messageId: record.messageId, flags: record.flags,
    text: body.text, html: body.html, attachments, warnings: body.warnings,
  };
}
