import { useRef, type MouseEvent, type ReactNode } from 'react';
import type { AccountView, FolderView, UnifiedViewCount } from '../../../src-main/ipc/contract';
import { UnifiedViews } from '../UnifiedViews';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { FolderRow } from '../FolderRow';
import { QuotaMeter } from '../QuotaMeter';
import { LOCAL_FOLDERS, type AccountFolders } from '../MailView/use-account-folders';
import type { DraggedMessages } from '../MessageList/message-drag';
import { canMoveFolder, canMoveInto } from '../FolderMenu/folder-move-targets';
import { useTopLevelDrop } from './use-top-level-drop';
import { flattenFolders } from './folder-hierarchy';
import { onFolderPaneKey } from './folder-pane-keys';
import { useOneTabStop } from './use-one-tab-stop';
import { useCollapsedFolders } from './use-collapsed-folders';
import type { AccountStatus } from '../MailView/use-account-activity';
import { AccountProblemMark } from './account-problem-mark';
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
  /** A folder dragged onto another of its account's (or to its account's heading: `into` null, the top level). */
  onDropFolder(folder: FolderView, into: FolderView | null): void;
  /** The Outbox's entry, at the top (it is there only while the outbox holds something). */
  outbox?: ReactNode;
  /** The saved searches, under the unified views. */
  savedSearches?: ReactNode;
  /** Each account's state: a failing one has a warning mark by its name. */
  statuses?: Map<number, AccountStatus>;
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
        <FolderSection key={account.id} {...props} foldKey={account.id} accountId={account.id} title={account.name} hint={account.email} colour={account.colour} entry={foldersByAccount.get(account.id)}
          onHeadingMenu={(at) => onAccountMenu(account, at)} testId={`account-${account.id}`} headingTestId="account-heading"
          mark={<AccountProblemMark account={account} status={props.statuses?.get(account.id)} />}
          footer={account.quota && <QuotaMeter quota={account.quota} />} />
      ))}
      <FolderSection {...props} foldKey={LOCAL_FOLD_KEY} accountId={null} title={t('folders.local')} hint={t('folders.local')} entry={foldersByAccount.get(LOCAL_FOLDERS)}
        onHeadingMenu={(at) => onAccountMenu(null, at)} testId="local-folders" />
    </nav>
  );
}

/** The Local Folders' place among the folded accounts (app.accountsCollapsed): no account has id 0. */
const LOCAL_FOLD_KEY = 0;

interface FolderSectionProps extends FolderTreeProps {
  /** The account's id, or LOCAL_FOLD_KEY: what folding it remembers. */
  foldKey: number;
  /** Whose folders: an account's, or null for the Local Folders. */
  accountId: number | null;
  title: string;
  hint: string;
  /** The account's mark; none for Local Folders. */
  colour?: string;
  entry: AccountFolders | undefined;
  headingTestId?: string;
  /** Under the folders: the account's quota. */
  footer?: ReactNode;
  /** After the name: the account's problem, if it has one. */
  mark?: ReactNode;
  onHeadingMenu(at: { x: number; y: number }): void;
  testId: string;
}

function FolderSection(props: FolderSectionProps) {
  const { foldKey, title, hint, colour, entry, onHeadingMenu, testId, headingTestId, mark } = props;
  const t = useT();
  const { collapsed, toggle } = useCollapsedFolders();
  const accounts = useCollapsedFolders('accountsCollapsed');
  const folded = accounts.collapsed.has(foldKey);
  // Folded, the heading counts what is unread in all of it, as Thunderbird's account row does.
  const unread = folded ? (entry?.folders ?? []).reduce((sum, folder) => sum + folder.unread, 0) : 0;
  const topDrop = useTopLevelDrop(props.accountId, props.onDropFolder);
  return (
    <section className="folder-tree__account" data-testid={testId}>
      {/* A row of the tree, reached by the arrow keys (Left from a top folder), so the context-menu key or Shift+F10 opens the account's menu. */}
      <h2 className={`folder-tree__account-name${topDrop.over ? ' folder-tree__account-name--drop' : ''}`} data-depth={-1} title={hint} tabIndex={-1} aria-haspopup="menu"
        onContextMenu={(event) => onHeadingMenu(pointer(event))} data-testid={headingTestId} {...topDrop.handlers}>
        <button type="button" className="folder-row__twisty folder-tree__account-twisty" aria-expanded={!folded}
          aria-label={t(folded ? 'folders.expand' : 'folders.collapse', { name: title })} title={t(folded ? 'folders.expand' : 'folders.collapse', { name: title })}
          onClick={() => accounts.toggle(foldKey)} data-testid="account-twisty" />
        {colour && <span className="account-mark" style={{ background: colour }} aria-hidden="true" />}
        <span className="folder-tree__account-title">{title}</span>
        {mark}
        {unread > 0 && <span className="folder-row__unread" title={t('folders.unreadBelow', { count: unread })}>{unread}</span>}
      </h2>
      {!folded && <FolderSectionBody {...props} collapsed={collapsed} toggle={toggle} />}
    </section>
  );
}

/** An unfolded section: its folders as a tree (each folder's own twisty), then what comes under them (the quota). */
function FolderSectionBody({ entry, footer, selectedFolderId, onSelect, onFolderMenu, onDropMessages, onDropFolder, collapsed, toggle }: FolderSectionProps & ReturnType<typeof useCollapsedFolders>) {
  const t = useT();
  const folders = entry?.folders ?? [];
  return (
    <>
      {entry?.error && <ErrorNotice error={entry.error} />}
      {!entry?.folders && !entry?.error && <p className="folder-tree__loading">{t('folders.loading')}</p>}
      <ul className="folder-tree__folders">
        {flattenFolders(folders, collapsed).map(({ folder, depth, hasChildren, collapsed: folded, unreadBelow }) => (
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
            folderDrag={{
              draggable: canMoveFolder(folder),
              accepts: (dragged) => canMoveInto(dragged, folder, folders),
              onDrop: (dragged) => onDropFolder(dragged, folder),
            }}
          />
        ))}
      </ul>
      {footer}
    </>
  );
}
