import { afterEach, describe, expect, it } from 'vitest';
import { MessageSearch, parseInPlace } from '../../../src-main/search/message-search';
import { disposeSearchStore, message, searchStore as setup } from './search-store';

afterEach(() => disposeSearchStore());

const ann = { name: 'Ann Lee', address: 'ann@example.com' };
const wang = { name: '王小明', address: 'wxm@example.cn' };

describe('full-text search over the store (migration 0013)', () => {
  it('finds English and Chinese words in subjects, names and addresses', async () => {
    const { store, folder, search } = setup();
    const inbox = folder('INBOX');
    const [english, chinese] = store.write(() =>
      store.messages.insertHeaders(inbox, [message('Quarterly budget review', ann), message('明天的会议改到下午', wang, [ann])]),
    );
    expect(await search('budget')).toEqual([english]);
    expect(await search('budg')).toEqual([english]);
    expect(await search('会议')).toEqual([chinese]);
    expect(await search('小明')).toEqual([chinese]);
    expect(await search('from:ann')).toEqual([english]);
    expect(await search('to:ann')).toEqual([chinese]);
    expect(await search('subject:"budget review"')).toEqual([english]);
    expect(await search('"review budget"')).toEqual([]);
    expect(await search('会议 budget')).toEqual([]);
    expect(await search('下午会议')).toEqual([]);
  });

  it('finds one Chinese character wherever it stands in a run, the last included', async () => {
    const { store, folder, search } = setup();
    const inbox = folder('INBOX');
    const [meeting, lao] = store.write(() =>
      store.messages.insertHeaders(inbox, [message('明天的会议改到下午', ann), message('问候', { name: '老王', address: 'lw@example.cn' })]),
    );
    expect(await search('午')).toEqual([meeting]);
    expect(await search('会')).toEqual([meeting]);
    expect(await search('王')).toEqual([lao]);
    expect(await search('from:王')).toEqual([lao]);
    expect(await search('到下午')).toEqual([meeting]);
  });

  it('finds a Chinese run followed by Latin letters or digits as the user typed it (项目A, 价格100)', async () => {
    const { store, folder, search } = setup();
    const inbox = folder('INBOX');
    const [project, room, price] = store.write(() =>
      store.messages.insertHeaders(inbox, [message('项目A 进度', ann), message('在会议室A开会', ann), message('价格100元', ann)]),
    );
    expect(await search('项目A')).toEqual([project]);
    expect(await search('会议室A')).toEqual([room]);
    expect(await search('价格100')).toEqual([price]);
    expect(await search('目')).toEqual([project]);
  });

  it('finds full-width letters and digits and half-width katakana by what they are (NFKC), both ways', async () => {
    const { store, folder, search } = setup();
    const inbox = folder('INBOX');
    const [budget, pdf, curry, plain] = store.write(() =>
      store.messages.insertHeaders(inbox, [message('２０２６年度预算', ann), message('ＰＤＦ文件请查收', ann), message('ｶﾚｰライス', ann), message('Report 2026 PDF', ann)]),
    );
    expect((await search('2026')).sort()).toEqual([budget, plain].sort());
    expect((await search('２０２６')).sort()).toEqual([budget, plain].sort());
    expect((await search('pdf')).sort()).toEqual([pdf, plain].sort());
    expect(await search('ＰＤＦ文件')).toEqual([pdf]);
    expect(await search('カレー')).toEqual([curry]);
    expect(await search('ｆｒｏｍ：ａｎｎ ｒｅｐｏｒｔ')).toEqual([plain]);
  });

  it('takes the quotation marks a Chinese input method types (“ ”) for a phrase\'s quotes', async () => {
    const { store, folder, search } = setup();
    const [english, chinese] = store.write(() =>
      store.messages.insertHeaders(folder('INBOX'), [message('Quarterly budget review', ann), message('第三季度报告 预算', ann)]),
    );
    expect(await search('“budget review”')).toEqual([english]);
    expect(await search('“review budget”')).toEqual([]);
    expect(await search('subject:“季度报告”')).toEqual([chinese]);
    expect(await search('“报告季度”')).toEqual([]);
  });

  it('reads a field prefix followed by a space (from: ann, subject： 会议) as the prefix, and one with nothing after as nothing', async () => {
    const { store, folder, search } = setup();
    const [fromAnn, aboutAnn] = store.write(() =>
      store.messages.insertHeaders(folder('INBOX'), [message('Quarterly budget review', ann), message('a note from ann about the 会议', wang)]),
    );
    expect(await search('from: ann')).toEqual([fromAnn]);
    expect(await search('FROM:  ann')).toEqual([fromAnn]);
    expect(await search('subject： 会议')).toEqual([aboutAnn]);
    expect(await search('from:')).toEqual([]);
    expect(await search('budget from:')).toEqual([fromAnn]);
  });

  it('finds a name written with a middle dot (列夫·托尔斯泰, コンピュータ・ウイルス) typed without it, and with it', async () => {
    const { store, folder, search } = setup();
    const [tolstoy, virus] = store.write(() =>
      store.messages.insertHeaders(folder('INBOX'), [message('列夫·托尔斯泰全集', ann), message('コンピュータ・ウイルスの報告', ann)]),
    );
    expect(await search('列夫托尔斯泰')).toEqual([tolstoy]);
    expect(await search('列夫·托尔斯泰')).toEqual([tolstoy]);
    expect(await search('托尔斯泰')).toEqual([tolstoy]);
    expect(await search('コンピュータウイルス')).toEqual([virus]);
    expect(await search('ウイルス')).toEqual([virus]);
  });

  it('takes a NUL byte in the query (pasted, or sent by a script) for nothing, never into SQLite', async () => {
    const { store, folder, search } = setup();
    const [english] = store.write(() => store.messages.insertHeaders(folder('INBOX'), [message('Quarterly budget review', ann)]));
    expect(await search('bud\u0000get')).toEqual([english]);
    expect(await search('"budget\u0000 review"')).toEqual([english]);
    expect(await search('subject:\u0000budget')).toEqual([english]);
    expect(await search('\u0000')).toEqual([]);
  });

  it('finds a body saved after the headers (the triggers queue the message again)', async () => {
    const { store, folder, search } = setup();
    const [id] = store.write(() => store.messages.insertHeaders(folder('INBOX'), [message('hello', ann)]));
    expect(await search('请准时参加')).toEqual([]);
    store.write(() => store.bodies.saveBody(id!, { text: '大家好，请准时参加。', html: null, warnings: [] }));
    expect(await search('准时参加')).toEqual([id]);
    store.write(() => store.bodies.saveBody(id!, { text: null, html: '<p>An <b>agenda</b> attached</p>', warnings: [] }));
    expect(await search('准时参加')).toEqual([]);
    expect(await search('agenda')).toEqual([id]);
  });

  it('says how many messages in scope have no stored text when a word is looked for in the text, and none for header-only words', async () => {
    const { store, folder, engine } = setup();
    const inbox = folder('INBOX');
    const [read] = store.write(() => store.messages.insertHeaders(inbox, [message('Budget', ann), message('Lunch', ann), message('会议', wang)]));
    store.write(() => {
      store.bodies.saveBody(read!, { text: 'The procurement figures', html: null, warnings: [] });
      store.messages.setBodyState(read!, 'text');
    });
    const answer = (query: string, scope: { folderId?: number } = {}) => engine.search({ query, offset: 0, limit: 10, ...scope });
    expect(await answer('procurement')).toMatchObject({ total: 1, textless: 2 });
    expect(await answer('body:会议')).toMatchObject({ total: 0, textless: 2 });
    expect(await answer('procurement', { folderId: folder('Archive') })).toMatchObject({ total: 0, textless: 0 });
    expect(await answer('from:ann')).toMatchObject({ total: 2, textless: 0 });
    expect(await answer('subject:lunch is:unread')).toMatchObject({ total: 1, textless: 0 });
    expect(await answer('is:unread')).toMatchObject({ total: 3, textless: 0 });
  });

  it('follows moves, deletes and the removal of the account', async () => {
    const { store, accountId, folder, search } = setup();
    const inbox = folder('INBOX');
    const archive = folder('Archive');
    const [a, b] = store.write(() => store.messages.insertHeaders(inbox, [message('travel plans', ann), message('travel receipts', ann)]));
    expect((await search('travel')).sort()).toEqual([a, b].sort());
    store.write(() => store.messageChanges.move(a!, archive, null));
    const engine = new MessageSearch(store, parseInPlace);
    const moved = await engine.search({ query: 'plans', offset: 0, limit: 10 });
    expect(moved.items.map((hit) => [hit.id, hit.folderPath, hit.folderName])).toEqual([[a, 'Archive', 'Archive']]);
    expect((await engine.search({ query: 'travel', folderId: inbox, offset: 0, limit: 10 })).items.map((hit) => hit.id)).toEqual([b]);
    store.write(() => store.messageChanges.remove([b!]));
    expect(await search('travel')).toEqual([a]);
    store.write(() => store.accounts.remove(accountId));
    expect(await search('travel')).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM message_search').pluck().get()).toBe(0);
  });

  it('scopes to an account, or to the local folders with accountId null', async () => {
    const { store, accountId, folder } = setup();
    const local = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, is_local) VALUES (NULL, 'Keep', 'Keep', 1)").run().lastInsertRowid);
    const [remote] = store.write(() => store.messages.insertHeaders(folder('INBOX'), [message('invoice 1', ann)]));
    const [kept] = store.write(() => store.messages.insertHeaders(local, [message('invoice 2', ann)]));
    const engine = new MessageSearch(store, parseInPlace);
    const ids = async (scope: { accountId?: number | null }) => (await engine.search({ query: 'invoice', offset: 0, limit: 10, ...scope })).items.map((h) => h.id);
    expect(await ids({ accountId })).toEqual([remote]);
    expect(await ids({ accountId: null })).toEqual([kept]);
    expect((await ids({})).sort()).toEqual([remote, kept].sort());
  });
});
