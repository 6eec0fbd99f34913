import { useState, type DragEvent, type MouseEvent } from 'react';
import type { FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { draggedFolder, endFolderDrag, startFolderDrag } from '../FolderTree/folder-drag';
import { ROLE_ICONS } from '../FolderTree/folder-hierarchy';
import { carriesMessages, droppedMessages, dropCopies, type DraggedMessages } from '../MessageList/message-drag';

interface FolderRowProps {
  folder: FolderView;
  depth: number;
  selected: boolean;
  onSelect(folder: FolderView): void;
  onMenu(folder: FolderView, event: MouseEvent): void;
  /** Messages dropped here: moved, or copied with Ctrl held. */
  onDropMessages(folder: FolderView, dragged: DraggedMessages, copy: boolean): void;
  /** A folder with subfolders: whether they are folded away, and how to fold or show them. */
  twisty?: { collapsed: boolean; onToggle(): void };
  /** Folded away: the unread mail below it, shown with its own. */
  unreadBelow?: number;
  /** A folder that can be moved is dragged from its row; a dragged folder it can take is dropped onto it (moved inside). */
  folderDrag?: FolderDragRules;
}

export interface FolderDragRules {
  draggable: boolean;
  accepts(dragged: FolderView): boolean;
  onDrop(dragged: FolderView): void;
}

/** Where a row's content starts: room for the twisty, then a step per level. */
const indentOf = (depth: number) => 22 + depth * 16;

/** One folder: icon and name by its role when it has one, indented under its parent, with its unread count. */
export function FolderRow({ folder, depth, selected, onSelect, onMenu, onDropMessages, twisty, unreadBelow = 0, folderDrag }: FolderRowProps) {
  const t = useT();
  const [dropTarget, setDropTarget] = useState(false);
  const name = folderDisplayName(folder, t);
  const icon = folder.role ? ROLE_ICONS[folder.role] : '📁';
  const content = (
    <>
      <span className="folder-row__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="folder-row__name">{name}</span>
      {!folder.subscribed && <span className="folder-row__unsubscribed" title={t('folders.unsubscribed')}>◌</span>}
      {folder.unread + unreadBelow > 0 && (
        // As Thunderbird, a folded folder's count is its subfolders' too, drawn the same; its title says so.
        <span
          className={unreadBelow > 0 ? 'folder-row__unread folder-row__unread--below' : 'folder-row__unread'}
          title={unreadBelow > 0 ? t('folders.unreadBelow', { count: folder.unread + unreadBelow }) : t('folders.unread', { count: folder.unread })}
        >
          {folder.unread + unreadBelow}
        </span>
      )}
    </>
  );
  const indent = { paddingInlineStart: `${indentOf(depth)}px` };
  const accepts = (event: DragEvent) => folder.selectable && !selected && carriesMessages(event);
  const acceptedFolder = (event: DragEvent) => {
    const dragged = draggedFolder(event);
    return dragged && folderDrag?.accepts(dragged) ? dragged : null;
  };
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      const folderMoves = acceptedFolder(event) !== null;
      if (!folderMoves && !accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = !folderMoves && dropCopies(event) ? 'copy' : 'move';
      setDropTarget(true);
    },
    onDragLeave: () => setDropTarget(false),
    onDrop: (event: DragEvent) => {
      setDropTarget(false);
      const movedFolder = acceptedFolder(event);
      if (movedFolder) {
        event.preventDefault();
        return folderDrag!.onDrop(movedFolder);
      }
      const dragged = accepts(event) ? droppedMessages(event) : null;
      if (!dragged) return;
      event.preventDefault();
      onDropMessages(folder, dragged, dropCopies(event));
    },
  };
  const dragHandlers = folderDrag?.draggable
    ? { draggable: true, onDragStart: (event: DragEvent) => startFolderDrag(event, folder), onDragEnd: endFolderDrag }
    : {};
  return (
    <li className="folder-row" data-depth={depth} data-testid={`folder-${folder.path}`} onContextMenu={(event) => onMenu(folder, event)} {...dropHandlers} {...dragHandlers}>
      {twisty && (
        <button
          type="button"
          className="folder-row__twisty"
          style={{ insetInlineStart: `${indentOf(depth) - 20}px` }}
          aria-expanded={!twisty.collapsed}
          aria-label={twisty.collapsed ? t('folders.expand', { name }) : t('folders.collapse', { name })}
          title={twisty.collapsed ? t('folders.expand', { name }) : t('folders.collapse', { name })}
          onClick={twisty.onToggle}
          data-testid="folder-twisty"
        >
          {twisty.collapsed ? '▸' : '▾'}
        </button>
      )}
      {folder.selectable ? (
        <button
          type="button"
          className={dropTarget ? 'folder-row__button folder-row__button--drop' : 'folder-row__button'}
          style={indent}
          aria-current={selected || undefined}
          onClick={() => onSelect(folder)}
        >
          {content}
        </button>
      ) : (
        // Reached by the arrow keys (folder-pane-keys.ts), so a folder that only holds others can be folded from the keyboard.
        <span className={`folder-row__button folder-row__button--container${dropTarget ? ' folder-row__button--drop' : ''}`} style={indent} tabIndex={-1}>
          {content}
        </span>
      )}
    </li>
  );
}
