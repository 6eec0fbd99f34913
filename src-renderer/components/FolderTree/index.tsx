import { useRef, type MouseEvent, type ReactNode } from 'react';
import type { AccountView, FolderView, UnifiedViewCount } from '../../../src-main/ipc/contract';
import { UnifiedViews } from '../UnifiedViews';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { FolderRow } from '../FolderRow';
import { QuotaMeter } from '../QuotaMeter';
import { LOCAL_FOLDERS, type AccountFolders } from '../MailView/use-account-folders';
import type { DraggedMessages } from '../MessageList/message-drag';
import { flattenFolders } from './folder-hierarchy';
import { onFolderPaneKey } from './folder-pane-keys';
import { useOneTabStop } from './use-one-tab-stop';
import { useCollapsedFolders } from './use-collapsed-folders';
import './folder-tree.css';

interface FolderTreeProps {
  accounts: AccountView[];
  foldersByAccount: Map<number, AccountFolders>;
  selectedFolderId: number | null;
  /** The unified views' counts; null: the views are not shown (one account). */
  viewCounts?: UnifiedViewCount[] | null;
  onSelect(folder: FolderView): void;
  onFolderMenu(folder: FolderView, at: { x: number; y: number }): void;
  /** Right click on an account's name, or on "Local Folders" (null). */
  onAccountMenu(account: AccountView | null, at: { x: number; y: number }): void;
  onDropMessages(folder: FolderView, dragged: DraggedMessages, copy: boolean): void;
  /** The Outbox's entry, at the top (it is there only while the outbox holds something). */
  outbox?: ReactNode;
  /** The saved searches, under the unified views. */
  savedSearches?: ReactNode;
}

const pointer = (event: MouseEvent) => {
  event.preventDefault();
  return { x: event.clientX, y: event.clientY };
};

/** Accounts, each with its folders as a tree, then the Local Folders every account shares. */
export function FolderTree(props: FolderTreeProps) {
  const { accounts, foldersByAccount, onAccountMenu } = props;
  const t = useT();
  const pane = useRef<HTMLElement>(null);
  useOneTabStop(pane);
  return (
    <nav ref={pane} className="folder-tree" aria-label={t('folders.heading')} data-testid="folder-tree" onKeyDown={onFolderPaneKey}>
      {props.outbox}
      {props.viewCounts && <UnifiedViews counts={props.viewCounts} selectedFolderId={props.selectedFolderId} onSelect={props.onSelect} />}
      {props.savedSearches}
      {accounts.map((account) => (
        <FolderSection key={account.id} {...props} title={account.name} hint={account.email} colour={account.colour} entry={foldersByAccount.get(account.id)}
          onHeadingMenu={(at) => onAccountMenu(account, at)} testId={`account-${account.id}`} headingTestId="account-heading"
          footer={account.quota && <QuotaMeter quota={account.quota} />} />
      ))}
      <FolderSection {...props} title={t('folders.local')} hint={t('folders.local')} entry={foldersByAccount.get(LOCAL_FOLDERS)}
        onHeadingMenu={(at) => onAccountMenu(null, at)} testId="local-folders" />
    </nav>
  );
}

interface FolderSectionProps extends FolderTreeProps {
  title: string;
  hint: string;
  /** The account's mark; none for Local Folders. */
  colour?: string;
  entry: AccountFolders | undefined;
  headingTestId?: string;
  /** Under the folders: the account's quota. */
  footer?: ReactNode;
  onHeadingMenu(at: { x: number; y: number }): void;
  testId: string;
}

function FolderSection({ title, hint, colour, entry, footer, onHeadingMenu, testId, headingTestId, selectedFolderId, onSelect, onFolderMenu, onDropMessages }: FolderSectionProps) {
  const t = useT();
  const { collapsed, toggle } = useCollapsedFolders();
  return (
    <section className="folder-tree__account" data-testid={testId}>
      {/* A row of the tree, reached by the arrow keys (Left from a top folder), so the context-menu key or Shift+F10 opens the account's menu. */}
      <h2 className="folder-tree__account-name" data-depth={-1} title={hint} tabIndex={-1} aria-haspopup="menu" onContextMenu={(event) => onHeadingMenu(pointer(event))} data-testid={headingTestId}>
        {colour && <span className="account-mark" style={{ background: colour }} aria-hidden="true" />}
        {title}
      </h2>
      {entry?.error && <ErrorNotice error={entry.error} />}
      {!entry?.folders && !entry?.error && <p className="folder-tree__loading">{t('folders.loading')}</p>}
      <ul className="folder-tree__folders">
        {flattenFolders(entry?.folders ?? [], collapsed).map(({ folder, depth, hasChildren, collapsed: folded, unreadBelow }) => (
          <FolderRow
            key={folder.id}
            folder={folder}
            depth={depth}
            twisty={hasChildren ? { collapsed: folded, onToggle: () => toggle(folder.id) } : undefined}
            unreadBelow={unreadBelow}
            selected={folder.id === selectedFolderId}
            onSelect={onSelect}
            onMenu={(target, event) => onFolderMenu(target, pointer(event))}
            onDropMessages={onDropMessages}
          />
        ))}
      </ul>
      {footer}
    </section>
  );
}
