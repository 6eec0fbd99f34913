import { WrenError } from '../errors/wren-error';
import type { SavedSearch } from '../ipc/contract';
import type { Store } from '../store/store';
import { searchAskOf } from './search-query';

/** Saved searches: a name and a query, kept in the store; running one is an ordinary `messages.search`. */
export class SavedSearches {
  constructor(private readonly store: Store) {}

  list(): SavedSearch[] {
    return this.store.savedSearches.list();
  }

  /** Adds one (no id), or renames or changes one. A query that asks for nothing (punctuation alone) would list nothing, ever: refused. */
  save(input: { id?: number; name: string; query: string }): SavedSearch {
    if (searchAskOf(input.query, Date.now()) === null) {
      throw new WrenError('BadRequest', `"${input.query}" asks for no word and no condition, so a search saved from it would always be empty.`, { query: input.query });
    }
    const id = this.store.write(() => {
      if (input.id === undefined) return this.store.savedSearches.insert(input.name, input.query, Date.now());
      if (!this.store.savedSearches.update(input.id, input.name, input.query)) throw notFound(input.id);
      return input.id;
    });
    return this.store.savedSearches.get(id)!;
  }

  /** Each saved search's unread messages, counted by `countUnread` (MessageSearch's, in the search worker). */
  async unreadCounts(countUnread: (query: string) => Promise<number>): Promise<{ searchId: number; unread: number }[]> {
    const counts = [];
    for (const search of this.list()) counts.push({ searchId: search.id, unread: await countUnread(search.query) });
    return counts;
  }

  remove(searchId: number): { removed: true } {
    if (!this.store.write(() => this.store.savedSearches.remove(searchId))) throw notFound(searchId);
    return { removed: true };
  }
}

function notFound(searchId: number): WrenError {
  return new WrenError('NotFound', `There is no saved search ${searchId}.`, { searchId });
}
