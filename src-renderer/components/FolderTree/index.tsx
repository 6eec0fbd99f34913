import type { MouseEvent } from 'react';
import type { AccountView, FolderView, UnifiedViewCount } from '../../../src-main/ipc/contract';
import { UnifiedViews } from '../UnifiedViews';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { FolderRow } from '../FolderRow';
import type { AccountFolders } from '../MailView/use-account-folders';
import type { DraggedMessages } from '../MessageList/message-drag';
import { flattenFolders } from './folder-hierarchy';
import './folder-tree.css';

interface FolderTreeProps {
  accounts: AccountView[];
  foldersByAccount: Map<number, AccountFolders>;
  selectedFolderId: number | null;
  /** The unified views' counts; null: the views are not shown (one account). */
  viewCounts?: UnifiedViewCount[] | null;
  onSelect(folder: FolderView): void;
  onFolderMenu(folder: FolderView, at: { x: number; y: number }): void;
  onAccountMenu(account: AccountView, at: { x: number; y: number }): void;
  onDropMessages(folder: FolderView, dragged: DraggedMessages, copy: boolean): void;
}

const pointer = (event: MouseEvent) => {
  event.preventDefault();
  return { x: event.clientX, y: event.clientY };
};

/** Accounts, each with its folders as a tree. */
export function FolderTree(props: FolderTreeProps) {
  const { accounts, foldersByAccount, selectedFolderId, onSelect, onFolderMenu, onAccountMenu, onDropMessages } = props;
  const t = useT();
  return (
    <nav className="folder-tree" aria-label={t('folders.heading')} data-testid="folder-tree">
      {props.viewCounts && <UnifiedViews counts={props.viewCounts} selectedFolderId={selectedFolderId} onSelect={onSelect} />}
      {accounts.map((account) => {
        const entry = foldersByAccount.get(account.id);
        return (
          <section key={account.id} className="folder-tree__account">
            <h2
              className="folder-tree__account-name"
              title={account.email}
              onContextMenu={(event) => onAccountMenu(account, pointer(event))}
              data-testid="account-heading"
            >
              <span className="account-mark" style={{ background: account.colour }} aria-hidden="true" />
              {account.name}
            </h2>
            {entry?.error && <ErrorNotice error={entry.error} />}
            {!entry?.folders && !entry?.error && <p className="folder-tree__loading">{t('folders.loading')}</p>}
            <ul className="folder-tree__folders">
              {flattenFolders(entry?.folders ?? []).map(({ folder, depth }) => (
                <FolderRow
                  key={folder.id}
                  folder={folder}
                  depth={depth}
                  selected={folder.id === selectedFolderId}
                  onSelect={onSelect}
                  onMenu={(target, event) => onFolderMenu(target, pointer(event))}
                  onDropMessages={onDropMessages}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
