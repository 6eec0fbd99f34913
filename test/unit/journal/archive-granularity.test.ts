import { afterEach, describe, expect, it } from 'vitest';
import { applyOperation } from '../../../src-main/journal/apply-operation';
import { undoOperation } from '../../../src-main/journal/undo-operation';
import type { ArchiveGranularity } from '../../../src-main/settings/settings-schema';
import type { HeaderRecord } from '../../../src-main/store/messages-repo';
import type { Store } from '../../../src-main/store/store';
import { headerRecord, insertAccountRow, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function header(uid: number, sentAt: Date): HeaderRecord {
  return headerRecord({ uid, messageId: `<m${uid}@test>`, subject: `m${uid}`, date: sentAt.getTime() });
}

/** An IMAP account with an \Archive folder; four messages sent in June 2025, November 2026 (two) and December 2026. */
function setup(archive: { path: string; role: string; delimiter: string | null } = { path: 'Archive', role: 'archive', delimiter: '/' }) {
  const t = tempStore();
  dispose = t.dispose;
  const { store } = t;
  const accountId = insertAccountRow(store, 'a@test');
  const folder = (path: string, role: string | null, delimiter: string | null) =>
    Number(store.db.prepare('INSERT INTO folders (account_id, path, name, role, uidvalidity, delimiter) VALUES (?, ?, ?, ?, 1700, ?)').run(accountId, path, path, role, delimiter).lastInsertRowid);
  const inbox = folder('INBOX', 'inbox', archive.delimiter);
  folder(archive.path, archive.role, archive.delimiter);
  const dates = [new Date(2025, 5, 2, 9), new Date(2026, 10, 3, 9), new Date(2026, 10, 28, 23), new Date(2026, 11, 1, 0, 30)];
  const ids = store.write(() => store.messages.insertHeaders(inbox, dates.map((date, i) => header(i + 1, date))));
  const archiveAs = (granularity: ArchiveGranularity, messageIds = ids) =>
    store.write(() => applyOperation(store, { kind: 'archive', messageIds }, { archiveGranularity: () => granularity }));
  return { store, accountId, inbox, ids, archiveAs };
}

const journal = (store: Store) => store.db.prepare('SELECT kind, action, target_path AS target FROM operations ORDER BY id').all();
const where = (store: Store, ids: number[]) =>
  ids.map((id) => store.db.prepare('SELECT f.path FROM messages m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?').pluck().get(id));

describe('Archive by year or month (Thunderbird\'s archive granularity)', () => {
  it('by year: a subfolder per year sent, made and journaled before the moves, one move per folder', () => {
    const { store, ids, archiveAs } = setup();
    const receipt = archiveAs('year');
    expect(where(store, ids)).toEqual(['Archive/2025', 'Archive/2026', 'Archive/2026', 'Archive/2026']);
    expect(receipt).toMatchObject({ affected: 4, undoable: true });
    expect(receipt.operationIds).toHaveLength(2);
    expect(journal(store)).toEqual([
      { kind: 'archive', action: 'createFolder', target: 'Archive/2025' },
      { kind: 'archive', action: 'createFolder', target: 'Archive/2026' },
      { kind: 'archive', action: 'move', target: 'Archive/2025' },
      { kind: 'archive', action: 'move', target: 'Archive/2026' },
    ]);
  });

  it('by month: the month inside its year (Archive/2026/2026-11), each level made once and found the next time', () => {
    const { store, accountId, ids, archiveAs } = setup();
    archiveAs('month', [ids[1]!]);
    archiveAs('month', [ids[2]!, ids[3]!]);
    expect(where(store, ids.slice(1))).toEqual(['Archive/2026/2026-11', 'Archive/2026/2026-11', 'Archive/2026/2026-12']);
    const made = store.folders.list(accountId).filter((folder) => folder.path.startsWith('Archive/')).map((folder) => [folder.path, folder.name, folder.delimiter]);
    expect(made).toEqual([['Archive/2026', '2026', '/'], ['Archive/2026/2026-11', '2026-11', '/'], ['Archive/2026/2026-12', '2026-12', '/']]);
    const parentOf = (path: string) => store.folders.list(accountId).find((folder) => folder.path === path)!.parentId;
    expect(parentOf('Archive/2026/2026-12')).toBe(store.folders.byPath(accountId, 'Archive/2026')!.id);
    expect(journal(store).filter((entry) => (entry as { action: string }).action === 'createFolder')).toHaveLength(3);
  });

  it('one Undo takes every move back, the folders made stay', () => {
    const { store, accountId, ids, archiveAs } = setup();
    const receipt = archiveAs('year');
    for (const id of receipt.operationIds!) store.write(() => undoOperation(store, id));
    expect(where(store, ids)).toEqual(['INBOX', 'INBOX', 'INBOX', 'INBOX']);
    expect(store.folders.byPath(accountId, 'Archive/2025')).toBeDefined();
  });

  it("stays one folder with Gmail's All Mail (no subfolders there) and on a server without a hierarchy delimiter", () => {
    const gmail = setup({ path: '[Gmail]/All Mail', role: 'all', delimiter: '/' });
    gmail.archiveAs('month');
    expect(new Set(where(gmail.store, gmail.ids))).toEqual(new Set(['[Gmail]/All Mail']));
    const flat = setup({ path: 'Archive', role: 'archive', delimiter: null });
    flat.archiveAs('year');
    expect(new Set(where(flat.store, flat.ids))).toEqual(new Set(['Archive']));
  });

  it('one folder by default, as before', () => {
    const { store, ids } = setup();
    store.write(() => applyOperation(store, { kind: 'archive', messageIds: ids }));
    expect(new Set(where(store, ids))).toEqual(new Set(['Archive']));
  });
});
