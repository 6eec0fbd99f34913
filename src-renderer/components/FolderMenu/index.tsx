import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { folderDisplayName } from '../../i18n/folder-name';
import { useT } from '../../i18n/i18n-context';
import { ContextMenu, type MenuItem } from '../ContextMenu';
import { canEmpty, isProtected, type FolderDialogState } from './folder-dialog-state';

/** `account` null: the Local Folders (a local folder, or the section's heading). */
export type FolderMenuTarget = { folder: FolderView; account: AccountView | null } | { folder: null; account: AccountView | null };

interface FolderMenuProps {
  target: FolderMenuTarget;
  at: { x: number; y: number };
  onClose(): void;
  onDialog(dialog: FolderDialogState): void;
  onMarkRead(folder: FolderView): void;
  onRunJunk(folder: FolderView): void;
  onSubscribe(folder: FolderView, subscribed: boolean): void;
  onExport(folder: FolderView): void;
  /** Null where mail files cannot be chosen (the web mode). */
  onImport: ((folder: FolderView) => void) | null;
  /** Whether the folder holds other folders (Empty Trash deletes those too, so it is offered with no message left). */
  holdsFolders: boolean;
  /** Whether the account's unsubscribed folders are listed; the account's menu switches it. */
  showingUnsubscribed: boolean;
  onShowUnsubscribed(show: boolean): void;
  /** The account's menu: edit, remove, move up or down among the accounts. */
  onAccountDialog?(kind: 'edit' | 'remove'): void;
  onMoveAccount?(delta: -1 | 1): void;
}

/**
 * Right click on a folder: new subfolder, rename, move, delete, mark all read,
 * empty Trash. Special-use folders offer neither rename, move, delete nor unsubscribe. Right
 * click on an account's name offers a new top-level folder.
 */
export function FolderMenu(props: FolderMenuProps) {
  const { target, at, onClose, onDialog, onMarkRead, onRunJunk, onSubscribe, onExport, onImport, showingUnsubscribed, onShowUnsubscribed } = props;
  const t = useT();
  const { folder, account } = target;
  const items: MenuItem[] = [];
  if (!folder) {
    items.push({ label: t('folderMenu.newFolder'), testId: 'folder-menu-new', onSelect: () => onDialog({ kind: 'create', account, parent: null }) });
    if (account && hasSubscriptions(account)) {
      items.push({
        label: t(showingUnsubscribed ? 'folderMenu.hideUnsubscribed' : 'folderMenu.showUnsubscribed'),
        testId: 'folder-menu-show-unsubscribed',
        onSelect: () => onShowUnsubscribed(!showingUnsubscribed),
      });
    }
    if (account) items.push(...accountItems(props, t));
  } else {
    const name = folderDisplayName(folder, t);
    items.push({ label: t('folderMenu.newSubfolder'), testId: 'folder-menu-new', onSelect: () => onDialog({ kind: 'create', account, parent: folder }) });
    if (folder.selectable) {
      items.push({ label: t('folderMenu.markRead'), testId: 'folder-menu-mark-read', disabled: folder.unread === 0, onSelect: () => onMarkRead(folder) });
      items.push({ label: t('folderMenu.runJunk'), testId: 'folder-menu-run-junk', disabled: folder.total === 0, onSelect: () => onRunJunk(folder) });
    }
    if (folder.selectable) {
      if (onImport) items.push({ label: t('folderMenu.import'), testId: 'folder-menu-import', separated: true, onSelect: () => onImport(folder) });
      items.push({ label: t('folderMenu.export'), testId: 'folder-menu-export', separated: !onImport, onSelect: () => onExport(folder) });
    }
    if (canEmpty(folder)) {
      items.push({ label: t('folderMenu.empty', { folder: name }), testId: 'folder-menu-empty', danger: true, disabled: folder.total === 0 && !(folder.role === 'trash' && props.holdsFolders), onSelect: () => onDialog({ kind: 'empty', folder }) });
    }
    if (offersSubscription(folder, account)) {
      const label = folder.subscribed ? 'folderMenu.unsubscribe' : 'folderMenu.subscribe';
      items.push({ label: t(label), testId: 'folder-menu-subscribe', separated: true, onSelect: () => onSubscribe(folder, !folder.subscribed) });
    }
    if (!isProtected(folder)) {
      items.push({ label: t('folderMenu.rename'), testId: 'folder-menu-rename', onSelect: () => onDialog({ kind: 'rename', folder }) });
      items.push({ label: t('folderMenu.move'), testId: 'folder-menu-move', onSelect: () => onDialog({ kind: 'move', folder, account }) });
      items.push({ label: t('folderMenu.delete'), testId: 'folder-menu-delete', danger: true, onSelect: () => onDialog({ kind: 'delete', folder }) });
    }
  }
  return <ContextMenu at={at} items={items} onClose={onClose} label={t('folderMenu.label')} />;
}

/**
 * A server folder's Subscribe / Unsubscribe. Never Unsubscribe on a special-use folder: it would hide from the
 * folder pane the folder that sent or deleted mail goes to, and leave the user hunting for it; one unsubscribed
 * elsewhere (by another mail client) still offers Subscribe, the way back. The Inbox offers neither: it is
 * always shown, and many servers never list it as subscribed.
 */
function offersSubscription(folder: FolderView, account: AccountView | null): boolean {
  if (!account || !hasSubscriptions(account) || folder.accountId === null || folder.role === 'inbox' || folder.path.toUpperCase() === 'INBOX') return false;
  return !isProtected(folder) || !folder.subscribed;
}

/**
 * Subscriptions are IMAP's: a POP3 account's folders are kept on this computer only, so "Unsubscribe" would
 * just hide one of them, and "Show unsubscribed folders" would have nothing to show.
 */
function hasSubscriptions(account: AccountView): boolean {
  return account.protocol !== 'pop3';
}

/** Edit, move up and down, remove: the account's own commands, after its folder commands. */
function accountItems({ onAccountDialog, onMoveAccount }: FolderMenuProps, t: ReturnType<typeof useT>): MenuItem[] {
  if (!onAccountDialog || !onMoveAccount) return [];
  return [
    { label: t('accountMenu.edit'), testId: 'account-menu-edit', separated: true, onSelect: () => onAccountDialog('edit') },
    { label: t('accountMenu.moveUp'), testId: 'account-menu-up', onSelect: () => onMoveAccount(-1) },
    { label: t('accountMenu.moveDown'), testId: 'account-menu-down', onSelect: () => onMoveAccount(1) },
    { label: t('accountMenu.remove'), testId: 'account-menu-remove', danger: true, onSelect: () => onAccountDialog('remove') },
  ];
}
