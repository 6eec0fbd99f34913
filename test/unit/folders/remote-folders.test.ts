import { afterEach, describe, expect, it } from 'vitest';
import { RemoteFolders } from '../../../src-main/folders/remote-folders';
import { addAccount, tempStore } from '../store/temp-store';

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
