import { afterEach, describe, expect, it } from 'vitest';
import { inboxUnread } from '../../../src-main/app/inbox-unread';
import { tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

describe('inboxUnread', () => {
  it('adds up the unread messages of every account’s Inbox, and only the Inbox', () => {
    const t = tempStore();
    dispose = t.dispose;
    const { store } = t;
    store.db.prepare("INSERT INTO secrets (id, scheme, sealed) VALUES ('s', 'test', x'00')").run();
    for (const email of ['a@test', 'b@test']) {
      const accountId = Number(store.db.prepare(
        `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
         VALUES (?, ?, 'imap', 'h', 1, 'tls', 'a', 's', 0)`,
      ).run(email, email).lastInsertRowid);
      const remote = (path: string, role: 'inbox' | null) => ({ path, name: path, parentPath: null, delimiter: '/', role, selectable: true, subscribed: true });
      store.write(() => store.folders.replaceRemote(accountId, [remote('INBOX', 'inbox'), remote('Later', null)]));
      for (const folder of store.folders.list(accountId)) {
        store.write(() => store.messages.insertHeaders(folder.id, [1, 2].map((uid) => ({
          uid, uidl: null, messageId: null, inReplyTo: null, threadRoot: null, subject: '', from: { name: '', address: '' }, to: [], cc: [], date: null,
          internalDate: null, size: 0, flags: uid === 2 ? ['\\Seen'] : [], hasAttachments: false, structure: null, modseq: null,
        }))));
      }
    }
    expect(inboxUnread(store)).toBe(2);
  });
});
