import { useEffect, useState } from 'react';
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

/**
 * Says exactly what goes (this computer's copy) and what does not: the server's mail, local folders, and
 * what exists nowhere else, which the core keeps in Local Folders (a POP3 account's mail, unsent messages).
 */
export function RemoveAccountDialog({ account, folders, onClose }: RemoveAccountDialogProps) {
  const client = useClient();
  const { t, sentences } = useI18n();
  const toasts = useToasts();
  const unsent = useUnsentCount(account.id);
  const messages = (folders ?? []).reduce((sum, folder) => sum + folder.total, 0);
  const remove = () =>
    client.request('accounts.remove', { accountId: account.id }).then(
      ({ kept }) =>
        toasts.show({
          tone: 'info',
          lines: [kept ? { key: 'accountDialog.removedKept', values: { account: account.name, folder: kept.folder } } : { key: 'accountDialog.removed', values: { account: account.name } }],
        }),
      (error: unknown) => toasts.show({ tone: 'error', lines: [{ error: toErrorShape(error), context: 'background' }] }),
    );
  // POP3 mail may be gone from the server: "add the account again to get it back" would not be true.
  const copy = account.protocol === 'pop3'
    ? t('accountDialog.removeTextPop3', { email: account.email, count: messages })
    : t('accountDialog.removeText', { email: account.email, folders: folders?.length ?? 0, count: messages });
  return (
    <ConfirmDialog
      title={t('accountDialog.removeTitle', { account: account.name })}
      text={sentences([copy, ...(unsent ? [t('accountDialog.removeUnsent', { count: unsent, email: account.email })] : [])])}
      confirmLabel={t('accountDialog.remove')}
      onConfirm={() => void remove()}
      onClose={onClose}
    />
  );
}

/** How many of the account's messages wait in the Outbox, not sent (0 until known, or if it cannot be read). */
function useUnsentCount(accountId: number): number {
  const client = useClient();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    client.request('outbox.list', { accountId }).then(
      (entries) => live && setCount(entries.filter((entry) => entry.state !== 'sent').length),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, accountId]);
  return count;
}
