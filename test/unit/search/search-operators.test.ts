import { afterEach, describe, expect, it } from 'vitest';
import { readSearchQuery, searchAskOf } from '../../../src-main/search/search-query';
import { disposeSearchStore, message, searchStore as setup } from './search-store';
import type { Store } from '../../../src-main/store/store';
import { addAccount, addFolder } from '../store/temp-store';

afterEach(() => disposeSearchStore());

const NOW = new Date(2026, 11, 5, 15, 30).getTime();
const ann = { name: 'Ann Lee', address: 'ann@example.com' };

describe('search operators', () => {
  it('reads the state, attachment, date and size operators beside the words', () => {
    const { terms, conditions } = readSearchQuery('budget is:unread IS:Starred has:attachment after:2026-11-01 before:2026/12/1 larger:1.5M smaller:200k', NOW);
    expect(terms).toEqual([{ text: 'budget', phrase: false, column: null, negated: false }]);
    expect(conditions).toEqual({
      unread: true, flagged: true, attachments: true,
      after: new Date(2026, 10, 1).getTime(), before: new Date(2026, 11, 1).getTime(),
      larger: 1.5 * 1024 * 1024, smaller: 200 * 1024,
    });
  });

  it('reads a Chinese date, full-width digits and a blank after the colon', () => {
    expect(readSearchQuery('after: 2026年11月5日 before:２０２６-１２-０１', NOW).conditions).toEqual({
      after: new Date(2026, 10, 5).getTime(), before: new Date(2026, 11, 1).getTime(),
    });
  });

  it('counts older_than and newer_than back from now, months by the calendar', () => {
    expect(readSearchQuery('older_than:7d', NOW).conditions).toEqual({ before: NOW - 7 * 86_400_000 });
    expect(readSearchQuery('newer_than:2w', NOW).conditions).toEqual({ after: NOW - 14 * 86_400_000 });
    expect(readSearchQuery('newer_than:1m', NOW).conditions).toEqual({ after: new Date(2026, 10, 5, 15, 30).getTime() });
    expect(readSearchQuery('older_than:1y', NOW).conditions).toEqual({ before: new Date(2025, 11, 5, 15, 30).getTime() });
  });

  it('reads a tag by its number, its English name or its Chinese one; two tags ask for both', () => {
    expect(readSearchQuery('tag:Work tag:重要 tag:3 tag:to-do', NOW).conditions).toEqual({ tags: ['$label2', '$label1', '$label3', '$label4'] });
    expect(readSearchQuery('tag:urgent', NOW).terms.map((term) => term.text)).toEqual(['tag:urgent']);
  });

  it('keeps the stricter of two dates or sizes', () => {
    expect(readSearchQuery('after:2026-01-01 after:2026-06-01 before:2026-12-01 before:2026-09-01 larger:1k larger:2k', NOW).conditions).toEqual({
      after: new Date(2026, 5, 1).getTime(), before: new Date(2026, 8, 1).getTime(), larger: 2048,
    });
  });

  it('searches an operator whose value means nothing to it as text, and drops one typed without a value yet', () => {
    const { terms, conditions } = readSearchQuery('is:soon before:2026-02-30 larger:lots has:', NOW);
    expect(conditions).toEqual({});
    expect(terms.map((term) => term.text)).toEqual(['is:soon', 'before:2026-02-30', 'larger:lots']);
  });

  it('names the words before a colon that are no operator, which are searched as text; not a time, a link nor a known operator', () => {
    const { terms, unknownOperators } = readSearchQuery('foo:bar -Project:x foo:baz 10:30 下午3:30 http://example.com mailto:ann@example.com from:ann is:soon Re: subject:"a b"', NOW);
    expect(unknownOperators).toEqual(['foo:', 'Project:']);
    expect(terms.map((term) => term.text)).toEqual(expect.arrayContaining(['foo:bar', '-Project:x', '10:30', 'http://example.com']));
    expect(searchAskOf('budget foo:bar', NOW)).toMatchObject({ unknownOperators: ['foo:'] });
    expect(searchAskOf('is:unread from:ann', NOW)).not.toHaveProperty('unknownOperators');
  });

  it('asks for nothing only when there is neither a word nor an operator', () => {
    expect(searchAskOf('', NOW)).toBeNull();
    expect(searchAskOf('before:', NOW)).toBeNull();
    expect(searchAskOf('is:unread', NOW)).toEqual({ match: null, exclude: null, conditions: { unread: true }, readsText: false });
    expect(searchAskOf('is:read 会议', NOW)).toEqual({ match: '"会议"', exclude: null, conditions: { unread: false }, readsText: true });
    expect(searchAskOf('-newsletter -from:ann', NOW)).toEqual({ match: null, exclude: '"newsletter" * OR {sender} : ("ann" *)', conditions: {}, readsText: false });
  });

  it('reads a minus before a word, a phrase, a field or an operator as "leave out"; a minus inside a word is the word\'s', () => {
    const { terms, conditions } = readSearchQuery('budget -draft -"next week" -from:ann e-mail -is:unread -has:attachment -tag:work -in:Trash', NOW);
    expect(terms).toEqual([
      { text: 'budget', phrase: false, column: null, negated: false },
      { text: 'draft', phrase: false, column: null, negated: true },
      { text: 'next week', phrase: true, column: null, negated: true },
      { text: 'ann', phrase: false, column: 'sender', negated: true },
      { text: 'e-mail', phrase: false, column: null, negated: false },
    ]);
    expect(conditions).toEqual({ unread: false, attachments: false, withoutTags: ['$label2'], notFolders: ['trash'] });
  });

  it('turns a left-out date or size into its other side: before a day is on or after it', () => {
    expect(readSearchQuery('-before:2026-11-01 -larger:1k', NOW).conditions).toEqual({ after: new Date(2026, 10, 1).getTime(), smaller: 1025 });
    expect(readSearchQuery('-older_than:7d -smaller:10', NOW).conditions).toEqual({ after: NOW - 7 * 86_400_000, larger: 9 });
  });

  it('joins words, phrases and fields with OR in capitals, Gmail\'s way; not an operator, a minus-word or a lower-case or', () => {
    expect(searchAskOf('from:ann OR from:bob budget', NOW)!.match).toBe('({sender} : ("ann" *) OR {sender} : ("bob" *)) AND "budget" *');
    expect(searchAskOf('"weekly digest" OR 周报 OR newsletter', NOW)!.match).toBe('("weekly digest" OR "周报" OR "newsletter" *)');
    expect(searchAskOf('budget or plan', NOW)!.match).toBe('"budget" * AND "or" * AND "plan" *');
    // Beside an operator or a minus-word an OR joins nothing: those always narrow.
    expect(searchAskOf('is:unread OR budget', NOW)).toEqual({ match: '"budget" *', exclude: null, conditions: { unread: true }, readsText: true });
    expect(searchAskOf('budget OR -draft', NOW)).toEqual({ match: '"budget" *', exclude: '"draft" *', conditions: {}, readsText: true });
    expect(searchAskOf('OR budget', NOW)!.match).toBe('"budget" *');
    expect(searchAskOf('"OR" budget', NOW)!.match).toBe('"OR" AND "budget" *');
    expect(searchAskOf('budget OR', NOW)!.match).toBe('"budget" *');
  });

  it('reads in: as a folder, several as any of them', () => {
    expect(readSearchQuery('in:Inbox in:"Projects/2026" in:已发送', NOW).conditions).toEqual({ folders: ['inbox', 'projects/2026', '已发送'] });
  });

  it('reads OR between operators as either of them, and leaves an OR between a word and an operator out', () => {
    expect(readSearchQuery('is:unread OR is:flagged', NOW).conditions).toEqual({ either: [[{ unread: true }, { flagged: true }]] });
    expect(readSearchQuery('budget is:unread OR -is:read OR has:attachment larger:5M', NOW)).toEqual({
      terms: [{ text: 'budget', phrase: false, column: null, negated: false }],
      conditions: { either: [[{ unread: true }, { unread: true }, { attachments: true }]], larger: 5 * 1024 ** 2 },
    });
    expect(readSearchQuery('in:sent OR account:local in:inbox OR tag:work', NOW).conditions).toEqual({
      either: [[{ folders: ['sent'] }, { accounts: ['local'] }], [{ folders: ['inbox'] }, { tags: ['$label2'] }]],
    });
    // A word and an operator: the OR joins nothing, both narrow.
    expect(searchAskOf('budget OR is:flagged', NOW)).toEqual({ match: '"budget" *', exclude: null, conditions: { flagged: true }, readsText: true });
  });

  it('reads account: as an account, several as any of them, and -account: as none of them', () => {
    expect(readSearchQuery('account:Work@Example.com account:"Home mail" budget', NOW).conditions).toEqual({ accounts: ['work@example.com', 'home mail'] });
    expect(readSearchQuery('-account:本地文件夹', NOW).conditions).toEqual({ notAccounts: ['本地文件夹'] });
    // Nothing named yet (the menu typed "account:" and the name is still to come): no condition, no word.
    expect(readSearchQuery('budget account:', NOW)).toMatchObject({ conditions: {} });
  });
});

describe('operators over the store', () => {
  function filled() {
    const context = setup();
    const inbox = context.folder('INBOX');
    const day = (month: number, date: number) => new Date(2026, month - 1, date, 12).getTime();
    const rows = [
      { ...message('Budget for November', ann), date: day(11, 3), size: 2_000, flags: ['\\Seen'] },
      { ...message('Budget draft', ann), date: day(11, 20), size: 3_000_000, hasAttachments: true, flags: ['\\Flagged', '$label2', '$label5'] },
      { ...message('会议纪要', ann), date: day(12, 1), size: 50_000, flags: ['\\Seen', '\\Answered'] },
      { ...message('Lunch', ann), date: day(10, 1), size: 900 },
    ];
    const ids = context.store.write(() => context.store.messages.insertHeaders(inbox, rows));
    return { ...context, ids };
  }

  it('narrows by read state, flag, answer and attachment, with or without words', async () => {
    const { search, ids: [november, draft, minutes, lunch] } = filled();
    expect(await search('is:unread')).toEqual([draft, lunch]);
    expect(await search('budget is:unread')).toEqual([draft]);
    expect(await search('budget is:read')).toEqual([november]);
    expect(await search('is:flagged')).toEqual([draft]);
    expect(await search('is:unflagged is:unread')).toEqual([lunch]);
    expect(await search('is:answered')).toEqual([minutes]);
    expect(await search('has:attachment')).toEqual([draft]);
    expect(await search('tag:work')).toEqual([draft]);
    expect(await search('tag:工作 tag:later budget')).toEqual([draft]);
    expect(await search('tag:work tag:important')).toEqual([]);
  });

  it('narrows by the day sent (local days, the end of before: excluded) and by size', async () => {
    const { search, ids: [november, draft, minutes, lunch] } = filled();
    expect(await search('after:2026-11-01 before:2026-12-01')).toEqual([draft, november]);
    expect(await search('before:2026-11-03')).toEqual([lunch]);
    expect(await search('after:2026-12-01')).toEqual([minutes]);
    expect(await search('larger:1M')).toEqual([draft]);
    expect(await search('smaller:1k')).toEqual([lunch]);
    expect(await search('会议 larger:10k')).toEqual([minutes]);
    expect(await search('会议 larger:100k')).toEqual([]);
  });

  it('finds either of two words joined by OR', async () => {
    const { search, ids: [november, draft, minutes, lunch] } = filled();
    expect(await search('lunch OR 会议')).toEqual([minutes, lunch]);
    expect(await search('budget november OR lunch')).toEqual([november]);
    expect(await search('draft OR lunch OR 会议 -is:read')).toEqual([draft, lunch]);
    expect(november).toBeGreaterThan(0);
  });

  it('leaves out what a minus names: words, phrases, senders, states, tags and sizes', async () => {
    const { store, search, ids: [november, draft, minutes, lunch] } = filled();
    const bob = { name: 'Bob', address: 'bob@example.com' };
    const inbox = store.folders.list(store.accounts.list()[0]!.id).find((f) => f.path === 'INBOX')!.id;
    const [fromBob] = store.write(() => store.messages.insertHeaders(inbox, [{ ...message('Budget notes', bob), date: new Date(2026, 10, 25).getTime(), size: 10 }]));
    expect(await search('budget -draft')).toEqual([fromBob, november]);
    expect(await search('budget -from:ann')).toEqual([fromBob]);
    expect(await search('budget -"budget for"')).toEqual([fromBob, draft]);
    expect(await search('-budget')).toEqual([minutes, lunch]);
    expect(await search('-budget -会议')).toEqual([lunch]);
    expect(await search('budget -is:unread')).toEqual([november]);
    expect(await search('-has:attachment -tag:work budget')).toEqual([fromBob, november]);
    expect(await search('-larger:1k -smaller:100')).toEqual([lunch]);
    expect(await search('-larger:1k')).toEqual([fromBob, lunch]);
  });

  it('narrows to folders by role in English or Chinese, by path or by name; -in: leaves one out', async () => {
    const { store, accountId, folder, search, ids: [november, draft, minutes, lunch] } = filled();
    store.db.prepare("UPDATE folders SET role = 'inbox' WHERE path = 'INBOX'").run();
    const sent = folder('Sent Items');
    store.db.prepare("UPDATE folders SET role = 'sent' WHERE id = ?").run(sent);
    const project = folder('Projects/Wren');
    store.db.prepare("UPDATE folders SET name = 'Wren' WHERE id = ?").run(project);
    const [reply, plan] = store.write(() => [
      ...store.messages.insertHeaders(sent, [{ ...message('Re: Budget', ann), date: new Date(2026, 11, 2).getTime() }]),
      ...store.messages.insertHeaders(project, [{ ...message('Budget plan', ann), date: new Date(2026, 11, 3).getTime() }]),
    ]);
    expect(accountId).toBeGreaterThan(0);
    expect(await search('budget in:sent')).toEqual([reply]);
    expect(await search('budget in:已发送')).toEqual([reply]);
    expect(await search('in:"sent items"')).toEqual([reply]);
    expect(await search('budget in:wren')).toEqual([plan]);
    expect(await search('budget in:projects/wren')).toEqual([plan]);
    expect(await search('budget in:inbox in:sent')).toEqual([reply, draft, november]);
    expect(await search('budget -in:inbox')).toEqual([plan, reply]);
    expect(await search('in:收件箱 is:unread')).toEqual([draft, lunch]);
    expect(minutes).toBeGreaterThan(0);
  });

  /**
   * Another account (`user`@example.test, named `name`) and one message from Ann in each folder given, sent that day of
   * December 2026; a folder marked `local` is one of the Local Folders instead. The messages' ids, in that order.
   */
  function mailIn(store: Store, user: string, name: string, folders: { path: string; role: string | null; subject: string; day: number; local?: true }[]): number[] {
    const account = addAccount(store, user);
    store.db.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(name, account);
    return store.write(() => folders.flatMap((folder) => {
      const id = addFolder(store, folder.local ? null : account, folder.path, folder.role);
      return store.messages.insertHeaders(id, [{ ...message(folder.subject, ann), date: new Date(2026, 11, folder.day).getTime() }]);
    }));
  }

  it('narrows to accounts by address or name, and to the Local Folders in English or Chinese; -account: leaves one out', async () => {
    const { store, search, ids: [november, draft, minutes, lunch] } = filled();
    const [atHome, kept] = mailIn(store, 'home', 'Home mail', [
      { path: 'INBOX', role: 'inbox', subject: 'Budget at home', day: 4 },
      { path: 'Archive', role: null, subject: 'Budget kept', day: 5, local: true },
    ]);
    expect(await search('budget account:home@example.test')).toEqual([atHome]);
    expect(await search('budget account:"HOME MAIL"')).toEqual([atHome]);
    expect(await search('budget account:me@test.org')).toEqual([draft, november]);
    expect(await search('budget account:local')).toEqual([kept]);
    expect(await search('budget account:本地文件夹')).toEqual([kept]);
    expect(await search('budget account:local account:home@example.test')).toEqual([kept, atHome]);
    // The Local Folders have no account: leaving one account out keeps them.
    expect(await search('budget -account:home@example.test')).toEqual([kept, draft, november]);
    expect(await search('budget -account:local')).toEqual([atHome, draft, november]);
    expect(await search('account:"home mail" in:inbox')).toEqual([atHome]);
    expect(await search('budget account:nobody@example.test')).toEqual([]);
    expect([minutes, lunch]).toHaveLength(2);
  });

  it('finds either of two operators joined by OR, beside words and other operators', async () => {
    const { search, ids: [november, draft, minutes, lunch] } = filled();
    expect(await search('is:answered OR is:flagged')).toEqual([minutes, draft]);
    expect(await search('is:answered OR is:flagged OR smaller:1k')).toEqual([minutes, draft, lunch]);
    expect(await search('budget is:answered OR is:flagged')).toEqual([draft]);
    expect(await search('is:unread OR larger:1M -has:attachment')).toEqual([lunch]);
    expect(await search('before:2026-11-10 OR after:2026-12-01 is:read')).toEqual([minutes, november]);
    expect(await search('tag:work OR tag:important is:unread OR is:answered')).toEqual([draft]);
    expect(november).toBeGreaterThan(0);
  });

  it('names folders and accounts in any script\'s case and any width, as the query is read', async () => {
    const { store, search, ids: [november, draft, minutes, lunch] } = filled();
    const [letter, report] = mailIn(store, 'ivan', 'Почта Ивана', [
      { path: 'Входящие', role: 'inbox', subject: 'Budget письмо', day: 6 },
      { path: 'ＲＥＰＯＲＴＳ', role: null, subject: 'Budget report', day: 7 },
    ]);
    // SQLite's lower() would leave the capital В and И as they are.
    expect(await search('budget in:входящие')).toEqual([letter]);
    expect(await search('budget account:"почта ивана"')).toEqual([report, letter]);
    expect(await search('budget -account:"ПОЧТА ИВАНА"')).toEqual([draft, november]);
    // Full-width letters, as a Chinese input method types them, name the folder too.
    expect(await search('budget in:reports')).toEqual([report]);
    expect(await search('budget in:ｒｅｐｏｒｔｓ')).toEqual([report]);
    expect([minutes, lunch]).toHaveLength(2);
  });

  it('answers operators alone without waiting for the index, and says nothing is missing from them', async () => {
    const { engine, ids: [, draft] } = filled();
    // Nothing has been indexed yet: the four messages wait in the queue.
    const answer = await engine.search({ query: 'has:attachment', offset: 0, limit: 10 });
    expect(answer).toMatchObject({ total: 1, unindexed: 0 });
    expect(answer.items.map((hit) => hit.id)).toEqual([draft]);
  });

  it('answers with the unknown operators it searched as text, and none when there were none', async () => {
    const { engine } = filled();
    expect((await engine.search({ query: 'budget foo:bar', offset: 0, limit: 10 })).unknownOperators).toEqual(['foo:']);
    expect(await engine.search({ query: 'budget is:unread', offset: 0, limit: 10 })).not.toHaveProperty('unknownOperators');
  });
});
