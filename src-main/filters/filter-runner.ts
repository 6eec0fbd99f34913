import { toErrorShape } from '../errors/wren-error';
import type { FilterRunResult, ForwardAs, MessageFilter, SendOutcome, SendResult } from '../ipc/filter-shapes';
import { filterLogEntries, type OperationOf } from './filter-log-entries';
import type { MailOperation, MessageFlag } from '../ipc/mail-shapes';
import type { FilterSendingKind } from '../store/filter-sendings-repo';
import type { FilteredRow } from '../store/filters-repo';
import type { Store } from '../store/store';
import { contentNeeds, filterVerdict, type MessageContent } from './match-filter';

/** Messages read and decided at a time. */
const BATCH = 500;

/**
 * How the runner changes mail: through the operations journal, as the user's own actions (local first, replayed to
 * the server); the journal entry's id, for the Filter Log to learn of the server's refusal.
 */
export type ApplyOperation = (operation: MailOperation) => Promise<{ operationId: number } | void>;

/** When filters run: on new mail in an Inbox, on a Sent copy after sending, over the Inbox every few minutes, or asked ("Run now"). */
export type FilterMoment = 'newMail' | 'afterSending' | 'periodically' | 'byHand';

/**
 * How filters send mail (see FilterSending): a redirect (the message as it is) or a forward (a new message), to an
 * address, or a reply with a template; 'skipped' when it must not be (it would go round in a loop).
 */
export interface SendOn {
  redirect(messageId: number, to: string): Promise<'sent' | 'skipped'>;
  forward(messageId: number, to: string, as: ForwardAs): Promise<'sent' | 'skipped'>;
  /** Answers the message with a template; 'skipped' for mail no automatic reply should answer (lists, other robots, oneself). */
  reply(messageId: number, templateId: number): Promise<'sent' | 'skipped'>;
}

/** Reads what header and body conditions look at (see FilterContentReader); null where it cannot be read. */
export interface ContentSource {
  headers(messageId: number): Promise<MessageContent['headers']>;
  body(messageId: number): Promise<MessageContent['body']>;
}

/**
 * What the filters decided for one message: addresses to redirect or forward it to, flags to add, folders to copy
 * it to, and where it goes (a folder, or Trash); which filters matched it, and how its sendings went (the Filter Log).
 */
export interface Decision {
  message: FilteredRow;
  /** The filters that matched it, in their order. */
  matchedBy: MessageFilter[];
  /** How each redirect, forward and the reply went, by `redirect ADDRESS`, `forward ADDRESS`, `reply`. */
  outcomes: Map<string, SendResult>;
  redirectTo: Set<string>;
  /** By address, how (the first filter forwarding to an address says how). */
  forwardTo: Map<string, ForwardAs>;
  /** The template to answer with (the first filter's: one reply per message). */
  replyWith: number | null;
  add: Set<MessageFlag>;
  copyTo: Set<number>;
  moveTo: number | null;
  delete: boolean;
}

/**
 * Runs an account's filters over messages, in the filters' order, as Thunderbird does: every matching filter
 * adds its redirects, forwards, flags and copies (and the first template reply); the first that moves or deletes the
 * message ends its filtering. The redirects, forwards and replies go first, through the outbox; the changes then go through the operations journal in as few
 * operations as the decisions allow (one per set of flags, one per target), the flags first (the copies and
 * the move carry them), then the copies, then the moves.
 */
export class FilterRunner {
  constructor(
    private readonly store: Store,
    private readonly apply: ApplyOperation,
    private readonly sendOn: SendOn | null = null,
    private readonly content: ContentSource | null = null,
  ) {}

  /**
   * Runs the account's enabled filters that run at `moment` (or only `only`, enabled or not: "Run now") over the
   * messages. By hand, every enabled filter runs, whenever it runs by itself.
   */
  async run(accountId: number, messageIds: readonly number[], moment: FilterMoment, only?: MessageFilter): Promise<FilterRunResult> {
    const filters = only ? [only] : this.store.filters.list(accountId).filter((filter) => runsAt(filter, moment));
    const result: FilterRunResult = {
      matched: 0, moved: 0, copied: 0, redirected: 0, redirectsFailed: 0, forwarded: 0, forwardsFailed: 0, replied: 0, repliesFailed: 0, missingFolders: [], unreadable: 0,
    };
    if (filters.length === 0) return result;
    const usable = this.usableFilters(filters, accountId, result);
    const decisions = new Map<number, Decision>();
    const now = Date.now();
    // "Run now" over an Inbox of 50,000: read and decide a batch at a time, letting the event loop turn between.
    for (let start = 0; start < messageIds.length; start += BATCH) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const message of this.store.filters.messagesToFilter(messageIds.slice(start, start + BATCH))) {
        if (message.accountId !== accountId) continue;
        const decision = await this.decide(usable, message, now, result);
        if (decision) decisions.set(message.id, decision);
      }
    }
    result.matched = decisions.size;
    // Sent on first, while each message is still where it arrived (its source is read from there).
    await this.sendAllOn(decisions, result);
    const carried = new Map<string, number>();
    for (const { operation, changes } of operationsFor(decisions)) {
      const receipt = await this.apply(operation);
      if (receipt) for (const change of changes) carried.set(change, receipt.operationId);
    }
    this.log(accountId, now, decisions, (messageId, change) => carried.get(`${messageId} ${change}`) ?? null);
    result.moved = [...decisions.values()].filter((decision) => decision.delete || decision.moveTo !== null).length;
    result.copied = [...decisions.values()].reduce((sum, decision) => sum + decision.copyTo.size, 0);
    return result;
  }

  private async sendAllOn(decisions: Map<number, Decision>, result: FilterRunResult): Promise<void> {
    for (const [id, decision] of decisions) {
      const note = (key: string, sent: SendResult) => (decision.outcomes.set(key, sent), sent.outcome);
      for (const address of decision.redirectTo) {
        const outcome = await this.sendOnce(decision.message, 'redirect', address, (sendOn) => sendOn.redirect(id, address));
        tally(result, 'redirected', 'redirectsFailed', note(`redirect ${address}`, outcome));
      }
      for (const [address, as] of decision.forwardTo) {
        const outcome = await this.sendOnce(decision.message, 'forward', address, (sendOn) => sendOn.forward(id, address, as));
        tally(result, 'forwarded', 'forwardsFailed', note(`forward ${address}`, outcome));
      }
      const template = decision.replyWith;
      if (template !== null) {
        tally(result, 'replied', 'repliesFailed', note('reply', await this.sendOnce(decision.message, 'reply', '', (sendOn) => sendOn.reply(id, template))));
      }
    }
  }

  /** Writes what the filters did to the account's Filter Log; a failure there (a full disk) is logged, the filtering stands. */
  private log(accountId: number, at: number, decisions: Map<number, Decision>, operationOf: OperationOf): void {
    try {
      const entries = filterLogEntries([...decisions.values()], {
        folderOf: (folderId) => this.store.folders.get(folderId),
        subjectOf: (id) => this.store.messages.get(id)?.subject,
        operationOf,
      });
      this.store.write(() => this.store.filterLog.add(accountId, at, entries));
    } catch (error) {
      console.error('[wren] the filter log could not be written:', error);
    }
  }

  /**
   * One redirect, forward or reply (`target` the address; none for a reply, one per message), never twice for the
   * same message and address (a periodic run, a second "Run now"); a failure is logged and said as 'failed' with why,
   * the filters' other actions still done.
   */
  private async sendOnce(message: FilteredRow, kind: FilterSendingKind, target: string, send: (sendOn: SendOn) => Promise<'sent' | 'skipped'>): Promise<SendResult> {
    const { accountId, messageId } = message;
    if (messageId !== null && accountId !== null && this.store.filterSendings.has(accountId, messageId, kind, target)) return { outcome: 'sentBefore' };
    try {
      if (!this.sendOn) throw new Error('no way to send mail here');
      const outcome = await send(this.sendOn);
      if (outcome === 'sent' && messageId !== null && accountId !== null) this.store.write(() => this.store.filterSendings.add(accountId, messageId, kind, target, Date.now()));
      return { outcome };
    } catch (error) {
      console.error(`[wren] a filter could not ${kind} message ${message.id}${target ? ` to ${target}` : ''}:`, error);
      return { outcome: 'failed', error: toErrorShape(error) };
    }
  }

  /**
   * What the filters do to one message: every matching filter adds its actions, until one moves or deletes it.
   * A message's header fields or body are read only when a filter's answer hangs on them, once for all its filters.
   */
  private async decide(filters: MessageFilter[], message: FilteredRow, now: number, result: FilterRunResult): Promise<Decision | null> {
    let decision: Decision | null = null;
    const content: MessageContent = {};
    let unreadable = false;
    for (const filter of filters) {
      let verdict = filterVerdict(filter, message, now, content);
      if (verdict === null) {
        unreadable = (await this.read(message.id, filter, content)) || unreadable;
        verdict = filterVerdict(filter, message, now, content);
      }
      if (!verdict) continue;
      decision ??= {
        message, matchedBy: [], outcomes: new Map(), redirectTo: new Set(), forwardTo: new Map(), replyWith: null, add: new Set(), copyTo: new Set(), moveTo: null, delete: false,
      };
      decision.matchedBy.push(filter);
      if (addActions(decision, filter, message)) break;
    }
    if (unreadable) result.unreadable += 1;
    return decision;
  }

  /** Reads into `content` what the filter asks for and is not read yet; true when some of it could not be read. */
  private async read(messageId: number, filter: MessageFilter, content: MessageContent): Promise<boolean> {
    const needs = contentNeeds(filter);
    if (needs.headers && content.headers === undefined) content.headers = this.content ? await this.content.headers(messageId) : null;
    if (needs.body && content.body === undefined) content.body = this.content ? await this.content.body(messageId) : null;
    return (needs.headers && content.headers === null) || (needs.body && content.body === null);
  }

  /**
   * A filter whose folder (of a move or a copy) is gone (deleted elsewhere, or before deletes turned filters off)
   * does nothing at all: marking mail read while leaving it in the Inbox would hide it. It is turned off, as a folder
   * delete here turns it off, and reported; the user points it elsewhere and turns it on again.
   */
  private usableFilters(filters: MessageFilter[], accountId: number, result: FilterRunResult): MessageFilter[] {
    const usable = (target: number | null) => {
      const folder = target === null ? undefined : this.store.folders.get(target);
      return target === null || (folder !== undefined && isTargetOf(folder.accountId, accountId));
    };
    const whole = (filter: MessageFilter) => usable(filter.actions.moveTo) && usable(filter.actions.copyTo);
    const broken = filters.filter((filter) => !whole(filter)).map((filter) => filter.id);
    if (broken.length > 0) {
      result.missingFolders.push(...broken);
      this.store.write(() => this.store.filters.setEnabled(broken, false));
    }
    return filters.filter(whole);
  }
}

/** Whether the filter runs at that moment: switched on, and (but by hand) set to run then. */
export function runsAt(filter: MessageFilter, moment: FilterMoment): boolean {
  return filter.enabled && (moment === 'byHand' || filter.runOn[moment]);
}

/** Where a filter of `accountId` may move mail: its own account's folders, or the local folders (no account). */
export function isTargetOf(folderAccountId: number | null, accountId: number): boolean {
  return folderAccountId === null || folderAccountId === accountId;
}

/** Counts what one sending did: sent, or failed (a skipped one is neither). */
function tally(result: FilterRunResult, sent: 'redirected' | 'forwarded' | 'replied', failed: 'redirectsFailed' | 'forwardsFailed' | 'repliesFailed', outcome: SendOutcome): void {
  if (outcome === 'sent') result[sent] += 1;
  else if (outcome === 'failed') result[failed] += 1;
}

/** Adds a matching filter's actions to the message's decision; true when it moves or deletes it, which ends its filtering. */
function addActions(decision: Decision, filter: MessageFilter, message: FilteredRow): boolean {
  const { actions } = filter;
  if (actions.redirectTo !== null) decision.redirectTo.add(actions.redirectTo);
  if (actions.forwardTo !== null && !decision.forwardTo.has(actions.forwardTo)) decision.forwardTo.set(actions.forwardTo, actions.forwardAs);
  decision.replyWith ??= actions.replyTemplate;
  if (actions.copyTo !== null && actions.copyTo !== message.folderId) decision.copyTo.add(actions.copyTo);
  // What the message has already is no change (a periodic run meets the same messages again).
  if (actions.markRead && !message.seen) decision.add.add('\\Seen');
  if (actions.flag && !message.flagged) decision.add.add('\\Flagged');
  if (actions.tag && !message.keywords.includes(actions.tag)) decision.add.add(actions.tag);
  if (actions.delete) decision.delete = true;
  else if (actions.moveTo !== null && actions.moveTo !== message.folderId) decision.moveTo = actions.moveTo;
  return decision.delete || decision.moveTo !== null;
}

/** An operation to apply, and the changes it carries (`MESSAGE CHANGE`, CHANGE as OperationOf names it). */
interface PlannedOperation {
  operation: MailOperation;
  changes: string[];
}

/** Flags first (they travel with a message copied or moved), then the copies, then the moves and deletes, grouped by what they do. */
function operationsFor(decisions: Map<number, Decision>): PlannedOperation[] {
  const flagGroups = new Map<string, number[]>();
  const copyGroups = new Map<number, number[]>();
  const moveGroups = new Map<number, number[]>();
  const deleted: number[] = [];
  for (const [id, decision] of decisions) {
    if (decision.add.size > 0) push(flagGroups, [...decision.add].sort().join(' '), id);
    for (const folderId of decision.copyTo) push(copyGroups, folderId, id);
    if (decision.delete) deleted.push(id);
    else if (decision.moveTo !== null) push(moveGroups, decision.moveTo, id);
  }
  const planned = (operation: MailOperation, change: string): PlannedOperation => ({ operation, changes: operation.messageIds.map((id) => `${id} ${change}`) });
  return [
    ...[...flagGroups].map(([flags, messageIds]) => planned({ kind: 'flags', messageIds, add: flags.split(' ') as MessageFlag[], remove: [] }, 'flags')),
    ...[...copyGroups].map(([folderId, messageIds]) => planned({ kind: 'copy', messageIds, folderId }, `copy ${folderId}`)),
    ...[...moveGroups].map(([folderId, messageIds]) => planned({ kind: 'move', messageIds, folderId }, `move ${folderId}`)),
    ...(deleted.length > 0 ? [planned({ kind: 'delete', messageIds: deleted, permanent: false }, 'delete')] : []),
  ];
}

function push<K>(groups: Map<K, number[]>, key: K, id: number): void {
  const group = groups.get(key);
  if (group) group.push(id);
  else groups.set(key, [id]);
}
