import { afterEach, describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { undoOperation } from '../../../src-main/journal/undo-operation';
import type { Store } from '../../../src-main/store/store';
import { addFolder, headerRecord, insertAccountRow, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function setup() {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const accountId = insertAccountRow(store, 'a@test');
  const folder = (path: string) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name, uidvalidity) VALUES (?, ?, ?, 1700)').run(accountId, path, path).lastInsertRowid);
  const inbox = folder('INBOX');
  const target = folder('Kept');
  const header = (uid: number) => headerRecord({ uid, messageId: `<m${uid}@test>`, subject: `m${uid}` });
  const ids = store.write(() => store.messages.insertHeaders(inbox, [header(1), header(2)]));
  // The target holds a message of the same Message-ID from before (a resend, an earlier import): never the copy.
  const [older] = store.write(() => store.messages.insertHeaders(target, [header(1)]));
  return { store, accountId, inbox, target, ids, older: older! };
}

const subjectsIn = (store: Store, folderId: number) =>
  store.messages.page(folderId, 0, 100).items.map((m) => [m.subject, m.uid]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const unfinished = (store: Store, accountId: number) => store.operations.unfinished(accountId);

describe('undo of a copy', () => {
  it('not sent yet: the copies go here at once and nothing is left for the server, neither the copy nor a delete', () => {
    const { store, accountId, inbox, target, ids } = setup();
    const receipt = applyOperation(store, { kind: 'copy', messageIds: ids, folderId: target });
    expect(receipt).toMatchObject({ affected: 2, undoable: true });
    expect(subjectsIn(store, target)).toEqual([['m1', 1], ['m1', null], ['m2', null]]);

    undoOperation(store, receipt.operationId);
    expect(subjectsIn(store, target)).toEqual([['m1', 1]]);
    expect(subjectsIn(store, inbox)).toEqual([['m1', 1], ['m2', 2]]);
    expect(unfinished(store, accountId)).toEqual([]);
    expect(store.folders.get(target)!.total).toBe(1);
  });

  it('sent but not answered (a replay under way or killed): a delete bound to what arrived with the copy is journaled, once', () => {
    const { store, accountId, target, ids } = setup();
    const receipt = applyOperation(store, { kind: 'copy', messageIds: ids, folderId: target });
    store.operations.claim(receipt.operationId, { uidNext: 5, uidValidity: 1700 });

    expect(undoOperation(store, receipt.operationId).replay).toEqual([accountId]);
    expect(subjectsIn(store, target)).toEqual([['m1', 1]]);
    const [copy, undo] = unfinished(store, accountId);
    expect(copy!.id).toBe(receipt.operationId); // the copy still goes (it may be on the server already), then its delete
    expect(undo).toMatchObject({ kind: 'delete', action: 'expunge', targetUidNext: 5, targetUidValidity: 1700, undoable: false });
    expect(undo!.items.map((i) => [i.folderPath, i.uid, i.messageIdHeader, i.priorFolderId])).toEqual([['Kept', null, '<m1@test>', target], ['Kept', null, '<m2@test>', target]]);
    // Claimed, it keeps its mark: the Message-IDs are looked for at or above UIDNEXT 5 only.
    store.operations.claim(undo!.id);
    expect(store.operations.get(undo!.id)).toMatchObject({ targetUidNext: 5, targetUidValidity: 1700 });
    expect(() => undoOperation(store, receipt.operationId)).toThrow(expect.objectContaining({ code: 'BadRequest' }));
  });

  it('replayed: the copies are deleted on the server by the UIDs it gave them (COPYUID), and the sync does not fetch them back meanwhile', () => {
    const { store, accountId, target, ids } = setup();
    const receipt = applyOperation(store, { kind: 'copy', messageIds: ids, folderId: target });
    store.operations.claim(receipt.operationId, { uidNext: 5, uidValidity: 1700 });
    const entry = store.operations.get(receipt.operationId)!;
    entry.items.forEach((item, index) => {
      store.operations.learnUid(item, 'Kept', 1700, 5 + index);
      store.messageChanges.setUid(item.resultRowId!, 5 + index, accountId, 'Kept');
    });
    store.operations.finish(receipt.operationId);

    undoOperation(store, receipt.operationId);
    expect(subjectsIn(store, target)).toEqual([['m1', 1]]);
    const [undo] = unfinished(store, accountId);
    expect(undo!.items.map((i) => [i.uid, i.uidvalidity])).toEqual([[5, 1700], [6, 1700]]);
    expect([...store.operations.leavingUids(target, 1700)].sort()).toEqual([5, 6]);
  });

  it('replayed, and the sync fetched the copy before its UID was learnt: that row is the copy, found by Message-ID above the mark, never the older one', () => {
    const { store, accountId, target, ids, older } = setup();
    const receipt = applyOperation(store, { kind: 'copy', messageIds: [ids[0]!], folderId: target });
    store.operations.claim(receipt.operationId, { uidNext: 5, uidValidity: 1700 });
    store.operations.finish(receipt.operationId);
    // The folder pass dropped the row without UID and fetched the server's copy as UID 7.
    store.write(() => {
      store.messages.removeWithoutUid(target);
      store.messages.insertHeaders(target, [headerRecord({ uid: 7, messageId: '<m1@test>', subject: 'm1' })]);
    });
    undoOperation(store, receipt.operationId);
    expect(store.messages.page(target, 0, 100).items.map((m) => m.id)).toEqual([older]);
    expect(unfinished(store, accountId).at(-1)!.items.map((i) => i.uid)).toEqual([7]);
  });

  it('a copy moved away since refuses the Undo with CopyChanged, and nothing is taken back', () => {
    const { store, accountId, inbox, target, ids } = setup();
    const receipt = applyOperation(store, { kind: 'copy', messageIds: ids, folderId: target });
    const copyId = store.operations.get(receipt.operationId)!.items[1]!.resultRowId!;
    applyOperation(store, { kind: 'move', messageIds: [copyId], folderId: inbox });

    expect(() => undoOperation(store, receipt.operationId)).toThrow(expect.objectContaining({ code: 'CopyChanged' }));
    expect(subjectsIn(store, target)).toEqual([['m1', 1], ['m1', null]]);
    expect(unfinished(store, accountId).map((e) => e.id)).toContain(receipt.operationId);
  });

  it('into a local folder: the copies go at once, nothing to replay, the sources they shared stay', async () => {
    const { store, accountId, inbox, ids } = setup();
    const local = addFolder(store, null, 'Saved', null);
    store.db.prepare('UPDATE folders SET is_local = 1 WHERE id = ?').run(local);
    const stored = await store.blobs.writeBuffer(Buffer.from('Subject: m1\r\n\r\nbody\r\n'));
    store.write(() => ids.forEach((id) => store.bodies.saveSource(id, stored)));
    const receipt = applyOperation(store, { kind: 'copy', messageIds: ids, folderId: local });
    expect(receipt).toMatchObject({ undoable: true, replay: [] });
    expect(subjectsIn(store, local)).toEqual([['m1', null], ['m2', null]]);

    expect(undoOperation(store, receipt.operationId)).toMatchObject({ replay: [] });
    expect(subjectsIn(store, local)).toEqual([]);
    expect(store.operations.get(receipt.operationId)).toBeUndefined();
    expect(subjectsIn(store, inbox)).toEqual([['m1', 1], ['m2', 2]]);
    expect(store.blobs.intact(store.bodies.source(ids[0]!)!)).toBe(true);
    expect(unfinished(store, accountId)).toEqual([]);
  });

  it('into another account: an APPEND not sent is dropped; one sent is followed by a delete on that account', async () => {
    const { store, accountId, ids } = setup();
    const other = insertOtherAccount(store);
    const there = Number(store.db.prepare("INSERT INTO folders (account_id, path, name, uidvalidity) VALUES (?, 'INBOX', 'INBOX', 9)").run(other).lastInsertRowid);
    const stored = await store.blobs.writeBuffer(Buffer.from('Subject: m1\r\n\r\nbody\r\n'));
    store.write(() => ids.forEach((id) => store.bodies.saveSource(id, stored)));

    const pending = applyOperation(store, { kind: 'copy', messageIds: [ids[0]!], folderId: there });
    expect(pending).toMatchObject({ undoable: true, replay: [other] });
    undoOperation(store, pending.operationId);
    expect(unfinished(store, other)).toEqual([]);

    const sent = applyOperation(store, { kind: 'copy', messageIds: [ids[1]!], folderId: there });
    store.operations.claim(sent.operationId, { uidNext: 3, uidValidity: 9 });
    undoOperation(store, sent.operationId);
    expect(subjectsIn(store, there)).toEqual([]);
    expect(unfinished(store, other).at(-1)).toMatchObject({ action: 'expunge', targetUidNext: 3, targetUidValidity: 9 });
    expect(unfinished(store, accountId)).toEqual([]);
  });
});

function insertOtherAccount(store: Store): number {
  return Number(store.db.prepare(
    `INSERT INTO accounts (name, email, protocol, incoming_host, incoming_port, incoming_security, incoming_user, password_secret_id, created_at)
     VALUES ('b', 'b@test', 'imap', 'h', 993, 'tls', 'b', 's', 0)`,
  ).run().lastInsertRowid);
}
