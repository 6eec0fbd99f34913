import { afterEach, describe, expect, it } from 'vitest';
import type { Address } from '../../../src-main/ipc/contract';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { insertAccountRow, tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

let nextUid = 1;
function message(from: Address, to: Address[] = [], cc: Address[] = []): HeaderRecord {
  return {
    uid: nextUid++, uidl: null, messageId: null, inReplyTo: null, threadRoot: null, subject: 's', from, to, cc, date: Date.now(), internalDate: null,
    size: 0, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
}

function setup(): { store: Store; folder: (role: string | null, path: string) => number } {
  const t = tempStore();
  dispose = t.dispose;
  const store = t.store;
  const accountId = insertAccountRow(store, 'me@test.org');
  const folder = (role: string | null, path: string) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name, role) VALUES (?, ?, ?, ?)').run(accountId, path, path, role).lastInsertRowid);
  return { store, folder };
}

const ann = { name: 'Ann Lee', address: 'ann@example.com' };
const annie = { name: 'Annie Hall', address: 'annie@example.org' };
const zhang = { name: '张三丰', address: 'zsf@example.cn' };

describe('address suggestions (migration 0010)', () => {
  it('learns From, To and Cc of stored messages and ranks by use, a sent recipient counting more', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    const sent = folder('sent', 'Sent');
    store.write(() => store.messages.insertHeaders(inbox, [message(ann), message(ann), message(annie)]));
    expect(store.addressBook.suggest('ann', 5).map((s) => s.address)).toEqual(['ann@example.com', 'annie@example.org']);
    // One message written to Annie outweighs two received from Ann: people one writes to come first.
    store.write(() => store.messages.insertHeaders(sent, [message({ name: 'Me', address: 'me@test.org' }, [annie])]));
    expect(store.addressBook.suggest('ann', 5).map((s) => s.address)).toEqual(['annie@example.org', 'ann@example.com']);
  });

  it('matches names, Chinese ones by any of their characters, and addresses case-insensitively', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    store.write(() => store.messages.insertHeaders(inbox, [message(ann, [zhang], [{ name: '', address: 'Bob@Example.com' }])]));
    expect(store.addressBook.suggest('三丰', 5)).toEqual([{ name: '张三丰', address: 'zsf@example.cn', uses: 1 }]);
    expect(store.addressBook.suggest('BOB', 5).map((s) => s.address)).toEqual(['Bob@Example.com']);
    expect(store.addressBook.suggest('lee', 5).map((s) => s.address)).toEqual(['ann@example.com']);
  });

  it('puts what starts with the query before what merely contains it, and treats % and _ literally', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    const joann = { name: 'Jo', address: 'joann@example.com' };
    store.write(() => store.messages.insertHeaders(inbox, [message(joann), message(joann), message(joann), message(ann)]));
    expect(store.addressBook.suggest('ann', 5).map((s) => s.address)).toEqual(['ann@example.com', 'joann@example.com']);
    expect(store.addressBook.suggest('%', 5)).toEqual([]);
    expect(store.addressBook.suggest('  ', 5)).toEqual([]);
  });

  it('does not count drafts (saved again every few seconds) nor things that are not addresses', () => {
    const { store, folder } = setup();
    const drafts = folder('drafts', 'Drafts');
    const inbox = folder('inbox', 'INBOX');
    store.write(() => store.messages.insertHeaders(drafts, [message({ name: 'Me', address: 'me@test.org' }, [ann])]));
    store.write(() => store.messages.insertHeaders(inbox, [message({ name: 'Nobody', address: '' }, [{ name: 'x', address: 'undisclosed' }])]));
    expect(store.addressBook.suggest('ann', 5)).toEqual([]);
    expect(store.addressBook.suggest('undisclosed', 5)).toEqual([]);
    expect(store.addressBook.suggest('nobody', 5)).toEqual([]);
  });

  it('counts a new message once (several of one sender in one batch add up), a header stored again by a resumed sync not at all, a copy as a new message', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    const archive = folder('archive', 'Archive');
    const first = message(ann, [annie]);
    store.write(() => store.messages.insertHeaders(inbox, [first, message({ name: '', address: 'ANN@example.com' }), message(ann)]));
    expect(store.addressBook.suggest('ann', 5)).toEqual([
      { name: 'Ann Lee', address: 'ann@example.com', uses: 3 },
      { name: 'Annie Hall', address: 'annie@example.org', uses: 1 },
    ]);
    const [id] = store.write(() => store.messages.insertHeaders(inbox, [{ ...first, flags: ['\\Seen'] }]));
    expect(store.messages.get(id!)?.seen).toBe(true);
    expect(store.addressBook.suggest('annie', 5)[0]?.uses).toBe(1);
    store.write(() => store.messageChanges.copy(id!, archive));
    expect(store.addressBook.suggest('annie', 5)[0]?.uses).toBe(2);
  });
});

describe('the Address Book (migration 0032)', () => {
  it('lists by name (the address where there is none), with a count, filtered by any part of a name or address', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    store.write(() => store.messages.insertHeaders(inbox, [message(annie, [{ name: '', address: 'bob@example.net' }]), message(ann), message(zhang)]));
    const all = store.addressBook.list('', 0, 10);
    expect(all.total).toBe(4);
    expect(all.items.map((c) => c.name || c.address)).toEqual(['Ann Lee', 'Annie Hall', 'bob@example.net', '张三丰']);
    expect(all.items[0]).toMatchObject({ address: 'ann@example.com', uses: 1, saved: false });
    expect(store.addressBook.list('三', 0, 10).items.map((c) => c.address)).toEqual(['zsf@example.cn']);
    expect(store.addressBook.list('', 1, 2)).toMatchObject({ total: 4, items: [{ name: 'Annie Hall' }, { address: 'bob@example.net' }] });
  });

  it('lists Chinese names by their pinyin among the Latin ones, as a phone lists contacts', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    const people = [zhang, { name: '陈静', address: 'cj@example.cn' }, ann, { name: '李娜', address: 'ln@example.cn' }, { name: 'Émile Zola', address: 'ez@example.fr' }];
    store.write(() => store.messages.insertHeaders(inbox, people.map((person) => message(person))));
    expect(store.addressBook.list('', 0, 10).items.map((c) => c.name)).toEqual(['Ann Lee', '陈静', 'Émile Zola', '李娜', '张三丰']);
  });

  it('finds a Chinese name by its pinyin initials, in the composer\'s suggestions and the Address Book\'s search', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    const people = [zhang, { name: '李娜', address: 'ln@example.cn' }, { name: 'Zsuzsa Kovács', address: 'zk@example.hu' }, ann];
    store.write(() => store.messages.insertHeaders(inbox, people.map((person) => message(person))));
    // "zs": 张三丰's initials begin so, and Zsuzsa's name does; "zsf" is 张三丰 alone.
    expect(store.addressBook.suggest('zs', 5).map((s) => s.name).sort()).toEqual(['Zsuzsa Kovács', '张三丰']);
    expect(store.addressBook.suggest('ZSF', 5).map((s) => s.name)).toEqual(['张三丰']);
    expect(store.addressBook.list('ln', 0, 10)).toMatchObject({ total: 1, items: [{ name: '李娜' }] });
  });

  it('finds a Chinese name by its whole pinyin, its surname in any reading, and by a later syllable after the names that begin so', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    const people = [zhang, { name: '曾小贤', address: 'zxx@example.cn' }, { name: 'Feng Lin', address: 'fl@example.cn' }, { name: '吕布', address: 'lb@example.cn' }, { name: '张乐', address: 'zy@example.cn' }];
    store.write(() => store.messages.insertHeaders(inbox, people.map((person) => message(person))));
    expect(store.addressBook.suggest('zhangsanf', 5).map((s) => s.name)).toEqual(['张三丰']);
    expect(store.addressBook.suggest('zhangs', 5).map((s) => s.name)).toEqual(['张三丰']);
    expect(store.addressBook.suggest('zeng', 5).map((s) => s.name)).toEqual(['曾小贤']);
    // Also by the character's common reading, as one who does not know the surname's types it.
    expect(store.addressBook.suggest('cengx', 5).map((s) => s.name)).toEqual(['曾小贤']);
    // ü typed as v or as u.
    expect(store.addressBook.suggest('lvbu', 5).map((s) => s.name)).toEqual(['吕布']);
    expect(store.addressBook.suggest('lubu', 5).map((s) => s.name)).toEqual(['吕布']);
    // A given name's polyphone in each reading: 张乐 may be Zhang Yue as well as Zhang Le.
    expect(store.addressBook.suggest('zhangyue', 5).map((s) => s.name)).toEqual(['张乐']);
    expect(store.addressBook.suggest('zhangle', 5).map((s) => s.name)).toEqual(['张乐']);
    // "feng" begins Feng Lin's name, and only the last syllable of 张三丰's: Feng Lin first.
    expect(store.addressBook.suggest('feng', 5).map((s) => s.name)).toEqual(['Feng Lin', '张三丰']);
    expect(store.addressBook.list('xiaoxian', 0, 10)).toMatchObject({ total: 1, items: [{ name: '曾小贤' }] });
    // Listed with the Z's, by the surname's reading.
    expect(store.addressBook.list('', 0, 10).items.map((c) => c.name)).toEqual(['Feng Lin', '吕布', '曾小贤', '张乐', '张三丰']);
  });

  it('a name the user gave stays when mail later names the address otherwise; a collected one follows the mail', () => {
    const { store, folder } = setup();
    const inbox = folder('inbox', 'INBOX');
    store.write(() => store.messages.insertHeaders(inbox, [message(ann)]));
    expect(store.addressBook.save('ann@example.com', 'Ann (work)')).toMatchObject({ name: 'Ann (work)', uses: 1, saved: true, previousName: 'Ann Lee' });
    expect(store.addressBook.save('new@example.com', '新同事')).toMatchObject({ name: '新同事', uses: 0, saved: true, previousName: null });
    store.write(() => store.messages.insertHeaders(inbox, [message({ name: 'A. Lee', address: 'ANN@example.com' }), message({ name: 'Annie H.', address: annie.address })]));
    expect(store.addressBook.list('ann', 0, 10).items.map((c) => [c.address, c.name, c.uses])).toEqual([
      ['ann@example.com', 'Ann (work)', 2],
      ['annie@example.org', 'Annie H.', 1],
    ]);
    expect(store.addressBook.isSaved('NEW@example.com')).toBe(true);
  });
});
