import { afterEach, describe, expect, it } from 'vitest';
import type { ImapClient } from '../../../src-main/imap/imap-client';
import { WrenError } from '../../../src-main/errors/wren-error';
import { loadMailingList } from '../../../src-main/messages/mailing-list';
import { loadReceiptRequest } from '../../../src-main/messages/return-receipt';
import { loadParentHeaders } from '../../../src-main/compose/parent-headers';
import { addAccount, addFolder, tempStore } from '../store/temp-store';

const BLOCK = Buffer.from(
  [
    'From: Weekly <news@lists.example.org>',
    'Subject: This week',
    'References: <a@x>',
    'Disposition-Notification-To: <news@lists.example.org>',
    'X-Priority: 1 (Highest)',
    'List-Unsubscribe: <https://lists.example.org/u>',
    '',
    '',
  ].join('\r\n'),
);

/** Stands in for the server: a fake client whose fetchOne answers the header block, counting the fetches. */
function countingServer(block: Buffer | null) {
  const fetches: unknown[] = [];
  const client = {
    enabled: new Set<string>(),
    mailbox: false as unknown,
    async getMailboxLock(path: string) {
      client.mailbox = { path, uidValidity: 1n, exists: 1 };
      return { path, release: () => undefined };
    },
    noop: async () => undefined,
    fetchOne: async (_uid: string, query: unknown) => {
      fetches.push(query);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return block ? { headers: block } : false;
    },
  };
  const withImap = <T>(work: (c: ImapClient) => Promise<T>) => work(client as unknown as ImapClient);
  return { fetches, withImap };
}

let t: ReturnType<typeof tempStore> | undefined;
afterEach(() => t?.dispose());

function storedMessage() {
  t = tempStore();
  const inbox = addFolder(t.store, addAccount(t.store, 'work'), 'INBOX', 'inbox');
  const id = Number(t.store.db.prepare("INSERT INTO messages (folder_id, uid, subject, sort_date) VALUES (?, 7, 'This week', 1)").run(inbox).lastInsertRowid);
  return { store: t.store, record: t.store.messages.get(id)! };
}

const offline = async () => {
  throw new WrenError('Offline', 'no network');
};

describe('the header block of a message without a cached source', () => {
  it('is fetched once, whole, for the list links, the receipt request and an answer asked at the same time', async () => {
    const { store, record } = storedMessage();
    const server = countingServer(BLOCK);
    const [list, receipt, parent] = await Promise.all([
      loadMailingList(store, record, server.withImap),
      loadReceiptRequest(store, record, server.withImap),
      loadParentHeaders(store, record, server.withImap),
    ]);
    expect(server.fetches).toEqual([{ uid: true, headers: true }]);
    expect(list?.unsubscribe?.web).toBe('https://lists.example.org/u');
    expect(receipt).toEqual({ to: 'news@lists.example.org', elsewhere: false });
    expect(parent).toMatchObject({ references: ['<a@x>'], priority: 'highest' });
  });

  it('is kept, so the same answers come offline and later openings ask the server nothing', async () => {
    const { store, record } = storedMessage();
    const server = countingServer(BLOCK);
    await loadMailingList(store, record, server.withImap);
    expect(store.bodies.headerBlock(record.id)).toEqual(BLOCK);
    expect((await loadReceiptRequest(store, record, offline))?.to).toBe('news@lists.example.org');
    expect((await loadParentHeaders(store, record, offline)).priority).toBe('highest');
    await loadMailingList(store, record, server.withImap);
    expect(server.fetches).toHaveLength(1);
  });

  it('goes with a copy of the message to another folder', async () => {
    const { store, record } = storedMessage();
    await loadMailingList(store, record, countingServer(BLOCK).withImap);
    const archive = addFolder(store, record.accountId!, 'Archive', 'archive');
    const copyId = store.messageChanges.copy(record.id, archive);
    expect(store.bodies.headerBlock(copyId)).toEqual(BLOCK);
  });

  it('is nothing kept when the message is gone on the server, and is asked again next time', async () => {
    const { store, record } = storedMessage();
    const gone = countingServer(null);
    expect(await loadMailingList(store, record, gone.withImap)).toBeNull();
    expect(await loadReceiptRequest(store, record, gone.withImap)).toBeNull();
    expect(store.bodies.headerBlock(record.id)).toBeUndefined();
    expect(gone.fetches).toHaveLength(2);
  });
});
