import { describe, expect, it } from 'vitest';
import type { FolderView } from '../../../src-main/ipc/contract';
import { visibleFolders } from '../../../src-main/folders/visible-folders';

function folder(id: number, path: string, parentId: number | null, subscribed: boolean, role: FolderView['role'] = null): FolderView {
  return { id, accountId: 1, parentId, path, name: path.split('/').pop()!, role, selectable: true, subscribed, total: 0, unread: 0 };
}

describe('visibleFolders', () => {
  const all = [
    folder(1, 'INBOX', null, false, 'inbox'),
    folder(2, 'Trash', null, true, 'trash'),
    folder(3, 'Old', null, false),
    folder(4, 'Work', null, false),
    folder(5, 'Work/Wren', 4, true),
    folder(6, 'Work/Archive 2019', 4, false),
  ];

  it('shows subscribed folders, the Inbox even when unsubscribed, and the parents that keep the tree whole', () => {
    expect(visibleFolders(all, false).map((f) => f.path)).toEqual(['INBOX', 'Trash', 'Work', 'Work/Wren']);
  });

  it('shows everything when unsubscribed folders are asked for', () => {
    expect(visibleFolders(all, true)).toEqual(all);
  });
});
