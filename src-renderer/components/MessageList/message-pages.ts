import type { MessageSummary } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { toErrorShape, type WrenClient } from '../../client/wren-client';

export const PAGE_SIZE = 200;

/**
 * A folder's message list, fetched a page of 200 at a time as rows come into
 * view, so a folder of 50,000 messages costs only what is on screen. The
 * order is the core's (newest first); row i is item i % 200 of page i / 200.
 */
export class MessagePages {
  total: number | null = null;
  error: ErrorShape | null = null;
  private readonly pages = new Map<number, MessageSummary[]>();
  /** The ticket of the newest request per page; a page is in flight while it has one. */
  private readonly inFlight = new Map<number, number>();
  private nextTicket = 1;
  private visible = { first: 0, last: 0 };

  constructor(
    private readonly client: WrenClient,
    readonly folderId: number,
    private readonly onChange: () => void,
  ) {}

  rowAt(index: number): MessageSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Rows first..last are on screen: fetch the pages they need that are neither here nor coming. */
  showRows(first: number, last: number): void {
    this.visible = { first, last };
    for (const page of pagesFor(first, last)) {
      if (!this.pages.has(page) && !this.inFlight.has(page)) void this.load(page);
    }
  }

  /**
   * The folder changed: fetch the visible pages again and forget the others,
   * which are fetched anew if the user scrolls back to them.
   */
  refresh(): void {
    const visiblePages = pagesFor(this.visible.first, this.visible.last);
    for (const page of [...this.pages.keys()]) {
      if (!visiblePages.includes(page)) this.pages.delete(page);
    }
    for (const page of visiblePages) void this.load(page);
  }

  private async load(page: number): Promise<void> {
    const ticket = this.nextTicket++;
    this.inFlight.set(page, ticket);
    const params = { folderId: this.folderId, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
    const outcome = await this.client.request('messages.list', params).then(
      (result) => ({ result }),
      (error: unknown) => ({ error: toErrorShape(error) }),
    );
    if (this.inFlight.get(page) !== ticket) return; // a newer request for this page superseded this one
    this.inFlight.delete(page);
    if ('result' in outcome) {
      this.pages.set(page, outcome.result.items);
      this.total = outcome.result.total;
      this.error = null;
    } else {
      this.error = outcome.error;
    }
    this.onChange();
  }
}

function pagesFor(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.max(first, last) / PAGE_SIZE); page++) pages.push(page);
  return pages;
}
