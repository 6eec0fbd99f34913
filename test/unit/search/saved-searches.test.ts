import { afterEach, describe, expect, it } from 'vitest';
import { SavedSearches } from '../../../src-main/search/saved-searches';
import { tempStore } from '../store/temp-store';
import { disposeSearchStore, message, searchStore } from './search-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function setup() {
  const t = tempStore();
  dispose = t.dispose;
  return { store: t.store, searches: new SavedSearches(t.store) };
}

describe('SavedSearches', () => {
  it('saves, lists by name whatever the case, renames and removes', () => {
    const { searches } = setup();
    const budget = searches.save({ name: 'budget', query: 'from:zoe budget' });
    const report = searches.save({ name: 'Reports', query: 'subject:季度报告' });
    expect(searches.list()).toEqual([budget, report]);
    expect(budget).toEqual({ id: expect.any(Number), name: 'budget', query: 'from:zoe budget' });
    const renamed = searches.save({ id: budget.id, name: 'Zoe', query: budget.query });
    expect(searches.list().map((search) => search.name)).toEqual(['Reports', 'Zoe']);
    expect(renamed.id).toBe(budget.id);
    expect(searches.remove(report.id)).toEqual({ removed: true });
    expect(searches.list()).toEqual([renamed]);
  });

  it('refuses a query with nothing to look for, and what is not there', () => {
    const { searches } = setup();
    expect(() => searches.save({ name: 'x', query: '!!! ***' })).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    expect(() => searches.save({ id: 99, name: 'x', query: 'budget' })).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(() => searches.remove(99)).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(searches.list()).toEqual([]);
  });
});

describe('saved searches\' unread counts', () => {
  afterEach(() => disposeSearchStore());

  it('count each search\'s unread messages from the index; a search for read mail has none', async () => {
    const { store, folder, engine } = searchStore();
    const inbox = folder('INBOX');
    const ann = { name: 'Ann', address: 'ann@example.com' };
    store.write(() => store.messages.insertHeaders(inbox, [
      message('Budget for November', ann),
      { ...message('Budget draft', ann), flags: ['\\Seen'] },
      message('会议纪要', ann),
    ]));
    await engine.indexer.drainWithin(5_000);
    const searches = new SavedSearches(store);
    const budget = searches.save({ name: 'Budget', query: 'budget' });
    const read = searches.save({ name: 'Read budget', query: 'budget is:read' });
    const everything = searches.save({ name: 'From Ann', query: 'from:ann' });
    expect(await searches.unreadCounts((query) => engine.countUnread(query))).toEqual([
      { searchId: budget.id, unread: 1 },
      { searchId: everything.id, unread: 2 },
      { searchId: read.id, unread: 0 },
    ]);
  });
});
