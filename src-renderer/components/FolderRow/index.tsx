import type { FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { ROLE_ICONS } from '../FolderTree/folder-hierarchy';

interface FolderRowProps {
  folder: FolderView;
  depth: number;
  selected: boolean;
  onSelect(folder: FolderView): void;
}

/** One folder: icon and name by its role when it has one, indented under its parent, with its unread count. */
export function FolderRow({ folder, depth, selected, onSelect }: FolderRowProps) {
  const t = useT();
  const name = folderDisplayName(folder, t);
  const icon = folder.role ? ROLE_ICONS[folder.role] : '📁';
  const content = (
    <>
      <span className="folder-row__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="folder-row__name">{name}</span>
      {folder.unread > 0 && (
        <span className="folder-row__unread" title={t('folders.unread', { count: folder.unread })}>
          {folder.unread}
        </span>
      )}
    </>
  );
  const indent = { paddingInlineStart: `${8 + depth * 16}px` };
  return (
    <li className="folder-row" data-testid={`folder-${folder.path}`}>
      {folder.selectable ? (
        <button type="button" className="folder-row__button" style={indent} aria-current={selected || undefined} onClick={() => onSelect(folder)}>
          {content}
        </button>
      ) : (
        <span className="folder-row__button folder-row__button--container" style={indent}>
          {content}
        </span>
      )}
    </li>
  );
}
