import type { ErrorShape } from '../errors/error-codes';
import { WrenError } from '../errors/wren-error';
import { FilterInput, type FilterLogEntry, type FilterRunResult, type MessageFilter } from '../ipc/filter-shapes';
import type { Store } from '../store/store';
import { isTemplate } from '../compose/templates';
import type { Events } from '../ipc/contract';
import { AfterSendingFilters } from './after-sending-filters';
import { FilterRunner, isTargetOf, type ApplyOperation, type ContentSource, type SendOn } from './filter-runner';

/**
 * The user's message filters: kept per account, run on new mail as it lands in an Inbox (what a sync
 * announces, for IMAP and POP3 alike, so only mail not read elsewhere yet), and run on a folder on demand.
 * What they do goes through the operations journal like the user's own actions.
 */
export class MessageFilters {
  private readonly runner: FilterRunner;
  /** The filters that run on the Sent copy of what was sent. */
  readonly afterSending: AfterSendingFilters;

  constructor(
    private readonly store: Store, apply: ApplyOperation, sendOn: SendOn | null = null, content: ContentSource | null = null,
    /** Told of filters turned off on new mail (their folder gone), which no one asked to run and so no reply reports. */
    private readonly onTurnedOff: (event: Events['filters.turnedOff']) => void = () => {},
  ) {
    this.runner = new FilterRunner(store, apply, sendOn, content);
    this.afterSending = new AfterSendingFilters(store, (accountId, messageIds) => this.runner.run(accountId, messageIds, 'afterSending'));
  }

  /**
   * New mail a sync announces, before anyone hears of it: in an Inbox the filters run first, and what they
   * moved or deleted is left out of the announcement (no notification for mail filed away or thrown out).
   * A failure (the database, say) is logged, and the mail stays where it is and is announced whole.
   */
  async screen(event: Events['mail.new']): Promise<Events['mail.new'] | null> {
    try {
      return await this.filterArrivals(event);
    } catch (error) {
      console.error('[wren] message filters failed on new mail:', error);
      return event;
    }
  }

  private async filterArrivals(event: Events['mail.new']): Promise<Events['mail.new'] | null> {
    if (this.store.folders.get(event.folderId)?.role !== 'inbox') return event;
    const { moved, missingFolders } = await this.runner.run(event.accountId, event.ids, 'newMail');
    if (missingFolders.length > 0) this.announceTurnedOff(event.accountId, missingFolders);
    if (moved === 0) return event;
    const stayed = new Set(this.store.filters.messagesToFilter(event.ids).filter((message) => message.folderId === event.folderId).map((message) => message.id));
    const ids = event.ids.filter((id) => stayed.has(id));
    return ids.length === 0 ? null : { ...event, ids, messages: event.messages.filter((message) => stayed.has(message.id)) };
  }

  private announceTurnedOff(accountId: number, filterIds: number[]): void {
    const filters = filterIds.flatMap((id) => {
      const filter = this.store.filters.get(id);
      return filter ? [{ id, name: filter.name }] : [];
    });
    if (filters.length > 0) this.onTurnedOff({ accountId, filters });
  }

  list(accountId: number): MessageFilter[] {
    return this.store.filters.list(accountId);
  }

  /**
   * Adds a filter (no id) or replaces a saved one. It moves and copies mail within its account or into the local
   * folders (where a POP3 user keeps mail), never into another account, and replies with a template only.
   */
  save(input: FilterInput): MessageFilter {
    const filter = FilterInput.parse(input);
    for (const folderId of [filter.actions.moveTo, filter.actions.copyTo]) {
      const target = folderId === null ? null : this.store.folders.get(folderId);
      if (folderId !== null && !(target && isTargetOf(target.accountId, filter.accountId))) {
        throw new WrenError('BadRequest', 'A filter moves or copies mail to a folder of its own account or to a local folder.', { folderId });
      }
    }
    const template = filter.actions.replyTemplate === null ? null : this.store.messages.get(filter.actions.replyTemplate);
    if (template === undefined || (template && !isTemplate(this.store, template.folderId))) {
      throw new WrenError('BadRequest', 'A filter replies with a template: a message in Local Folders ▸ Templates or in an account\'s Templates folder.', { messageId: filter.actions.replyTemplate });
    }
    const id = this.store.write(() => {
      if (filter.id === undefined) return this.store.filters.insert(filter);
      if (this.store.filters.get(filter.id)?.accountId !== filter.accountId) throw notFound(filter.id);
      this.store.filters.update({ ...filter, id: filter.id });
      return filter.id;
    });
    return this.store.filters.get(id)!;
  }

  /** Moves a filter one place earlier (it runs before the one above it) or later. */
  move(filterId: number, direction: 'up' | 'down'): MessageFilter[] {
    const filter = this.store.filters.get(filterId);
    if (!filter) throw notFound(filterId);
    return this.store.write(() => {
      const ids = this.store.filters.list(filter.accountId).map((f) => f.id);
      const at = ids.indexOf(filterId);
      const to = direction === 'up' ? at - 1 : at + 1;
      if (to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to]!, ids[at]!];
      this.store.filters.reorder(filter.accountId, ids);
      return this.store.filters.list(filter.accountId);
    });
  }

  remove(filterId: number): { removed: true } {
    if (!this.store.write(() => this.store.filters.remove(filterId))) throw notFound(filterId);
    return { removed: true };
  }

  /** The account's Filter Log, newest first. */
  log(accountId: number, limit: number): FilterLogEntry[] {
    return this.store.filterLog.list(accountId, limit);
  }

  /**
   * The server refused a journaled operation (operation.failed): what a filter did through it is marked refused in
   * the log, its local effect being undone by then. A failure here is logged; the log then says less than it could.
   */
  noteRefused(operationId: number, error: ErrorShape): void {
    try {
      this.store.write(() => this.store.filterLog.refuse(operationId, error));
    } catch (failure) {
      console.error('[wren] the filter log could not note a refused operation:', failure);
    }
  }

  clearLog(accountId: number): { cleared: number } {
    return { cleared: this.store.write(() => this.store.filterLog.clear(accountId)) };
  }

  /** The filters that run periodically (Thunderbird's "Periodically"), over every message of the account's Inbox. */
  runPeriodically(inboxId: number): Promise<FilterRunResult> {
    const accountId = this.accountOf(inboxId);
    return this.runner.run(accountId, this.store.messages.idsIn(inboxId), 'periodically');
  }

  /** Runs one filter, or every enabled filter of the folder's account, over every message of the folder. */
  run(folderId: number, filterId?: number): Promise<FilterRunResult> {
    const accountId = this.accountOf(folderId);
    const only = filterId === undefined ? undefined : this.store.filters.get(filterId);
    if (filterId !== undefined && only?.accountId !== accountId) throw notFound(filterId);
    return this.runner.run(accountId, this.store.messages.idsIn(folderId), 'byHand', only);
  }

  /** The account of a folder filters may run over: one of an account's, not a local folder. */
  private accountOf(folderId: number): number {
    const folder = this.store.folders.get(folderId);
    if (!folder || folder.accountId === null) throw new WrenError('NotFound', `There is no folder ${folderId} of an account.`, { folderId });
    return folder.accountId;
  }
}

function notFound(filterId: number): WrenError {
  return new WrenError('NotFound', `There is no filter ${filterId}.`, { filterId });
}
