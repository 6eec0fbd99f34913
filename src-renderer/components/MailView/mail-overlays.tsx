import { useIgnoreThread } from '../IgnoredThread/use-ignore-thread';
import { MESSAGE_TAGS, type AccountView, type FolderView, type MessageSummary } from '../../../src-main/ipc/contract';
import { FilterFromMessage } from '../FilterEditor/filter-from-message';
import { RedirectDialog } from '../RedirectDialog';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { useToasts } from '../Toasts/toast-context';
import type { ToastLine } from '../Toasts/toast-line';
import { AccountDialogs } from '../AccountDialogs';
import { ContextMenu, type MenuItem } from '../ContextMenu';
import { TAG_LOOKS } from '../TagChips';
import type { Translate } from '../../i18n/translate';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { FolderMenu } from '../FolderMenu';
import { FolderDialogs } from '../FolderMenu/folder-dialogs';
import { FolderPicker } from '../FolderPicker';
import { commandEntries, type MessageCommands } from '../MessageToolbar/message-commands';
import { ShortcutHelp } from '../ShortcutHelp';
import type { ShortcutAction } from '../../shortcuts/shortcut-keys';
import { LOCAL_FOLDERS, type AccountFolders } from './use-account-folders';
import type { FolderDialogState } from '../FolderMenu/folder-dialog-state';
import type { MailOverlays } from './use-mail-overlays';
import type { MessageActions } from './use-message-actions';
import type { MessagePages } from '../MessageList/message-pages';
import { rowAccountId } from './row-account';
import { deleteForeverWords } from './delete-forever-words';

interface MailOverlaysViewProps {
  accounts: AccountView[];
  overlays: MailOverlays;
  folder: FolderView | null;
  accountFolders: FolderView[];
  /** The open list's messages, which the context menu's rows are looked up in. */
  pages: MessagePages | null;
  /** The commands on these messages (a context menu's), else on the selection. */
  commandsOn(ids?: number[]): MessageCommands;
  actions: MessageActions;
  /** Accounts whose unsubscribed folders are listed too. */
  showUnsubscribed: ReadonlySet<number>;
  onShowUnsubscribed(accountId: number, show: boolean): void;
  foldersByAccount: Map<number, AccountFolders>;
  /** The shortcuts that work in what is open, when not all do (the Outbox view). */
  workingShortcuts?: ReadonlySet<ShortcutAction>;
  openInWindow(message: MessageSummary): void;
}

/** Whatever floats over the mail view at the moment: picker, menus, dialogs, help. */
export function MailOverlaysView(props: MailOverlaysViewProps) {
  const { accounts, overlays, folder, accountFolders, pages, actions, showUnsubscribed, onShowUnsubscribed } = props;
  const ignoreThread = useIgnoreThread();
  const client = useClient();
  const { t } = useI18n();
  const toasts = useToasts();
  const showError = (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] });
  const subscribe = (target: FolderView, subscribed: boolean) =>
    client.request('folders.subscribe', { folderId: target.id, subscribed }).catch(showError);
  const importInto = async (target: FolderView) => {
    // A failure says so and nothing more (showError's toast id is no count of messages).
    const count = await client.importIntoFolder?.(target.id).catch((error: unknown) => void showError(error));
    if (!count) return;
    const lines: ToastLine[] = [{ key: 'done.imported', values: { count: count.imported, folder: target.name } }];
    if (count.skipped > 0) lines.push({ key: 'done.importSkipped', values: { count: count.skipped } });
    toasts.show({ tone: 'info', lines });
  };
  const moveAccount = (account: AccountView, delta: -1 | 1) => {
    const order = props.accounts.map((a) => a.id);
    const from = order.indexOf(account.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    return client.request('accounts.reorder', { accountIds: order }).catch(showError);
  };
  const { picker, deleteForever, messageMenu, folderMenu, folderDialog } = overlays;
  // The context menu acts on its own messages, not necessarily the selection (see MessageMenu).
  const rows = messageMenu ? messageMenu.ids.flatMap((id) => pages?.byId(id) ?? []) : [];
  // A collapsed thread's hidden replies go with it, as with the selection.
  const menuIds = messageMenu ? (pages?.withThreads(messageMenu.ids) ?? messageMenu.ids) : [];
  const commands = props.commandsOn(messageMenu?.ids);
  return (
    <>
      {picker && (
        <FolderPicker
          title={t(picker.kind === 'move' ? 'picker.move' : 'picker.copy')}
          folders={accountFolders}
          groupLabel={(accountId) => (accountId === null ? t('folders.local') : (accounts.find((account) => account.id === accountId)?.name ?? ''))}
          excludeId={picker.kind === 'move' ? (folder?.id ?? null) : null}
          onPick={(target) => (picker.kind === 'move' ? actions.moveTo(target, picker.ids) : actions.copyTo(target, picker.ids))}
          onClose={() => overlays.setPicker(null)}
        />
      )}
      {deleteForever && (
        <ConfirmDialog
          title={t('deleteForever.title')}
          text={deleteForeverWords(deleteForever, t)}
          confirmLabel={t('deleteForever.confirm')}
          onConfirm={() => actions.remove(deleteForever)}
          onClose={() => overlays.setDeleteForever(null)}
        />
      )}
      {messageMenu && (
        <ContextMenu
          at={messageMenu.at}
          label={t('actions.menu')}
          onClose={() => overlays.setMessageMenu(null)}
          items={[
            ...openEntry(rows, props.openInWindow, t),
            ...commandEntries(commands, rows)
              .filter((entry) => entry.id !== 'junk' && entry.id !== 'not-junk')
              .map((entry, index) => ({ label: t(entry.label), onSelect: entry.run, testId: `menu-${entry.id}`, danger: entry.danger, separated: index === 0 && rows.length === 1 })),
            { label: t('actions.markJunk'), onSelect: () => commands.setJunk(true), testId: 'menu-junk' },
            { label: t('actions.notJunk'), onSelect: () => commands.setJunk(false), testId: 'menu-not-junk' },
            ...tagEntries(rows, menuIds, actions, t),
            ...(rows.length === 1
              ? [
                  { label: t('thread.markRead'), onSelect: () => actions.markThreadRead(rows[0]!.id), testId: 'menu-mark-thread-read', separated: true },
                  { label: t('thread.ignore'), onSelect: () => ignoreThread.ignore(rows[0]!.id), testId: 'menu-ignore-thread' },
                ]
              : []),
            ...filterEntry(rows, folder, overlays, t),
          ]}
        />
      )}
      {folderMenu && (
        <FolderMenu
          target={folderMenu.target}
          at={folderMenu.at}
          onClose={() => overlays.setFolderMenu(null)}
          onDialog={overlays.setFolderDialog}
          onMarkRead={actions.markFolderRead}
          onRunJunk={actions.runJunkControls}
          onSubscribe={(target, subscribed) => void subscribe(target, subscribed)}
          onExport={(target) => void client.exportFolder(target.id).catch(showError)}
          onImport={client.importIntoFolder && ((target) => void importInto(target))}
          holdsFolders={folderMenu.target.folder !== null && foldersBeside(folderMenu.target.folder, props.foldersByAccount).some((each) => each.parentId === folderMenu.target.folder?.id)}
          showingUnsubscribed={folderMenu.target.account !== null && showUnsubscribed.has(folderMenu.target.account.id)}
          onShowUnsubscribed={(show) => folderMenu.target.account && onShowUnsubscribed(folderMenu.target.account.id, show)}
          onAccountDialog={folderMenu.target.account ? (kind) => folderMenu.target.account && overlays.setAccountDialog({ kind, account: folderMenu.target.account }) : undefined}
          onMoveAccount={folderMenu.target.account ? (delta) => folderMenu.target.account && void moveAccount(folderMenu.target.account, delta) : undefined}
        />
      )}
      {overlays.accountDialog && (
        <AccountDialogs
          dialog={overlays.accountDialog}
          folders={props.foldersByAccount.get(overlays.accountDialog.account.id)?.folders ?? null}
          onClose={() => overlays.setAccountDialog(null)}
        />
      )}
      {overlays.redirect && (
        <RedirectDialog message={overlays.redirect} accountId={accountOfMessage(overlays.redirect, folder, accountFolders)} accounts={accounts} onClose={() => overlays.setRedirect(null)} />
      )}
      {overlays.filterFrom && (
        <FilterFromMessage accountId={overlays.filterFrom.accountId} message={overlays.filterFrom.message} onClose={() => overlays.setFilterFrom(null)} />
      )}
      {folderDialog && (
        <FolderDialogs dialog={folderDialog} folders={dialogFolders(folderDialog, props.foldersByAccount)} onClose={() => overlays.setFolderDialog(null)} onEmpty={actions.emptyFolder} />
      )}
      {overlays.help && <ShortcutHelp onClose={() => overlays.setHelp(false)} working={props.workingShortcuts} />}
    </>
  );
}

export function accountOf(accounts: AccountView[], folder: FolderView): AccountView | undefined {
  return accounts.find((account) => account.id === folder.accountId);
}

/** Thunderbird's Open Message in New Window, first, for one message. */
function openEntry(rows: MessageSummary[], open: (message: MessageSummary) => void, t: Translate): MenuItem[] {
  if (rows.length !== 1) return [];
  const message = rows[0]!;
  return [{ label: t('messageWindow.open'), onSelect: () => open(message), testId: 'menu-open-window' }];
}

/** "Create filter from message…" for one message of an account (local folders have no filters). */
function filterEntry(rows: MessageSummary[], folder: FolderView | null, overlays: MailOverlays, t: Translate): MenuItem[] {
  if (rows.length !== 1) return [];
  const message = rows[0]!;
  const accountId = rowAccountId(folder, message);
  if (accountId === null) return [];
  return [{ label: t('msgFilter.fromMessage'), onSelect: () => overlays.setFilterFrom({ accountId, message }), testId: 'menu-create-filter', separated: true }];
}

/** The tags, each ticked when every selected message has it, then "Remove all tags": Thunderbird's Tag menu, inline. */
function tagEntries(rows: MessageSummary[], ids: number[], actions: MessageActions, t: Translate): MenuItem[] {
  const entries: MenuItem[] = MESSAGE_TAGS.map((tag, index) => {
    const all = rows.length > 0 && rows.every((row) => row.tags?.includes(tag));
    return { label: `${all ? '✓ ' : ''}${t(TAG_LOOKS[tag].label)}  (${index + 1})`, onSelect: () => actions.toggleTag(tag, ids), testId: `menu-tag-${index + 1}`, separated: index === 0 };
  });
  const any = rows.some((row) => (row.tags?.length ?? 0) > 0);
  return [...entries, { label: `${t('tag.removeAll')}  (0)`, onSelect: () => actions.removeTags(ids), testId: 'menu-untag', disabled: !any }];
}

/** The account a message is in (a unified view or search mixes them): its folder's, null for the Local Folders. */
function accountOfMessage(message: MessageSummary, folder: FolderView | null, folders: FolderView[]): number | null {
  if (folder?.id === message.folderId) return folder.accountId;
  return folders.find((candidate) => candidate.id === message.folderId)?.accountId ?? null;
}

/** The folders beside this one: its account's, or the Local Folders'. */
function foldersBeside(folder: FolderView, foldersByAccount: Map<number, AccountFolders>): FolderView[] {
  return foldersByAccount.get(folder.accountId ?? LOCAL_FOLDERS)?.folders ?? [];
}

/** The folders beside the dialog's folder, for Move To and Empty Trash. */
function dialogFolders(dialog: FolderDialogState, foldersByAccount: Map<number, AccountFolders>): FolderView[] {
  return dialog.kind === 'create' ? [] : foldersBeside(dialog.folder, foldersByAccount);
}
