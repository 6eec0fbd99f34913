import { describe, expect, it } from 'vitest';
import type { FolderView } from '../../../src-main/ipc/contract';
import { canMoveFolder, canMoveInto } from '../../../src-renderer/components/FolderMenu/folder-move-targets';

const folder = (id: number, path: string, parentId: number | null, accountId: number | null = 1, role: FolderView['role'] = null): FolderView => ({
  id, accountId, parentId, path, name: path.split('/').pop()!, role, selectable: true, subscribed: true, total: 0, unread: 0,
});

describe('where a folder may be moved', () => {
  const inbox = folder(1, 'INBOX', null, 1, 'inbox');
  const trips = folder(2, 'Trips', null);
  const rome = folder(3, 'Trips/Rome', 2);
  const hotels = folder(4, 'Trips/Rome/Hotels', 3);
  const travel = folder(5, 'Travel', null);
  const other = folder(6, 'Elsewhere', null, 2);
  const all = [inbox, trips, rome, hotels, travel, other];

  it('not into itself, below itself, or where it already is; not into another account', () => {
    expect(canMoveInto(trips, trips, all)).toBe(false);
    expect(canMoveInto(trips, rome, all)).toBe(false);
    expect(canMoveInto(trips, hotels, all)).toBe(false);
    expect(canMoveInto(rome, trips, all)).toBe(false); // already there
    expect(canMoveInto(trips, other, all)).toBe(false);
    expect(canMoveInto(trips, travel, all)).toBe(true);
    expect(canMoveInto(hotels, trips, all)).toBe(true); // up, to a grandparent
    expect(canMoveInto(rome, inbox, all)).toBe(true);
  });

  it('special-use folders keep their place', () => {
    expect(canMoveFolder(inbox)).toBe(false);
    expect(canMoveFolder(folder(7, 'Trash', null, 1, 'trash'))).toBe(false);
    expect(canMoveFolder(rome)).toBe(true);
  });
});
