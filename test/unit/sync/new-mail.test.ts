import { afterEach, describe, expect, it } from 'vitest';
import type { Events, FolderRole } from '../../../src-main/ipc/contract';
import type { FolderRecord } from '../../../src-main/store/folders-repo';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { NewMailNotices } from '../../../src-main/sync/new-mail';
import { headerRecord, insertAccountRow, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number, extra: Partial<HeaderRecord> = {}): HeaderRecord {
  return headerRecord({ uid, subject: `Message ${uid}`, from: { name: `Sender ${uid}`, address: `s${uid}@test` }, ...extra });
}

function setup(): { store: Store; accountId: number; events: Events['mail.new'][]; notices: NewMailNotices } {
  const t = tempStore();
  dispose = t.dispose;
  const store = t.store;
  const accountId = insertAccountRow(store, 'a@test');
  const events: Events['mail.new'][] = [];
  return { store, accountId, events, notices: new NewMailNotices(store, (event) => events.push(event)) };
}

/** The account's folders as a folder-list sync leaves them, each synced before if it has a UIDVALIDITY. */
function folders(store: Store, accountId: number, specs: { path: string; role: FolderRole | null; uidvalidity: number | null }[]) {
  const remote = specs.map(({ path, role }) => ({ path, name: path, parentPath: null, delimiter: '/', role, selectable: true, subscribed: true }));
  store.write(() => store.folders.replaceRemote(accountId, remote));
  return specs.map(({ path, uidvalidity }) => {
    const record = store.folders.list(accountId).find((f) => f.path === path)!;
    if (uidvalidity !== null) store.write(() => store.folders.setSyncState(record.id, { uidvalidity, uidnext: null, highestmodseq: null }));
    return store.folders.get(record.id)!;
  });
}

const folder = (store: Store, accountId: number, path: string, role: FolderRole | null, uidvalidity: number | null) =>
  folders(store, accountId, [{ path, role, uidvalidity }])[0]!;

const insert = (store: Store, folderId: number, records: HeaderRecord[]) => store.write(() => store.messages.insertHeaders(folderId, records));

describe('NewMailNotices', () => {
  it('announces the unread messages a sync stored, newest first, with sender and subject', () => {
    const { store, accountId, events, notices } = setup();
    const inbox = folder(store, accountId, 'INBOX', 'inbox', 7);
    insert(store, inbox.id, [header(1)]);
    const marks = notices.mark([inbox]);
    const [two, three] = insert(store, inbox.id, [header(2), header(3), header(4, { flags: ['\\Seen'] })]);
    notices.announce(marks);
    expect(events).toEqual([{ accountId, folderId: inbox.id, ids: [three, two], messages: [
      { id: three, subject: 'Message 3', from: { name: 'Sender 3', address: 's3@test' } },
      { id: two, subject: 'Message 2', from: { name: 'Sender 2', address: 's2@test' } },
    ] }]);
  });

  it('says nothing of a message the folder held before its last sync (below its UIDNEXT), put back after a refused move', () => {
    const { store, accountId, events, notices } = setup();
    const inbox = folder(store, accountId, 'INBOX', 'inbox', 7);
    const [moved] = insert(store, inbox.id, [header(5)]);
    store.write(() => store.folders.setSyncState(inbox.id, { uidvalidity: 7, uidnext: 6, highestmodseq: null }));
    // Moved away here first (local first); the server refused, so the sync stores it again, under its old UID.
    store.write(() => store.messages.removeUids(inbox.id, [5]));
    const marks = notices.mark([store.folders.get(inbox.id)!]);
    const [back, fresh] = insert(store, inbox.id, [header(5), header(6)]);
    notices.announce(marks);
    expect(events.map((event) => event.ids)).toEqual([[fresh]]);
    expect(back).toBeGreaterThan(moved!);
  });

  it('says nothing about the first sync of a folder, nor about Sent, Trash or Junk', () => {
    const { store, accountId, events, notices } = setup();
    const [fresh, sent, junk] = folders(store, accountId, [
      { path: 'INBOX', role: 'inbox', uidvalidity: null }, { path: 'Sent', role: 'sent', uidvalidity: 1 }, { path: 'Junk', role: 'junk', uidvalidity: 1 },
    ]) as [FolderRecord, FolderRecord, FolderRecord];
    const marks = notices.mark([fresh, sent, junk]);
    insert(store, fresh.id, [header(1)]);
    insert(store, sent.id, [header(1)]);
    insert(store, junk.id, [header(1)]);
    notices.announce(marks);
    expect(events).toEqual([]);
  });

  it('says nothing when the server renumbered the folder and everything was fetched again', () => {
    const { store, accountId, events, notices } = setup();
    const inbox = folder(store, accountId, 'INBOX', 'inbox', 7);
    const marks = notices.mark([inbox]);
    store.write(() => store.folders.setSyncState(inbox.id, { uidvalidity: 8, uidnext: null, highestmodseq: null }));
    insert(store, inbox.id, [header(1), header(2)]);
    notices.announce(marks);
    expect(events).toEqual([]);
  });

  it('announces a message once when a push sync and a poll of the folder overlap', () => {
    const { store, accountId, events, notices } = setup();
    const inbox = folder(store, accountId, 'INBOX', 'inbox', 7);
    const pollMarks = notices.mark([inbox]);
    const pushMarks = notices.mark([inbox]);
    insert(store, inbox.id, [header(1)]);
    notices.announce(pushMarks);
    notices.announce(pollMarks);
    expect(events).toHaveLength(1);
  });

  it('after a long time away counts every message that came, 60, and names the newest 50 (not 50 of them and silence on the rest)', () => {
    const { store, accountId, events, notices } = setup();
    const inbox = folder(store, accountId, 'INBOX', 'inbox', 7);
    const marks = notices.mark([inbox]);
    const stored = insert(store, inbox.id, Array.from({ length: 60 }, (_, i) => header(i + 1)));
    notices.announce(marks);
    expect(events).toHaveLength(1);
    expect(events[0]!.ids).toEqual([...stored].reverse());
    expect(events[0]!.messages.map((m) => m.subject)).toEqual(Array.from({ length: 50 }, (_, i) => `Message ${60 - i}`));
    // All of them were told: the next sync has nothing more to say about them.
    notices.announce(notices.mark([inbox]));
    expect(events).toHaveLength(1);
  });

  it('names the newest message first when a sync stored the newest batch before the older one (by UID, not by row)', () => {
    const { store, accountId, events, notices } = setup();
    const inbox = folder(store, accountId, 'INBOX', 'inbox', 7);
    const marks = notices.mark([inbox]);
    // A header sync fetches 500 per batch, newest batch first: rows of older mail come after.
    insert(store, inbox.id, [header(3), header(4)]);
    insert(store, inbox.id, [header(1), header(2)]);
    notices.announce(marks);
    expect(events[0]!.messages.map((m) => m.subject)).toEqual(['Message 4', 'Message 3', 'Message 2', 'Message 1']);
  });

  it('announces mail a POP3 check downloaded into the account\'s local Inbox once it was checked before, not on the first check', () => {
    const { store, accountId, events, notices } = setup();
    const firstMarks = notices.mark(store.folders.list(accountId)); // the first check: no Inbox yet
    const inboxId = store.write(() => store.folders.ensureLocal(accountId, 'INBOX', 'Inbox', 'inbox'));
    insert(store, inboxId, [header(1, { uid: null, uidl: 'a' } as Partial<HeaderRecord>)]);
    notices.announce(firstMarks);
    expect(events).toEqual([]);
    const marks = notices.mark(store.folders.list(accountId));
    const [fresh] = insert(store, inboxId, [header(2, { uid: null, uidl: 'b' } as Partial<HeaderRecord>)]);
    notices.announce(marks);
    expect(events).toEqual([{ accountId, folderId: inboxId, ids: [fresh], messages: [{ id: fresh, subject: 'Message 2', from: { name: 'Sender 2', address: 's2@test' } }] }]);
  });
});
