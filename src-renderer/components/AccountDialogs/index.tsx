import type { FolderView } from '../../../src-main/ipc/contract';
import type { AccountDialogState } from './account-dialog-state';
import { EditAccountDialog } from './edit-account-dialog';
import { RemoveAccountDialog } from './remove-account-dialog';

/** The account dialog the account menu asked for. */
export function AccountDialogs({ dialog, folders, onClose }: { dialog: AccountDialogState; folders: FolderView[] | null; onClose(): void }) {
  if (dialog.kind === 'edit') return <EditAccountDialog account={dialog.account} onClose={onClose} />;
  return <RemoveAccountDialog account={dialog.account} folders={folders} onClose={onClose} />;
}
