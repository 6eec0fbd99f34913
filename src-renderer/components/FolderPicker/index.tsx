import { useId, useState, type KeyboardEvent } from 'react';
import type { FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { Dialog } from '../Dialog';
import { flattenFolders, ROLE_ICONS } from '../FolderTree/folder-hierarchy';
import './folder-picker.css';

interface FolderPickerProps {
  title: string;
  /** The account's folders (and the local ones); the ones that cannot hold mail and `excludeId` (the open folder) are left out. */
  folders: FolderView[];
  /** The heading of each account's folders (null: the Local Folders), shown when the list holds more than one. */
  groupLabel(accountId: number | null): string;
  excludeId: number | null;
  /** Which folders may be chosen; by default those that hold mail, but `excludeId`. */
  canPick?(folder: FolderView): boolean;
  /** A first choice above the folders: the account's top level (moving a folder there). */
  top?: { label: string; onPick(): void };
  onPick(folder: FolderView): void;
  onClose(): void;
}

/** One line of the list: a folder at its depth, or the top level (`folder` null). */
type Choice = { folder: FolderView | null; depth: number };

/** "Move to…" / "Copy to…": type part of a folder's name or path to narrow the list, arrows and Enter to choose. */
export function FolderPicker({ title, folders, groupLabel, excludeId, canPick, top, onPick, onClose }: FolderPickerProps) {
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const needle = query.trim().toLocaleLowerCase();
  const groups = [...new Set(folders.map((folder) => folder.accountId))];
  const pickable = canPick ?? ((folder: FolderView) => folder.selectable && folder.id !== excludeId);
  const matches = (label: string) => !needle || label.toLocaleLowerCase().includes(needle);
  const folderChoices: Choice[] = groups
    .flatMap((group) => flattenFolders(folders.filter((folder) => folder.accountId === group)))
    .filter(({ folder }) => pickable(folder) && (matches(folderDisplayName(folder, t)) || matches(folder.path)));
  const choices: Choice[] = top && matches(top.label) ? [{ folder: null, depth: 0 }, ...folderChoices] : folderChoices;
  const activeIndex = Math.min(active, Math.max(choices.length - 1, 0));

  const pick = (choice: Choice | undefined) => {
    if (!choice) return;
    onClose();
    if (choice.folder) onPick(choice.folder);
    else top?.onPick();
  };
  const optionId = (choice: Choice) => `${listId}-${choice.folder?.id ?? 'top'}`;
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && choices.length > 0) {
      event.preventDefault();
      setActive((activeIndex + step + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(choices[activeIndex]);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId="folder-picker">
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={choices[activeIndex] ? optionId(choices[activeIndex]) : undefined}
        placeholder={t('picker.filter')}
        aria-label={t('picker.filter')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid="folder-picker-filter"
      />
      <ul id={listId} className="folder-picker__list" role="listbox" aria-label={title}>
        {choices.map((choice, index) => {
          const { folder, depth } = choice;
          const option = {
            id: optionId(choice),
            role: 'option',
            'aria-selected': index === activeIndex,
            className: 'folder-picker__option',
            onMouseEnter: () => setActive(index),
            onClick: () => pick(choice),
          } as const;
          if (!folder) {
            return (
              <li key="top" {...option} data-testid="pick-top">
                <span aria-hidden="true">⤒</span> {top?.label}
              </li>
            );
          }
          return [
            groups.length > 1 && folder.accountId !== choices[index - 1]?.folder?.accountId && (
              <li key={`group-${folder.accountId}`} role="presentation" className="folder-picker__group">
                {groupLabel(folder.accountId)}
              </li>
            ),
            <li key={folder.id} {...option} style={{ paddingInlineStart: `${8 + (needle ? 0 : depth * 16)}px` }} data-testid={`pick-${folder.path}`}>
              <span aria-hidden="true">{folder.role ? ROLE_ICONS[folder.role] : '📁'}</span> {folderDisplayName(folder, t)}
              {needle && folder.path !== folder.name && <span className="folder-picker__path">{folder.path}</span>}
            </li>,
          ];
        })}
        {choices.length === 0 && <li className="folder-picker__none">{t('picker.none')}</li>}
      </ul>
    </Dialog>
  );
}
