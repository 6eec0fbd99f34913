import { afterEach, describe, expect, it } from 'vitest';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number | null, messageId: string | null): HeaderRecord {
  return {
    uid, uidl: null, messageId, inReplyTo: null, subject: '', from: { name: '', address: '' }, to: [], cc: [], date: null,
    internalDate: null, size: 0, flags: [], hasAttachments: false, structure: null, modseq: null,
  };
}

function setup(): { store: Store; accountId: number; inbox: number; local: number } {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  store.db.prepare("INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
  const accountId = Number(store.db.prepare(
    `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
     VALUES ('a', 'a@test', 'imap', 'h', 993, 'tls', 'a', 's', 0)`,
  ).run().lastInsertRowid);
  const inbox = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, uidvalidity) VALUES (?, 'INBOX', 'INBOX', 1700)").run(accountId).lastInsertRowid);
  const local = Number(store.db.prepare("INSERT INTO folders (path, name, is_local) VALUES ('Local', 'Local', 1)").run().lastInsertRowid);
  return { store, accountId, inbox, local };
}

describe('PendingFlagsRepo', () => {
  it('records the UIDVALIDITY, UID and Message-ID a change was made under, keeping only the latest wish', () => {
    const { store, accountId, inbox } = setup();
    const [id] = store.write(() => store.messages.insertHeaders(inbox, [header(41, '<a@test>')]));
    store.write(() => store.pendingFlags.add(id!, '\\Seen', true));
    store.write(() => store.pendingFlags.add(id!, '\\Seen', false));
    expect(store.pendingFlags.forAccount(accountId)).toEqual([
      { id: expect.any(Number), folderId: inbox, folderPath: 'INBOX', uidvalidity: 1700, uid: 41, messageIdHeader: '<a@test>', flag: '\\Seen', value: false },
    ]);
  });

  it('queues nothing for a message with no copy on a server', () => {
    const { store, accountId, inbox, local } = setup();
    const [ghost] = store.write(() => store.messages.insertHeaders(inbox, [header(null, null)]));
    const [draft] = store.write(() => store.messages.insertHeaders(local, [header(3, null)]));
    expect(store.write(() => store.pendingFlags.add(ghost!, '\\Seen', true))).toBe(false);
    expect(store.write(() => store.pendingFlags.add(draft!, '\\Seen', true))).toBe(false);
    expect(store.db.prepare('SELECT count(*) FROM pending_flag_changes').pluck().get()).toBe(0);
    expect(store.pendingFlags.forAccount(accountId)).toEqual([]);
  });

  it('keeps the wish when the folder is cleared for a new UIDVALIDITY', () => {
    const { store, accountId, inbox } = setup();
    const [id] = store.write(() => store.messages.insertHeaders(inbox, [header(41, '<a@test>')]));
    store.write(() => store.pendingFlags.add(id!, '\\Flagged', true));
    store.write(() => store.messages.clearFolder(inbox));
    expect(store.pendingFlags.forAccount(accountId)).toEqual([expect.objectContaining({ uidvalidity: 1700, uid: 41, messageIdHeader: '<a@test>', flag: '\\Flagged' })]);
  });
});
