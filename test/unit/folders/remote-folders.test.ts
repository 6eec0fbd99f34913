import { afterEach, describe, expect, it } from 'vitest';
import { RemoteFolders } from '../../../src-main/folders/remote-folders';
import { addAccount, headerRecord, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

describe('RemoteFolders: a name holding the server’s separator', () => {
  it('is refused as FolderNameInvalid with that separator, saying the folder is not a local one', () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'ann');
    t.store.db.prepare("INSERT INTO folders (account_id, path, name, delimiter, role) VALUES (?, 'INBOX', 'INBOX', '.', 'inbox')").run(accountId);
    const folders = new RemoteFolders(t.store, () => undefined);
    expect(() => folders.create(accountId, null, 'a.b')).toThrow(
      expect.objectContaining({ code: 'FolderNameInvalid', details: { name: 'a.b', delimiter: '.', local: false } }),
    );
    expect(folders.list(accountId, true).map((folder) => folder.path)).toEqual(['INBOX']);
  });
});

describe('RemoteFolders: delete, as Thunderbird does it', () => {
  /** An account as Dovecot lists one ("/" nesting, a \Trash folder unless `trash` is false), with Projects/2026 holding mail. */
  function account(trash = true) {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'ann');
    const add = (path: string, role: string | null, parentId: number | null = null) =>
      Number(
        t.store.db
          .prepare("INSERT INTO folders (account_id, parent_id, path, name, delimiter, role) VALUES (?, ?, ?, ?, '/', ?)")
          .run(accountId, parentId, path, path.split('/').at(-1), role).lastInsertRowid,
      );
    add('INBOX', 'inbox');
    const trashId = trash ? add('Trash', 'trash') : null;
    const projects = add('Projects', null);
    const year = add('Projects/2026', null, projects);
    t.store.write(() => t.store.messages.insertHeaders(year, [headerRecord({ uid: 1, subject: 'Budget' }), headerRecord({ uid: 2, subject: 'Plan' })]));
    const folders = new RemoteFolders(t.store, () => undefined);
    const byPath = (path: string) => t.store.folders.byPath(accountId, path);
    return { store: t.store, accountId, add, trashId, projects, year, folders, byPath };
  }

  it('moves a folder outside Trash into it, subfolders and mail too, journaled as a rename the server replays', () => {
    const a = account();
    expect(a.folders.deletePlan(a.projects)).toMatchObject({ path: 'Projects', fate: 'trash', trashPath: 'Trash/Projects' });
    expect(a.folders.delete(a.projects)).toEqual({ movedTo: 'Trash/Projects', name: 'Projects' });
    expect(a.byPath('Trash/Projects')).toMatchObject({ id: a.projects, name: 'Projects', parentId: a.trashId });
    expect(a.byPath('Trash/Projects/2026')).toMatchObject({ id: a.year, parentId: a.projects });
    expect(a.store.messages.idsIn(a.year).map((id) => a.store.messages.get(id)!.subject).sort()).toEqual(['Budget', 'Plan']);
    expect(a.store.operations.unfinished(a.accountId)).toMatchObject([
      { kind: 'deleteFolder', action: 'renameFolder', sourcePath: 'Projects', targetPath: 'Trash/Projects' },
    ]);
  });

  it('names it "Projects (2)", "(3)"… when Trash already holds a Projects', () => {
    const a = account();
    a.add('Trash/Projects', null, a.trashId);
    a.add('Trash/Projects (2)', null, a.trashId);
    expect(a.folders.delete(a.projects)).toEqual({ movedTo: 'Trash/Projects (3)', name: 'Projects (3)' });
    expect(a.byPath('Trash/Projects (3)')).toMatchObject({ id: a.projects, name: 'Projects (3)' });
  });

  it('deletes a folder inside Trash for good, as before', () => {
    const a = account();
    a.folders.delete(a.projects);
    expect(a.folders.deletePlan(a.year)).toMatchObject({ path: 'Trash/Projects/2026', messages: 2, fate: 'inTrash', trashPath: null });
    expect(a.folders.delete(a.projects, ['Trash/Projects/2026'])).toEqual({ deleted: true });
    expect([a.byPath('Trash/Projects'), a.byPath('Trash/Projects/2026')]).toEqual([undefined, undefined]);
    expect(a.store.operations.unfinished(a.accountId).at(-1)).toMatchObject({ action: 'deleteFolder', targetPath: 'Trash/Projects' });
  });

  it('without a Trash, or when asked (permanent), deletes for good', () => {
    const none = account(false);
    expect(none.folders.deletePlan(none.projects)).toMatchObject({ fate: 'noTrash', trashPath: null });
    expect(none.folders.delete(none.projects, ['Projects/2026'])).toEqual({ deleted: true });
    const asked = account();
    expect(asked.folders.delete(asked.projects, undefined, true)).toEqual({ deleted: true });
    expect(asked.store.operations.unfinished(asked.accountId)).toMatchObject([{ action: 'deleteFolder', targetPath: 'Projects' }]);
  });
});

describe('RemoteFolders: a POP3 account’s folders, kept here only', () => {
  /** A POP3 account after its first check (Inbox and Trash kept here), with Receipts/2026 made by the user. */
  function pop3Account() {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'pop');
    t.store.db.prepare("UPDATE accounts SET protocol = 'pop3' WHERE id = ?").run(accountId);
    t.store.write(() => {
      t.store.folders.ensureLocal(accountId, 'INBOX', 'Inbox', 'inbox');
      t.store.folders.ensureLocal(accountId, 'Trash', 'Trash', 'trash');
    });
    const replays: number[] = [];
    const folders = new RemoteFolders(t.store, (id) => replays.push(id));
    const receipts = folders.create(accountId, null, 'Receipts');
    const year = folders.create(accountId, receipts.id, '2026');
    return { store: t.store, accountId, folders, receipts, year, replays, byPath: (path: string) => t.store.folders.byPath(accountId, path) };
  }

  it('deletes a folder into the account’s own Trash, and for good from there, with nothing journaled for a server nor replayed', () => {
    const a = pop3Account();
    expect(a.folders.deletePlan(a.receipts.id)).toMatchObject({ fate: 'trash', trashPath: 'Trash/Receipts', onServer: false, subfolders: [{ path: 'Receipts/2026' }] });
    expect(a.folders.delete(a.receipts.id)).toEqual({ movedTo: 'Trash/Receipts', name: 'Receipts' });
    expect(a.byPath('Trash/Receipts/2026')).toMatchObject({ id: a.year.id, parentId: a.receipts.id });
    // Undo, as the renderer does it: moved back to the top under its own name.
    expect(a.folders.move(a.receipts.id, null, 'Receipts')).toMatchObject({ path: 'Receipts', parentId: null });
    a.folders.rename(a.year.id, '2027');
    a.folders.delete(a.receipts.id);
    expect(a.folders.deletePlan(a.receipts.id)).toMatchObject({ fate: 'inTrash' });
    expect(a.folders.delete(a.receipts.id, ['Trash/Receipts/2027'])).toEqual({ deleted: true });
    expect([a.byPath('Trash/Receipts'), a.byPath('Trash/Receipts/2027')]).toEqual([undefined, undefined]);
    expect(a.store.operations.unfinished(a.accountId)).toEqual([]);
    expect(a.replays).toEqual([]);
  });

  it('refuses a name holding "/", their separator here, as kept here (no server to name), made, renamed or moved', () => {
    const a = pop3Account();
    const refused = expect.objectContaining({ code: 'FolderNameInvalid', details: { name: 'a/b', delimiter: '/', local: false, keptHere: true } });
    expect(() => a.folders.create(a.accountId, null, 'a/b')).toThrow(refused);
    expect(() => a.folders.create(a.accountId, a.receipts.id, 'a/b')).toThrow(refused);
    expect(() => a.folders.rename(a.year.id, 'a/b')).toThrow(refused);
    expect(() => a.folders.move(a.year.id, null, 'a/b')).toThrow(refused);
    expect(() => a.folders.create(a.accountId, null, 'a/b')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('server') }));
    expect(a.byPath('Receipts/2026')).toMatchObject({ id: a.year.id });
  });

  it('makes the account’s Trash on first use when no check has made it yet', () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'new');
    t.store.db.prepare("UPDATE accounts SET protocol = 'pop3' WHERE id = ?").run(accountId);
    const folders = new RemoteFolders(t.store, () => undefined);
    const made = folders.create(accountId, null, 'Receipts');
    expect(folders.deletePlan(made.id)).toMatchObject({ fate: 'trash', trashPath: 'Trash/Receipts' });
  });
});

describe('RemoteFolders: subscriptions are IMAP’s', () => {
  it('refuses to (un)subscribe a POP3 account’s folder, and lists each of its folders, also one an Unsubscribe hid before', () => {
    const t = tempStore();
    dispose = t.dispose;
    const accountId = addAccount(t.store, 'pop');
    t.store.db.prepare("UPDATE accounts SET protocol = 'pop3' WHERE id = ?").run(accountId);
    const folders = new RemoteFolders(t.store, () => undefined);
    const made = folders.create(accountId, null, 'Receipts');
    expect(() => folders.subscribe(made.id, false)).toThrow(expect.objectContaining({ code: 'BadRequest' }));
    t.store.write(() => t.store.folders.setSubscribed(made.id, false));
    expect(folders.list(accountId, false)).toMatchObject([{ path: 'Receipts', subscribed: true }]);
    expect(t.store.operations.unfinished(accountId)).toEqual([]);
  });
});
