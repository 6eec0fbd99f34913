import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../../src-main/ipc/contract';
import { MessageSearch, parseInPlace } from '../../../src-main/search/message-search';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

let nextUid = 1;
function message(subject: string, from: Address, to: Address[] = []): HeaderRecord {
  return {
    uid: nextUid++, uidl: null, messageId: null, inReplyTo: null, subject, from, to, cc: [], date: Date.now(), internalDate: null,
    size: 0, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
}

function setup(): { store: Store; accountId: number; folder: (path: string) => number; search: (query: string) => Promise<number[]> } {
  const t = tempStore();
  dispose = t.dispose;
  const store = t.store;
  store.db.prepare("INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
  const accountId = Number(store.db.prepare(
    `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
     VALUES ('a', 'me@test.org', 'imap', 'h', 1, 'tls', 'a', 's', 0)`,
  ).run().lastInsertRowid);
  const folder = (path: string) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name) VALUES (?, ?, ?)').run(accountId, path, path).lastInsertRowid);
  const engine = new MessageSearch(store, parseInPlace);
  const search = async (query: string) => (await engine.search({ query, offset: 0, limit: 100 })).items.map((hit) => hit.id);
  return { store, accountId, folder, search };
}

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

  it('follows moves, deletes and the removal of the account', async () => {
    const { store, accountId, folder, search } = setup();
    const inbox = folder('INBOX');
    const archive = folder('Archive');
    const [a, b] = store.write(() => store.messages.insertHeaders(inbox, [message('travel plans', ann), message('travel receipts', ann)]));
    expect((await search('travel')).sort()).toEqual([a, b].sort());
    store.write(() => store.messageChanges.move(a!, archive, null));
    const engine = new MessageSearch(store, parseInPlace);
    const moved = await engine.search({ query: 'plans', offset: 0, limit: 10 });
    expect(moved.items.map((hit) => [hit.id, hit.folderPath])).toEqual([[a, 'Archive']]);
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
