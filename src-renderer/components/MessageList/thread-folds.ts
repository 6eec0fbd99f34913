import { MAX_COLLAPSED_THREADS } from '../../../src-main/ipc/contract';

/** What messages.list's `threads` asks for (see message-requests.ts). */
export interface ThreadFoldsRequest {
  collapsed: number[];
  collapseAll: boolean;
  expanded: number[];
}

/**
 * Which threads of one folder are collapsed, named by their first message. As in Thunderbird, the folder
 * has a default (every thread expanded, or every one collapsed after "Collapse All Threads") and the threads
 * the user turned the other way: only those travel with each page request, however many threads there are.
 */
export class ThreadFolds {
  /** The threads turned away from the default, latest last (the oldest are forgotten past the contract's bound). */
  private readonly turned = new Set<number>();

  constructor(private allCollapsed = false) {}

  get collapseAll(): boolean {
    return this.allCollapsed;
  }

  isCollapsed(rootId: number): boolean {
    return this.turned.has(rootId) !== this.allCollapsed;
  }

  /** Folds or unfolds one thread; false when it was so already. */
  set(rootId: number, collapsed: boolean): boolean {
    if (this.isCollapsed(rootId) === collapsed) return false;
    if (!this.turned.delete(rootId)) this.turned.add(rootId);
    for (const id of this.turned) {
      if (this.turned.size <= MAX_COLLAPSED_THREADS) break;
      this.turned.delete(id);
    }
    return true;
  }

  /** Collapses or expands every thread (what was turned by hand is forgotten); false when nothing changes. */
  setAll(collapsed: boolean): boolean {
    if (this.allCollapsed === collapsed && this.turned.size === 0) return false;
    this.allCollapsed = collapsed;
    this.turned.clear();
    return true;
  }

  /**
   * Takes the folder's saved default (the settings arrive after the first page, or another window changed
   * them) unless the user has turned threads here by hand; false when nothing changes.
   */
  followSaved(collapsed: boolean): boolean {
    return this.turned.size === 0 && this.setAll(collapsed);
  }

  request(): ThreadFoldsRequest {
    const turned = [...this.turned];
    return this.allCollapsed ? { collapsed: [], collapseAll: true, expanded: turned } : { collapsed: turned, collapseAll: false, expanded: [] };
  }
}
