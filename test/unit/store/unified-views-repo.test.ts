import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src-main/store/store';
import { addAccount, addFolder, tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

/** `n` messages, dated `start`, `start + step`…; every third unread, every fifth flagged. */
function addMessages(store: Store, folderId: number, n: number, start: number, step: number): void {
  const insert = store.db.prepare('INSERT INTO messages (folder_id, uid, subject, sort_date, seen, flagged) VALUES (?, ?, ?, ?, ?, ?)');
  store.db.transaction(() => {
    for (let i = 0; i < n; i += 1) insert.run(folderId, i + 1, `f${folderId} m${i}`, start + i * step, i % 3 === 0 ? 0 : 1, i % 5 === 0 ? 1 : 0);
  })();
}

function setUp() {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const work = addAccount(store, 'work');
  const home = addAccount(store, 'home');
  const workInbox = addFolder(store, work, 'INBOX', 'inbox');
  const homeInbox = addFolder(store, home, 'INBOX', 'inbox');
  const homeTrash = addFolder(store, home, 'Trash', 'trash');
  const local = addFolder(store, null, 'Saved', null);
  addMessages(store, workInbox, 30, 1000, 2); // even dates
  addMessages(store, homeInbox, 30, 1001, 2); // odd dates: the two Inboxes interleave
  addMessages(store, homeTrash, 10, 5000, 1);
  addMessages(store, local, 6, 9000, 1);
  return { store, work, home, workInbox, homeInbox };
}

describe('UnifiedViewsRepo', () => {
  it('counts every Inbox, all unread mail and all flagged mail, leaving Trash out of Unread and Flagged', () => {
    const { store } = setUp();
    // Per folder of n: unread = ceil(n / 3), flagged = ceil(n / 5).
    expect(store.views.counts()).toEqual([
      { view: 'inbox', total: 60, unread: 20 },
      { view: 'unread', total: 20 + 2, unread: 22 },
      { view: 'flagged', total: 12 + 2, unread: expect.any(Number) },
    ]);
  });

  it('pages the unified Inbox newest first across accounts, naming each message\'s account', () => {
    const { store, work, home } = setUp();
    const first = store.views.page('inbox', 0, 4);
    expect(first.total).toBe(60);
    expect(first.items.map((m) => [m.subject, m.accountId])).toEqual([
      [expect.stringMatching(/ m29$/), home],
      [expect.stringMatching(/ m29$/), work],
      [expect.stringMatching(/ m28$/), home],
      [expect.stringMatching(/ m28$/), work],
    ]);
    const all = [...store.views.page('inbox', 0, 30).items, ...store.views.page('inbox', 30, 30).items];
    expect(new Set(all.map((m) => m.id)).size).toBe(60);
    const dates = all.map((m) => m.date!);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('pages Unread and Flagged with local folders in and Trash out', () => {
    const { store } = setUp();
    const unread = store.views.page('unread', 0, 100);
    expect(unread.items).toHaveLength(22);
    expect(unread.items.every((m) => !m.seen)).toBe(true);
    expect(unread.items[0]!.accountId).toBeNull(); // the local folder's, newest
    const flagged = store.views.page('flagged', 0, 100);
    expect(flagged.items).toHaveLength(14);
    expect(flagged.items.every((m) => m.flagged)).toBe(true);
  });

  it('names each message\'s folder role, which the view itself lacks (Sent rows show their recipients)', () => {
    const { store, work } = setUp();
    addMessages(store, addFolder(store, work, 'Sent', 'sent'), 5, 20_000, 1);
    expect(new Set(store.views.page('inbox', 0, 100).items.map((m) => m.folderRole))).toEqual(new Set(['inbox']));
    const flagged = store.views.page('flagged', 0, 100).items;
    expect(flagged[0]!.folderRole).toBe('sent'); // the newest
    expect(new Set(flagged.map((m) => m.folderRole))).toEqual(new Set(['sent', 'inbox', null]));
  });

  it('sorts a view as a folder\'s list sorts, over every folder it gathers, and pages the same set', () => {
    const { store } = setUp();
    const byDate = (descending: boolean) => store.views.page('inbox', 0, 100, { by: 'date', descending }).items;
    expect(byDate(false).map((m) => m.id)).toEqual(byDate(true).map((m) => m.id).reverse());
    const bySubject = store.views.page('unread', 0, 100, { by: 'subject', descending: false }).items;
    expect(bySubject).toHaveLength(22);
    expect(bySubject.every((m) => !m.seen)).toBe(true);
    const subjects = bySubject.map((m) => m.subject);
    expect(subjects).toEqual([...subjects].sort((a, b) => a.localeCompare(b, 'en')));
    // Pages cut one order: two pages of ten are the first twenty of one request.
    const sort = { by: 'subject', descending: true } as const;
    const pages = [...store.views.page('inbox', 0, 10, sort).items, ...store.views.page('inbox', 10, 10, sort).items];
    expect(pages.map((m) => m.id)).toEqual(store.views.page('inbox', 0, 20, sort).items.map((m) => m.id));
    expect(store.views.page('inbox', 0, 100, sort).total).toBe(60);
  });

  it('goes on listing and counting the messages it is told to keep in Unread and Flagged once read or unflagged, in the list\'s order', () => {
    const { store } = setUp();
    const [newest, next] = store.views.page('unread', 0, 2).items.map((m) => m.id) as [number, number];
    store.db.prepare('UPDATE messages SET seen = 1 WHERE id = ?').run(newest);
    expect(store.views.page('unread', 0, 100).items.map((m) => m.id)).not.toContain(newest);
    const kept = store.views.page('unread', 0, 2, undefined, [newest, next]);
    expect(kept.items.map((m) => m.id)).toEqual([newest, next]);
    expect(kept.total).toBe(22);
    expect(store.views.page('unread', 0, 100, { by: 'date', descending: false }, [newest]).items.at(-1)!.id).toBe(newest);
    const flagged = store.views.page('flagged', 0, 1).items[0]!.id;
    store.db.prepare('UPDATE messages SET flagged = 0 WHERE id = ?').run(flagged);
    expect(store.views.page('flagged', 0, 100, undefined, [flagged]).items.map((m) => m.id)).toContain(flagged);
    // Moved to Trash, a kept message leaves the view after all.
    store.db.prepare("UPDATE messages SET folder_id = (SELECT id FROM folders WHERE role = 'trash'), uid = uid + 1000 WHERE id = ?").run(newest);
    expect(store.views.page('unread', 0, 100, undefined, [newest]).items.map((m) => m.id)).not.toContain(newest);
  });

  it('narrows a view with the quick filter as a folder\'s: flags and words together, counted, paged, and what is kept stays', () => {
    const { store, workInbox } = setUp();
    // Unread in both Inboxes: m0, m3, m6… (every third); flagged: m0, m5, m10… (every fifth): unread and flagged, m0 m15.
    const both = store.views.page('inbox', 0, 100, undefined, [], { unread: true, flagged: true });
    expect(both.total).toBe(4);
    expect(both.items.map((m) => m.subject).sort()).toEqual([`f${workInbox} m0`, `f${workInbox} m15`, `f${workInbox + 1} m0`, `f${workInbox + 1} m15`].sort());
    const words = store.views.page('inbox', 0, 100, undefined, [], { text: `f${workInbox} m2` });
    expect(words.items.map((m) => m.subject)).toEqual([`f${workInbox} m29`, `f${workInbox} m28`, `f${workInbox} m27`, `f${workInbox} m26`, `f${workInbox} m25`,
      `f${workInbox} m24`, `f${workInbox} m23`, `f${workInbox} m22`, `f${workInbox} m21`, `f${workInbox} m20`, `f${workInbox} m2`]);
    expect(store.views.page('inbox', 0, 2, undefined, [], { text: `f${workInbox} m2` })).toMatchObject({ total: 11, items: [{ subject: `f${workInbox} m29` }, { subject: `f${workInbox} m28` }] });
    // In Flagged, unread ones; one read since stays while kept, as in a folder under the filter.
    const unreadFlagged = store.views.page('flagged', 0, 100, undefined, [], { unread: true });
    expect(unreadFlagged.items.every((m) => m.flagged && !m.seen)).toBe(true);
    const [first] = unreadFlagged.items;
    store.db.prepare('UPDATE messages SET seen = 1 WHERE id = ?').run(first!.id);
    expect(store.views.page('flagged', 0, 100, undefined, [], { unread: true }).items.map((m) => m.id)).not.toContain(first!.id);
    expect(store.views.page('flagged', 0, 100, undefined, [first!.id], { unread: true }).items.map((m) => m.id)).toContain(first!.id);
    // Trash stays out of Unread under the filter too.
    expect(store.views.page('unread', 0, 100, undefined, [], { flagged: true }).items.every((m) => m.folderRole !== 'trash')).toBe(true);
  });

  it('counts and pages through indexes, never a scan of the messages table', () => {
    const { store } = setUp();
    const plans: string[] = [];
    const explain = store.db.prepare.bind(store.db);
    // Every statement the repo prepares, explained.
    (store.db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
      plans.push(...(explain(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(1)) as { detail: string }[]).map((r) => r.detail));
      return explain(sql);
    };
    const fresh = new (store.views.constructor as new (db: unknown) => typeof store.views)(store.db);
    fresh.counts();
    for (const view of ['inbox', 'unread', 'flagged'] as const) fresh.page(view, 10, 10);
    for (const view of ['unread', 'flagged'] as const) fresh.page(view, 10, 10, undefined, [1, 2]);
    expect(plans.length).toBeGreaterThan(0);
    // A scan of a partial index walks only the unread (or flagged) messages; anything else on m must be a search.
    const scans = plans.filter((detail) => /^SCAN m\b/.test(detail));
    expect(scans.every((detail) => /USING (COVERING )?INDEX messages_(unread|flagged)_date$/.test(detail))).toBe(true);
    expect(plans).toContain('SEARCH m USING INDEX messages_folder_date (folder_id=?)');
  });

  it('shows a message that a server shows again in All Mail and Starred (Gmail) once in Unread and Flagged, an archived one from All Mail', () => {
    const t = tempStore();
    dispose = t.dispose;
    const { store } = t;
    const gmail = addAccount(store, 'gmail');
    const inbox = addFolder(store, gmail, 'INBOX', 'inbox');
    const allMail = addFolder(store, gmail, '[Gmail]/All Mail', 'all');
    const starred = addFolder(store, gmail, '[Gmail]/Starred', 'flagged');
    const insert = store.db.prepare('INSERT INTO messages (folder_id, uid, subject, message_id, sort_date, seen, flagged) VALUES (?, ?, ?, ?, ?, 0, 1)');
    let uid = 0;
    const put = (folderId: number, subject: string) => insert.run(folderId, (uid += 1), subject, `<${subject}@example.com>`, 1000 + uid);
    put(inbox, 'new');
    put(allMail, 'new');
    put(starred, 'new');
    put(allMail, 'archived');
    put(starred, 'archived');
    store.db.prepare(`UPDATE folders SET unread_count = (SELECT count(*) FROM messages m WHERE m.folder_id = folders.id AND m.seen = 0),
      total_count = (SELECT count(*) FROM messages m WHERE m.folder_id = folders.id)`).run();
    const subjects = (view: 'unread' | 'flagged') => store.views.page(view, 0, 10).items.map((m) => [m.subject, m.folderRole]).sort();
    expect(subjects('unread')).toEqual([['archived', 'all'], ['new', 'inbox']]);
    expect(subjects('flagged')).toEqual([['archived', 'all'], ['new', 'inbox']]);
    expect(store.views.counts()).toEqual([
      { view: 'inbox', total: 1, unread: 1 },
      { view: 'unread', total: 2, unread: 2 },
      { view: 'flagged', total: 2, unread: 2 },
    ]);
  });

  it('counts once until the store changes, here or through another connection (the sync worker\'s)', () => {
    const t = tempStore();
    dispose = t.dispose;
    const { store } = t;
    const inbox = addFolder(store, addAccount(store, 'a'), 'INBOX', 'inbox');
    addMessages(store, inbox, 3, 1000, 1);
    store.db.prepare('UPDATE folders SET unread_count = 1, total_count = 3').run();
    const first = store.views.counts();
    // Nothing changed: the same answer, not counted again (on a large Gmail account counting takes a while).
    expect(store.views.counts()).toBe(first);
    expect(store.views.page('unread', 0, 10).total).toBe(1);

    store.db.prepare('UPDATE folders SET unread_count = 2').run();
    expect(store.views.counts()).not.toBe(first);
    expect(store.views.counts().find((count) => count.view === 'unread')!.total).toBe(2);

    const other = new Store(t.dir);
    try {
      other.db.prepare('UPDATE folders SET unread_count = 3').run();
    } finally {
      other.close();
    }
    expect(store.views.counts().find((count) => count.view === 'unread')!.total).toBe(3);
  });
});
