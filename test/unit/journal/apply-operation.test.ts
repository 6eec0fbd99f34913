import { afterEach, describe, expect, it } from 'vitest';
import { applyOperation, emptyFolder, markFolderRead } from '../../../src-main/journal/apply-operation';
import { undoOperation } from '../../../src-main/journal/undo-operation';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { headerRecord, insertAccountRow, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number, flags: string[] = []): HeaderRecord {
  return headerRecord({ uid, messageId: `<m${uid}@test>`, subject: `m${uid}`, date: uid, flags });
}

function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const accountId = insertAccountRow(store, 'a@test');
  const folder = (path: string, role: string | null) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name, role, uidvalidity) VALUES (?, ?, ?, ?, 1700)').run(accountId, path, path, role).lastInsertRowid);
  const inbox = folder('INBOX', 'inbox');
  const trash = folder('Trash', 'trash');
  const ids = store.write(() => store.messages.insertHeaders(inbox, [header(1), header(2, ['\\Seen']), header(3)]));
  return { store, accountId, inbox, trash, ids };
}

const rows = (store: Store, folderId: number) => store.messages.page(folderId, 0, 100).items.map((m) => ({ id: m.id, uid: m.uid, seen: m.seen }));

describe('local apply and undo', () => {
  it('moves to Trash at once in one transaction with its entry, and undo before replay puts the rows back with their UIDs', () => {
    const { store, inbox, trash, ids } = setup();
    const before = rows(store, inbox);
    const receipt = applyOperation(store, { kind: 'delete', messageIds: [ids[0]!, ids[1]!], permanent: false });
    expect(receipt).toMatchObject({ affected: 2, undoable: true });
    expect(rows(store, trash).map((r) => r.uid)).toEqual([null, null]);
    expect(store.folders.get(inbox)!).toMatchObject({ total: 1, unread: 1 });
    expect(store.folders.get(trash)!).toMatchObject({ total: 2, unread: 1 });
    expect(store.operations.get(receipt.operationId)!.items.map((i) => [i.folderPath, i.uidvalidity, i.uid, i.messageIdHeader]))
      .toEqual([['INBOX', 1700, 1, '<m1@test>'], ['INBOX', 1700, 2, '<m2@test>']]);

    undoOperation(store, receipt.operationId);
    expect(rows(store, inbox)).toEqual(before);
    expect(store.folders.get(inbox)!).toMatchObject({ total: 3, unread: 2 });
    expect(store.operations.countUnfinished(1)).toBe(0);
  });

  it('undo after the entry was sent journals the inverse instead', () => {
    const { store, accountId, inbox, ids } = setup();
    const receipt = applyOperation(store, { kind: 'flags', messageIds: ids, add: ['\\Seen'], remove: [] });
    store.operations.claim(receipt.operationId);
    undoOperation(store, receipt.operationId);
    expect(rows(store, inbox).map((r) => r.seen)).toEqual([false, true, false]);
    const inverse = store.operations.unfinished(accountId).filter((e) => e.id !== receipt.operationId);
    expect(inverse.map((e) => [e.add, e.remove, e.items.length])).toEqual([[[], ['\\Seen'], 2], [['\\Seen'], [], 1]]);
  });

  it('marks a folder read with one entry for its unread messages; empties only Trash or Junk, not undoable', () => {
    const { store, inbox, trash, ids } = setup();
    expect(markFolderRead(store, inbox)).toMatchObject({ affected: 2, undoable: true });
    expect(store.folders.get(inbox)!.unread).toBe(0);
    expect(() => emptyFolder(store, inbox)).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    applyOperation(store, { kind: 'delete', messageIds: [ids[2]!], permanent: false });
    const emptied = emptyFolder(store, trash);
    expect(emptied).toMatchObject({ affected: 1, undoable: false });
    expect(() => undoOperation(store, emptied.operationId)).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    expect(rows(store, trash)).toEqual([]);
  });

  it('junk tells how many it moved: none without a Junk folder (the keyword alone), those outside Junk once there is one', () => {
    const { store, accountId, ids } = setup();
    expect(applyOperation(store, { kind: 'junk', messageIds: [ids[0]!], junk: true })).toMatchObject({ moved: 0, operationIds: [expect.any(Number)] });
    store.db.prepare("INSERT INTO folders (account_id, path, name, role, uidvalidity) VALUES (?, 'Junk', 'Junk', 'junk', 1700)").run(accountId);
    expect(applyOperation(store, { kind: 'junk', messageIds: [ids[0]!, ids[1]!], junk: true })).toMatchObject({ moved: 2 });
    expect(applyOperation(store, { kind: 'junk', messageIds: [ids[0]!], junk: true })).toMatchObject({ moved: 0 });
  });

  it('refuses unknown ids, changing nothing', () => {
    const { store, inbox } = setup();
    expect(() => applyOperation(store, { kind: 'archive', messageIds: [999] })).toThrow(expect.objectContaining({ code: 'NotFound' }));
    expect(rows(store, inbox)).toHaveLength(3);
    expect(store.db.prepare('SELECT count(*) FROM operations').pluck().get()).toBe(0);
  });
});

describe('Archive on a server without an \\Archive folder', () => {
  const journal = (store: Store) => store.db.prepare('SELECT kind, action, target_path AS target FROM operations ORDER BY id').all();

  it('makes "Archives" here and journals its CREATE before the move; the next archive finds it by name', () => {
    const { store, accountId, inbox } = setup();
    const [first, second] = rows(store, inbox);
    applyOperation(store, { kind: 'archive', messageIds: [first!.id] });
    const archives = store.folders.list(accountId).find((folder) => folder.path === 'Archives')!;
    expect(rows(store, archives.id).map((m) => m.id)).toEqual([first!.id]);
    // The folder pass that follows the CREATE keeps the server's roles: none here, so it is found by its name.
    store.db.prepare('UPDATE folders SET role = NULL WHERE id = ?').run(archives.id);
    applyOperation(store, { kind: 'archive', messageIds: [second!.id] });
    expect(rows(store, archives.id)).toHaveLength(2);
    expect(journal(store)).toEqual([
      { kind: 'archive', action: 'createFolder', target: 'Archives' },
      { kind: 'archive', action: 'move', target: 'Archives' },
      { kind: 'archive', action: 'move', target: 'Archives' },
    ]);
  });

  it("Gmail's All Mail (\\All) is the archive when there is no \\Archive: a move out of the Inbox", () => {
    const { store, accountId, inbox } = setup();
    const all = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, role, uidvalidity) VALUES (?, '[Gmail]/All Mail', 'All Mail', 'all', 1)").run(accountId).lastInsertRowid);
    const [first] = rows(store, inbox);
    applyOperation(store, { kind: 'archive', messageIds: [first!.id] });
    expect(rows(store, all).map((m) => m.id)).toEqual([first!.id]);
    expect(journal(store)).toEqual([{ kind: 'archive', action: 'move', target: '[Gmail]/All Mail' }]);
  });

  it('inside INBOX on a server whose folders all live there ("INBOX.Sent")', () => {
    const { store, accountId, inbox } = setup();
    store.db.prepare("UPDATE folders SET path = 'INBOX.Trash', delimiter = '.' WHERE role = 'trash'").run();
    store.db.prepare("UPDATE folders SET delimiter = '.' WHERE id = ?").run(inbox);
    const [first] = rows(store, inbox);
    applyOperation(store, { kind: 'archive', messageIds: [first!.id] });
    const made = store.folders.list(accountId).find((folder) => folder.name === 'Archives')!;
    expect(made).toMatchObject({ path: 'INBOX.Archives', parentId: inbox, delimiter: '.' });
  });
});
