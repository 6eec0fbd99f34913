import type { FolderRole, FolderView } from '../../../src-main/ipc/contract';

export interface FolderNode {
  folder: FolderView;
  depth: number;
  /** It has subfolders: a twisty folds them away or shows them. */
  hasChildren: boolean;
  /** Its subfolders are folded away. */
  collapsed: boolean;
  /** When collapsed, the unread mail of every folder below it, which the row then shows (as Thunderbird does). */
  unreadBelow: number;
}

/** Special folders first, in the order mail clients usually list them; the rest by name. */
const ROLE_ORDER: FolderRole[] = ['inbox', 'flagged', 'drafts', 'sent', 'archive', 'all', 'junk', 'trash'];

function compareFolders(a: FolderView, b: FolderView): number {
  const rank = (folder: FolderView) => (folder.role ? ROLE_ORDER.indexOf(folder.role) : ROLE_ORDER.length);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/**
 * The folders in display order, each with its depth under `parentId`, without
 * those under a collapsed folder. A folder whose parent is missing is shown at
 * the top level rather than lost.
 */
export function flattenFolders(folders: FolderView[], collapsedIds: ReadonlySet<number> = new Set()): FolderNode[] {
  const ids = new Set(folders.map((folder) => folder.id));
  const children = new Map<number | null, FolderView[]>();
  for (const folder of folders) {
    const parent = folder.parentId !== null && ids.has(folder.parentId) && folder.parentId !== folder.id ? folder.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), folder]);
  }
  const ordered: FolderNode[] = [];
  const visited = new Set<number>();
  // Returns the unread count of everything below `parent`, listed or folded away.
  const visit = (parent: number | null, depth: number, shown: boolean): number => {
    let unread = 0;
    for (const folder of [...(children.get(parent) ?? [])].sort(compareFolders)) {
      if (visited.has(folder.id)) continue; // a parent cycle in bad data must not loop forever
      visited.add(folder.id);
      const hasChildren = (children.get(folder.id)?.length ?? 0) > 0;
      const collapsed = hasChildren && collapsedIds.has(folder.id);
      const node: FolderNode = { folder, depth, hasChildren, collapsed, unreadBelow: 0 };
      if (shown) ordered.push(node);
      const below = visit(folder.id, depth + 1, shown && !collapsed);
      if (collapsed) node.unreadBelow = below;
      unread += folder.unread + below;
    }
    return unread;
  };
  visit(null, 0, true);
  return ordered;
}

export const ROLE_ICONS: Record<FolderRole, string> = {
  inbox: '📥',
  sent: '📤',
  drafts: '📝',
  trash: '🗑',
  junk: '🚫',
  archive: '🗄',
  all: '📚',
  flagged: '★',
};
