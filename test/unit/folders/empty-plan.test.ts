import { afterEach, describe, expect, it } from 'vitest';
import { emptyPlan } from '../../../src-main/folders/empty-folder';
import { FilterInput } from '../../../src-main/ipc/filter-shapes';
import { addAccount, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

/** An account with Trash holding Old and Old/2025 (deleted into it), Junk, and Projects outside Trash. */
function account() {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'ann');
  const add = (path: string, role: string | null, parentId: number | null = null) =>
    Number(
      t.store.db
        .prepare("INSERT INTO folders (account_id, parent_id, path, name, delimiter, role) VALUES (?, ?, ?, ?, '/', ?)")
        .run(accountId, parentId, path, path.split('/').at(-1), role).lastInsertRowid,
    );
  const trash = add('Trash', 'trash');
  const old = add('Trash/Old', null, trash);
  const year = add('Trash/Old/2025', null, old);
  const junk = add('Junk', 'junk');
  const projects = add('Projects', null);
  const filter = (name: string, actions: { moveTo?: number; copyTo?: number }, enabled = true) =>
    t.store.filters.insert(FilterInput.parse({ accountId, name, enabled, conditions: [{ field: 'subject', text: name }], actions }));
  return { store: t.store, accountId, trash, old, year, junk, projects, filter };
}

describe('emptyPlan: the filters Empty Trash turns off', () => {
  it('names the enabled filters filing mail into any folder in Trash, however deep; not into Trash itself, nor elsewhere', () => {
    const a = account();
    const intoOld = a.filter('Into old', { moveTo: a.old });
    const copyYear = a.filter('Copy 2025', { copyTo: a.year });
    a.filter('Off already', { moveTo: a.old }, false);
    a.filter('Into Trash', { moveTo: a.trash });
    a.filter('Projects', { moveTo: a.projects });
    expect(emptyPlan(a.store, a.trash)).toEqual({
      filters: [
        { id: intoOld, accountId: a.accountId, name: 'Into old' },
        { id: copyYear, accountId: a.accountId, name: 'Copy 2025' },
      ],
    });
  });

  it('Junk holds no folders: none; a folder that is gone is NotFound', () => {
    const a = account();
    a.filter('Into old', { moveTo: a.old });
    expect(emptyPlan(a.store, a.junk)).toEqual({ filters: [] });
    expect(() => emptyPlan(a.store, 9999)).toThrow(expect.objectContaining({ code: 'NotFound' }));
  });
});
