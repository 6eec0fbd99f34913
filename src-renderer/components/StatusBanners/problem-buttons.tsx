import { useState, type ReactNode } from 'react';
import type { AccountView } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import type { StringKey } from '../../i18n/en';
import type { AccountDialogState } from '../AccountDialogs/account-dialog-state';
import { ErrorNotice } from '../ErrorNotice';
import { problemActions, type ProblemAction } from './account-problem';

const LABELS: Record<ProblemAction, StringKey> = {
  password: 'status.enterPassword',
  signIn: 'status.signInAgain',
  edit: 'accountMenu.edit',
  retry: 'app.retry',
};

interface ProblemButtonsProps {
  account: AccountView;
  error: ErrorShape | null;
  onAccountDialog(dialog: AccountDialogState): void;
  /** A button of the banner's own before the mending ones (a changed certificate's Details), in the same row. */
  first?: ReactNode;
}

/**
 * Mends the problem where it is told: a refused login asks for the password at once (the edit dialog, its
 * password field focused, which tests it with a login before saving), other problems open the account's
 * settings or try again now.
 */
export function ProblemButtons({ account, error, onAccountDialog, first }: ProblemButtonsProps) {
  const client = useClient();
  const t = useT();
  const [retrying, setRetrying] = useState(false);
  const [failure, setFailure] = useState<ErrorShape | null>(null);
  const retry = () => {
    setRetrying(true);
    setFailure(null);
    client.request('sync.start', { accountId: account.id }).then(
      () => setRetrying(false),
      (reason: unknown) => {
        setRetrying(false);
        setFailure(toErrorShape(reason));
      },
    );
  };
  const run: Record<ProblemAction, () => void> = {
    password: () => onAccountDialog({ kind: 'edit', account, focus: 'password' }),
    signIn: () => onAccountDialog({ kind: 'edit', account }),
    edit: () => onAccountDialog({ kind: 'edit', account }),
    retry,
  };
  return (
    <>
      <span className="status-banner__actions">
        {first}
        {problemActions(account, error).map((action) => (
          <button key={action} type="button" onClick={run[action]} disabled={action === 'retry' && retrying} data-testid={`account-problem-${action}`}>
            {t(LABELS[action])}
          </button>
        ))}
      </span>
      {failure && <ErrorNotice error={failure} context="background" />}
    </>
  );
}
