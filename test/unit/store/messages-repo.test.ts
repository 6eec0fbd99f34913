import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { DEFAULT_LIST_SORT, type ListSort } from '../../../src-main/ipc/contract-constants';
import { ThreadedList, type ThreadsQuery } from '../../../src-main/store/threaded-list';
import { headerRecord, tempStore } from './temp-store';
import { openDatabase } from '../../../src-main/store/open-database';
import { arrangeThreads } from '../../../src-main/store/thread-order';
import { wordNeedsFolding } from '../../../src-main/store/list-order';

vi.mock('../../../src-main/store/thread-order', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src-main/store/thread-order')>();
  return { ...real, arrangeThreads: vi.fn(real.arrangeThreads) };
});

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number | null, extra: Partial<HeaderRecord> = {}): HeaderRecord {
  return headerRecord({ uid, subject: uid === null ? '' : `Message ${uid}`, ...extra });
}

function setup(): Store {
  const t = tempStore();
  dispose = t.dispose;
  return t.store;
}

function addFolder(store: Store, protocol: 'imap' | 'pop3' | null, path: string): number {
  let accountId: number | null = null;
  if (protocol) {
    store.db.prepare("INSERT OR IGNORE INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
    accountId = Number(store.db.prepare(
      `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
       VALUES (?, 'a@test', ?, 'h', 1, 'tls', 'a', 's', 0)`,
    ).run(protocol, protocol).lastInsertRowid);
  }
  return Number(store.db.prepare('INSERT INTO folders (account_id, path, name, is_local) VALUES (?, ?, ?, ?)').run(accountId, path, path, protocol ? 0 : 1).lastInsertRowid);
}

describe('MessagesRepo', () => {
  it('does not store \\Recent, a session flag, among the keywords', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const [first, second] = store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { flags: ['\\Recent', '\\Seen', '$Work'] }),
      header(2, { flags: ['\\RECENT'] }),
    ]));
    expect(store.messages.get(first!)!.flags).toEqual(['\\Seen', '$Work']);
    expect(store.messages.get(second!)!.flags).toEqual([]);
    expect(store.db.prepare("SELECT count(*) FROM messages WHERE keywords LIKE '%Recent%'").pluck().get()).toBe(0);
  });

  it('sees no change when a flag refresh differs only by \\Recent', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(folderId, [header(1, { flags: ['$Work'] })]));
    expect(store.write(() => store.messages.updateFlags(folderId, [{ uid: 1, flags: ['\\Recent', '$Work'], modseq: null }]))).toBe(0);
  });

  it('removes rows without UID only from IMAP folders', () => {
    const store = setup();
    const imap = addFolder(store, 'imap', 'INBOX');
    const pop3 = addFolder(store, 'pop3', 'INBOX');
    const local = addFolder(store, null, 'Local');
    for (const folderId of [imap, pop3, local]) {
      store.write(() => store.messages.insertHeaders(folderId, [header(1), header(null), header(null, { uidl: 'u-1' })]));
    }
    expect(store.write(() => store.messages.removeWithoutUid(imap))).toBe(2);
    expect(store.write(() => store.messages.removeWithoutUid(pop3))).toBe(0);
    expect(store.write(() => store.messages.removeWithoutUid(local))).toBe(0);
    expect(store.messages.uids(imap)).toEqual([1]);
    expect(store.folders.get(imap)!.total).toBe(1);
    expect(store.folders.get(pop3)!.total).toBe(3);
    expect(store.folders.get(local)!.total).toBe(3);
  });

  it('gives each list entry its recipients (To), the first ten of them, and the message itself all of them', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'Sent');
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `P${i}`, address: `p${i}@example.test` }));
    const [few, crowd] = store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { to: [{ name: 'Alice', address: 'alice@example.test' }], date: 2 }),
      header(2, { to: many, date: 1 }),
    ]));
    const { items } = store.messages.page(folderId, 0, 10);
    expect(items.map((item) => [item.id, item.to])).toEqual([[few, [{ name: 'Alice', address: 'alice@example.test' }]], [crowd, many.slice(0, 10)]]);
    expect(store.messages.get(crowd!)!.to).toEqual(many);
  });

  it('marks list entries replied (\\Answered) and forwarded ($Forwarded, in any case), from the sync and from a change made here', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const [replied, forwarded, both, neither] = store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { flags: ['\\Answered'], date: 4 }),
      header(2, { flags: ['$forwarded'], date: 3 }),
      header(3, { flags: ['\\Answered', '$Forwarded', '$label1'], date: 2 }),
      header(4, { flags: ['$NotForwarded'], date: 1 }),
    ]));
    const marks = () => store.messages.page(folderId, 0, 10).items.map((item) => [item.id, item.answered, item.forwarded ?? false]);
    expect(marks()).toEqual([[replied, true, false], [forwarded, false, true], [both, true, true], [neither, false, false]]);

    const announced: number[][] = [];
    store.feed.onChanges((changes) => changes.forEach((c) => c.entity === 'messages' && announced.push([...c.ids])));
    store.write(() => store.messageChanges.setFlags(neither!, ['\\Answered', '$Forwarded']));
    expect(marks().at(-1)).toEqual([neither, true, true]);
    expect(announced).toEqual([[neither]]);
  });

  it('a structure learnt later sets the list\'s attachment mark, and announces the row only when the mark changed', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const [id] = store.write(() => store.messages.insertHeaders(folderId, [header(1)]));
    const announced: number[][] = [];
    store.feed.onChanges((changes) => changes.forEach((c) => c.entity === 'messages' && announced.push([...c.ids])));
    const withFile = { type: 'multipart/mixed', children: [{ type: 'text/plain', part: '1' }, { type: 'application/pdf', part: '2', filename: 'a.pdf', disposition: 'attachment' }] };
    store.write(() => store.messages.setStructure(id!, withFile as never, true));
    expect(store.messages.get(id!)!.hasAttachments).toBe(true);
    store.write(() => store.messages.setStructure(id!, withFile as never, true));
    expect(announced).toEqual([[id]]);
  });
});

describe('MessagesRepo.page, sorted', () => {
  function sortedFolder() {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { subject: 'Re: budget', from: { name: 'Zhang Wei', address: 'zw@test' }, size: 300, date: Date.UTC(2026, 0, 3), priority: 'low' }),
      header(2, { subject: 'agenda', from: { name: '', address: 'bob@test' }, size: 100, date: Date.UTC(2026, 0, 1), priority: 'high' }),
      header(3, { subject: '回复: Budget', from: { name: 'alice', address: 'a@test' }, size: 200, date: Date.UTC(2026, 0, 2) }),
      header(4, { subject: 'Crab', from: { name: 'Alice', address: 'a2@test' }, size: 200, date: Date.UTC(2026, 0, 4) }),
    ]));
    const uids = (by: 'date' | 'from' | 'subject' | 'size' | 'priority', descending: boolean, offset = 0, limit = 10) =>
      store.messages.page(folderId, offset, limit, { by, descending }).items.map((m) => m.uid);
    return { store, folderId, uids };
  }

  it('by date, newest first by default, or oldest first', () => {
    const { store, folderId, uids } = sortedFolder();
    expect(store.messages.page(folderId, 0, 10).items.map((m) => m.uid)).toEqual([4, 1, 3, 2]);
    expect(uids('date', false)).toEqual([2, 3, 1, 4]);
  });

  it('by subject without reply prefixes (English or Chinese) and without case; equal ones newest first', () => {
    const { uids } = sortedFolder();
    expect(uids('subject', false)).toEqual([2, 1, 3, 4]);
    expect(uids('subject', true)).toEqual([4, 1, 3, 2]);
  });

  it('by sender (the name, else the address, without case) and by size; ties newest first, pages agree', () => {
    const { uids } = sortedFolder();
    expect(uids('from', false)).toEqual([4, 3, 2, 1]);
    expect(uids('size', true)).toEqual([1, 4, 3, 2]);
    expect([...uids('size', true, 0, 2), ...uids('size', true, 2, 2)]).toEqual(uids('size', true));
  });

  it('by priority (Thunderbird\'s Priority column): high, normal, low, newest first within each', () => {
    const { uids } = sortedFolder();
    expect(uids('priority', true)).toEqual([2, 4, 3, 1]);
    expect(uids('priority', false)).toEqual([1, 4, 3, 2]);
  });

  it('by sender and by subject, Chinese by its pinyin among the Latin letters, accents and full-width folded', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const senders = ['张伟', 'Émile', '陈静', 'david', '李娜', 'Ｂｏｂ', '王芳', 'Zoe'];
    store.write(() => store.messages.insertHeaders(folderId, senders.map((name, i) => header(i + 1, { subject: `回复: ${name}`, from: { name, address: `${i}@test` } }))));
    const names = (by: 'from' | 'subject') => store.messages.page(folderId, 0, 10, { by, descending: false }).items.map((m) => m.from.name);
    expect(names('from')).toEqual(['Ｂｏｂ', '陈静', 'david', 'Émile', '李娜', '王芳', 'Zoe', '张伟']);
    expect(names('subject')).toEqual(names('from'));
    expect(store.messages.page(folderId, 0, 10, { by: 'from', descending: true }).items.map((m) => m.from.name)).toEqual([...names('from')].reverse());
  });

  it('in Sent, "from" sorts by the first recipient, whom the list shows there', () => {
    const store = setup();
    const sent = addFolder(store, 'imap', 'Sent');
    store.db.prepare("UPDATE folders SET role = 'sent' WHERE id = ?").run(sent);
    store.write(() => store.messages.insertHeaders(sent, [
      header(1, { to: [{ name: '', address: 'zed@test' }] }),
      header(2, { to: [{ name: 'Amy', address: 'x@test' }, { name: 'Zoe', address: 'z@test' }] }),
    ]));
    expect(store.messages.page(sent, 0, 10, { by: 'from', descending: false }).items.map((m) => m.uid)).toEqual([2, 1]);
  });
});

describe('MessagesRepo.neighbour (a message window\'s Next and Previous)', () => {
  function listed() {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const ids = store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { from: { name: 'Zoe', address: 'z@test' }, date: Date.UTC(2026, 0, 1), flags: ['\\Seen'] }),
      header(2, { from: { name: '陈静', address: 'c@test' }, date: Date.UTC(2026, 0, 2) }),
      header(3, { from: { name: 'amy', address: 'a@test' }, date: Date.UTC(2026, 0, 3), flags: ['\\Seen'], messageId: '<3@test>' }),
      header(4, { from: { name: 'Bob', address: 'b@test' }, date: Date.UTC(2026, 0, 4) }),
    ]));
    const byUid = (uid: number) => ids[uid - 1]!;
    const uidOf = (id: number | null) => (id === null ? null : ids.indexOf(id) + 1);
    const neighbour = (uid: number, direction: 'next' | 'previous', sort: ListSort = DEFAULT_LIST_SORT, unread = false, hideIgnored = true) =>
      uidOf(store.messages.neighbour({ messageId: byUid(uid), direction, unread, sort, filter: { hideIgnored } }));
    return { store, neighbour, byUid };
  }

  it('is the message after or before in the list\'s order, null at either end', () => {
    const { neighbour } = listed();
    // Newest first: 4, 3, 2, 1.
    expect([neighbour(4, 'next'), neighbour(3, 'next'), neighbour(1, 'next'), neighbour(4, 'previous'), neighbour(2, 'previous')]).toEqual([3, 2, null, null, 3]);
    // By sender, A to Z with Chinese by its pinyin: amy, Bob, 陈静, Zoe.
    const bySender = { by: 'from', descending: false } as const;
    expect([neighbour(3, 'next', bySender), neighbour(4, 'next', bySender), neighbour(2, 'next', bySender), neighbour(1, 'previous', bySender)]).toEqual([4, 2, 1, 2]);
  });

  it('with `unread`, the nearest unread one that way', () => {
    const { neighbour } = listed();
    expect([neighbour(4, 'next', DEFAULT_LIST_SORT, true), neighbour(2, 'next', DEFAULT_LIST_SORT, true), neighbour(1, 'previous', DEFAULT_LIST_SORT, true)]).toEqual([2, null, 2]);
  });

  it('passes over a thread the list hides, and is null for a message not in the list', () => {
    const { store, neighbour, byUid } = listed();
    store.write(() => store.ignoredThreads.add(['<3@test>'], Date.now()));
    expect(neighbour(4, 'next')).toBe(2);
    expect(neighbour(4, 'next', DEFAULT_LIST_SORT, false, false)).toBe(3);
    expect(neighbour(3, 'next')).toBeNull();
    expect(store.messages.neighbour({ messageId: byUid(4) + 100, direction: 'next', unread: false, sort: DEFAULT_LIST_SORT, filter: {} })).toBeNull();
  });
});

describe('MessagesRepo.page, filtered', () => {
  it('narrows to unread, starred or with attachments (together: all of them), in the chosen order; total counts what matches', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { flags: ['\\Seen'], hasAttachments: true, date: 1 }),
      header(2, { flags: ['\\Flagged'], date: 2 }),
      header(3, { flags: ['\\Flagged'], hasAttachments: true, date: 3 }),
      header(4, { flags: ['\\Seen', '\\Flagged'], date: 4 }),
    ]));
    const page = (filter: Parameters<Store['messages']['page']>[4]) => {
      const { total, items } = store.messages.page(folderId, 0, 10, undefined, filter);
      return { total, uids: items.map((m) => m.uid) };
    };
    expect(page({})).toEqual({ total: 4, uids: [4, 3, 2, 1] });
    expect(page({ unread: true })).toEqual({ total: 2, uids: [3, 2] });
    expect(page({ flagged: true })).toEqual({ total: 3, uids: [4, 3, 2] });
    expect(page({ attachments: true })).toEqual({ total: 2, uids: [3, 1] });
    expect(page({ unread: true, flagged: true, attachments: true })).toEqual({ total: 1, uids: [3] });
    expect(store.messages.page(folderId, 0, 10, { by: 'date', descending: false }, { flagged: true }).items.map((m) => m.uid)).toEqual([2, 3, 4]);
  });

  it('Tags narrows to the messages with any of the five tags, not other keywords that look like them', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { flags: ['$label1'], date: 1 }),
      header(2, { flags: ['\\Seen', 'work', '$label5'], date: 2 }),
      header(3, { flags: ['$label6', 'x$label1', '$label1x', '$Forwarded'], date: 3 }),
      header(4, { date: 4 }),
    ]));
    const { total, items } = store.messages.page(folderId, 0, 10, undefined, { tagged: true });
    expect({ total, uids: items.map((m) => m.uid) }).toEqual({ total: 2, uids: [2, 1] });
    expect(store.messages.page(folderId, 0, 10, undefined, { tagged: true, unread: true }).items.map((m) => m.uid)).toEqual([1]);
  });

  it('keeps the messages it listed already while the filter is on, even once they no longer match (one read under Unread)', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const [first, second] = store.write(() => store.messages.insertHeaders(folderId, [header(1, { date: 1 }), header(2, { flags: ['\\Seen'], date: 2 })]));
    expect(store.messages.page(folderId, 0, 10, undefined, { unread: true, keep: [first!] }).total).toBe(1);
    store.write(() => store.db.prepare('UPDATE messages SET seen = 1 WHERE id = ?').run(first));
    const kept = store.messages.page(folderId, 0, 10, undefined, { unread: true, keep: [first!] });
    expect(kept).toMatchObject({ total: 1, items: [{ id: first }] });
    expect(store.messages.page(folderId, 0, 10, undefined, { unread: true }).total).toBe(0);
    // Keeping does not widen an unfiltered list, nor list what was never there.
    expect(store.messages.page(folderId, 0, 10, undefined, { keep: [second!] }).total).toBe(2);
  });
});

describe('MessagesRepo.page, with words (the quick filter\'s text)', () => {
  function wordsFolder() {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { subject: 'Quarterly budget', from: { name: 'Dan Lee', address: 'dan@example.test' }, date: 1 }),
      header(2, { subject: '季度预算', from: { name: '张伟', address: 'zhang@example.cn' }, to: [{ name: 'Ann', address: 'ann@example.test' }], date: 2 }),
      header(3, { subject: 'Lunch', from: { name: 'Eve', address: 'eve@example.test' }, cc: [{ name: '', address: 'dan.lee@example.test' }], date: 3, flags: ['\\Seen'] }),
      header(4, { subject: '100% off_sale', from: { name: 'Shop', address: 'news@shop.test' }, date: 4 }),
    ]));
    const uids = (filter: Parameters<Store['messages']['page']>[4]) => {
      const { total, items } = store.messages.page(folderId, 0, 10, undefined, filter);
      return { total, uids: items.map((m) => m.uid) };
    };
    return { store, folderId, uids };
  }

  it('finds each word in the sender, the recipients or the subject, in any case of Latin letters, Chinese too', () => {
    const { uids } = wordsFolder();
    expect(uids({ text: 'dan' })).toEqual({ total: 2, uids: [3, 1] });
    expect(uids({ text: '  BUDGET ' })).toEqual({ total: 1, uids: [1] });
    expect(uids({ text: '预算' })).toEqual({ total: 1, uids: [2] });
    expect(uids({ text: '张伟' })).toEqual({ total: 1, uids: [2] });
    expect(uids({ text: 'ann@example' })).toEqual({ total: 1, uids: [2] });
    // Every word must be found (in any of the fields): Dan's lunch, not his budget.
    expect(uids({ text: 'dan lunch' })).toEqual({ total: 1, uids: [3] });
    expect(uids({ text: '' })).toEqual({ total: 4, uids: [4, 3, 2, 1] });
  });

  it('finds a word in any case of any script, and full-width letters as half-width ones', () => {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { subject: 'Termin mit Herrn MÜLLER', date: 1 }),
      header(2, { subject: 'Квартальный отчёт', from: { name: 'ОЛЬГА', address: 'olga@example.ru' }, date: 2 }),
      header(3, { subject: '２０２６年度 ＰＤＦ 资料', date: 3 }),
      header(4, { subject: 'Σχέδιο', to: [{ name: 'ΣΟΦΙΑ', address: 'sofia@example.gr' }], date: 4 }),
    ]));
    const uids = (text: string) => store.messages.page(folderId, 0, 10, undefined, { text }).items.map((m) => m.uid);
    expect(uids('müller')).toEqual([1]);
    expect(uids('ОТЧЁТ')).toEqual([2]);
    expect(uids('ольга')).toEqual([2]);
    expect(uids('müllers')).toEqual([]);
    expect(uids('σοφια')).toEqual([4]);
    // Typed full-width, found in either width; and mixed with an ASCII word, both still found.
    expect(uids('ＰＤＦ')).toEqual([3]);
    expect(uids('2026 ＰＤＦ')).toEqual([3]);
    expect(uids('herrn Müller')).toEqual([1]);
  });

  it('finds the name the list shows by its pinyin, whole, by initials or from a later syllable, as the Address Book does', () => {
    const store = setup();
    const inbox = addFolder(store, 'imap', 'INBOX');
    store.write(() => store.messages.insertHeaders(inbox, [
      header(1, { subject: '周报', from: { name: '王芳', address: 'boss@example.cn' }, date: 1 }),
      header(2, { subject: '合同', from: { name: 'Ann', address: 'ann@example.test' }, cc: [{ name: '曾小贤', address: 'x@example.cn' }], date: 2 }),
      header(3, { subject: 'Wang Street', from: { name: 'Müller', address: 'm@example.de' }, date: 3 }),
    ]));
    const uids = (folderId: number, text: string) => store.messages.page(folderId, 0, 10, undefined, { text }).items.map((m) => m.uid);
    // "wang" also finds the subject's Latin word (a LIKE), never a name's pinyin where it is not one.
    expect(uids(inbox, 'wang')).toEqual([3, 1]);
    expect(uids(inbox, 'wangfang')).toEqual([1]);
    expect(uids(inbox, 'wf')).toEqual([1]);
    expect(uids(inbox, 'fang')).toEqual([1]);
    expect(uids(inbox, 'wf 周报')).toEqual([1]);
    // One letter matches too many names to help; a word that is not Latin letters is no pinyin.
    expect(uids(inbox, 'w')).toEqual([3]);
    expect(uids(inbox, 'wang2')).toEqual([]);
    // The Inbox shows senders: a recipient is found by what is written, not read (a reading costs a call a message).
    expect(uids(inbox, '曾小贤')).toEqual([2]);
    expect(uids(inbox, 'zengxiaoxian')).toEqual([]);

    // Sent shows the first recipient, so that is the name read; its surname as one, and as a reader who does not know it types it.
    const sent = addFolder(store, 'imap', 'Sent');
    store.db.prepare("UPDATE folders SET role = 'sent' WHERE id = ?").run(sent);
    store.write(() => store.messages.insertHeaders(sent, [
      header(1, { subject: '回复: 合同', from: { name: 'Me', address: 'me@example.test' }, to: [{ name: '曾小贤', address: 'x@example.cn' }], date: 4 }),
    ]));
    expect(uids(sent, 'zengxiaoxian')).toEqual([1]);
    expect(uids(sent, 'ceng')).toEqual([1]);
    expect(uids(sent, 'zxx')).toEqual([1]);
    expect(uids(sent, 'me')).toEqual([1]);
  });

  it('folds only the words that need it (SQLite\'s LIKE folds ASCII, Chinese has no case)', () => {
    expect(wordNeedsFolding('budget')).toBe(false);
    expect(wordNeedsFolding('预算')).toBe(false);
    expect(wordNeedsFolding('ann@example')).toBe(false);
    expect(wordNeedsFolding('Müller')).toBe(true);
    expect(wordNeedsFolding('отчёт')).toBe(true);
    expect(wordNeedsFolding('ＰＤＦ')).toBe(true);
  });

  it('never matches the recipients\' JSON keys, and takes % and _ as themselves', () => {
    const { uids } = wordsFolder();
    expect(uids({ text: 'name' })).toEqual({ total: 0, uids: [] });
    expect(uids({ text: 'address' })).toEqual({ total: 0, uids: [] });
    expect(uids({ text: '100%' })).toEqual({ total: 1, uids: [4] });
    expect(uids({ text: 'f_s' })).toEqual({ total: 1, uids: [4] });
    expect(uids({ text: '_' })).toEqual({ total: 1, uids: [4] });
  });

  it('narrows with the switches, and a message kept by Unread still needs the words', () => {
    const { store, uids } = wordsFolder();
    expect(uids({ text: 'dan', unread: true })).toEqual({ total: 1, uids: [1] });
    const lunch = store.db.prepare("SELECT id FROM messages WHERE subject = 'Lunch'").pluck().get() as number;
    const budget = store.db.prepare("SELECT id FROM messages WHERE subject = 'Quarterly budget'").pluck().get() as number;
    expect(uids({ text: 'dan', unread: true, keep: [lunch] })).toEqual({ total: 2, uids: [3, 1] });
    expect(uids({ text: 'lunch', unread: true, keep: [budget] })).toEqual({ total: 0, uids: [] });
  });

  it('in threads too (the same condition, read in the search worker)', () => {
    const { store, folderId } = wordsFolder();
    const threaded = new ThreadedList(store.db).page({
      folderId, offset: 0, limit: 10, sort: { by: 'date', descending: true }, filter: { text: 'dan' }, folding: { collapsed: [], collapseAll: false, expanded: [] },
    });
    expect(threaded.items.map((m) => m.uid)).toEqual([3, 1]);
  });
});

describe('ThreadedList: a folder\'s list in threads', () => {
  /** A question (1), two replies (2, 4) and a reply to the first reply (3), and a message of its own (5). */
  function threadedFolder() {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const id = (n: number) => `<m${n}@test>`;
    const ids = store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { messageId: id(1), subject: 'Question', date: 10 }),
      header(2, { messageId: id(2), inReplyTo: id(1), subject: 'Re: Question', date: 20, flags: ['\\Seen'] }),
      header(3, { messageId: id(3), inReplyTo: id(2), subject: 'Re: Re: Question', date: 40 }),
      header(4, { messageId: id(4), inReplyTo: id(1), subject: 'Re: Question (2)', date: 30, flags: ['\\Seen'] }),
      header(5, { messageId: id(5), subject: 'Alone', date: 35 }),
    ]));
    const list = new ThreadedList(store.db);
    const page = (options: Partial<Omit<ThreadsQuery, 'folderId'>> = {}) =>
      list.page({ folderId, offset: 0, limit: 10, sort: DEFAULT_LIST_SORT, filter: {}, folding: { collapsed: [], collapseAll: false, expanded: [] }, ...options });
    return { store, ids, page };
  }

  it('lists replies under what they answer, the thread where its newest message sorts, with depth and counts', () => {
    const { page, ids } = threadedFolder();
    const { total, items } = page();
    expect(total).toBe(5);
    expect(items.map((m) => [m.uid, m.thread!.depth])).toEqual([[1, 0], [2, 1], [3, 2], [4, 1], [5, 0]]);
    expect(items[0]!.thread).toEqual({ depth: 0, rootId: ids[0], size: 4, unread: 2, collapsed: false });
    expect(items[4]!.thread).toEqual({ depth: 0, rootId: ids[4], size: 1, unread: 1, collapsed: false });
  });

  it('a collapsed thread is one row and the total counts rows; pages agree with the whole', () => {
    const { page, ids } = threadedFolder();
    const collapsed = page({ folding: { collapsed: [ids[0]!], collapseAll: false, expanded: [] } });
    expect(collapsed.total).toBe(2);
    expect(collapsed.messages).toBe(5);
    expect(collapsed.items.map((m) => [m.uid, m.thread!.collapsed])).toEqual([[1, true], [5, false]]);
    // The collapsed row names the replies it hides, in the thread's order: an action on it takes them too.
    expect(collapsed.items[0]!.thread!.hidden).toEqual([ids[1], ids[2], ids[3]]);
    const whole = page().items.map((m) => m.id);
    expect([...page({ limit: 2 }).items, ...page({ offset: 2, limit: 2 }).items, ...page({ offset: 4, limit: 2 }).items].map((m) => m.id)).toEqual(whole);
  });

  it('collapses every thread but those expanded again (Collapse All Threads); a message alone stays a row of its own', () => {
    const { page, ids } = threadedFolder();
    const all = page({ folding: { collapsed: [], collapseAll: true, expanded: [] } });
    expect(all.items.map((m) => [m.uid, m.thread!.collapsed])).toEqual([[1, true], [5, false]]);
    expect(all.messages).toBe(5);
    const one = page({ folding: { collapsed: [], collapseAll: true, expanded: [ids[0]!] } });
    expect(one.items.map((m) => m.uid)).toEqual([1, 2, 3, 4, 5]);
  });

  it('threads what the quick filter leaves: a reply whose parent is filtered out starts its own thread', () => {
    const { page } = threadedFolder();
    expect(page({ filter: { unread: true } }).items.map((m) => [m.uid, m.thread!.depth])).toEqual([[3, 0], [5, 0], [1, 0]]);
  });
});

describe('ThreadedList.neighbour (a message window\'s Next and Previous when the list shows threads)', () => {
  /** As above: 1 asked, 2 and 4 answered it, 3 answered 2; 5 alone. Unread: 1, 3, 5. */
  function threaded() {
    const store = setup();
    const folderId = addFolder(store, 'imap', 'INBOX');
    const id = (n: number) => `<m${n}@test>`;
    const ids = store.write(() => store.messages.insertHeaders(folderId, [
      header(1, { messageId: id(1), date: 10 }),
      header(2, { messageId: id(2), inReplyTo: id(1), date: 20, flags: ['\\Seen'] }),
      header(3, { messageId: id(3), inReplyTo: id(2), date: 40 }),
      header(4, { messageId: id(4), inReplyTo: id(1), date: 30, flags: ['\\Seen'] }),
      header(5, { messageId: id(5), date: 35 }),
    ]));
    const list = new ThreadedList(store.db);
    const uidOf = (found: number | null) => (found === null ? null : ids.indexOf(found) + 1);
    const neighbour = (uid: number, direction: 'next' | 'previous', unread = false) =>
      uidOf(list.neighbour({ messageId: ids[uid - 1]!, direction, unread, sort: DEFAULT_LIST_SORT, filter: { hideIgnored: true } }));
    return { store, list, ids, neighbour, folderId };
  }

  it('goes through the threads as the list shows them, replies under what they answer: 1, 2, 3, 4, 5', () => {
    const { neighbour } = threaded();
    // Newest first flat, the order would be 3, 5, 4, 2, 1.
    expect([1, 2, 3, 4, 5].map((uid) => neighbour(uid, 'next'))).toEqual([2, 3, 4, 5, null]);
    expect([1, 2, 3, 4, 5].map((uid) => neighbour(uid, 'previous'))).toEqual([null, 1, 2, 3, 4]);
  });

  it('with `unread`, the nearest unread one that way in thread order; null for a message not in the folder', () => {
    const { neighbour, list } = threaded();
    expect([neighbour(1, 'next', true), neighbour(3, 'next', true), neighbour(5, 'next', true), neighbour(4, 'previous', true)]).toEqual([3, 5, null, 3]);
    expect(list.neighbour({ messageId: 9999, direction: 'next', unread: false, sort: DEFAULT_LIST_SORT, filter: {} })).toBeNull();
  });

  it('keeps the list\'s own arrangement beside its own (every thread open): the list\'s next page is not arranged again', () => {
    const { list, ids, neighbour, folderId } = threaded();
    const query = { folderId, offset: 0, limit: 2, sort: DEFAULT_LIST_SORT, filter: {}, folding: { collapsed: [ids[0]!], collapseAll: false, expanded: [] } };
    expect(list.page(query).items.map((m) => m.uid)).toEqual([1, 5]);
    vi.mocked(arrangeThreads).mockClear();
    expect(neighbour(1, 'next')).toBe(2);
    expect(list.page({ ...query, offset: 1 }).items.map((m) => m.uid)).toEqual([5]);
    expect(neighbour(2, 'next')).toBe(3);
    expect(vi.mocked(arrangeThreads)).toHaveBeenCalledTimes(1);
  });
});

describe('ThreadedList keeps its arrangement while nothing changes', () => {
  it('serves the next page from it, and arranges anew once another connection commits (the worker reads beside the writers)', () => {
    const t = tempStore();
    dispose = t.dispose;
    const folderId = addFolder(t.store, 'imap', 'INBOX');
    t.store.write(() => t.store.messages.insertHeaders(folderId, [header(1, { messageId: '<a@t>', date: 1 }), header(2, { messageId: '<b@t>', date: 2 })]));
    const reader = openDatabase(t.store.db.name, { readonly: true });
    const list = new ThreadedList(reader);
    const query = { folderId, offset: 0, limit: 1, sort: DEFAULT_LIST_SORT, filter: {}, folding: { collapsed: [], collapseAll: false, expanded: [] } };
    const uids = () => [...list.page(query).items, ...list.page({ ...query, offset: 1, limit: 5 }).items].map((m) => m.uid);
    vi.mocked(arrangeThreads).mockClear();
    try {
      expect(uids()).toEqual([2, 1]);
      expect(vi.mocked(arrangeThreads)).toHaveBeenCalledTimes(1);
      t.store.write(() => t.store.messages.insertHeaders(folderId, [header(3, { messageId: '<c@t>', inReplyTo: '<a@t>', date: 3 })]));
      expect(uids()).toEqual([1, 3, 2]);
      expect(vi.mocked(arrangeThreads)).toHaveBeenCalledTimes(2);
    } finally {
      reader.close();
    }
  });
});
