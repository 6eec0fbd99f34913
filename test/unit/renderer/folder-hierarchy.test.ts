// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flattenFolders } from '../../../src-renderer/components/FolderTree/folder-hierarchy';
import { folder } from './mail-fixtures';

const paths = (nodes: ReturnType<typeof flattenFolders>) => nodes.map((node) => `${'  '.repeat(node.depth)}${node.folder.path}`);

describe('flattenFolders', () => {
  it('puts special folders first in the usual order, then the rest by name, children under parents', () => {
    const folders = [
      folder(1, 'Zeta'),
      folder(2, 'Trash', { role: 'trash' }),
      folder(3, 'Alpha'),
      folder(4, 'Alpha/Child', { parentId: 3 }),
      folder(5, 'INBOX', { role: 'inbox' }),
      folder(6, 'Sent', { role: 'sent' }),
      folder(7, 'Alpha/Child/Deep', { parentId: 4 }),
    ];
    expect(paths(flattenFolders(folders))).toEqual(['INBOX', 'Sent', 'Trash', 'Alpha', '  Alpha/Child', '    Alpha/Child/Deep', 'Zeta']);
  });

  it('shows a folder whose parent is missing at the top level', () => {
    expect(paths(flattenFolders([folder(1, 'Lost/Child', { parentId: 99 })]))).toEqual(['Lost/Child']);
  });

  it('does not loop on a parent cycle', () => {
    const cyclic = [folder(1, 'A', { parentId: 2 }), folder(2, 'B', { parentId: 1 }), folder(3, 'Root')];
    expect(paths(flattenFolders(cyclic))).toEqual(['Root']);
  });

  it('leaves out what is under a collapsed folder, which then counts the unread mail below it', () => {
    const folders = [
      folder(1, 'Archive', { unread: 1 }),
      folder(2, 'Archive/2026', { parentId: 1, unread: 2 }),
      folder(3, 'Archive/2026/2026-11', { parentId: 2, unread: 4 }),
      folder(4, 'Archive/2025', { parentId: 1, unread: 8 }),
      folder(5, 'Zeta'),
    ];
    const open = flattenFolders(folders);
    expect(open.map((node) => [node.folder.path, node.hasChildren, node.collapsed, node.unreadBelow])).toEqual([
      ['Archive', true, false, 0], ['Archive/2025', false, false, 0], ['Archive/2026', true, false, 0], ['Archive/2026/2026-11', false, false, 0], ['Zeta', false, false, 0],
    ]);
    const folded = flattenFolders(folders, new Set([2]));
    expect(paths(folded)).toEqual(['Archive', '  Archive/2025', '  Archive/2026', 'Zeta']);
    expect(folded.find((node) => node.folder.id === 2)).toMatchObject({ collapsed: true, unreadBelow: 4 });
    const top = flattenFolders(folders, new Set([1, 2]));
    expect(paths(top)).toEqual(['Archive', 'Zeta']);
    expect(top[0]).toMatchObject({ collapsed: true, unreadBelow: 14 });
    // A folder without subfolders is never collapsed, whatever is remembered.
    expect(flattenFolders(folders, new Set([5])).find((node) => node.folder.id === 5)).toMatchObject({ collapsed: false, hasChildren: false });
  });
});
