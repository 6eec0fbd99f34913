import { WrenError } from '../errors/wren-error';
import type { Events, JunkRunResult, JunkStatus, MailOperation } from '../ipc/contract';
import { chooseDisplayParts } from '../mime/choose-display-parts';
import { plainBody, type BodyText } from '../search/search-document';
import type { JunkFilterMode } from '../settings/settings-schema';
import type { TokenCounts, TrainedMessage } from '../store/junk-corpus-repo';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { JUNK_THRESHOLD, junkScore } from './junk-score';
import { junkTokens } from './junk-tokens';

/** How the filter changes mail: through the operations journal, as the user's own actions. */
export type ApplyOperation = (operation: MailOperation) => Promise<unknown>;
/** A message's body, downloaded first when it is not stored yet (null: not to be had now). */
export type LoadBody = (messageId: number) => Promise<BodyText | null>;

/** New mail whose body is downloaded to be scored, per announcement: past this, what is stored decides (a first check after weeks away). */
const MAX_BODIES_LOADED = 50;
/** Marks whose training an undo can still take back: the window offers the undo of its last action only. */
const MAX_UNDOABLE = 20;
/** How long scoring runs before the event loop gets a turn. */
const SLICE_MS = 8;

/** What a user's junk marks changed in the training, to put back if the mark is undone. */
export type LearnedMarks = { key: string; before: TrainedMessage | null }[];

interface Verdicts {
  junk: number[];
  examined: number;
}

/**
 * The adaptive junk filter, as Thunderbird's: it learns from the user's own Junk and Not Junk marks (never
 * from its own verdicts), and scores new mail in an Inbox once it has seen both kinds. Mail it finds junk
 * is marked $Junk (the keyword other clients read), and moved to the Junk folder when the user chose so;
 * either way it is not announced as new mail. A sender the user saved in the Address Book is never junk.
 */
export class JunkFilter {
  private readonly undoable = new Map<number, LearnedMarks>();

  constructor(
    private readonly store: Store,
    private readonly apply: ApplyOperation,
    private readonly loadBody: LoadBody,
    private readonly mode: () => JunkFilterMode,
  ) {}

  status(): JunkStatus {
    const totals = this.store.junkCorpus.totals();
    return { ...totals, tokens: this.store.junkCorpus.tokenCount(), ready: isTrained(totals) };
  }

  reset(): JunkStatus {
    this.store.write(() => this.store.junkCorpus.reset());
    this.undoable.clear();
    return this.status();
  }

  /**
   * The user marked messages junk or not junk: each is trained (once, whatever how often it is marked) from
   * what is stored of it now, before the mark moves it. Answers what to put back if the mark is undone.
   */
  learn(messageIds: readonly number[], junk: boolean): LearnedMarks {
    const verdict = junk ? 'junk' : 'good';
    const records = messageIds.map((id) => this.store.messages.get(id)).filter((record) => record !== undefined);
    const tokens = records.map((record) => ({ key: keyOf(record), tokens: tokensOf(record, this.store.bodies.body(record.id) ?? null) }));
    return this.store.write(() => tokens.map(({ key, tokens }) => ({ key, before: this.store.junkCorpus.train(key, { verdict, tokens }) })));
  }

  /**
   * A trained message opened later, its body now stored: trained again from all of it, under the same verdict
   * (a message marked from the list before it was ever opened was learnt from its headers). One lookup by its
   * Message-ID for a message never trained; a failure costs the training, never the reading.
   */
  relearn(messageId: number): void {
    try {
      const record = this.store.messages.get(messageId);
      const trained = record ? this.store.junkCorpus.trained(keyOf(record)) : null;
      if (!record || !trained) return;
      const tokens = tokensOf(record, this.store.bodies.body(messageId) ?? null);
      if (tokens.length <= trained.tokens.length) return;
      this.store.write(() => this.store.junkCorpus.train(keyOf(record), { verdict: trained.verdict, tokens }));
    } catch (error) {
      console.error('[wren] the junk filter could not learn from an opened message:', error);
    }
  }

  /** Keeps a mark's training change for as long as its operation can be undone (the toast's few seconds, in practice). */
  rememberForUndo(operationId: number, learned: LearnedMarks): void {
    this.undoable.set(operationId, learned);
    // Only the latest few matter: the window offers the undo of its last action. A Map keeps insertion order.
    const oldest = this.undoable.keys().next().value;
    if (this.undoable.size > MAX_UNDOABLE && oldest !== undefined) this.undoable.delete(oldest);
  }

  /** An undone mark takes its training back: the messages are as they were trained before it, or untrained. */
  undo(operationId: number): void {
    const learned = this.undoable.get(operationId);
    if (!learned) return;
    this.undoable.delete(operationId);
    this.store.write(() => {
      for (const { key, before } of learned) {
        if (before) this.store.junkCorpus.train(key, before);
        else this.store.junkCorpus.untrain(key);
      }
    });
  }

  /**
   * New mail a sync announces (after the message filters): in an Inbox, once trained, what scores as junk is
   * marked (and moved, if so chosen) and left out of the announcement. A failure is logged and the mail is
   * announced whole: a filter must never lose a notification for mail that is really there.
   */
  async screen(event: Events['mail.new']): Promise<Events['mail.new'] | null> {
    try {
      if (this.mode() === 'off' || !isTrained(this.store.junkCorpus.totals())) return event;
      if (this.store.folders.get(event.folderId)?.role !== 'inbox') return event;
      const { junk } = await this.score(event.ids, MAX_BODIES_LOADED);
      if (junk.length === 0) return event;
      await this.markJunk(junk, event.folderId);
      const caught = new Set(junk);
      const ids = event.ids.filter((id) => !caught.has(id));
      return ids.length === 0 ? null : { ...event, ids, messages: event.messages.filter((message) => !caught.has(message.id)) };
    } catch (error) {
      console.error('[wren] the junk filter failed on new mail:', error);
      return event;
    }
  }

  /** Thunderbird's "Run Junk Mail Controls on Folder": scores every message there not marked by the user, from what is stored. */
  async runOnFolder(folderId: number): Promise<JunkRunResult> {
    if (!this.store.folders.get(folderId)) throw new WrenError('NotFound', `There is no folder ${folderId}.`, { folderId });
    if (!isTrained(this.store.junkCorpus.totals())) return { examined: 0, junk: 0 };
    const { junk, examined } = await this.score(this.store.messages.idsIn(folderId), 0);
    if (junk.length > 0) await this.markJunk(junk, folderId);
    return { examined, junk: junk.length };
  }

  /**
   * Scores messages the user has not judged ($Junk or $NotJunk already) and whose sender is not a saved contact.
   * On the core's thread, so in slices of a few ms: "Run Junk Mail Controls" over an Inbox of 50,000 must not
   * freeze the window.
   */
  private async score(messageIds: readonly number[], bodiesToLoad: number): Promise<Verdicts> {
    const verdicts: Verdicts = { junk: [], examined: 0 };
    const totals = this.store.junkCorpus.totals();
    let loaded = 0;
    let sliceStart = performance.now();
    for (const id of messageIds) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const record = this.store.messages.get(id);
      if (!record || isJudged(record) || this.store.addressBook.isSaved(record.from.address)) continue;
      let body: BodyText | null = this.store.bodies.body(id) ?? null;
      if (!body && loaded < bodiesToLoad) {
        loaded++;
        body = await this.loadBody(id).catch(() => null);
      }
      const tokens = tokensOf(record, body);
      verdicts.examined++;
      if (junkScore(tokens, this.store.junkCorpus.countsOf(tokens), totals).score >= JUNK_THRESHOLD) verdicts.junk.push(id);
    }
    return verdicts;
  }

  /** The keyword always; the move too when the user chose it (the same operation as the Junk button, so it goes where that goes). */
  private async markJunk(messageIds: number[], folderId: number): Promise<void> {
    const moving = this.mode() === 'move' && this.store.folders.get(folderId)?.role !== 'junk';
    await this.apply(moving ? { kind: 'junk', messageIds, junk: true } : { kind: 'flags', messageIds, add: ['$Junk'], remove: [] });
  }
}

/** Scoring needs both kinds: with one alone every known token would point the same way. */
function isTrained(totals: TokenCounts): boolean {
  return totals.junk > 0 && totals.good > 0;
}

/** A message is trained under its Message-ID, which it keeps when moved, copied or seen on another device. */
function keyOf(record: MessageRecord): string {
  return record.messageId ? `mid:${record.messageId}` : `local:${record.id}`;
}

/** The keywords of a verdict already given, here or by another client (Thunderbird's older Junk and NonJunk too). */
const JUDGED = new Set(['$junk', '$notjunk', 'junk', 'nonjunk']);

function isJudged(record: MessageRecord): boolean {
  return record.flags.some((flag) => JUDGED.has(flag.toLowerCase()));
}

function tokensOf(record: MessageRecord, body: BodyText | null): string[] {
  const attachments = record.structure ? chooseDisplayParts(record.structure).attachments : [];
  return junkTokens({
    subject: record.subject,
    from: record.from,
    to: [...record.to, ...record.cc],
    text: plainBody(body),
    html: body?.html ?? null,
    attachmentTypes: attachments.map((part) => part.type),
  });
}
