import { afterEach, describe, expect, it } from 'vitest';
import type { StoreChange } from '../../../src-main/ipc/contract';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import { headerRecord, tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number, extra: Partial<HeaderRecord> = {}): HeaderRecord {
  return headerRecord({ uid, messageId: `<${uid}@test>`, subject: `Message ${uid}`, from: { name: 'A', address: 'a@test' }, date: uid * 1000, internalDate: uid * 1000, size: 100, ...extra });
}

function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const seen: StoreChange[][] = [];
  store.feed.onChanges((changes) => seen.push(changes));
  const folderId = Number(store.db.prepare("INSERT INTO folders (path, name) VALUES ('Local', 'Local')").run().lastInsertRowid);
  seen.length = 0;
  return { store, seen, folderId };
}

describe('Store change events', () => {
  it('announces inserted messages and the folder whose counts moved, once, after commit', () => {
    const { store, seen, folderId } = setup();
    const ids = store.write(() => store.messages.insertHeaders(folderId, [header(1), header(2)]));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(expect.arrayContaining([{ entity: 'messages', folderId, ids }, { entity: 'folders', accountId: null, ids: [folderId] }]));
  });

  it('announces nothing when the transaction rolls back', () => {
    const { store, seen, folderId } = setup();
    expect(() => store.write(() => {
      store.messages.insertHeaders(folderId, [header(1)]);
      throw new Error('boom');
    })).toThrow('boom');
    expect(seen).toHaveLength(0);
    expect(store.messages.page(folderId, 0, 10).total).toBe(0);
  });

  it('never duplicates a UID: a second insert only refreshes flags', () => {
    const { store, folderId } = setup();
    store.write(() => store.messages.insertHeaders(folderId, [header(1)]));
    store.write(() => store.messages.insertHeaders(folderId, [header(1, { flags: ['\\Seen', '$Label1'] })]));
    const page = store.messages.page(folderId, 0, 10);
    expect(page.total).toBe(1);
    expect(page.items[0]!.seen).toBe(true);
    expect(store.messages.get(page.items[0]!.id)!.flags).toEqual(['\\Seen', '$Label1']);
  });

  it('pages newest first, falling back to the internal date when Date is missing', () => {
    const { store, folderId } = setup();
    store.write(() => store.messages.insertHeaders(folderId, [header(1), header(3), header(2, { date: null, internalDate: 5000 })]));
    expect(store.messages.page(folderId, 0, 10).items.map((m) => m.uid)).toEqual([2, 3, 1]);
    expect(store.messages.page(folderId, 1, 1).items.map((m) => m.uid)).toEqual([3]);
  });

  it('reports only rows whose flags really changed', () => {
    const { store, seen, folderId } = setup();
    store.write(() => store.messages.insertHeaders(folderId, [header(1), header(2)]));
    seen.length = 0;
    const changed = store.write(() => store.messages.updateFlags(folderId, [{ uid: 1, flags: [], modseq: 2 }, { uid: 2, flags: ['\\Flagged'], modseq: 2 }]));
    expect(changed).toBe(1);
    expect(seen[0]!.find((c) => c.entity === 'messages')!.ids).toHaveLength(1);
  });
});

describe('AccountsRepo', () => {
  it('stores settings, gives the account a default identity, and cascades on removal', () => {
    const t = tempStore();
    dispose = t.dispose;
    const { store } = t;
    const id = store.write(() => {
      store.secrets.put('s1', { scheme: 'test', sealed: Buffer.from([1, 2, 3]) });
      return store.accounts.insert({
        name: 'Work', email: 'me@example.test', displayName: 'Me', protocol: 'imap',
        incoming: { host: 'imap.example.test', port: 993, security: 'tls', user: 'me' }, smtp: null,
        allowPlaintext: false, passwordSecretId: 's1', trustedCertSha256: null, trustedCertPem: null,
      });
    });
    expect(store.accounts.get(id)).toMatchObject({ email: 'me@example.test', incoming: { port: 993 }, smtp: null });
    expect(store.db.prepare('SELECT name, email, is_default FROM identities WHERE account_id = ?').all(id)).toEqual([{ name: 'Me', email: 'me@example.test', is_default: 1 }]);
    store.write(() => store.accounts.remove(id));
    expect(store.db.prepare('SELECT count(*) FROM identities').pluck().get()).toBe(0);
  });
});
