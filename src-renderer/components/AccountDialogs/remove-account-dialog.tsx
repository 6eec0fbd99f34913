import type { AccountView, FolderView } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useI18n } from '../../i18n/i18n-context';
import { ConfirmDialog } from '../Dialog/confirm-dialog';
import { useToasts } from '../Toasts/toast-context';

interface RemoveAccountDialogProps {
  account: AccountView;
  /** The account's folders as listed, for the counts the question names. */
  folders: FolderView[] | null;
  onClose(): void;
}

/** Says exactly what goes (this computer's copy) and what does not (the server's mail, local folders). */
export function RemoveAccountDialog({ account, folders, onClose }: RemoveAccountDialogProps) {
  const client = useClient();
  const { t } = useI18n();
  const toasts = useToasts();
  const messages = (folders ?? []).reduce((sum, folder) => sum + folder.total, 0);
  const remove = () =>
    client.request('accounts.remove', { accountId: account.id }).then(
      () => toasts.show({ tone: 'info', lines: [{ key: 'accountDialog.removed', values: { account: account.name } }] }),
      (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] }),
    );
  return (
    <ConfirmDialog
      title={t('accountDialog.removeTitle', { account: account.name })}
      text={t('accountDialog.removeText', { email: account.email, folders: folders?.length ?? 0, count: messages })}
      confirmLabel={t('accountDialog.remove')}
      onConfirm={() => void remove()}
      onClose={onClose}
    />
  );
}
