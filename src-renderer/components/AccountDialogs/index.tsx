import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { useRequest } from '../../hooks/use-request';
import type { AccountDialogState } from './account-dialog-state';
import { EditAccountDialog } from './edit-account-dialog';
import { RemoveAccountDialog } from './remove-account-dialog';

/** The account dialog the account menu asked for. */
export function AccountDialogs({ dialog, folders, onClose }: { dialog: AccountDialogState; folders: FolderView[] | null; onClose(): void }) {
  if (dialog.kind === 'edit') return <EditCurrentAccount account={dialog.account} focusPassword={dialog.focus === 'password'} onClose={onClose} />;
  return <RemoveAccountDialog account={dialog.account} folders={folders} onClose={onClose} />;
}

/**
 * The edit dialog starts from the account as the core has it now, not as the menu saw it: right after a
 * save, the window's account list may not have reloaded yet, and the form would show the old settings
 * (and save them back). Until the answer comes (a local read) nothing shows; if it fails, the menu's copy.
 */
function EditCurrentAccount({ account, focusPassword, onClose }: { account: AccountView; focusPassword: boolean; onClose(): void }) {
  const accounts = useRequest('accounts.list', {});
  if (accounts.data === null && accounts.error === null) return null;
  const current = accounts.data?.find((candidate) => candidate.id === account.id) ?? account;
  return <EditAccountDialog account={current} focusPassword={focusPassword} onClose={onClose} />;
}
