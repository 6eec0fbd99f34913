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
});
