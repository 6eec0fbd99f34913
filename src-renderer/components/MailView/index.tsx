import { nextUnreadFolder } from './next-unread-folder';
import { useFolderAdvance } from './use-folder-advance';
import { useRef, useState } from 'react';
import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { useViewCounts } from '../UnifiedViews/use-view-counts';
import { useClientEvent } from '../../hooks/use-client-event';
import { usePaneLayout } from '../PaneDividers';
import { SettingsScreen } from '../Settings';
import type { ShortcutAction } from '../../shortcuts/shortcut-keys';
import { useShortcuts } from '../../shortcuts/use-shortcuts';
import { FolderTree } from '../FolderTree';
import { useFolderMove } from '../FolderMenu/use-folder-move';
import type { DraggedMessages } from '../MessageList/message-drag';
import { MessageList } from '../MessageList';
import { gathersFolders, isTemplatesFolder, rowFolderRole } from '../MessageList/row-folder-role';
import { SearchBox } from '../Search';
import { useFocusResults } from './use-focus-results';
import { MessageToolbar } from '../MessageToolbar';
import { ReadingPane } from '../ReadingPane';
import { StatusBanners } from '../StatusBanners';
import { WorkOfflineBanner } from '../WorkOffline';
import { SyncProgress } from '../SyncProgress';
import { ToastList } from '../Toasts';
import { ToastProvider } from '../Toasts/toast-context';
import { ComposeProvider, useCompose } from '../Composer/compose-context';
import { Toolbar } from '../Toolbar';
import { accountOf, MailOverlaysView } from './mail-overlays';
import { useAccountActivity, type AccountStatus } from './use-account-activity';
import { useAccountFolders } from './use-account-folders';
import { useMailCommands } from './use-mail-commands';
import { useMailOverlays } from './use-mail-overlays';
import { inboxFor, useMailSelection } from './use-mail-selection';
import { useUnreadTitle } from './use-unread-title';
import { useNewMailNotifications } from '../../notifications/use-new-mail-notifications';
import { useQuotaAlerts } from '../../notifications/use-quota-alerts';
import { useMessageActions } from './use-message-actions';
import { useFiltersTurnedOff } from './use-filters-turned-off';
import { useOperationFailures } from './use-operation-failures';
import { OutboxView } from '../Outbox';
import { OutboxFolderRow } from '../Outbox/outbox-folder-row';
import { useOutbox } from '../Outbox/use-outbox';
import { useSettings } from '../../settings/settings-context';
import { menuCommandAction } from './menu-commands';
import { AddressBook } from '../AddressBook';
import { SavedSearchList } from '../SavedSearches';
import { useSavedSearches } from '../SavedSearches/use-saved-searches';
import { useOpenMessageWindow } from './use-open-message-window';
import { rowAccountId } from './row-account';
import { useSelectionPastIgnored } from './use-selection-past-ignored';
import './mail-view.css';

/** While the outbox is open the message commands would act on a list out of sight: only these keys work. */
const OUTBOX_SHORTCUTS: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>(['undo', 'help', 'compose', 'addressBook']);

/** The main window: folders, the open folder's messages, the open message. */
export function MailView({ accounts }: { accounts: AccountView[] }) {
  return (
    <ToastProvider>
      <ComposeProvider accounts={accounts}>
        <MailWindow accounts={accounts} />
      </ComposeProvider>
      <ToastList />
    </ToastProvider>
  );
}

function MailWindow({ accounts }: { accounts: AccountView[] }) {
  const [showUnsubscribed, setShowUnsubscribed] = useState<ReadonlySet<number>>(new Set());
  const foldersByAccount = useAccountFolders(accounts, showUnsubscribed);
  // The unified views appear once there is more than one account to unify.
  const viewCounts = useViewCounts(accounts.length > 1);
  const savedSearches = useSavedSearches();
  const savedNameOf = (text: string) => savedSearches.searches.find((search) => search.query === text)?.name;
  const { folder, query, setQuery, searchBoxKey, accountFolders, pages, messages: selection, selectFolder, filter, setFilter } = useMailSelection(accounts, foldersByAccount, viewCounts, savedNameOf);
  const searchInput = useRef<HTMLInputElement>(null);
  const results = useFocusResults(pages, selection);
  const activity = useAccountActivity(accounts);
  useUnreadTitle(foldersByAccount);
  useNewMailNotifications();
  useQuotaAlerts(accounts);
  const overlays = useMailOverlays();
  const actions = useMessageActions(folder, pages, selection);
  const folderMove = useFolderMove();
  const { compose } = useCompose();
  const focusSearch = () => searchInput.current?.focus();
  const [addressBookOpen, setAddressBookOpen] = useState(false);
  // Ctrl+F (Find in This Message): counted, so the open message's find bar opens, or takes the focus again.
  const [findAsked, setFindAsked] = useState(0);
  const advance = useFolderAdvance(folder, pages, selection, selectFolder);
  const openInWindow = useOpenMessageWindow(folder);
  const { settings, update: updateSettings } = useSettings();
  const { commands, commandsOn, writing, editIfDraft, runShortcut: runMailShortcut } = useMailCommands({
    folder, pages, selection, actions, overlays, compose, focusSearch, openAddressBook: () => setAddressBookOpen(true),
    openFind: () => setFindAsked((asked) => asked + 1), advance, nextFolder: () => nextUnreadFolder(folder, accounts, foldersByAccount),
    messagePaneShown: settings.app.messagePane,
    openInWindow,
    toggleMessagePane: () => void updateSettings({ app: { messagePane: !settings.app.messagePane } }),
  });
  const outbox = useOutbox();
  const [outboxOpen, setOutboxOpen] = useState(false);
  const runShortcut = (action: ShortcutAction, key?: string) => (outboxOpen && !OUTBOX_SHORTCUTS.has(action) ? false : runMailShortcut(action, key));
  useShortcuts(runShortcut);
  useOperationFailures();
  const [settingsOpen, setSettingsOpen] = useState(false);
  useFiltersTurnedOff(() => setSettingsOpen(true));
  const panes = usePaneLayout();
  useSelectionPastIgnored(pages, selection, !settings.app.showIgnoredThreads && !gathersFolders(folder));
  // The native menu's commands (Electron): the same actions as the shortcuts, plus the settings screen.
  useClientEvent('app.command', ({ command }) => {
    const action = menuCommandAction(command, document.activeElement);
    if (action === 'settings') setSettingsOpen(true);
    else if (action === 'threads') void updateSettings({ app: { listThreads: !settings.app.listThreads } });
    else if (action === 'ignoredThreads') void updateSettings({ app: { showIgnoredThreads: !settings.app.showIgnoredThreads } });
    else if (action === 'markThreadRead') {
      if (selection.single) actions.markThreadRead(selection.single.id);
    }
    else if (action === 'bodyAs') void updateSettings({ app: { bodyAs: settings.app.bodyAs === 'plain' ? 'html' : 'plain' } });
    else if (action === 'inbox') {
      const inbox = inboxFor(folder?.accountId, accounts, foldersByAccount);
      if (inbox) selectFolder(inbox);
    } else if (action === 'redirect') writing.redirect();
    else if (action) runShortcut(action);
  });

  // Into any folder: of the same account, of another one, or a local folder (the core moves across stores).
  const onDropMessages = (target: FolderView, dragged: DraggedMessages, copy: boolean) => {
    if (dragged.messageIds.length === 0) return;
    if (copy) actions.copyTo(target, dragged.messageIds);
    else actions.moveTo(target, dragged.messageIds);
  };
  // As in Thunderbird, the menu acts on the row right-clicked (on the selection when the row is in it) without selecting
  // or opening it: a message opened by a right click would be marked read, and the one being read lost.
  const onRowMenu = (index: number, at: { x: number; y: number }) => {
    const row = pages?.rowAt(index);
    if (!row) return;
    overlays.setMessageMenu({ at, ids: selection.ids.has(row.id) ? [...selection.ids] : [row.id] });
  };

  return (
    <div className="mail-view" data-testid="mail-view">
      <Toolbar onOpenSettings={() => setSettingsOpen(true)} onOpenAddressBook={() => setAddressBookOpen(true)} />
      <WorkOfflineBanner />
      <StatusBanners accounts={accounts} statuses={activity.statuses} onAccountDialog={overlays.setAccountDialog} />
      <SyncProgress accounts={accounts} progress={activity.progress} folders={foldersByAccount} />
      <div className={`mail-view__panes mail-view__panes--${panes.arrangement}`} style={panes.style} data-testid="mail-panes" data-arrangement={panes.arrangement}>
        {!outboxOpen && panes.dividers}
        <FolderTree
          accounts={accounts}
          foldersByAccount={foldersByAccount}
          selectedFolderId={outboxOpen ? null : (folder?.id ?? null)}
          viewCounts={viewCounts}
          statuses={activity.statuses}
          outbox={<OutboxFolderRow entries={outbox} selected={outboxOpen} onSelect={() => setOutboxOpen(true)} />}
          savedSearches={
            <SavedSearchList searches={savedSearches.searches} unread={savedSearches.unread} activeQuery={outboxOpen ? '' : query} onMenu={savedSearches.openMenu}
              onOpen={(search) => {
                setOutboxOpen(false);
                setQuery(search.query);
              }} />
          }
          onSelect={(next) => {
            setOutboxOpen(false);
            selectFolder(next);
          }}
          onFolderMenu={(target, at) => {
            const account = accountOf(accounts, target) ?? null;
            if (account || target.accountId === null) overlays.setFolderMenu({ target: { folder: target, account }, at });
          }}
          onAccountMenu={(account, at) => overlays.setFolderMenu({ target: { folder: null, account }, at })}
          onDropMessages={onDropMessages}
          onDropFolder={(dragged, into) => folderMove.move(dragged, into, accountOf(accounts, dragged) ?? null)}
        />
        {/* In the outbox, no message is selected: only Write works (the list's selection stays for its return). */}
        <MessageToolbar commands={commands} count={outboxOpen ? 0 : selection.count} rows={outboxOpen ? [] : selection.selectedRows()}
          onShowShortcuts={() => overlays.setHelp(true)}
          writing={writing}
          inDrafts={!outboxOpen && folder !== null && rowFolderRole(folder, selection.single) === 'drafts'}
          inJunk={!outboxOpen && folder !== null && rowFolderRole(folder, selection.single) === 'junk'}
          inTemplates={!outboxOpen && isTemplatesFolder(folder)}
        />
        {outboxOpen ? (
          <OutboxView entries={outbox} />
        ) : (
          <>
            <MessageList folder={folder} pages={pages} selection={selection} onRowMenu={onRowMenu} accounts={accounts}
              menuTarget={overlays.messageMenu?.ids}
              // A double click, as in Thunderbird: a draft goes on being written, any other message opens in a window of its own.
              onRowOpen={(index) => {
                const message = pages?.rowAt(index);
                if (message && !editIfDraft(message)) openInWindow(message);
              }}
              offlineAccount={offlineAccountOf(folder, accounts, activity.statuses)}
              filter={filter}
              onFilter={setFilter}
              listRef={results.list}
              top={<SearchBox key={searchBoxKey} ref={searchInput} query={query} onQuery={setQuery} onSave={savedNameOf(query) === undefined ? savedSearches.save : undefined}
                onToResults={results.focusResults} />}
            />
            {panes.arrangement !== 'listOnly' && (
              <ReadingPane
                message={selection.single}
                selectedCount={selection.count}
                findAsked={findAsked}
                onGone={selection.forget}
                accountId={selection.single ? rowAccountId(folder, selection.single) : (folder?.accountId ?? null)}
              />
            )}
          </>
        )}
      </div>
      {settingsOpen && <SettingsScreen accounts={accounts} onClose={() => setSettingsOpen(false)} onAccountDialog={overlays.setAccountDialog} />}
      {addressBookOpen && <AddressBook onClose={() => setAddressBookOpen(false)} />}
      {savedSearches.overlay}
      <MailOverlaysView
        accounts={accounts}
        overlays={overlays}
        folder={folder}
        accountFolders={accountFolders}
        pages={pages}
        commandsOn={commandsOn}
        actions={actions}
        showUnsubscribed={showUnsubscribed}
        foldersByAccount={foldersByAccount}
        workingShortcuts={outboxOpen ? OUTBOX_SHORTCUTS : undefined}
        openInWindow={openInWindow}
        onShowUnsubscribed={(accountId, show) =>
          setShowUnsubscribed((current) => {
            const next = new Set(current);
            if (show) next.add(accountId);
            else next.delete(accountId);
            return next;
          })
        }
      />
    </div>
  );
}

/** The name of the open folder's account while it is offline (a view or search gathers accounts: none). */
function offlineAccountOf(folder: FolderView | null, accounts: AccountView[], statuses: Map<number, AccountStatus>): string | undefined {
  const account = folder ? accountOf(accounts, folder) : undefined;
  return account && statuses.get(account.id)?.state === 'offline' ? account.name : undefined;
}
