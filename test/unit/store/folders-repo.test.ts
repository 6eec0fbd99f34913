import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_TRASH } from '../../../src-main/store/folders-repo';
import { tempStore } from './temp-store';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('FoldersRepo.ensureLocal', () => {
  it("makes the Local Folders' Trash once (account_id NULL, nesting with '/'), and finds it again", () => {
    const t = tempStore();
    dispose = t.dispose;
    const first = t.store.write(() => t.store.folders.ensureLocalFolder(null, LOCAL_TRASH, 'trash'));
    const again = t.store.write(() => t.store.folders.ensureLocalFolder(null, LOCAL_TRASH, 'trash'));
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ accountId: null, path: 'Trash', name: 'Trash', role: 'trash', isLocal: true, delimiter: '/', selectable: true });
    expect(t.store.folders.listLocal().map((folder) => folder.path)).toEqual(['Trash']);
  });

  it('a folder the user made at that path before takes the role instead of standing beside a second one', () => {
    const t = tempStore();
    dispose = t.dispose;
    const made = t.store.write(() => t.store.localFolders.create(null, 'Trash'));
    expect(made.role).toBeNull();
    const trash = t.store.write(() => t.store.folders.ensureLocalFolder(null, LOCAL_TRASH, 'trash'));
    expect(trash).toMatchObject({ id: made.id, role: 'trash' });
    expect(t.store.folders.listLocal()).toHaveLength(1);
  });
});
