import { MAX_COLLAPSED_THREADS } from '../../../src-main/ipc/contract';
import { sameIds, type SavedFolds } from './saved-thread-folds';

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
 * Each change made here is handed to `onChange`, which keeps it in the settings (across restarts and for
 * the other windows); what the settings say arrives back through `follow`.
 */
export class ThreadFolds {
  /** The threads turned away from the default, latest last (the oldest are forgotten past the contract's bound). */
  private turned: Set<number>;
  private allCollapsed: boolean;

  constructor(saved: SavedFolds = { collapseAll: false, turned: [] }, private readonly onChange: (folds: SavedFolds) => void = () => undefined) {
    this.allCollapsed = saved.collapseAll;
    this.turned = new Set(saved.turned);
  }

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
    this.onChange(this.saved());
    return true;
  }

  /** Collapses or expands every thread (what was turned by hand is forgotten); false when nothing changes. */
  setAll(collapsed: boolean): boolean {
    if (this.allCollapsed === collapsed && this.turned.size === 0) return false;
    this.allCollapsed = collapsed;
    this.turned.clear();
    this.onChange(this.saved());
    return true;
  }

  /**
   * Takes what the settings keep for the folder: they arrive after the first page, or another window
   * changed them (this window's own changes come back equal); false when nothing changes.
   */
  follow(saved: SavedFolds): boolean {
    if (saved.collapseAll === this.allCollapsed && sameIds(saved.turned, [...this.turned])) return false;
    this.allCollapsed = saved.collapseAll;
    this.turned = new Set(saved.turned);
    return true;
  }

  saved(): SavedFolds {
    return { collapseAll: this.allCollapsed, turned: [...this.turned] };
  }

  request(): ThreadFoldsRequest {
    const turned = [...this.turned];
    return this.allCollapsed ? { collapsed: [], collapseAll: true, expanded: turned } : { collapsed: turned, collapseAll: false, expanded: [] };
  }
}
